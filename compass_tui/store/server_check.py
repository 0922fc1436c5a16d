"""`compass db check` for a journal on a PostgreSQL server: the schema revision, the
search text of every entry against what the app would write, the full-text index, and
rows pointing at rows that are gone. The server looks after its own files."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, bindparam, inspect, select, text, update

from compass_tui.domain.search_text import search_text, stale_search_ids
from compass_tui.store.maintenance import CheckReport
from compass_tui.store.tables import Base, EntryRow

BATCH = 2000
_ENTRY_TEXT = select(EntryRow.id, EntryRow.title, EntryRow.body, EntryRow.tags_text,
                     EntryRow.search_text).order_by(EntryRow.id)


def stale_entries(conn: Connection) -> list[int]:
    return stale_search_ids(conn.execute(_ENTRY_TEXT.execution_options(yield_per=BATCH))
                            .tuples())


def orphans(conn: Connection, tables: set[str]) -> dict[str, int]:
    """Per table, rows whose link names a row that does not exist (0 with the schema's
    foreign keys in place; a restore without them, or a hand edit, can leave some)."""
    found: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            continue
        for key in table.foreign_keys:
            column, target = key.parent, key.column
            if target.table.name not in tables:
                continue
            parent = target.table.alias("parent")
            missing = conn.scalar(
                select(text("count(*)")).select_from(
                    table.outerjoin(parent, column == parent.c[target.name]))
                .where(column.is_not(None), parent.c[target.name].is_(None)))
            if missing:
                found[table.name] = found.get(table.name, 0) + int(missing)
    return found


def check_server(engine: Engine) -> CheckReport:
    problems: list[str] = []
    facts: list[str] = []
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if not tables:
            problems.append("The database holds no tables: it is not a compass-tui journal.")
        if "entries" in tables:
            entries = conn.scalar(text("SELECT count(*) FROM entries")) or 0
            columns = {c["name"] for c in inspect(conn).get_columns("entries")}
            indexes = {i["name"] for i in inspect(conn).get_indexes("entries")}
            if "search_text" in columns:
                stale = stale_entries(conn)
                if stale:
                    problems.append(f"The search index is out of step with the entries "
                                    f"({len(stale):,} of {entries:,} entries).")
                elif {"search_vector"} <= columns and "ix_entries_search_vector" in indexes:
                    facts.append(f"The search index holds all {entries:,} entries.")
                else:
                    problems.append("The full-text index is missing (search would find "
                                    "nothing).")
        dangling = orphans(conn, tables)
        if dangling:
            where = ", ".join(sorted(dangling))
            problems.append(f"{sum(dangling.values())} rows point at rows that are gone "
                            f"(in {where}).")
        elif tables:
            facts.append("Every link between rows points at a row that exists.")
        version = (conn.scalar(text("SELECT version_num FROM alembic_version"))
                   if "alembic_version" in tables else None)
        facts.append(f"Schema revision: {version or 'none'}.")
    return CheckReport(problems, facts, frozenset(tables))


def repair_search_text(engine: Engine) -> int:
    """Write again the search text of every entry that is out of step; how many."""
    with engine.begin() as conn:
        stale = set(stale_entries(conn))
        if not stale:
            return 0
        stmt = (update(EntryRow.__table__).where(EntryRow.id == bindparam("row_id"))
                .values(search_text=bindparam("words")))
        rows = conn.execute(_ENTRY_TEXT.where(EntryRow.id.in_(stale))).all()
        conn.execute(stmt, [{"row_id": row_id, "words": search_text(title, body, tags.split())}
                            for row_id, title, body, tags, _stored in rows])
        return len(stale)
