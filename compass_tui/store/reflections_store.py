"""Reflections from the self-assessment: passions, SWOT items, personality results.

Passions and SWOT items are ordered lists kept dense 1..N within their kind or
quadrant, so moving one never leaves a gap for the UI to trip over.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import ColumnElement, case, delete, exists, select, union
from sqlalchemy.orm import InstrumentedAttribute, Session

from compass_tui.domain.assessment import (
    PASSION_KINDS,
    QUADRANTS,
    Passion,
    PassionInput,
    PersonalityInput,
    PersonalityResult,
    Quadrant,
    SwotInput,
    SwotItem,
)
from compass_tui.domain.entries import EntrySummary
from compass_tui.store.entries_store import SUMMARY_COLUMNS, summary_of
from compass_tui.store.errors import check_version, version_guard
from compass_tui.store.rows import NotFoundError, get_row, timestamp
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import (
    EntryRow,
    PassionRow,
    PersonalityRow,
    SwotRow,
    TagRow,
    entry_tags,
    passion_entries,
)

_Row = TypeVar("_Row", PassionRow, SwotRow, PersonalityRow)


def _in_order(column: InstrumentedAttribute[str], names: Sequence[str]) -> ColumnElement[int]:
    """Sort key putting a column's values in the app's order, not alphabetical."""
    return case({name: i for i, name in enumerate(names)}, value=column, else_=len(names))


def _renumber(rows: Sequence[PassionRow] | Sequence[SwotRow]) -> None:
    """Positions 1..N in the given order, touching only rows that change."""
    for position, row in enumerate(rows, start=1):
        if row.position != position:
            row.position = position


# -- passions -----------------------------------------------------------------


def _passion(row: PassionRow, entry_ids: list[int] | None = None) -> Passion:
    return Passion.model_validate(row).model_copy(update={"entry_ids": entry_ids or []})


class PassionStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, data: PassionInput) -> Passion:
        """A new passion goes to the end of its kind."""
        with self._sessions.begin() as session:
            row = PassionRow(kind=data.kind, text=data.text, tag=data.tag,
                             position=len(self._rows(session, data.kind)) + 1,
                             created_at=timestamp())
            session.add(row)
            session.flush()
            return _passion(row)

    def update(self, passion_id: int, data: PassionInput,
               expected_version: int | None = None) -> Passion:
        """A change of kind moves the passion to the end of the new kind. Saved only
        over the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("passion"), self._sessions.begin() as session:
            row = get_row(session, PassionRow, passion_id, "passion")
            check_version(row, expected_version, "passion")
            if data.kind != row.kind:
                old_kind = row.kind
                row.position = len(self._rows(session, data.kind)) + 1
                row.kind = data.kind
                session.flush()
                _renumber(self._rows(session, old_kind))
            row.text, row.tag = data.text, data.tag
            session.flush()
            return _passion(row, self._linked(session, passion_id))

    def delete(self, passion_id: int) -> None:
        """Hand links go with it (ON DELETE CASCADE); its kind closes up."""
        with self._sessions.begin() as session:
            row = get_row(session, PassionRow, passion_id, "passion")
            kind = row.kind
            session.delete(row)
            session.flush()
            _renumber(self._rows(session, kind))

    def list(self) -> list[Passion]:
        with self._sessions() as session:
            links: dict[int, list[int]] = defaultdict(list)
            for passion_id, entry_id in session.execute(
                select(passion_entries.c.passion_id, passion_entries.c.entry_id)
                .order_by(passion_entries.c.entry_id)
            ):
                links[passion_id].append(entry_id)
            rows = session.scalars(select(PassionRow).order_by(
                _in_order(PassionRow.kind, list(PASSION_KINDS)), PassionRow.position))
            return [_passion(row, links[row.id]) for row in rows]

    def link_entry(self, passion_id: int, entry_id: int) -> None:
        """Show an entry under a passion; linking it twice is harmless."""
        with self._sessions.begin() as session:
            get_row(session, PassionRow, passion_id, "passion")
            entry = session.get(EntryRow, entry_id)
            if entry is None or entry.deleted_at is not None:
                raise NotFoundError(f"no entry {entry_id}")
            if not session.scalar(select(exists().where(
                passion_entries.c.passion_id == passion_id,
                passion_entries.c.entry_id == entry_id,
            ))):
                session.execute(passion_entries.insert().values(
                    passion_id=passion_id, entry_id=entry_id))

    def unlink_entry(self, passion_id: int, entry_id: int) -> None:
        """Undo a hand link; an entry shown through the tag stays shown."""
        with self._sessions.begin() as session:
            session.execute(delete(passion_entries).where(
                passion_entries.c.passion_id == passion_id,
                passion_entries.c.entry_id == entry_id,
            ))

    def entries_for(self, passion_id: int, limit: int = 50) -> list[EntrySummary]:
        """Entries linked by hand or carrying the passion's tag, newest first, once each."""
        with self._sessions() as session:
            row = get_row(session, PassionRow, passion_id, "passion")
            ids = select(passion_entries.c.entry_id).where(
                passion_entries.c.passion_id == passion_id)
            if row.tag:
                ids = union(ids, select(entry_tags.c.entry_id)
                            .join(TagRow, TagRow.id == entry_tags.c.tag_id)
                            .where(TagRow.name == row.tag))
            stmt = (select(*SUMMARY_COLUMNS)
                    .where(EntryRow.id.in_(ids), EntryRow.deleted_at.is_(None))
                    .order_by(EntryRow.entry_date.desc(), EntryRow.id.desc())
                    .limit(limit))
            return [summary_of(r) for r in session.execute(stmt)]

    @staticmethod
    def _rows(session: Session, kind: str) -> list[PassionRow]:
        return list(session.scalars(select(PassionRow).where(PassionRow.kind == kind)
                                    .order_by(PassionRow.position, PassionRow.id)))

    @staticmethod
    def _linked(session: Session, passion_id: int) -> list[int]:
        return list(session.scalars(
            select(passion_entries.c.entry_id)
            .where(passion_entries.c.passion_id == passion_id)
            .order_by(passion_entries.c.entry_id)))


