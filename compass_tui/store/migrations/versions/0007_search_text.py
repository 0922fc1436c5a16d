"""Full-text search built from one text both databases index alike: entries.search_text
(domain.search_text), read by SQLite's FTS5 and by a PostgreSQL tsvector with a GIN index.

Revision ID: 0007_search_text
Revises: 0006_versions
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from compass_tui.domain.search_text import search_text

revision = "0007_search_text"
down_revision = "0006_versions"
branch_labels = None
depends_on = None

OLD_TRIGGERS = ("entries_fts_update", "entries_fts_delete", "entries_fts_insert")
# The search text is already split and folded: FTS5's ascii tokenizer only splits it at
# the spaces (every other character of it is a letter, a digit or the part break).
# External content, kept in step by triggers, as before.
SQLITE_FTS = [
    """CREATE VIRTUAL TABLE entries_fts USING fts5(
        search_text, content='entries', content_rowid='id', tokenize='ascii'
    )""",
    """CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER entries_fts_update AFTER UPDATE OF search_text ON entries BEGIN
        INSERT INTO entries_fts(entries_fts, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO entries_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
]
OLD_SQLITE_FTS = [
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
    "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
]
# The words of search_text at their positions, parsed by nothing but the spaces: no
# text-search parser or locale can split a word differently than SQLite does. The part
# break takes its position and is left out, so no phrase spans title and body.
# (PostgreSQL keeps positions up to 16383 and 256 of them per word.)
POSTGRES_FTS = [
    """CREATE FUNCTION compass_search_vector(words text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(
            '''' || replace(replace(word, '\\', '\\\\'), '''', '''''') || ''':'
            || least(position, 16383), ' '), '')::tsvector
        FROM unnest(string_to_array(words, ' ')) WITH ORDINALITY AS w(word, position)
        WHERE word NOT IN ('', '¶')
    $$""",
    """ALTER TABLE entries ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (compass_search_vector(search_text)) STORED""",
    "CREATE INDEX ix_entries_search_vector ON entries USING gin (search_vector)",
]


def fill_search_text() -> None:
    conn = op.get_bind()
    entries = sa.table("entries", sa.column("id", sa.Integer()), sa.column("title", sa.Text()),
                       sa.column("body", sa.Text()), sa.column("tags_text", sa.Text()),
                       sa.column("search_text", sa.Text()))
    rows = conn.execute(sa.select(entries.c.id, entries.c.title, entries.c.body,
                                  entries.c.tags_text)).all()
    stmt = (sa.update(entries).where(entries.c.id == sa.bindparam("row_id"))
            .values(search_text=sa.bindparam("words")))
    for start in range(0, len(rows), 2000):
        conn.execute(stmt, [{"row_id": row_id, "words": search_text(title, body, tags.split())}
                            for row_id, title, body, tags in rows[start:start + 2000]])


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in OLD_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS entries_fts")
    op.add_column("entries", sa.Column("search_text", sa.Text(), nullable=False,
                                       server_default=""))
    fill_search_text()
    if dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
    elif dialect == "postgresql":
        for statement in POSTGRES_FTS:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in OLD_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS entries_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_entries_search_vector")
        op.execute("ALTER TABLE entries DROP COLUMN IF EXISTS search_vector")
        op.execute("DROP FUNCTION IF EXISTS compass_search_vector(text)")
    with op.batch_alter_table("entries") as batch_op:
        batch_op.drop_column("search_text")
    if dialect == "sqlite":
        for statement in OLD_SQLITE_FTS:
            op.execute(statement)
