"""A full disk while a tracker import is applied: one clear error, nothing half-imported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cs360desk.db.sqlite_errors import DISK_FULL, DiskFullError
from cs360desk.db.workspace import Workspace, open_workspace
from cs360desk.domain.tracker import ACTION_ITEMS, ParsedTracker
from cs360desk.services import catalog
from tests.disk_full_support import FullWorkspace
from tests.tracker_support import (
    GUN_CRIME,
    apply,
    column_of,
    database_state,
    edit_workbook,
    exported_copy,
    parse,
    row_of,
    sample_copy,
)


@pytest.fixture
def sample(tmp_path: Path) -> Iterator[Workspace]:
    """The sample agency in a workspace file: a full disk under a file is the app's to
    handle; a server's full disk is the server's, and comes back as its error 53100."""
    opened = open_workspace(sample_copy(tmp_path))
    yield opened
    opened.close()


# Long enough that the new rows cannot fit in the pages the workspace has already.
DETAILS = "Recorrido nocturno con vecinos — Đường phố an toàn. " * 600
NEW_TITLES = [f"Walk block {n} with the neighbourhood watch" for n in range(1, 9)]


def members_changes(path: Path, changed_id: int) -> ParsedTracker:
    """A status change on an existing row and eight new rows with long details."""

    def change(workbook: Any) -> None:
        sheet = workbook[ACTION_ITEMS]
        status, details = column_of(sheet, "Status"), column_of(sheet, "Details")
        sheet[f"{status}{row_of(sheet, changed_id)}"] = "Blocked"
        for title in NEW_TITLES:
            new = sheet.max_row + 1
            sheet[f"B{new}"] = title
            sheet[f"{details}{new}"] = DETAILS

    edit_workbook(path, change)
    return parse(path)


def test_a_full_disk_during_apply_imports_nothing_and_a_retry_imports_all(
    sample: Workspace, tmp_path: Path
) -> None:
    with sample.session_factory.begin() as session:
        items = catalog.ACTION_ITEM.list(session, initiative_id=GUN_CRIME)
    changed = next(item for item in items if not item.status.is_closed)
    parsed = members_changes(exported_copy(tmp_path), changed.id)
    before = database_state(sample.path)
    disk = FullWorkspace.at_current_size(sample)

    with pytest.raises(DiskFullError) as raised:
        apply(sample, parsed)
    assert str(raised.value) == DISK_FULL
    assert str(raised.value).startswith("not saved: the disk is full")
    assert database_state(sample.path) == before, "all or nothing: not one row was written"

    with pytest.raises(DiskFullError):
        apply(sample, parsed)  # still full: the same clear error, still nothing written
    assert database_state(sample.path) == before

    disk.free_up()
    result = apply(sample, parsed)
    assert result.applied == 1 + len(NEW_TITLES) and result.skipped == 0
    with sample.session_factory.begin() as session:
        assert catalog.ACTION_ITEM.get(session, changed.id).status.label == "Blocked"
        titles = {item.title: item for item in catalog.ACTION_ITEM.list(session)}
    assert all(titles[title].details == DETAILS for title in NEW_TITLES)
    with sample.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_the_workspace_stays_readable_and_whole_after_a_full_disk(
    sample: Workspace, tmp_path: Path
) -> None:
    parsed = members_changes(exported_copy(tmp_path), changed_id=1)
    FullWorkspace.at_current_size(sample)
    with pytest.raises(DiskFullError):
        apply(sample, parsed)
    with sample.session_factory.begin() as session:
        assert catalog.ACTION_ITEM.get(session, 1).title  # the failed write broke nothing
    with sample.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
