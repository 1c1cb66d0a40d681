"""The sample agency: a new or empty workspace filled; one with an agency refused, kept or
replaced (the old file kept beside it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs360desk.domain.errors import ValidationError, WorkspaceError
from cs360desk.operations.sample import (
    AgencyPresentError,
    SampleOutcome,
    add_sample_agency,
    create_sample_workspace,
)
from cs360desk.operations.workspaces import existing_workspace, open_workspace, record_counts
from cs360desk.services.catalog import AGENCY
from tests.tracker_support import TODAY
from tests.workspace_support import transaction_in

AGENCY_NAME = "Ríoverde Police Department"


def counts(path: Path) -> dict[str, int]:
    with existing_workspace(path) as workspace:
        return record_counts(workspace=workspace)


def with_agency(path: Path) -> Path:
    with transaction_in(path) as session:
        AGENCY.create(session, name=AGENCY_NAME)
    return path


def agency_names(path: Path) -> list[str]:
    with existing_workspace(path) as workspace, workspace.session_factory.begin() as session:
        return [agency.name for agency in AGENCY.list(session)]


def test_a_new_workspace_gets_the_sample_with_progress(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "demo.cs360"
    seen: list[int] = []
    made = create_sample_workspace(
        path=path, size="small", seed=1, today=TODAY,
        progress=lambda percent, _message: seen.append(percent),
    )  # fmt: skip
    assert (made.path, made.outcome, made.kept) == (path, SampleOutcome.WRITTEN, None)
    found = counts(path)
    assert found["agency"] == 1 and 300 <= found["action item"] <= 600
    assert seen and seen == sorted(seen)


def test_an_empty_workspace_is_filled_in_place(tmp_path: Path) -> None:
    path = tmp_path / "empty.cs360"
    open_workspace(path).close()
    made = create_sample_workspace(path=path, size="small", seed=1, today=TODAY)
    assert made.outcome is SampleOutcome.WRITTEN and counts(path)["agency"] == 1
    assert [p.name for p in tmp_path.iterdir() if ".replaced-" in p.name] == []


def test_a_workspace_with_an_agency_is_refused_without_force(tmp_path: Path) -> None:
    path = with_agency(tmp_path / "w.cs360")
    before = path.read_bytes()
    with pytest.raises(AgencyPresentError, match="already holds an agency") as raised:
        create_sample_workspace(path=path, size="small", seed=1, today=TODAY)
    assert raised.value.path == path
    assert path.read_bytes() == before and agency_names(path) == [AGENCY_NAME]


def test_keep_existing_leaves_it_as_it_is(tmp_path: Path) -> None:
    path = with_agency(tmp_path / "w.cs360")
    made = create_sample_workspace(path=path, size="small", seed=1, today=TODAY, keep_existing=True)
    assert made.outcome is SampleOutcome.LEFT_AS_IS and made.kept is None
    assert agency_names(path) == [AGENCY_NAME] and counts(path)["action item"] == 0


def test_force_replaces_it_and_keeps_the_old_file_beside(tmp_path: Path) -> None:
    path = with_agency(tmp_path / "w.cs360")
    made = create_sample_workspace(
        path=path, size="small", seed=1, today=TODAY, force=True, keep_existing=True
    )
    assert made.outcome is SampleOutcome.REPLACED and made.kept is not None
    assert made.kept.parent == tmp_path and made.kept.name.startswith("w.cs360.replaced-")
    assert agency_names(made.kept) == [AGENCY_NAME]
    assert counts(path)["action item"] > 100
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".cs360-demo-")]


def test_a_file_that_is_not_a_workspace_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.cs360"
    path.write_text("shopping list", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="not a CS360 Desk workspace"):
        create_sample_workspace(path=path, size="small", seed=1, today=TODAY, force=True)
    assert path.read_text(encoding="utf-8") == "shopping list"


def test_the_sample_goes_only_into_an_empty_transaction(tmp_path: Path) -> None:
    path = with_agency(tmp_path / "w.cs360")
    for wanted, problem in (("small", "already has an agency"), ("huge", "unknown sample size")):
        with (
            existing_workspace(path) as workspace,
            pytest.raises(ValidationError, match=problem),
            workspace.session_factory.begin() as session,
        ):
            add_sample_agency(session, size=wanted, today=TODAY)  # type: ignore[arg-type]
    assert agency_names(path) == [AGENCY_NAME]