# -- SWOT ---------------------------------------------------------------------


class SwotStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, data: SwotInput) -> SwotItem:
        """A new item goes to the end of its quadrant."""
        with self._sessions.begin() as session:
            row = SwotRow(quadrant=data.quadrant, text=data.text,
                          position=len(self._rows(session, data.quadrant)) + 1,
                          created_at=timestamp())
            session.add(row)
            session.flush()
            return SwotItem.model_validate(row)

    def edit(self, item_id: int, data: SwotInput,
             expected_version: int | None = None) -> SwotItem:
        """New text and, if it changed, quadrant, in one transaction; saved only over
        the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("SWOT item"), self._sessions.begin() as session:
            row = get_row(session, SwotRow, item_id, "SWOT item")
            check_version(row, expected_version, "SWOT item")
            row.text = data.text
            if row.quadrant != data.quadrant:
                old = row.quadrant
                row.position = len(self._rows(session, data.quadrant)) + 1
                row.quadrant = data.quadrant
                session.flush()
                _renumber(self._rows(session, old))
            session.flush()
            return SwotItem.model_validate(row)

    def update(self, item_id: int, text: str,
               expected_version: int | None = None) -> SwotItem:
        with version_guard("SWOT item"), self._sessions.begin() as session:
            row = get_row(session, SwotRow, item_id, "SWOT item")
            check_version(row, expected_version, "SWOT item")
            # Validated by the model, so the text rules live in one place.
            row.text = SwotInput(quadrant=row.quadrant, text=text).text
            session.flush()
            return SwotItem.model_validate(row)

    def delete(self, item_id: int) -> None:
        with self._sessions.begin() as session:
            row = get_row(session, SwotRow, item_id, "SWOT item")
            quadrant = row.quadrant
            session.delete(row)
            session.flush()
            _renumber(self._rows(session, quadrant))

    def move(self, item_id: int, quadrant: Quadrant) -> SwotItem:
        """To the end of another quadrant; the one it left closes up."""
        if quadrant not in QUADRANTS:
            raise ValueError(f"not a SWOT quadrant: {quadrant!r}")
        with self._sessions.begin() as session:
            row = get_row(session, SwotRow, item_id, "SWOT item")
            if row.quadrant != quadrant:
                old = row.quadrant
                row.position = len(self._rows(session, quadrant)) + 1
                row.quadrant = quadrant
                session.flush()
                _renumber(self._rows(session, old))
            return SwotItem.model_validate(row)

    def reorder(self, item_id: int, delta: int) -> SwotItem:
        """Move up (negative) or down within the quadrant, stopping at either end."""
        with self._sessions.begin() as session:
            row = get_row(session, SwotRow, item_id, "SWOT item")
            rows = self._rows(session, row.quadrant)
            index = rows.index(row) + delta  # from the list, so a stray gap cannot skew it
            rows.remove(row)
            rows.insert(max(0, min(index, len(rows))), row)
            _renumber(rows)
            session.flush()
            return SwotItem.model_validate(row)

    def by_quadrant(self) -> dict[Quadrant, list[SwotItem]]:
        """Every quadrant, empty ones included, each in position order."""
        found: dict[Quadrant, list[SwotItem]] = {q: [] for q in QUADRANTS}
        with self._sessions() as session:
            for row in session.scalars(
                select(SwotRow).order_by(SwotRow.position, SwotRow.id)
            ):
                item = SwotItem.model_validate(row)
                found[item.quadrant].append(item)
        return found

    @staticmethod
    def _rows(session: Session, quadrant: str) -> list[SwotRow]:
        return list(session.scalars(select(SwotRow).where(SwotRow.quadrant == quadrant)
                                    .order_by(SwotRow.position, SwotRow.id)))


# -- personality --------------------------------------------------------------


class PersonalityStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, data: PersonalityInput) -> PersonalityResult:
        with self._sessions.begin() as session:
            row = PersonalityRow(**data.model_dump(), created_at=timestamp())
            session.add(row)
            session.flush()
            return PersonalityResult.model_validate(row)

    def update(self, result_id: int, data: PersonalityInput,
               expected_version: int | None = None) -> PersonalityResult:
        """Saved only over the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("personality result"), self._sessions.begin() as session:
            row = get_row(session, PersonalityRow, result_id, "personality result")
            check_version(row, expected_version, "personality result")
            for name, value in data.model_dump().items():
                setattr(row, name, value)
            session.flush()
            return PersonalityResult.model_validate(row)

    def delete(self, result_id: int) -> None:
        with self._sessions.begin() as session:
            result = session.execute(delete(PersonalityRow).where(PersonalityRow.id == result_id))
            if result.rowcount == 0:
                raise NotFoundError(f"no personality result {result_id}")

    def get(self, result_id: int) -> PersonalityResult | None:
        with self._sessions() as session:
            row = session.get(PersonalityRow, result_id)
            return PersonalityResult.model_validate(row) if row else None

    def list(self) -> list[PersonalityResult]:
        """Most recently taken first; undated results after the dated ones."""
        stmt = select(PersonalityRow).order_by(
            PersonalityRow.taken_on.is_(None), PersonalityRow.taken_on.desc(),
            PersonalityRow.created_at.desc(), PersonalityRow.id.desc())
        with self._sessions() as session:
            return [PersonalityResult.model_validate(row) for row in session.scalars(stmt)]

