"""Versions on goals, values and check-ins, and each narrative version's predecessor,
so a save over a stale copy is refused by the database instead of overwriting.

Revision ID: 0006_versions
Revises: 0005_timeline_vision
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_versions"
down_revision = "0005_timeline_vision"
branch_labels = None
depends_on = None

VERSIONED = ("goals", "core_values", "checkins")


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False,
                                          server_default="1"))
    with op.batch_alter_table("narrative_versions") as batch_op:
        batch_op.add_column(sa.Column("follows_id", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_narrative_versions_follows_id"),
                                          ["follows_id"])


def downgrade() -> None:
    with op.batch_alter_table("narrative_versions") as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_narrative_versions_follows_id"), type_="unique")
        batch_op.drop_column("follows_id")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
