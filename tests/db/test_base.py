"""Shared column types: timestamps are stored as UTC and handed back timezone-aware."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from cs360desk.db import models as m
from cs360desk.db.base import UTCDateTime, utcnow
from cs360desk.db.workspace import Workspace
from cs360desk.domain.enums import ChangeAction

MOUNTAIN = timezone(timedelta(hours=-7))


def test_utcnow_is_aware() -> None:
    assert utcnow().tzinfo is not None


def test_aware_time_is_stored_as_utc_and_read_back_aware(workspace: Workspace) -> None:
    local = datetime(2026, 3, 15, 9, 30, tzinfo=MOUNTAIN)
    with workspace.session_factory.begin() as session:
        session.add(
            m.ChangeRecord(at=local, who="t", entity="x", entity_id=1, action=ChangeAction.CREATE)
        )
    with workspace.engine.connect() as connection:
        raw = connection.exec_driver_sql("SELECT at FROM change_record").scalar()
    assert raw.startswith("2026-03-15 16:30:00")
    with workspace.session_factory.begin() as session:
        stored = session.scalar(select(m.ChangeRecord.at))
    assert stored == local
    assert stored.tzinfo == UTC


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2026, 3, 15, 9, 30), dialect=None)  # type: ignore[arg-type]


def test_none_passes_through() -> None:
    column_type = UTCDateTime()
    assert column_type.process_bind_param(None, dialect=None) is None  # type: ignore[arg-type]
    assert column_type.process_result_value(None, dialect=None) is None  # type: ignore[arg-type]
