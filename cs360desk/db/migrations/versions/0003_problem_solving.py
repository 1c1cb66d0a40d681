"""problem solving: stage history, CHEERS checklist, analysis data, assessment

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 02:06:15.258301
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CHEERS = (
    "cheers_community",
    "cheers_harm",
    "cheers_expectation",
    "cheers_events",
    "cheers_recurring",
    "cheers_similarity",
)
TEXTS = ("data_used", "process_evaluation", "impact_evaluation")


def upgrade() -> None:
    _create_stage_change()
    _add_problem_columns()


def _create_stage_change() -> None:
    op.create_table(
        "stage_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "launch",
                "scanning",
                "prioritizing",
                "problem_solving",
                "sustaining",
                "closed",
                name="stage",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("reached_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_stage_change_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_change")),
    )
    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stage_change_initiative_id"), ["initiative_id"], unique=False
        )


def _add_problem_columns() -> None:
    # Server defaults fill the problems that exist already; one batch copies the table once.
    with op.batch_alter_table("problem", schema=None) as batch_op:
        for name in CHEERS:
            batch_op.add_column(
                sa.Column(name, sa.Boolean(), server_default=sa.false(), nullable=False)
            )
        for name in TEXTS:
            batch_op.add_column(sa.Column(name, sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column(
                "assessment_decision",
                sa.Enum(
                    "continue",
                    "adjust",
                    "end",
                    name="assessmentdecision",
                    native_enum=False,
                    create_constraint=True,
                ),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("problem", schema=None) as batch_op:
        # The CHECK names the column, so it must go first or the copied table is invalid.
        batch_op.drop_constraint(op.f("ck_problem_assessmentdecision"), type_="check")
        batch_op.drop_column("assessment_decision")
        for name in reversed(TEXTS):
            batch_op.drop_column(name)
        for name in reversed(CHEERS):
            batch_op.drop_column(name)

    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_change_initiative_id"))

    op.drop_table("stage_change")
