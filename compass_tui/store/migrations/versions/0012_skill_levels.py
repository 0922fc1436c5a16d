"""A history of skill levels, so a review can say which skills moved and from where to
where; and an index Insights adds its ratings up from.

Every skill starts its history with the level it holds now, dated when it was last
saved: it has held that level at least since then, and nothing older is known.

The ratings index holds what Insights sums (the day, both ratings) for live entries,
deleted_at included only so that SQLite sees the index answers the query alone and
never reads the entries' text, and id so that PostgreSQL joins the tags to it without
reading the table either (SQLite keeps the row id in every index anyway).

Revision ID: 0012_skill_levels
Revises: 0011_edit_versions
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_skill_levels"
down_revision = "0011_edit_versions"
branch_labels = None
depends_on = None

LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    op.create_table(
        "skill_levels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["skill_id"], ["skills.id"],
                                name=op.f("fk_skill_levels_skill_id_skills"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill_levels")),
    )
    op.create_index(op.f("ix_skill_levels_skill_id"), "skill_levels", ["skill_id"])
    op.create_index(op.f("ix_skill_levels_recorded_at"), "skill_levels", ["recorded_at"])
    op.execute("INSERT INTO skill_levels (skill_id, level, recorded_at)"
               " SELECT id, level, updated_at FROM skills ORDER BY id")
    op.create_index("ix_entries_ratings", "entries",
                    ["entry_date", "fulfilment", "energy", "deleted_at", "id"],
                    sqlite_where=sa.text(LIVE), postgresql_where=sa.text(LIVE))


def downgrade() -> None:
    op.drop_index("ix_entries_ratings", table_name="entries")
    op.drop_index(op.f("ix_skill_levels_recorded_at"), table_name="skill_levels")
    op.drop_index(op.f("ix_skill_levels_skill_id"), table_name="skill_levels")
    op.drop_table("skill_levels")
