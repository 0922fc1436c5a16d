"""Drafts: what the editor holds, saved often so nothing typed is lost."""

from __future__ import annotations

from compass_tui.domain.entries import Draft
from compass_tui.services.clock import Clock, system_clock
from compass_tui.store.repository import Repository

NEW_ENTRY_KEY = "new"


def draft_key(entry_id: int | None) -> str:
    return NEW_ENTRY_KEY if entry_id is None else f"entry:{entry_id}"


class DraftService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._drafts = repo.drafts
        self._clock = clock

    def save(self, draft: Draft) -> None:
        if draft.is_blank():
            self._drafts.discard(draft.key)
            return
        self._drafts.save(draft.model_copy(update={"updated_at": self._clock()}))

    def get(self, key: str) -> Draft | None:
        return self._drafts.get(key)

    def pending(self) -> list[Draft]:
        return self._drafts.all()

    def discard(self, key: str) -> None:
        self._drafts.discard(key)
