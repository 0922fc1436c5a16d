"""Journal use cases: capture, list, search, edit, trash and undo, streak."""

from __future__ import annotations

from datetime import datetime

from compass_tui.domain.capture import parse_capture
from compass_tui.domain.dates import parse_period
from compass_tui.domain.entries import (
    Entry,
    EntryCursor,
    EntryInput,
    EntryQuery,
    EntrySummary,
    SearchHit,
)
from compass_tui.domain.streak import current_streak
from compass_tui.services.clock import Clock, system_clock
from compass_tui.store.entries_store import ConflictError, NotFoundError
from compass_tui.store.repository import Repository

__all__ = ["ConflictError", "JournalService", "NotFoundError"]

PAGE_SIZE = 100


class JournalService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._entries = repo.entries
        self.clock = clock
        self._trashed: list[int] = []  # newest last, for undo

    # -- writing --------------------------------------------------------------

    def capture(self, text: str) -> Entry:
        """Quick capture from one line of text (the `compass add` rules)."""
        cap = parse_capture(text, self.clock())
        return self._entries.add(
            EntryInput(entry_date=cap.when, title=cap.title, body=cap.body, tags=cap.tags)
        )

    def create(self, data: EntryInput) -> Entry:
        return self._entries.add(data)

    def update(self, entry_id: int, data: EntryInput, expected_version: int) -> Entry:
        return self._entries.update(entry_id, data, expected_version=expected_version)

    def toggle_star(self, entry: Entry) -> None:
        self._entries.set_starred(entry.id, not entry.starred)

    def trash(self, entry_id: int) -> None:
        self._entries.trash(entry_id)
        self._trashed.append(entry_id)

    def undo_trash(self) -> int | None:
        """Restore the entry trashed last in this session; its id, or None."""
        if not self._trashed:
            return None
        entry_id = self._trashed.pop()
        self._entries.restore(entry_id)
        return entry_id

    def trashed(self) -> list[EntrySummary]:
        return self._entries.trashed()

    def restore(self, entry_id: int) -> None:
        self._entries.restore(entry_id)
        if entry_id in self._trashed:
            self._trashed.remove(entry_id)

    # -- reading --------------------------------------------------------------

    def get(self, entry_id: int) -> Entry | None:
        return self._entries.get(entry_id)

    def page(self, after: EntrySummary | None = None, size: int = PAGE_SIZE,
             query: EntryQuery | None = None) -> list[EntrySummary]:
        base = query or EntryQuery()
        cursor = EntryCursor(entry_date=after.entry_date, id=after.id) if after else None
        return self._entries.summaries(base.model_copy(update={"after": cursor, "limit": size}))

    def search(self, query: EntryQuery) -> list[SearchHit]:
        return self._entries.search(query)

    def entries(self, query: EntryQuery) -> list[Entry]:
        return self._entries.entries(query)

    def streak(self) -> int:
        today = self.clock().date()
        return current_streak(self._entries.days_newest_first(today), today)

    def on_this_day(self) -> list[EntrySummary]:
        return self._entries.on_this_day(self.clock().date())

    def period(self, text: str) -> tuple[datetime, datetime]:
        """Parse a --from/--to phrase; raises DateParseError."""
        return parse_period(text, self.clock())
