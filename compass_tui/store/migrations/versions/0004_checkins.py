"""Check-ins: their schedule state (start day, snooze) and the check-ins themselves.

Revision ID: 0004_checkins
Revises: 0003_goals
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_checkins"
down_revision = "0003_goals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkin_state",
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_checkin_state")),
    )
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("fulfilment", sa.Integer(), nullable=True),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entries.id"], name=op.f("fk_checkins_entry_id_entries"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
    )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkins_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(
            "ix_checkins_kind_status_end", ["kind", "status", "period_end"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index("ix_checkins_kind_status_end")
        batch_op.drop_index(batch_op.f("ix_checkins_entry_id"))
    op.drop_table("checkins")
    op.drop_table("checkin_state")
