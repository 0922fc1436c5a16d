"""Journal entries: writes keep tags and the search index in step; reads page by keyset."""

from __future__ import annotations

from calendar import isleap
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Literal

from sqlalchemy import (
    DateTime,
    Select,
    and_,
    bindparam,
    delete,
    exists,
    false,
    func,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from compass_tui.domain.entries import (
    Entry,
    EntryFields,
    EntryInput,
    EntryQuery,
    EntrySummary,
    SearchHit,
)
from compass_tui.domain.errors import ConflictError
from compass_tui.domain.highlight import search_terms, snippet
from compass_tui.domain.search_text import query_phrases, search_text
from compass_tui.domain.tags import unique_tags
from compass_tui.store.fts import COMMON_MATCHES, COUNT_UP_TO, fts_match, ids_matching
from compass_tui.store.rows import NotFoundError, timestamp
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import EntryRow, TagRow, entry_tags
from compass_tui.store.upsert import insert_missing

__all__ = ["ConflictError", "EntryStore", "NotFoundError", "fts_match", "search_kind",
           "ts_query"]

# How each database finds words: SQLite's FTS5 table, PostgreSQL's tsvector column
# (both built from entries.search_text), or a LIKE over search_text elsewhere.
SearchKind = Literal["fts5", "tsvector", "like"]


SUMMARY_COLUMNS = (
    EntryRow.id,
    EntryRow.entry_date,
    EntryRow.title,
    EntryRow.tags_text,
    EntryRow.starred,
)


def _entry(row: EntryRow) -> Entry:
    return Entry.model_validate(
        {**{c.key: getattr(row, c.key) for c in EntryRow.__table__.columns},
         "tags": row.tags_text.split()}
    )


def summary_of(row: object) -> EntrySummary:
    return EntrySummary(
        id=row.id,
        entry_date=row.entry_date,
        title=row.title,
        tags=row.tags_text.split(),
        starred=row.starred,
    )


_COUNT_UP_TO = text(COUNT_UP_TO)
_DAYS_NEWEST_FIRST = text(
    "SELECT date(entry_date) FROM entries WHERE deleted_at IS NULL AND entry_date < :end"
    " ORDER BY entry_date DESC"
).bindparams(bindparam("end", type_=DateTime()))


def _tsquery_word(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def ts_query(query: str) -> str | None:
    """The same as fts_match, as a PostgreSQL tsquery (read as it is, never parsed)."""
    phrases = query_phrases(query)
    if not phrases:
        return None
    return " & ".join(" <-> ".join([*map(_tsquery_word, phrase[:-1]),
                                    _tsquery_word(phrase[-1]) + ":*"])
                      for phrase in phrases)


def _like_escaped(text_: str) -> str:
    return text_.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_kind(dialect: str) -> SearchKind:
    if dialect == "sqlite":
        return "fts5"
    return "tsvector" if dialect == "postgresql" else "like"


class EntryStore:
    def __init__(self, sessions: Sessions, *, search: SearchKind) -> None:
        self._sessions = sessions
        self._search = search

    # -- writes ---------------------------------------------------------------

    def add(self, data: EntryInput) -> Entry:
        with self._sessions.begin() as session:
            row = self._insert(session, data, timestamp())
            session.flush()
            return _entry(row)

    def add_many(self, items: Iterable[EntryInput]) -> int:
        """All or nothing: one transaction for the lot."""
        count = 0
        now = timestamp()
        with self._sessions.begin() as session:
            tag_ids: dict[str, int] = {}
            for data in items:
                self._insert(session, data, now, tag_ids)
                count += 1
                if count % 2000 == 0:
                    session.flush()
                    session.expunge_all()
        return count

    def update(self, entry_id: int, data: EntryInput, *, expected_version: int) -> Entry:
        """Saved only over the version the editor read: the UPDATE says `WHERE version =
        expected`, so of two windows saving the same version at once, one gets the
        ConflictError (with the entry as the other saved it) and nothing is lost."""
        try:
            with self._sessions.begin() as session:
                row = session.get(EntryRow, entry_id)
                if row is None or row.deleted_at is not None:
                    raise NotFoundError(f"no entry {entry_id}")
                if row.version != expected_version:
                    raise ConflictError(_entry(row))
                self._apply(row, data)
                row.updated_at = timestamp()
                session.flush()  # the version in the WHERE: the compare-and-set
                self._set_tags(session, row.id, data.tags, {}, replace=True)
                return _entry(row)
        except StaleDataError:
            # Saved elsewhere between our read and our write.
            if self._sessions.in_unit:
                raise
            current = self.get(entry_id)
            if current is None:
                raise NotFoundError(f"no entry {entry_id}") from None
            raise ConflictError(current) from None

    def set_starred(self, entry_id: int, starred: bool) -> int | None:
        """The entry's version after the change (None: no such entry)."""
        with self._sessions.begin() as session:
            session.execute(
                update(EntryRow)
                .where(EntryRow.id == entry_id)
                .values(starred=starred, version=EntryRow.version + 1, updated_at=timestamp())
            )
            return session.scalar(select(EntryRow.version).where(EntryRow.id == entry_id))

    def trash(self, entry_id: int) -> None:
        """Soft delete: the entry leaves every list but can be restored."""
        self._set_deleted(entry_id, timestamp())

    def restore(self, entry_id: int) -> None:
        self._set_deleted(entry_id, None)

    def _set_deleted(self, entry_id: int, when: datetime | None) -> None:
        with self._sessions.begin() as session:
            result = session.execute(
                update(EntryRow).where(EntryRow.id == entry_id)
                .values(deleted_at=when, version=EntryRow.version + 1)
            )
            if result.rowcount == 0:
                raise NotFoundError(f"no entry {entry_id}")

    def _insert(
        self, session: Session, data: EntryInput, now: datetime,
        tag_ids: dict[str, int] | None = None,
    ) -> EntryRow:
        # Where an entry came from is set once: an edit never changes it.
        row = EntryRow(version=1, created_at=now, updated_at=now, template=data.template)
        self._apply(row, data)
        session.add(row)
        session.flush()
        self._set_tags(session, row.id, data.tags, tag_ids if tag_ids is not None else {})
        return row

    @staticmethod
    def _apply(row: EntryRow, data: EntryInput) -> None:
        row.entry_date = data.entry_date.replace(microsecond=0)
        row.title = data.title.strip()
        row.body = data.body.rstrip()
        row.tags_text = " ".join(data.tags)
        row.search_text = search_text(row.title, row.body, data.tags)
        row.starred = data.starred
        row.energy = data.energy
        row.fulfilment = data.fulfilment
        row.kind = data.kind

    def _set_tags(
        self, session: Session, entry_id: int, tags: list[str], cache: dict[str, int],
        *, replace: bool = False,
    ) -> None:
        if replace:
            session.execute(delete(entry_tags).where(entry_tags.c.entry_id == entry_id))
        if not tags:
            return
        missing = [t for t in tags if t not in cache]
        if missing:
            insert_missing(session, TagRow.__table__, [{"name": name} for name in missing],
                           ["name"])
            for tag_id, name in session.execute(
                select(TagRow.id, TagRow.name).where(TagRow.name.in_(missing))
            ):
                cache[name] = tag_id
        session.execute(
            entry_tags.insert(), [{"entry_id": entry_id, "tag_id": cache[t]} for t in tags]
        )

    # -- reads ----------------------------------------------------------------

    def get(self, entry_id: int, *, include_trashed: bool = False) -> Entry | None:
        with self._sessions() as session:
            row = session.get(EntryRow, entry_id)
            if row is None or (row.deleted_at is not None and not include_trashed):
                return None
            return _entry(row)

    def summaries(self, query: EntryQuery) -> list[EntrySummary]:
        """One page of the list, newest first, after query.after when given."""
        with self._sessions() as session:
            stmt = self._filtered(session, select(*SUMMARY_COLUMNS), query)
            return [summary_of(row) for row in session.execute(stmt)]

    def search(self, query: EntryQuery) -> list[SearchHit]:
        """Like summaries, with a snippet of the body around the first match."""
        terms = search_terms(query.text)
        with self._sessions() as session:
            stmt = self._filtered(session, select(*SUMMARY_COLUMNS, EntryRow.body), query)
            return [
                SearchHit(entry=summary_of(row), snippet=snippet(row.body, terms))
                for row in session.execute(stmt)
            ]

    def entries(self, query: EntryQuery) -> list[Entry]:
        """Whole entries matching a query (for the CLI and export)."""
        with self._sessions() as session:
            stmt = self._filtered(session, select(EntryRow), query)
            return [_entry(row) for row in session.scalars(stmt)]

    def iter_all(self, batch: int = 1000) -> Iterator[Entry]:
        """Every live entry, oldest first, read a batch at a time (for export: memory
        stays flat however long the journal)."""
        after: tuple[datetime, int] | None = None
        while True:
            stmt = (select(EntryRow).where(EntryRow.deleted_at.is_(None))
                    .order_by(EntryRow.entry_date, EntryRow.id).limit(batch))
            if after is not None:
                stmt = stmt.where(or_(EntryRow.entry_date > after[0],
                                      and_(EntryRow.entry_date == after[0],
                                           EntryRow.id > after[1])))
            with self._sessions() as session:
                rows = [_entry(row) for row in session.scalars(stmt)]
            yield from rows
            if len(rows) < batch:
                return
            after = (rows[-1].entry_date, rows[-1].id)

    def iter_fields(self, batch: int = 2000) -> Iterator[EntryFields]:
        """Every live entry, oldest first, as plain fields: one statement whose rows
        arrive a batch at a time (memory stays flat), read in one transaction, so the
        export is of one moment even while another window writes."""
        stmt = (select(EntryRow.entry_date, EntryRow.title, EntryRow.body,
                       EntryRow.tags_text, EntryRow.starred, EntryRow.energy,
                       EntryRow.fulfilment, EntryRow.kind, EntryRow.template)
                .where(EntryRow.deleted_at.is_(None))
                .order_by(EntryRow.entry_date, EntryRow.id)
                .execution_options(yield_per=batch))
        # A journal holds few tag combinations: each is cleaned once, as Entry would.
        cleaned: dict[str, list[str]] = {}
        with self._sessions() as session:
            for when, title, body, tags_text, *rest in session.execute(stmt):
                tags = cleaned.get(tags_text)
                if tags is None:
                    tags = cleaned[tags_text] = unique_tags(tags_text.split())
                yield EntryFields(when, title, body, list(tags), *rest)

    def _filtered(self, session: Session, stmt: Select, query: EntryQuery) -> Select:
        stmt = stmt.where(EntryRow.deleted_at.is_(None))
        text_filter = query.text.strip()
        if text_filter:
            stmt = self._text_filter(session, stmt, text_filter)
        for tag in query.tags:
            stmt = stmt.where(
                exists()
                .where(entry_tags.c.entry_id == EntryRow.id)
                .where(entry_tags.c.tag_id == TagRow.id)
                .where(TagRow.name == tag)
            )
        if query.starred is not None:
            stmt = stmt.where(EntryRow.starred.is_(query.starred))
        if query.date_from is not None:
            stmt = stmt.where(EntryRow.entry_date >= query.date_from)
        if query.date_to is not None:
            stmt = stmt.where(EntryRow.entry_date < query.date_to)
        if query.after is not None:
            when, last_id = query.after.entry_date, query.after.id
            stmt = stmt.where(or_(EntryRow.entry_date < when,
                                  and_(EntryRow.entry_date == when, EntryRow.id < last_id)))
        stmt = stmt.order_by(EntryRow.entry_date.desc(), EntryRow.id.desc())
        return stmt.limit(query.limit)

    def _text_filter(self, session: Session, stmt: Select, query_text: str) -> Select:
        if self._search == "fts5":
            match = fts_match(query_text)
            if match is None:  # only punctuation: nothing can match
                return stmt.where(false())
            common = session.scalar(_COUNT_UP_TO, {"match": match, "cap": COMMON_MATCHES})
            return stmt.where(text(ids_matching(common)).bindparams(match=match))
        if self._search == "tsvector":
            query = ts_query(query_text)
            if query is None:
                return stmt.where(false())
            return stmt.where(text("entries.search_vector @@ CAST(:tsquery AS tsquery)")
                              .bindparams(tsquery=query))
        # Anywhere else, the same rules over the same text, without an index.
        phrases = query_phrases(query_text)
        if not phrases:
            return stmt.where(false())
        padded = " " + EntryRow.search_text
        for phrase in phrases:
            stmt = stmt.where(padded.like(f"% {_like_escaped(' '.join(phrase))}%",
                                          escape="\\"))
        return stmt

    def days_newest_first(self, until: date) -> Iterator[date]:
        """Distinct entry days, newest first, streamed so a caller can stop early.

        Plain SQL text: a years-long streak streams every entry, and typed
        row processing would cost more than the query.
        """
        end = datetime.combine(until + timedelta(days=1), datetime.min.time())
        with self._sessions() as session:
            result = session.execute(_DAYS_NEWEST_FIRST.execution_options(yield_per=2000),
                                     {"end": end})
            last = None
            for (day,) in result:  # SQLite gives 'YYYY-MM-DD', PostgreSQL a date
                if day != last:
                    last = day
                    yield day if isinstance(day, date) else date.fromisoformat(day)

    def on_this_day(self, today: date, limit: int = 20) -> list[EntrySummary]:
        """Entries written on today's month and day in earlier years (indexed look-ups)."""
        with self._sessions() as session:
            first = session.scalar(
                select(func.min(EntryRow.entry_date)).where(EntryRow.deleted_at.is_(None))
            )
            if first is None:
                return []
            found: list[EntrySummary] = []
            # 28 February of a common year also shows the 29ths of leap years.
            span = 2 if (today.month, today.day) == (2, 28) and not isleap(today.year) else 1
            for year in range(today.year - 1, first.year - 1, -1):
                try:
                    day = today.replace(year=year)
                except ValueError:  # today is 29 February; this year has none
                    continue
                start = datetime.combine(day, datetime.min.time())
                stmt = (
                    select(*SUMMARY_COLUMNS)
                    .where(EntryRow.deleted_at.is_(None))
                    .where(EntryRow.entry_date >= start,
                           EntryRow.entry_date < start + timedelta(days=span))
                    .order_by(EntryRow.entry_date.desc())
                )
                found.extend(summary_of(row) for row in session.execute(stmt))
                if len(found) >= limit:
                    break
            return found[:limit]

    def trashed(self, limit: int = 200) -> list[EntrySummary]:
        """Entries in the trash, most recently deleted first."""
        with self._sessions() as session:
            stmt = (
                select(*SUMMARY_COLUMNS)
                .where(EntryRow.deleted_at.is_not(None))
                .order_by(EntryRow.deleted_at.desc(), EntryRow.id.desc())
                .limit(limit)
            )
            return [summary_of(row) for row in session.execute(stmt)]

    def count(self) -> int:
        with self._sessions() as session:
            return session.scalar(
                select(func.count()).select_from(EntryRow).where(EntryRow.deleted_at.is_(None))
            ) or 0
