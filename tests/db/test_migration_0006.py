"""Revision 0006 adds the agency's settings and the update cadences to an existing workspace,
filled with the defaults, and steps back down without losing a row."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Connection, text

from cs360desk.db.engine import create_workspace_engine
from cs360desk.db.migration import alembic_config, upgrade_to_head
from tests.db.migration_support import INITIATIVE, plain_engine

ROWS = (
    "INSERT INTO agency (name, jurisdiction, chief_name, paper_size, created_at, updated_at,"
    " version) VALUES ('Elm Ridge PD', '', '', 'letter', '2026-01-01', '2026-01-01', 1)",
    INITIATIVE,
    "INSERT INTO person (full_name, title, affiliation, phone, email, notes, active, "
    "contact_private, created_at, updated_at, version) VALUES ('Ana Ruiz', '', 'community', "
    "'', '', '', 1, 0, '2026-01-01', '2026-01-01', 1)",
    "INSERT INTO team (initiative_id, name, kind, charter, cadence, created_at, updated_at, "
    "version) VALUES (1, 'PST', 'problem_solving_team', '', 'monthly', '2026-01-01', "
    "'2026-01-01', 1)",
    "INSERT INTO membership (team_id, person_id, role, created_at, updated_at, version) "
    "VALUES (1, 1, 'member', '2026-01-01', '2026-01-01', 1)",
    "INSERT INTO meeting (team_id, title, starts_at, duration_minutes, mode, location, "
    "video_link, status, minutes_summary, decisions, created_at, updated_at, version) VALUES "
    "(1, 'March', '2026-03-10 23:00:00', 90, 'in_person', '', '', 'held', '', '', "
    "'2026-01-01', '2026-01-01', 1)",
    "INSERT INTO attendance (meeting_id, person_id, guest_name, status, created_at, "
    "updated_at, version) VALUES (1, 1, '', 'present', '2026-01-01', '2026-01-01', 1)",
)


def _count(connection: Connection, table: str) -> int:
    return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_old_rows_get_the_defaults_and_downgrade_keeps_every_row(tmp_path: Path) -> None:
    with plain_engine(tmp_path / "old.cs360") as engine:
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            command.upgrade(alembic_config(connection), "0005")
            for statement in ROWS:
                connection.execute(text(statement))
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            command.upgrade(alembic_config(connection), "0006")
            agency = connection.execute(text("SELECT * FROM agency")).mappings().one()
            assert (agency["time_zone"], agency["post_hashtag"], agency["post_link"]) == (
                "",
                "",
                "",
            )
            assert (agency["public_update_days"], agency["staff_update_days"]) == (30, 14)
            assert (agency["meeting_grace_days"], agency["stage_stale_days"]) == (7, 180)
            assert agency["recommendation_wait_days"] == 30
            initiative = connection.execute(text("SELECT * FROM initiative")).mappings().one()
            assert (initiative["public_update_days"], initiative["staff_update_days"]) == (
                None,
                None,
            )
            assert connection.execute(text("SELECT named_in_public FROM person")).scalar() == 0
            assert connection.execute(text("SELECT open_to_public FROM meeting")).scalar() == 0
            for table in ("agency", "person", "membership", "meeting", "attendance"):
                assert _count(connection, table) == 1, table
        with engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            command.downgrade(alembic_config(connection), "0005")
            columns = {row[1] for row in connection.execute(text("PRAGMA table_info(person)"))}
            assert "named_in_public" not in columns
            for table in ("agency", "person", "membership", "meeting", "attendance"):
                assert _count(connection, table) == 1, table


def test_the_apps_upgrade_keeps_rows_that_cascade_from_a_rebuilt_table(tmp_path: Path) -> None:
    """Revision 0003 rebuilds the problem table; with foreign keys on, dropping the old one
    deleted every response. The app's upgrade runs the steps with them off, then checks."""
    path = tmp_path / "old.cs360"
    with plain_engine(path) as plain, plain.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        connection.execute(text(ROWS[1]))
        connection.execute(text(PROBLEM))
        connection.execute(text(RESPONSE))
    engine = create_workspace_engine(path)
    try:
        upgrade_to_head(engine)
        with engine.connect() as connection:
            assert _count(connection, "response") == 1
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


PROBLEM = (
    "INSERT INTO problem (initiative_id, title, statement, phase, score_impact, "
    "score_threat_to_life, score_community_interest, score_threat_to_rights, area, hypothesis, "
    "offender, victim, place, handler, guardian, manager, status, created_at, updated_at, "
    "version) VALUES (1, 'Shots fired', '', 'scanning', 0, 0, 0, 0, '', '', '', '', '', '', "
    "'', '', 'candidate', '2026-01-01', '2026-01-01', 1)"
)
RESPONSE = (
    "INSERT INTO response (problem_id, title, description, focus_area, partners, status, "
    "created_at, updated_at, version) VALUES (1, 'Lighting', '', '', '', 'proposed', "
    "'2026-01-01', '2026-01-01', 1)"
)
