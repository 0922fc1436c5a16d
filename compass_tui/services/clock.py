"""An injectable "now", so tests and snapshots never depend on today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now().replace(microsecond=0)
