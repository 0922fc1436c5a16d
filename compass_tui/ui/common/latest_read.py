"""A widget's content read in a thread, where only the newest read is shown.

A thread cannot be stopped half way, so a read that a later read (or a change
shown by other means) overtook still finishes; its number tells it is stale. A
class using this defines _fetch() (runs in a thread) and _show_read(result, select).
"""

from __future__ import annotations

from typing import Any

from textual import work


class LatestRead:
    app: Any
    _reads = 0  # the number of the newest read; per instance once bumped

    def _fetch(self) -> Any:
        raise TypeError(f"{type(self).__name__} must define _fetch()")

    def _show_read(self, result: Any, select: Any) -> None:
        raise TypeError(f"{type(self).__name__} must define _show_read()")

    def read_latest(self, select: Any = None) -> None:
        """Read off the event loop, then show it unless a newer read was asked for."""
        self._reads += 1
        self._read_latest(self._reads, select)

    def overtake_reads(self) -> None:
        """Something newer is shown already (read on the loop after a change here)."""
        self._reads += 1

    @work(thread=True, exclusive=True, group="latest-read", exit_on_error=False)
    def _read_latest(self, number: int, select: Any) -> None:
        result = self._fetch()
        self.app.call_from_thread(self._show_if_latest, number, result, select)

    def _show_if_latest(self, number: int, result: Any, select: Any) -> None:
        if number == self._reads:
            self._show_read(result, select)
