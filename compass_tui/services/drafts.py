"""Drafts: what the editor holds, saved often so nothing typed is lost."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import uuid4

from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.domain.entries import Draft
    from compass_tui.store.repository import Repository


def edit_draft_key(entry_id: int) -> str:
    return f"entry:{entry_id}"


def new_draft_key() -> str:
    """Each running instance writes its new entry under its own key, so two
    SSH sessions never save over, or discard, each other's draft."""
    return f"new:{uuid4().hex[:12]}"


@plain_refusals
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
