"""Values and self-assessment: ranked values with their history, skills and
feedback, passions, SWOT, personality results; goals linked to values.

Revision ID: 0002_values
Revises: 0001_journal
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_values"
down_revision = "0001_journal"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "core_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.String(length=100), nullable=False),
        sa.Column("meaning", sa.Text(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_core_values")),
        sa.UniqueConstraint("name_key", name=op.f("uq_core_values_name_key")),
    )
    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("horizon", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_status"), ["status"], unique=False)

    op.create_table(
        "passions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tag", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passions")),
    )
    op.create_table(
        "personality_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("framework", sa.String(length=40), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=True),
        sa.Column("meaning", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personality_results")),
    )
    op.create_table(
        "skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("is_gap", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
        sa.UniqueConstraint("name_key", name=op.f("uq_skills_name_key")),
    )
    op.create_table(
        "swot_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quadrant", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_swot_items")),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=True),
        sa.Column("giver", sa.String(length=200), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("said", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_feedback_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_skill_id"), ["skill_id"], unique=False)

    op.create_table(
        "goal_values",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("value_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goals.id"], name=op.f("fk_goal_values_goal_id_goals"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["value_id"],
            ["core_values.id"],
            name=op.f("fk_goal_values_value_id_core_values"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("goal_id", "value_id", name=op.f("pk_goal_values")),
    )
    with op.batch_alter_table("goal_values", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_values_value_id"), ["value_id"], unique=False)

    op.create_table(
        "passion_entries",
        sa.Column("passion_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_passion_entries_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["passion_id"],
            ["passions.id"],
            name=op.f("fk_passion_entries_passion_id_passions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("passion_id", "entry_id", name=op.f("pk_passion_entries")),
    )
    with op.batch_alter_table("passion_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_passion_entries_entry_id"), ["entry_id"], unique=False)

    op.create_table(
        "value_rank_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["value_id"],
            ["core_values.id"],
            name=op.f("fk_value_rank_history_value_id_core_values"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_value_rank_history")),
    )
    with op.batch_alter_table("value_rank_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_value_rank_history_recorded_at"), ["recorded_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_value_rank_history_value_id"), ["value_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("value_rank_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_value_rank_history_value_id"))
        batch_op.drop_index(batch_op.f("ix_value_rank_history_recorded_at"))

    op.drop_table("value_rank_history")
    with op.batch_alter_table("passion_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_passion_entries_entry_id"))

    op.drop_table("passion_entries")
    with op.batch_alter_table("goal_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_values_value_id"))

    op.drop_table("goal_values")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_skill_id"))

    op.drop_table("feedback")
    op.drop_table("swot_items")
    op.drop_table("skills")
    op.drop_table("personality_results")
    op.drop_table("passions")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_status"))

    op.drop_table("goals")
    op.drop_table("core_values")
