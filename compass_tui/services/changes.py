"""Whether the database changed since the app last looked, whoever changed it: what
lets an open window show an entry added by `compass add` or by another window."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.data_version import Version
    from compass_tui.store.repository import Repository


@plain_refusals
class ChangeWatch:
    """`changed()` is True once for each look that finds a commit since the last one.

    The first look only notes where things stand. The app's own writes count too
    (the database cannot tell them apart): the tab then reads again what it already
    shows, which keeps the cursor and costs a read.
    """

    def __init__(self, repo: Repository) -> None:
        self._version = repo.data_version
        self._seen: Version | None = None
        self._lock = threading.Lock()

    def changed(self) -> bool:
        now = self._version.read()
        if now is None:
            return False
        with self._lock:
            before, self._seen = self._seen, now
        return before is not None and now != before
