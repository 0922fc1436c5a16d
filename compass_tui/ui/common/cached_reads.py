"""A list read off the event loop, query by query, with the last read of each kept.

On a switch the last read of the new query is shown at once and read again once the
screen has painted (a read in a thread slows the paint it would race). Every read is
numbered; one that a later read or change overtook is dropped. A class using this
is a widget that defines _query(), _fetch(query) (runs in a thread) and
_apply(listing, select), and calls _init_reads() in its __init__.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual import work


class CachedReads:
    app: Any

    def _init_reads(self) -> None:
        self._cache: dict[Hashable, Any] = {}
        self._generation = 0

    def _query(self) -> Hashable:
        raise TypeError(f"{type(self).__name__} must define _query()")

    def _fetch(self, query: Any) -> Any:
        raise TypeError(f"{type(self).__name__} must define _fetch()")

    def _apply(self, listing: Any, select: str | None) -> None:
        raise TypeError(f"{type(self).__name__} must define _apply()")

    def _read_ahead_queries(self) -> list[Hashable]:
        """What to read before anyone asks (shortly after start-up)."""
        return [self._query()]

    def _load(self, select: str | None = None, *, at_once: bool = False) -> None:
        """Show the last read of this query now, if there is one; read it again at once,
        or once the screen has painted what it had."""
        query = self._query()
        cached = self._cache.get(query)
        if cached is not None:
            self._apply(cached, None)
        self._generation += 1
        if at_once:
            self._read(query, self._generation, select)
        else:
            self.call_after_refresh(self._read, query, self._generation, select)  # type: ignore[attr-defined]

    def _changed(self, select: str | None = None) -> None:
        """After a change made here: every cached read is stale; read at once."""
        self._cache.clear()
        self._load(select, at_once=True)

    @work(thread=True, exclusive=True, group="cached-reads", exit_on_error=False)
    def _read(self, query: Hashable, generation: int, select: str | None) -> None:
        if generation != self._generation:  # overtaken (a key pressed twice): read nothing
            return
        listing = self._fetch(query)
        self.app.call_from_thread(self._apply_if_current, query, listing, generation, select)

    @work(thread=True, exclusive=True, group="cached-reads", exit_on_error=False)
    def _read_ahead(self) -> None:
        generation = self._generation
        for query in self._read_ahead_queries():
            listing = self._fetch(query)
            self.app.call_from_thread(self._apply_if_current, query, listing, generation, None)

    def _apply_if_current(self, query: Hashable, listing: Any, generation: int,
                          select: str | None) -> None:
        if generation == self._generation:  # a later change would make this read stale
            self._cache[query] = listing
            if query == self._query():
                self._apply(listing, select)
