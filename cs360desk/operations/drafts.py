"""Drafted updates for a period — short public post, longer public update, staff briefing —
and saving them into the communications log; one way for the app and the command line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from cs360desk.db.workspace import Workspace
from cs360desk.domain.edits import Edit
from cs360desk.domain.enums import Audience, Channel, CommunicationStatus
from cs360desk.domain.errors import UserFacingError
from cs360desk.domain.records import CommunicationRecord
from cs360desk.domain.update_drafts import DraftKind, UpdateDrafts
from cs360desk.i18n import _, language
from cs360desk.operations.workspaces import WorkspaceSession
from cs360desk.services.agency_settings import public_language
from cs360desk.services.update_drafts import save_draft, update_drafts
from cs360desk.services.workspace_info import initiatives


class NoInitiativeError(UserFacingError):
    def __init__(self) -> None:
        super().__init__(_("this workspace has no initiative yet"))


@dataclass(frozen=True)
class DraftRequest:
    initiative_id: int | None = None  # None: the workspace's first initiative
    start: date | None = None  # None: since the last public update posted, or 30 days
    end: date | None = None  # None: today
    excluded: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    language: str | None = None  # None: the agency's language for public outputs


@dataclass(frozen=True)
class DraftToSave:
    """One draft as the champion left it, and where it goes in the log."""

    kind: DraftKind
    text: str
    channel: Channel | None = None
    audience: Audience | None = None
    status: CommunicationStatus = CommunicationStatus.DRAFT
    day: date | None = None


def draft_updates(
    session: WorkspaceSession, request: DraftRequest, *, now: datetime
) -> UpdateDrafts:
    """The drafts of the period asked for, from the records in `session`, in the language
    the request names (else the agency's for public outputs)."""
    initiative_id = request.initiative_id
    if initiative_id is None:
        found = initiatives(session)
        if not found:
            raise NoInitiativeError()
        initiative_id = found[0].id
    with language(request.language or public_language(session)):
        return update_drafts(
            session,
            initiative_id,
            now=now,
            start=request.start,
            end=request.end,
            excluded=request.excluded,
        )


def write_drafts(*, workspace: Workspace, request: DraftRequest, now: datetime) -> UpdateDrafts:
    with workspace.session_factory() as session:
        return draft_updates(session, request, now=now)


def save_drafts(
    session: WorkspaceSession, initiative_id: int, drafts: Iterable[DraftToSave]
) -> list[tuple[CommunicationRecord, Edit]]:
    """Each draft as a communication, in the caller's transaction (all or none)."""
    return [
        save_draft(
            session,
            initiative_id,
            draft.kind,
            draft.text,
            channel=draft.channel,
            audience=draft.audience,
            status=draft.status,
            day=draft.day,
        )
        for draft in drafts
    ]


def save_drafts_in(
    *, workspace: Workspace, initiative_id: int, drafts: Iterable[DraftToSave]
) -> list[int]:
    """Saved in one transaction; the ids of the communications written."""
    with workspace.session_factory.begin() as session:
        return [record.id for record, _ in save_drafts(session, initiative_id, drafts)]


def drafts_as_json(
    drafts: UpdateDrafts, kinds: Iterable[DraftKind] = tuple(DraftKind)
) -> dict[str, Any]:
    """The shape `cs360desk draft update --json` prints."""
    wanted = set(kinds)
    kept = drafts.source.without(drafts.excluded)
    return {
        "initiative": drafts.source.initiative_id,
        "from": drafts.source.period.start.isoformat(),
        "to": drafts.source.period.end.isoformat(),
        "drafts": {
            kind.value: drafts.draft(kind).text if kind in wanted else None for kind in DraftKind
        },
        "facts": [{"kind": f.kind.value, "id": f.id, "text": f.text} for f in kept.facts],
        "empty": drafts.empty,
    }
