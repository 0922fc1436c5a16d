"""The sums behind Insights read straight from the database with its driver alone: a
SQLite file with the standard library, a PostgreSQL server with psycopg.

`compass insights` must answer in well under a second at 100,000 entries; importing the
database toolkit alone costs more than its queries. A journal at this version's schema
is read here (read-only) with the same questions InsightsStore asks (insights_sql, and
the same sums and groups), so the figures are the same; any other journal goes through
the repository.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from compass_tui.domain.entry_line import EntryLine
from compass_tui.domain.insights import HIGH_RATING, Tally
from compass_tui.store.insights_sql import (
    BEST_RUN,
    EARLIEST,
    FLOW_IN_FTS5,
    FLOW_IN_TSVECTOR,
    MONTH,
    RUN,
    TALLY_COLUMNS,
    as_date,
    flow_phrases,
    fts5_flow_match,
    tally,
    tsvector_flow_query,
)
from compass_tui.store.migrate import HEAD
from compass_tui.store.quick_reads import UnreadableError, read_only, stored_time

__all__ = ["QuickInsights", "UnreadableError", "open_quick_insights",
           "open_server_insights"]

Dialect = Literal["sqlite", "postgresql"]
_TALLY = ", ".join(TALLY_COLUMNS)
_SUMMARY = ("entries.id, entries.entry_date, entries.title, entries.tags_text,"
            " entries.starred, entries.fulfilment, entries.energy, entries.body")
_NEWEST = " ORDER BY entries.entry_date DESC, entries.id DESC LIMIT :limit"
# SQLite is held to reading the entries first (the ratings index, in date order) and
# each one's tags by its key; PostgreSQL plans the join its own way.
_TAGS_JOIN = {"sqlite": "CROSS JOIN", "postgresql": "JOIN"}
_NAMED = re.compile(r"(?<![:\w]):(\w+)")


def _moment(value: object) -> datetime:
    """SQLite gives the stored text, PostgreSQL a datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


