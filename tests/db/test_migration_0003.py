"""Revision 0003 upgrades a workspace with problems in it, and steps back down cleanly."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from cs360desk.db.migration import alembic_config
from tests.db.migration_support import INITIATIVE, plain_engine

PROBLEM = (
    "INSERT INTO problem (initiative_id, title, statement, phase, score_impact, "
    "score_threat_to_life, score_community_interest, score_threat_to_rights, area, hypothesis, "
    "offender, victim, place, handler, guardian, manager, status, created_at, updated_at, "
    "version) VALUES (1, 'Robos', '', 'scanning', 1, 2, 3, 4, '', '', '', '', '', '', '', '', "
    "'candidate', '2026-01-01', '2026-01-01', 1)"
)


def test_existing_problems_get_the_new_fields_and_downgrade_keeps_them(tmp_path: Path) -> None:
    with plain_engine(tmp_path / "old.cs360") as engine:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0002")
            connection.execute(text(INITIATIVE))
            connection.execute(text(PROBLEM))
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0003")
            row = connection.execute(
                text(
                    "SELECT title, cheers_community, cheers_similarity, data_used, "
                    "process_evaluation, impact_evaluation, assessment_decision FROM problem"
                )
            ).one()
            assert tuple(row) == ("Robos", 0, 0, "", "", "", None)
            assert connection.execute(text("SELECT count(*) FROM stage_change")).scalar() == 0
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0002")
            assert connection.execute(text("SELECT title FROM problem")).scalar() == "Robos"
            tables = connection.execute(text("SELECT name FROM sqlite_master")).scalars().all()
            assert "stage_change" not in tables
