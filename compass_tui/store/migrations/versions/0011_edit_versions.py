"""Versions on every other row a form edits in place (skills, passions, SWOT items,
personality results, tasks, timeline events, vision cards, the purpose statement), so
a save over a stale copy is refused by the database instead of overwriting. Rows
already there start at version 1.

Revision ID: 0011_edit_versions
Revises: 0010_long_words
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_edit_versions"
down_revision = "0010_long_words"
branch_labels = None
depends_on = None

VERSIONED = ("skills", "passions", "swot_items", "personality_results", "tasks",
             "timeline_events", "vision_cards", "vision_texts")


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False,
                                          server_default="1"))


def downgrade() -> None:
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
