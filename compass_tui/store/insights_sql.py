"""The queries Insights writes by hand, as text: read by the insights store (through the
database toolkit) and by the quick reader (the standard library's sqlite3), so both ask
the database the same question and get the same figures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from compass_tui.domain.insights import FLOW_PHRASES, Tally
from compass_tui.domain.search_text import words

# Every group's counts and sums over the entries, in Tally's order (see tally()).
TALLY_COLUMNS = (
    "count(*)",
    "coalesce(sum(CASE WHEN (entries.fulfilment IS NOT NULL OR entries.energy IS NOT NULL)"
    " THEN 1 ELSE 0 END), 0)",
    "count(entries.fulfilment)",
    "coalesce(sum(entries.fulfilment), 0)",
    "count(entries.energy)",
    "coalesce(sum(entries.energy), 0)",
)
# The month of an entry, YYYY-MM (SQLite keeps dates as ISO text: its first seven
# characters).
MONTH = {"sqlite": "substr(entries.entry_date, 1, 7)",
         "postgresql": "to_char(entries.entry_date, 'YYYY-MM')"}
EARLIEST = datetime(1, 1, 1)  # the start of an open period, where a query needs one


def tally(key: str, row: Sequence[int]) -> Tally:
    """One group's row of TALLY_COLUMNS as a Tally."""
    return Tally(key, *(int(value or 0) for value in row))


def as_date(value: object) -> date:
    """SQLite's date() gives 'YYYY-MM-DD', PostgreSQL's a date."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))

_WRITTEN = ("SELECT 1 FROM entries WHERE deleted_at IS NULL AND entry_date >= {day}"
            " AND entry_date < {next}")
# The run of written days back from a day: one indexed look-up per day of the run, so a
# streak of years costs milliseconds rather than a pass over every entry.
RUN = {
    "sqlite": ("WITH RECURSIVE run(day) AS (SELECT :day WHERE EXISTS ("
               + _WRITTEN.format(day=":day", next="datetime(:day, '+1 day')")
               + ") UNION ALL SELECT datetime(day, '-1 day') FROM run WHERE EXISTS ("
               + _WRITTEN.format(day="datetime(day, '-1 day')", next="day")
               + ")) SELECT count(*) FROM run"),
    "postgresql": ("WITH RECURSIVE run(day) AS (SELECT CAST(:day AS timestamp) WHERE EXISTS ("
                   + _WRITTEN.format(day="CAST(:day AS timestamp)",
                                     next="CAST(:day AS timestamp) + interval '1 day'")
                   + ") UNION ALL SELECT day - interval '1 day' FROM run WHERE EXISTS ("
                   + _WRITTEN.format(day="day - interval '1 day'", next="day")
                   + ")) SELECT count(*) FROM run"),
}

_DAYS_IN = ("SELECT DISTINCT {day} AS d FROM entries WHERE deleted_at IS NULL"
            " AND entry_date >= :start AND entry_date < :end")
# The longest run of consecutive written days: days minus their row number are equal
# along a run (gaps and islands), so the database counts each run.
BEST_RUN = {
    "sqlite": ("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM (SELECT"
               " julianday(d) - row_number() OVER (ORDER BY d) AS g FROM ("
               + _DAYS_IN.format(day="date(entry_date)") + ")) GROUP BY g)"),
    "postgresql": ("SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM (SELECT"
                   " d - CAST(row_number() OVER (ORDER BY d) AS integer) AS g FROM ("
                   + _DAYS_IN.format(day="CAST(entry_date AS date)")
                   + ") AS days) AS islands GROUP BY g) AS runs"),
}

# Entries holding a flow phrase, through the full-text index of each database.
FLOW_IN_FTS5 = ("entries.id IN (SELECT rowid FROM entries_fts WHERE entries_fts "
                "MATCH :flow_match)")
FLOW_IN_TSVECTOR = "entries.search_vector @@ CAST(:flow_query AS tsquery)"


def flow_phrases() -> list[list[str]]:
    """Each flow phrase as the search index's words."""
    return [p for p in (words(phrase) for phrase in FLOW_PHRASES) if p]


def fts5_flow_match() -> str:
    return " OR ".join('"' + " ".join(p) + '"' for p in flow_phrases())


def tsvector_flow_query() -> str:
    return " | ".join("(" + " <-> ".join(f"'{w}'" for w in p) + ")" for p in flow_phrases())
