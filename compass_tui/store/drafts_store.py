"""Drafts: the editor's unsaved text, one row per thing being edited."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update

from compass_tui.domain.entries import Draft
from compass_tui.store.sessions import Sessions
from compass_tui.store.tables import DraftRow
from compass_tui.store.upsert import upsert


class DraftStore:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def save(self, draft: Draft) -> None:
        """Written whole, created or replaced in one statement: two windows editing one
        entry share its draft's key, and may save it at the same moment."""
        values = draft.model_dump(exclude={"updated_at"})
        values["updated_at"] = draft.updated_at or datetime.now()
        with self._sessions.begin() as session:
            upsert(session, DraftRow.__table__, values, ["key"])

    def get(self, key: str) -> Draft | None:
        with self._sessions() as session:
            row = session.get(DraftRow, key)
            return Draft.model_validate(row) if row else None

    def all(self) -> list[Draft]:
        with self._sessions() as session:
            rows = session.scalars(select(DraftRow).order_by(DraftRow.updated_at.desc()))
            return [Draft.model_validate(row) for row in rows]

    def follow_star(self, key: str, from_version: int, to_version: int,
                    starred: bool) -> None:
        """A draft begun on `from_version` moves onto `to_version`, which differs from it
        only by the star; a draft begun on any other version is left alone."""
        with self._sessions.begin() as session:
            session.execute(
                update(DraftRow)
                .where(DraftRow.key == key, DraftRow.entry_version == from_version)
                .values(entry_version=to_version, starred=starred)
            )

    def discard(self, key: str) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(DraftRow).where(DraftRow.key == key))
