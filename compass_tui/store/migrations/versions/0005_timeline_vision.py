"""Timeline events linked to values and skills; the vision board, purpose, narrative.

Revision ID: 0005_timeline_vision
Revises: 0004_checkins
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_timeline_vision"
down_revision = "0004_checkins"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "timeline_event_values",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("value_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["timeline_events.id"],
            name=op.f("fk_timeline_event_values_event_id_timeline_events"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["value_id"], ["core_values.id"],
            name=op.f("fk_timeline_event_values_value_id_core_values"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "value_id", name=op.f("pk_timeline_event_values")),
    )
    with op.batch_alter_table("timeline_event_values", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timeline_event_values_value_id"), ["value_id"],
                              unique=False)
    op.create_table(
        "timeline_event_skills",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["timeline_events.id"],
            name=op.f("fk_timeline_event_skills_event_id_timeline_events"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"], ["skills.id"],
            name=op.f("fk_timeline_event_skills_skill_id_skills"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "skill_id", name=op.f("pk_timeline_event_skills")),
    )
    with op.batch_alter_table("timeline_event_skills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timeline_event_skills_skill_id"), ["skill_id"],
                              unique=False)
    op.create_table(
        "vision_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("image", sa.Text(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vision_cards")),
    )
    op.create_table(
        "vision_texts",
        sa.Column("key", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_vision_texts")),
    )
    op.create_table(
        "narrative_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_narrative_versions")),
    )
    with op.batch_alter_table("narrative_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_narrative_versions_created_at"), ["created_at"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("narrative_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_narrative_versions_created_at"))
    op.drop_table("narrative_versions")
    op.drop_table("vision_texts")
    op.drop_table("vision_cards")
    with op.batch_alter_table("timeline_event_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timeline_event_skills_skill_id"))
    op.drop_table("timeline_event_skills")
    with op.batch_alter_table("timeline_event_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timeline_event_values_value_id"))
    op.drop_table("timeline_event_values")