class QuickInsights:
    """What InsightsService reads, from one read-only connection of the driver."""

    def __init__(self, conn: Any, dialect: Dialect, where: str) -> None:
        self._conn = conn
        self._dialect: Dialect = dialect
        self._where = where  # named in an error
        self._errors: type[Exception] = (sqlite3.Error if dialect == "sqlite"
                                         else _psycopg_error())
        # psycopg's placeholders are %(name)s; the queries are written with :name.
        self._sql: Callable[[str], str] = (
            (lambda sql: sql) if dialect == "sqlite"
            else (lambda sql: _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))))

    def close(self) -> None:
        self._conn.close()

    def _rows(self, sql: str, params: dict[str, object]) -> list[tuple]:
        try:
            return self._conn.execute(self._sql(sql), params).fetchall()
        except self._errors as exc:
            said = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
            raise UnreadableError(f"cannot read {self._where}: {said}") from exc

    def _at(self, moment: datetime) -> object:
        """A moment as the entries table compares it: its text on SQLite."""
        return stored_time(moment) if self._dialect == "sqlite" else moment

    def _within(self, start: datetime | None, end: datetime) -> tuple[str, dict[str, object]]:
        where = "entries.deleted_at IS NULL AND entries.entry_date < :end"
        params: dict[str, object] = {"end": self._at(end)}
        if start is not None:
            where += " AND entries.entry_date >= :start"
            params["start"] = self._at(start)
        return where, params

    def first_day(self) -> date | None:
        first = self._rows("SELECT min(entry_date) FROM entries WHERE deleted_at IS NULL",
                           {})[0][0]
        return _moment(first).date() if first is not None else None

    def run_back_from(self, day: date) -> int:
        return int(self._rows(RUN[self._dialect],
                              {"day": day.isoformat() + " 00:00:00"})[0][0])

    def overall(self, start: datetime | None, end: datetime) -> Tally:
        where, params = self._within(start, end)
        return tally("overall", self._rows(f"SELECT {_TALLY} FROM entries WHERE {where}",
                                            params)[0])

    def by_tag(self, start: datetime | None, end: datetime,
               leave_out: Sequence[str] = ()) -> list[Tally]:
        where, params = self._within(start, end)
        names = ""
        if leave_out:
            names = " WHERE tags.name NOT IN (" + ", ".join(
                f":out{n}" for n in range(len(leave_out))) + ")"
            params |= {f"out{n}": name for n, name in enumerate(leave_out)}
        # Summed by tag id, then named: the same groups as by name (names are unique),
        # without comparing a string per row.
        sql = (f"SELECT tags.name, sums.* FROM (SELECT entry_tags.tag_id AS tag_id, {_TALLY}"
               f" FROM entries {_TAGS_JOIN[self._dialect]} entry_tags"
               f" ON entry_tags.entry_id = entries.id WHERE {where}"
               " GROUP BY entry_tags.tag_id) AS sums"
               f" JOIN tags ON tags.id = sums.tag_id{names}")
        return [tally(name, rest) for name, _tag_id, *rest in self._rows(sql, params)]

    def by_month(self, start: datetime | None, end: datetime) -> list[Tally]:
        where, params = self._within(start, end)
        sql = (f"SELECT {MONTH[self._dialect]} AS month, {_TALLY} FROM entries"
               f" WHERE {where} GROUP BY month ORDER BY month")
        return [tally(str(key), rest) for key, *rest in self._rows(sql, params)]

    def best_run(self, start: datetime | None, end: datetime) -> int:
        params = {"start": self._at(start or EARLIEST), "end": self._at(end)}
        return int(self._rows(BEST_RUN[self._dialect], params)[0][0] or 0)

    def by_day(self, start: datetime | None, end: datetime) -> list[tuple[date, Tally]]:
        where, params = self._within(start, end)
        sql = (f"SELECT date(entries.entry_date) AS day, {_TALLY} FROM entries"
               f" WHERE {where} GROUP BY day ORDER BY day")
        found = []
        for value, *rest in self._rows(sql, params):
            when = as_date(value)
            found.append((when, tally(when.isoformat(), rest)))
        return found

    def moments(self, start: datetime | None, end: datetime, limit: int = 6
                ) -> list[tuple[EntryLine, int | None, int | None, str]]:
        """As InsightsStore.moments: the newest with a flow phrase, the newest rated 5;
        each entry as a plain line (the fields of EntrySummary, without the model)."""
        where, params = self._within(start, end)
        params |= {"limit": limit, "high": HIGH_RATING}
        choices = ["(entries.fulfilment >= :high OR entries.energy >= :high)"]
        if flow_phrases():
            if self._dialect == "sqlite":
                choices.insert(0, FLOW_IN_FTS5)
                params["flow_match"] = fts5_flow_match()
            else:
                choices.insert(0, FLOW_IN_TSVECTOR)
                params["flow_query"] = tsvector_flow_query()
        found: dict[int, tuple[EntryLine, int | None, int | None, str]] = {}
        for choice in choices:
            sql = f"SELECT {_SUMMARY} FROM entries WHERE {choice} AND {where}{_NEWEST}"
            for row_id, when, title, tags, starred, fulfilment, energy, body in self._rows(
                    sql, params):
                line = EntryLine(id=row_id, entry_date=_moment(when), title=title,
                                 tags=tags.split(), starred=bool(starred))
                found.setdefault(row_id, (line, fulfilment, energy, f"{title}\n{body}"))
        return sorted(found.values(), key=lambda m: (m[0].entry_date, m[0].id), reverse=True)

    def feedback_givers(self) -> list[str]:
        """Who gave feedback, in the order the skills store lists feedback."""
        return [giver for (giver,) in self._rows(
            "SELECT giver FROM feedback ORDER BY given_on IS NULL, given_on DESC,"
            " created_at DESC, id DESC", {})]

    def goal_titles(self) -> dict[str, str]:
        """Tag -> title of the goals carrying a tag (a later goal's wins, as read by id)."""
        return {tag: title for tag, title in self._rows(
            "SELECT tag, title FROM goals WHERE tag IS NOT NULL AND tag <> '' ORDER BY id",
            {})}


def _psycopg_error() -> type[Exception]:
    import psycopg

    return psycopg.Error


def open_quick_insights(path: Path) -> QuickInsights | None:
    """The reader over a journal file at this version's schema; None otherwise (no file,
    a schema to upgrade: the repository's work). UnreadableError for a file that is not
    a database."""
    conn = read_only(path)
    return QuickInsights(conn, "sqlite", str(path)) if conn is not None else None


def open_server_insights(url: str) -> QuickInsights | None:
    """The reader over a PostgreSQL journal (`url` as libpq reads it) at this version's
    schema, in read-only transactions; None for another schema (the repository says
    what to do). UnreadableError when the server cannot be read."""
    import psycopg  # the `postgres` extra; the caller checks it is there

    try:
        conn = psycopg.connect(url, connect_timeout=10,
                               options="-c default_transaction_read_only=on")
    except psycopg.Error as exc:
        said = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        raise UnreadableError(f"cannot read the journal on the server: {said}") from exc
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except psycopg.Error:
        conn.close()
        return None  # no schema yet, or one from before migrations: the repository's
    if revision is None or revision[0] != HEAD:
        conn.close()
        return None
    return QuickInsights(conn, "postgresql", "the journal on the server")
