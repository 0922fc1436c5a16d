"""PostgreSQL's search index leaves out what it cannot hold, instead of refusing the
entry: a word longer than 2,046 bytes, and the words past about a megabyte of them.
SQLite's index has no such limits; nothing changes there.

Revision ID: 0010_long_words
Revises: 0009_entry_template
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0010_long_words"
down_revision = "0009_entry_template"
branch_labels = None
depends_on = None

# PostgreSQL refuses a lexeme over 2,046 bytes and a tsvector whose lexemes pass 1 MiB;
# the running total counts every word with room for its position, so it stays under.
KEEPS_WITHIN_LIMITS = """CREATE OR REPLACE FUNCTION compass_search_vector(words text)
    RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(
            '''' || replace(replace(word, '\\', '\\\\'), '''', '''''') || ''':'
            || least(position, 16383), ' '), '')::tsvector
        FROM (
            SELECT word, position,
                   sum(octet_length(word) + 8) OVER (ORDER BY position) AS running
            FROM unnest(string_to_array(words, ' ')) WITH ORDINALITY AS w(word, position)
            WHERE word NOT IN ('', '¶') AND octet_length(word) <= 2046
        ) AS kept
        WHERE running <= 1000000
    $$"""

AS_BEFORE = """CREATE OR REPLACE FUNCTION compass_search_vector(words text)
    RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(
            '''' || replace(replace(word, '\\', '\\\\'), '''', '''''') || ''':'
            || least(position, 16383), ' '), '')::tsvector
        FROM unnest(string_to_array(words, ' ')) WITH ORDINALITY AS w(word, position)
        WHERE word NOT IN ('', '¶')
    $$"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(KEEPS_WITHIN_LIMITS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AS_BEFORE)
