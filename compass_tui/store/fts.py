"""How SQLite's FTS5 index over the entries is asked: the safe expression for a query,
and the plan for common words. Shared by the entry store and the quick reads, so it
imports no database toolkit."""

from __future__ import annotations

from compass_tui.domain.search_text import query_phrases

# A word found in this many entries is common enough to page by date instead.
COMMON_MATCHES = 1000
FTS_IDS = "SELECT rowid FROM entries_fts WHERE entries_fts MATCH :match"
COUNT_UP_TO = f"SELECT count(*) FROM ({FTS_IDS} LIMIT :cap)"


def fts_match(query: str) -> str | None:
    """A safe FTS5 expression: every query word, as a phrase whose last word is a prefix."""
    phrases = query_phrases(query)
    if not phrases:
        return None
    return " ".join('"' + " ".join(phrase) + '"*' for phrase in phrases)


def ids_matching(common: int) -> str:
    """The filter on entries.id. Few matches: fetch them by id and sort them. Many: walk
    the date index newest first and stop at the page size; the unary + keeps SQLite
    from choosing id look-ups, which would sort every match."""
    column = "+entries.id" if common >= COMMON_MATCHES else "entries.id"
    return f"{column} IN ({FTS_IDS})"
