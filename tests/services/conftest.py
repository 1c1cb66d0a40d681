"""Fixtures the service tests share beyond those of tests/conftest.py."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from cs360desk.services import catalog

# Every service test runs on a workspace file and on a PostgreSQL server (tests/backends.py).
from tests.backends import (  # noqa: F401
    backend,
    file_workspace,
    sample,
    sample_location,
    workspace,
    workspace_location,
)
from tests.conftest import Basics, Builders

MARCH = datetime(2026, 3, 10, 23, 0, tzinfo=UTC)


def meeting_with_everything(
    session: Session, build: Builders, basics: Basics, title: str = "PST monthly meeting — marzo"
) -> dict[str, int]:
    """A meeting in March of the basics' team, with an agenda item, a member and a guest
    present, and an action item it gave rise to: the ids of the meeting, agenda and item."""
    meeting = build.meeting(basics.team.id, MARCH, title=title)
    agenda = catalog.AGENDA_ITEM.create(
        session, meeting_id=meeting.id, title="Lighting audit", presenter_id=basics.member.id
    )
    catalog.ATTENDANCE.create(session, meeting_id=meeting.id, person_id=basics.member.id)
    catalog.ATTENDANCE.create(session, meeting_id=meeting.id, guest_name="Trần Văn Minh")
    item = build.action_item(basics.initiative.id, title="Follow up", source_meeting_id=meeting.id)
    return {"meeting": meeting.id, "agenda": agenda.id, "item": item.id}
