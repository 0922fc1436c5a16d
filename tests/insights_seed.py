"""A journal with known ratings: mentoring lifts (rated 5), status meetings drain
(rated 2), a tag with too few rated entries, unrated days, a check-in's entry."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from compass_tui.domain.entries import EntryInput
from compass_tui.store.repository import Repository

# Entries end on NOW's day (15 Mar 2026), one or two a day, over the last 40 days.
LAST_DAY = date(2026, 3, 15)


def entry(day: date, title: str, tags: list[str], fulfilment: int | None = None,
          energy: int | None = None, body: str = "", hour: int = 9,
          starred: bool = False, kind: str = "journal") -> EntryInput:
    return EntryInput(entry_date=datetime.combine(day, datetime.min.time()) + timedelta(
        hours=hour), title=title, body=body, tags=tags, fulfilment=fulfilment, energy=energy,
        starred=starred, kind=kind)


def seed_ratings(repo: Repository, last: date = LAST_DAY) -> None:
    """The entries, ending on `last`."""
    items: list[EntryInput] = []
    for n in range(6):  # 6 mentoring sessions, all 5 for fulfilment, 4 for energy; 5 with Ana
        items.append(entry(last - timedelta(days=2 * n), f"Mentoring session {n}",
                           ["mentoring", *(["ana-lima"] if n else [])], 5, 4, hour=18))
    for n in range(7):  # 7 status meetings rated 2
        items.append(entry(last - timedelta(days=2 * n + 1), f"Status meeting {n}",
                           ["status-meetings"], 2, 2))
    for n in range(3):  # three happy days: not enough to be a passion
        items.append(entry(last - timedelta(days=20 + n), f"Pottery {n}", ["pottery"], 5, 5))
    items.append(entry(last - timedelta(days=30), "Lost track of time refactoring",
                       ["code"], body="I lost track of time and it was good."))
    items.append(entry(last - timedelta(days=31), "Plain day", ["code"]))
    items.append(entry(last - timedelta(days=3), "Weekly check-in", ["checkin"], 1, 1,
                       kind="checkin"))
    items.append(entry(last - timedelta(days=200), "Long ago", ["mentoring"], 1, 1))
    repo.entries.add_many(items)
