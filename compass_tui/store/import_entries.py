"""Imported journal entries, in batches: rows, tags and links written the way
EntryStore writes them (tags_text, search_text and entry_tags in step; the search index
follows), skipping entries the journal already holds.

On SQLite the full-text index is built once at the end, in one statement, rather than
row by row by its insert trigger: the trigger is set aside inside the import's own
transaction and put back, as it was, before it commits, so a failed import leaves the
trigger where it was too. (On PostgreSQL the index is a generated column: it follows
each row.)"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select

from compass_tui.domain.import_records import EntryRecord, ImportCounts
from compass_tui.domain.search_text import search_text
from compass_tui.store.import_rows import (
    chunks,
    insert_processed,
    insert_tuples,
    lookup,
    processed_tuples,
)
from compass_tui.store.tables import EntryRow, TagRow, entry_tags
from compass_tui.store.upsert import insert_missing

EntryKey = tuple[datetime, bytes]


def _digest(title: str, body: str) -> bytes:
    """Title and body in 16 bytes: a journal of years compared without holding its text."""
    return hashlib.blake2b(f"{title}\0{body}".encode(), digest_size=16).digest()


def _minute(when: datetime) -> datetime:
    return when.replace(second=0, microsecond=0)


def _live_keys(conn: Connection) -> set[EntryKey]:
    """(minute, digest) of every live entry. A trashed entry does not count: importing it
    again brings it back."""
    if not conn.scalar(select(func.count()).select_from(EntryRow)):
        return set()
    stmt = (select(EntryRow.entry_date, EntryRow.title, EntryRow.body)
            .where(EntryRow.deleted_at.is_(None)).execution_options(yield_per=2000))
    return {(_minute(when), _digest(title, body)) for when, title, body in conn.execute(stmt)}


ENTRY_COLUMNS = ("entry_date", "title", "body", "tags_text", "search_text", "starred",
                 "energy", "fulfilment", "kind", "template", "version", "created_at",
                 "updated_at")


def write_entries(conn: Connection, entries: Sequence[EntryRecord], now: datetime,
                  counts: ImportCounts) -> None:
    """Entries matching a live one on minute, title and body are skipped; entries
    repeated within the file are all written, as the journal they came from held them."""
    known = _live_keys(conn)
    tag_ids: dict[str, int] = lookup(conn, TagRow.name, TagRow.id)
    with _batch_writer(conn, tag_ids) as writer:
        added = skipped = 0
        for batch in chunks(entries):
            rows: list[tuple[object, ...]] = []
            tags: list[list[str]] = []
            for entry in batch:
                when = entry.entry_date
                if known and (when, _digest(entry.title, entry.body)) in known:
                    skipped += 1
                    continue
                rows.append((when, entry.title, entry.body, " ".join(entry.tags),
                             search_text(entry.title, entry.body, entry.tags),
                             entry.starred, entry.energy, entry.fulfilment, entry.kind,
                             entry.template, 1, now, now))
                tags.append(entry.tags)
            writer.write(rows, tags)
            added += len(rows)
    counts.add("entries", added, skipped)


FTS_INSERT_TRIGGER = "entries_fts_insert"
FTS_AFTER = ("INSERT INTO entries_fts (rowid, search_text)"
             " SELECT id, search_text FROM entries WHERE id > ?")


class _Writer:
    """Writes each batch of entries: their rows, their tags and their links.

    On SQLite, with the index's trigger set aside, a batch is written on a helper thread while
    the next one is made ready: every statement there holds a whole batch, and SQLite
    lets go of Python's lock for the whole of each, so the two run side by side. The
    database is used by one thread at a time all the same: each batch waits for the
    one before it, and the import's own statements wait for the last (`settle`)."""

    def __init__(self, conn: Connection, tag_ids: dict[str, int],
                 helper: ThreadPoolExecutor | None) -> None:
        self._conn = conn
        self._tag_ids = tag_ids
        self._helper = helper
        self._pending: Future[None] | None = None

    def write(self, rows: list[tuple[object, ...]], tags: list[list[str]]) -> None:
        if self._helper is None:
            self._write(rows, tags, processed=False)
            return
        values = processed_tuples(self._conn, EntryRow.__table__, ENTRY_COLUMNS, rows)
        self.settle()
        self._pending = self._helper.submit(self._write, values, tags, processed=True)

    def settle(self) -> None:
        """Wait for the batch being written; its error, if any, is raised here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def _write(self, rows: Sequence[Sequence[object]], tags: list[list[str]], *,
               processed: bool) -> None:
        conn, tag_ids = self._conn, self._tag_ids
        # Processed rows: on SQLite, on the helper thread.
        insert = insert_processed if processed else insert_tuples
        ids = insert(conn, EntryRow.__table__, ENTRY_COLUMNS, rows, ids=True)
        fresh = sorted({tag for names in tags for tag in names if tag not in tag_ids})
        if fresh:  # another machine may create the same tag meanwhile
            insert_missing(conn, TagRow.__table__, [{"name": name} for name in fresh],
                           ["name"])
            tag_ids.update(conn.execute(select(TagRow.name, TagRow.id)
                                        .where(TagRow.name.in_(fresh))).all())
        links = [(entry_id, tag_ids[tag])
                 for entry_id, names in zip(ids, tags, strict=True) for tag in names]
        insert(conn, entry_tags, ("entry_id", "tag_id"), links)


@contextmanager
def _batch_writer(conn: Connection, tag_ids: dict[str, int]) -> Iterator[_Writer]:
    if conn.dialect.name != "sqlite":
        yield _Writer(conn, tag_ids, None)
        return
    trigger = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        (FTS_INSERT_TRIGGER,)).scalar()
    # A statement that writes nothing, so the driver has opened the transaction: DDL
    # alone would run outside it and outlive a failed import.
    conn.exec_driver_sql("DELETE FROM entries WHERE 0")
    if trigger is None or not conn.connection.dbapi_connection.in_transaction:
        yield _Writer(conn, tag_ids, None)  # no trigger to set aside (or no transaction
        return                              # to do it in): as each write
    last = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM entries").scalar()
    conn.exec_driver_sql(f"DROP TRIGGER {FTS_INSERT_TRIGGER}")
    # On an error the helper is waited for before the transaction is rolled back.
    with ThreadPoolExecutor(1, "import-writer") as helper:
        writer = _Writer(conn, tag_ids, helper)
        yield writer
        writer.settle()
    with _bigger_fts_buffer(conn):
        conn.exec_driver_sql(FTS_AFTER, (last,))
    conn.exec_driver_sql(trigger)


# FTS5 gathers new terms in memory and writes them out as a new segment whenever they
# pass its hash size (1 MiB unless set), merging segments as they pile up. A bigger
# buffer while an import is indexed (it lasts for the transaction, across statements)
# writes fewer, larger segments: 100,000 entries are indexed in about 60% of the time,
# for 16 MiB more.
FTS_BUILD_HASHSIZE = 16 * 2**20
FTS_DEFAULT_HASHSIZE = 2**20


@contextmanager
def _bigger_fts_buffer(conn: Connection) -> Iterator[None]:
    set_to = ("INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', ?)")
    before = conn.exec_driver_sql(
        "SELECT v FROM entries_fts_config WHERE k = 'hashsize'").scalar()
    conn.exec_driver_sql(set_to, (FTS_BUILD_HASHSIZE,))
    yield
    # Put back through FTS5 itself, so the connection's copy of its settings follows;
    # a journal that had no setting is left without one, as it was.
    conn.exec_driver_sql(set_to, (FTS_DEFAULT_HASHSIZE if before is None else before,))
    if before is None:
        conn.exec_driver_sql("DELETE FROM entries_fts_config WHERE k = 'hashsize'")


def find_entry(conn: Connection, when: datetime, title: str) -> int | None:
    """The oldest live entry written in that minute with that title (for links by hand)."""
    start = _minute(when)
    return conn.scalar(
        select(EntryRow.id)
        .where(EntryRow.deleted_at.is_(None), EntryRow.entry_date >= start,
               EntryRow.entry_date < start + timedelta(minutes=1), EntryRow.title == title)
        .order_by(EntryRow.id).limit(1))
