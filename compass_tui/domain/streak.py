"""Writing streak: consecutive days with an entry, ending today or yesterday."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta


def current_streak(days_newest_first: Iterable[date], today: date) -> int:
    """Count consecutive days; yesterday still counts so a morning run is not zero.

    Reads the iterable lazily and stops at the first gap, so a caller may
    stream dates from the database without loading them all.
    """
    expected: date | None = None
    streak = 0
    for day in days_newest_first:
        if expected is None:
            if day > today:
                continue
            if day < today - timedelta(days=1):
                return 0
            expected = day
        if day == expected:
            streak += 1
            expected = day - timedelta(days=1)
        elif day < expected:
            break
    return streak
