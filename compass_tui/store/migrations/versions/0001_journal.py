"""Journal: entries, tags, drafts, and full-text search on SQLite.

Revision ID: 0001_journal
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_journal"
down_revision = None
branch_labels = None
depends_on = None

# External-content FTS5 index over entries, kept in step by triggers so no
# code path (app, CLI, import, a manual sqlite3 session) can let it drift.
FTS_SQL = [
    """CREATE VIRTUAL TABLE entries_fts USING fts5(
        title, body, tags_text,
        content='entries', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts(rowid, title, body, tags_text)
        VALUES (new.id, new.title, new.body, new.tags_text);
    END""",
    """CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, title, body, tags_text)
        VALUES ('delete', old.id, old.title, old.body, old.tags_text);
    END""",
    """CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, body, tags_text ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, title, body, tags_text)
        VALUES ('delete', old.id, old.title, old.body, old.tags_text);
        INSERT INTO entries_fts(rowid, title, body, tags_text)
        VALUES (new.id, new.title, new.body, new.tags_text);
    END""",
]


def upgrade() -> None:
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.DateTime(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags_text", sa.Text(), nullable=False),
        sa.Column("starred", sa.Boolean(), nullable=False),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("fulfilment", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entries")),
    )
    live, trashed = sa.text("deleted_at IS NULL"), sa.text("deleted_at IS NOT NULL")
    op.create_index("ix_entries_live", "entries", ["entry_date", "id"], unique=False,
                    sqlite_where=live, postgresql_where=live)
    op.create_index("ix_entries_trashed", "entries", ["deleted_at"], unique=False,
                    sqlite_where=trashed, postgresql_where=trashed)
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "entry_tags",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["entries.id"],
            name=op.f("fk_entry_tags_entry_id_entries"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_entry_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entry_id", "tag_id", name=op.f("pk_entry_tags")),
    )
    op.create_index(op.f("ix_entry_tags_tag_id"), "entry_tags", ["tag_id"], unique=False)
    op.create_table(
        "drafts",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("entry_version", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags_text", sa.Text(), nullable=False),
        sa.Column("when_text", sa.Text(), nullable=False),
        sa.Column("starred", sa.Boolean(), nullable=False),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("fulfilment", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_drafts")),
    )
    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_SQL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("entries_fts_update", "entries_fts_delete", "entries_fts_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS entries_fts")
    op.drop_table("drafts")
    op.drop_index(op.f("ix_entry_tags_tag_id"), table_name="entry_tags")
    op.drop_table("entry_tags")
    op.drop_table("tags")
    op.drop_index("ix_entries_trashed", table_name="entries")
    op.drop_index("ix_entries_live", table_name="entries")
    op.drop_table("entries")
