"""Drafts through the operations: one way for the app and the command line; a draft saved as
posted shows in the progress update of its period."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from cs360desk.domain.enums import Audience, Channel, CommunicationStatus, ReportKind
from cs360desk.domain.errors import NotFoundError, ValidationError
from cs360desk.domain.update_drafts import DraftKind
from cs360desk.operations.drafts import (
    DraftRequest,
    DraftToSave,
    NoInitiativeError,
    drafts_as_json,
    save_drafts_in,
    write_drafts,
)
from cs360desk.operations.reports import ReportRequest, write_report
from cs360desk.operations.workspaces import Workspace, open_workspace
from cs360desk.services.communications import communication_log
from tests.tracker_support import TODAY

NOW = datetime.combine(TODAY, time(17, 0), tzinfo=UTC)
START = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=1)
END = TODAY.replace(day=1) - timedelta(days=1)


@pytest.fixture
def workspace(sample: Workspace) -> Workspace:
    """The small sample agency, on a workspace file and on a server."""
    return sample


def test_the_first_initiative_and_the_default_period_when_none_is_given(
    workspace: Workspace,
) -> None:
    drafts = write_drafts(workspace=workspace, request=DraftRequest(), now=NOW)
    assert drafts.source.initiative_id == 1
    assert drafts.source.period.end == TODAY
    shown = drafts_as_json(drafts)
    assert shown["initiative"] == 1 and shown["to"] == TODAY.isoformat()


def test_a_posted_draft_is_in_the_progress_update_of_its_period(
    workspace: Workspace, tmp_path: Path
) -> None:
    drafts = write_drafts(workspace=workspace, request=DraftRequest(1, START, END), now=NOW)
    text = drafts.draft(DraftKind.SHORT).text
    assert text is not None
    posted = DraftToSave(
        DraftKind.SHORT, text, Channel.SOCIAL_MEDIA, Audience.PUBLIC,
        CommunicationStatus.POSTED, END,
    )  # fmt: skip
    (saved,) = save_drafts_in(workspace=workspace, initiative_id=1, drafts=[posted])
    with workspace.session_factory() as session:
        (record,) = [c for c in communication_log(session, 1) if c.id == saved]
    assert (record.text, record.posted_on, record.status) == (text, END, posted.status)
    request = ReportRequest(ReportKind.PROGRESS, 1, start=START, end=END)
    written = write_report(
        workspace=workspace, request=request, target=tmp_path / "u.pdf", today=TODAY, draft=True
    )
    pdf = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(str(written.path)).pages
    )
    assert " ".join(text.split())[:60] in pdf


def test_saving_is_all_or_nothing(workspace: Workspace) -> None:
    with workspace.session_factory() as session:
        before = len(communication_log(session, 1))
    good = DraftToSave(DraftKind.STAFF, "Briefing")
    bad = DraftToSave(DraftKind.LONG, "Update", status=CommunicationStatus.POSTED)  # no day
    with pytest.raises(ValidationError):
        save_drafts_in(workspace=workspace, initiative_id=1, drafts=[good, bad])
    with workspace.session_factory() as session:
        assert len(communication_log(session, 1)) == before


def test_an_unknown_initiative_and_an_empty_workspace_are_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        write_drafts(workspace=workspace, request=DraftRequest(404), now=NOW)
    empty = open_workspace(tmp_path / "empty.cs360")
    try:
        with pytest.raises(NoInitiativeError):
            write_drafts(workspace=empty, request=DraftRequest(), now=NOW)
    finally:
        empty.close()
