"""The vision board's cards (kept in a dense order, pinned ones shown first), the
purpose statement, and every saved version of the career narrative."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from compass_tui.domain.vision import Card, CardInput, NarrativeVersion, VisionText
from compass_tui.store.errors import ChangedElsewhereError, check_version, version_guard
from compass_tui.store.rows import get_row
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import NarrativeVersionRow, VisionCardRow, VisionTextRow
from compass_tui.store.upsert import inserted, upsert

_CARD_FIELDS = ("kind", "text", "author", "image", "caption")
# What a text is called when another window changed it meanwhile.
_TEXT_NAMES = {"purpose": "purpose statement"}


def _card(row: VisionCardRow) -> Card:
    return Card.model_validate({c.key: getattr(row, c.key)
                                for c in VisionCardRow.__table__.columns})


def _version(row: NarrativeVersionRow) -> NarrativeVersion:
    return NarrativeVersion(id=row.id, text=row.text, created_at=row.created_at, note=row.note)


class VisionStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    # -- cards ----------------------------------------------------------------------

    def cards(self) -> list[Card]:
        """Pinned first, then in the board's order."""
        stmt = select(VisionCardRow).order_by(VisionCardRow.pinned.desc(),
                                              VisionCardRow.position, VisionCardRow.id)
        with self._sessions() as session:
            return [_card(row) for row in session.scalars(stmt)]

    def add_card(self, data: CardInput, now: datetime) -> Card:
        with self._sessions.begin() as session:
            last = session.scalar(select(func.max(VisionCardRow.position))) or 0
            row = VisionCardRow(**{k: getattr(data, k) for k in _CARD_FIELDS},
                                position=last + 1, pinned=False, created_at=now,
                                updated_at=now)
            session.add(row)
            session.flush()
            return _card(row)

    def add_cards(self, items: list[CardInput], now: datetime) -> int:
        """All in one transaction (for import and benchmarks)."""
        with self._sessions.begin() as session:
            last = session.scalar(select(func.max(VisionCardRow.position))) or 0
            session.add_all(VisionCardRow(**{k: getattr(d, k) for k in _CARD_FIELDS},
                                          position=last + n, pinned=False, created_at=now,
                                          updated_at=now)
                            for n, d in enumerate(items, start=1))
        return len(items)

    def update_card(self, card_id: int, data: CardInput, now: datetime,
                    expected_version: int | None = None) -> Card:
        """Saved only over the version the form read (ChangedElsewhereError otherwise)."""
        with version_guard("card"), self._sessions.begin() as session:
            row = get_row(session, VisionCardRow, card_id, "card")
            check_version(row, expected_version, "card")
            for key in _CARD_FIELDS:
                setattr(row, key, getattr(data, key))
            row.updated_at = now
            session.flush()
            return _card(row)

    def delete_card(self, card_id: int) -> None:
        with self._sessions.begin() as session:
            session.delete(get_row(session, VisionCardRow, card_id, "card"))

    def set_pinned(self, card_id: int, pinned: bool, now: datetime) -> Card:
        with self._sessions.begin() as session:
            row = get_row(session, VisionCardRow, card_id, "card")
            row.pinned, row.updated_at = pinned, now
            session.flush()
            return _card(row)

    def move_card(self, card_id: int, delta: int) -> Card:
        """One place earlier (negative) or later among the cards of its kind of pin
        (pinned with pinned, the rest with the rest); the order stays dense."""
        with self._sessions.begin() as session:
            row = get_row(session, VisionCardRow, card_id, "card")
            group = list(session.scalars(
                select(VisionCardRow).where(VisionCardRow.pinned.is_(row.pinned))
                .order_by(VisionCardRow.position, VisionCardRow.id)))
            index = group.index(row)
            target = max(0, min(len(group) - 1, index + delta))
            group.insert(target, group.pop(index))
            positions = sorted(r.position for r in group)
            for position, item in zip(positions, group, strict=True):
                item.position = position
            # Equal positions (from old data) would make the order ambiguous: spread them.
            if len(set(positions)) != len(positions):
                for position, item in enumerate(group, start=positions[0]):
                    item.position = position
            session.flush()
            return _card(row)

    # -- texts --------------------------------------------------------------------------

    def text(self, key: str) -> str:
        with self._sessions() as session:
            row = session.get(VisionTextRow, key)
            return row.text if row is not None else ""

    def text_as_saved(self, key: str) -> VisionText:
        """The text with its version (0: never saved), for a form to save over."""
        with self._sessions() as session:
            row = session.get(VisionTextRow, key)
            if row is None:
                return VisionText()
            return VisionText(text=row.text, version=row.version)

    def set_text(self, key: str, text: str, now: datetime,
                 expected_version: int | None = None) -> None:
        """With expected_version (the version the form read; 0: there was no text yet),
        saved only over that version: ChangedElsewhereError otherwise."""
        what = _TEXT_NAMES.get(key, key)
        values = {"key": key, "text": text, "updated_at": now}
        with version_guard(what), self._sessions.begin() as session:
            if expected_version is None:
                upsert(session, VisionTextRow.__table__, values, ["key"], bump="version")
            elif expected_version == 0:
                # The first text: inserted only if no other window wrote one meanwhile.
                if not inserted(session, VisionTextRow.__table__, values, ["key"]):
                    raise ChangedElsewhereError(what)
            else:
                row = session.get(VisionTextRow, key)
                if row is None:
                    raise ChangedElsewhereError(what)
                check_version(row, expected_version, what)
                row.text, row.updated_at = text, now
                session.flush()

    # -- narrative ------------------------------------------------------------------------

    def narrative(self) -> NarrativeVersion | None:
        with self._sessions() as session:
            row = self._newest(session)
            return _version(row) if row is not None else None

    @staticmethod
    def _newest(session: Session) -> NarrativeVersionRow | None:
        return session.scalar(
            select(NarrativeVersionRow)
            .order_by(NarrativeVersionRow.created_at.desc(), NarrativeVersionRow.id.desc())
            .limit(1))

    def versions(self) -> list[NarrativeVersion]:
        """Newest first."""
        stmt = select(NarrativeVersionRow).order_by(NarrativeVersionRow.created_at.desc(),
                                                    NarrativeVersionRow.id.desc())
        with self._sessions() as session:
            return [_version(row) for row in session.scalars(stmt)]

    def add_version(self, text: str, note: str, now: datetime, follows: int | None = None
                    ) -> NarrativeVersion:
        """follows: the id of the version this one was written over (0 when there was
        none). Only one version can follow each: of two windows saving over the same
        one, the second is refused (ChangedElsewhereError, with the newest as current)
        by the database's unique index, not by a check that both could pass."""
        try:
            with self._sessions.begin() as session:
                if follows is not None:
                    newest = self._newest(session)
                    if (newest.id if newest is not None else 0) != follows:
                        raise ChangedElsewhereError(
                            "narrative", newest and _version(newest))
                row = NarrativeVersionRow(text=text, note=note, created_at=now,
                                          follows_id=follows)
                session.add(row)
                session.flush()
                return _version(row)
        except IntegrityError as exc:
            if "follows_id" not in str(exc.orig) or self._sessions.in_unit:
                raise
            raise ChangedElsewhereError("narrative", self.narrative()) from exc
