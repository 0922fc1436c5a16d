"""Goals: SMART fields, parent goals, tasks, progress history; timeline events.

Revision ID: 0003_goals
Revises: 0002_values
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_goals"
down_revision = "0002_values"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "timeline_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("precision", sa.String(length=5), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("lesson", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_events")),
    )
    with op.batch_alter_table("timeline_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_timeline_events_occurred_on"), ["occurred_on"], unique=False
        )

    op.create_table(
        "goal_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("percent", sa.Float(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_goal_progress_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_progress")),
    )
    with op.batch_alter_table("goal_progress", schema=None) as batch_op:
        batch_op.create_index(
            "ix_goal_progress_goal_time", ["goal_id", "recorded_at"], unique=False
        )

    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("skill_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goals.id"], name=op.f("fk_tasks_goal_id_goals"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"], ["skills.id"], name=op.f("fk_tasks_skill_id_skills"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
    )
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tasks_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index("ix_tasks_open_due", ["done", "due"], unique=False)

    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status_reason", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("specific", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("metric", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("unit", sa.String(length=50), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("start_value", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("target_value", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("current_value", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("resources", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("obstacles", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("why", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("start_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("due_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("tag", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("done_at", sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_goals_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_goals_parent_id"), ["parent_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_goals_parent_id_goals"),
            "goals",
            ["parent_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_goals_parent_id_goals"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_goals_parent_id"))
        batch_op.drop_index(batch_op.f("ix_goals_due_date"))
        batch_op.drop_column("done_at")
        batch_op.drop_column("tag")
        batch_op.drop_column("parent_id")
        batch_op.drop_column("due_date")
        batch_op.drop_column("start_date")
        batch_op.drop_column("why")
        batch_op.drop_column("obstacles")
        batch_op.drop_column("resources")
        batch_op.drop_column("current_value")
        batch_op.drop_column("target_value")
        batch_op.drop_column("start_value")
        batch_op.drop_column("unit")
        batch_op.drop_column("metric")
        batch_op.drop_column("specific")
        batch_op.drop_column("status_reason")

    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_tasks_open_due")
        batch_op.drop_index(batch_op.f("ix_tasks_goal_id"))

    op.drop_table("tasks")
    with op.batch_alter_table("goal_progress", schema=None) as batch_op:
        batch_op.drop_index("ix_goal_progress_goal_time")

    op.drop_table("goal_progress")
    with op.batch_alter_table("timeline_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timeline_events_occurred_on"))

    op.drop_table("timeline_events")
