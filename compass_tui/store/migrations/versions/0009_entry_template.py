"""An entry (and a draft of one) keeps the name of the template it was started from.

Revision ID: 0009_entry_template
Revises: 0008_utc_instants
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_entry_template"
down_revision = "0008_utc_instants"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("entries", "drafts"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("template", sa.String(length=100), nullable=True))


def downgrade() -> None:
    for table in ("drafts", "entries"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("template")
