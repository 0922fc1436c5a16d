"""Check-in state read straight from the database, read-only: a SQLite file with the
standard library, a PostgreSQL server with its driver alone. `compass due` runs at every
login and must not pay for importing the database toolkit or the schema, nor create,
migrate or lock anything."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from urllib.parse import quote

from compass_tui.domain.schedule import Kind, KindState
from compass_tui.store.quick_reads import UnreadableError, sqlite_file

__all__ = ["UnreadableError", "read_server_states", "read_states", "server_url",
           "sqlite_file"]


def server_url(url: str) -> str | None:
    """A PostgreSQL URL as libpq reads it (no driver name), else None."""
    scheme, _, rest = url.partition("://")
    if not rest or scheme.split("+")[0] not in ("postgresql", "postgres"):
        return None
    return "postgresql://" + rest


def read_server_states(url: str, kinds: tuple[Kind, ...], today: date
                       ) -> dict[Kind, KindState]:
    """The same, from a PostgreSQL server, in a read-only transaction."""
    import psycopg  # the `postgres` extra; the caller checks it is there

    found = {kind: KindState(kind, today) for kind in kinds}
    try:
        with psycopg.connect(url, connect_timeout=10,
                             options="-c default_transaction_read_only=on") as conn:
            tables = {row[0] for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
            if not {"checkin_state", "checkins"} <= tables:
                return found
            states = conn.execute(
                "SELECT kind, started_on, snoozed_until FROM checkin_state").fetchall()
            covered = conn.execute(
                "SELECT kind, max(period_end) FROM checkins WHERE status = 'done' "
                "GROUP BY kind").fetchall()
    except psycopg.Error as exc:
        said = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UnreadableError(f"cannot read the journal on the server: {said}") from exc
    return _with(found, {kind: (started, snoozed) for kind, started, snoozed in states},
                 dict(covered))


def read_states(path: Path, kinds: tuple[Kind, ...], today: date) -> dict[Kind, KindState]:
    """Each kind's state; a kind (or a whole database) never seen starts today."""
    found = {kind: KindState(kind, today) for kind in kinds}
    if not path.exists():
        return found
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error as exc:
        raise UnreadableError(f"cannot read {path}: {exc}") from exc
    try:
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"checkin_state", "checkins"} <= tables:
            return found  # a database from before check-ins: nothing done yet
        states = {kind: (date.fromisoformat(started), snoozed and date.fromisoformat(snoozed))
                  for kind, started, snoozed in conn.execute(
                      "SELECT kind, started_on, snoozed_until FROM checkin_state")}
        covered = {kind: date.fromisoformat(end) for kind, end in conn.execute(
            "SELECT kind, max(period_end) FROM checkins WHERE status = 'done' GROUP BY kind")}
    except (sqlite3.Error, ValueError) as exc:
        raise UnreadableError(f"cannot read {path}: {exc}") from exc
    finally:
        conn.close()
    return _with(found, states, covered)


def _with(found: dict[Kind, KindState], states: dict[str, tuple[date, date | None]],
          covered: dict[str, date]) -> dict[Kind, KindState]:
    for kind, default in found.items():
        started, snoozed = states.get(kind, (default.started_on, None))
        found[kind] = KindState(kind, started, covered.get(kind), snoozed or None)
    return found
