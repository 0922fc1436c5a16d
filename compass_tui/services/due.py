"""What is due, from the schedule and each kind's state: shared by the scheduler widget
and `compass due`, and light to import (no database library), since `compass due`
runs at every login."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from compass_tui.domain.schedule import (
    LABELS,
    RITUALS,
    Kind,
    KindState,
    Pending,
    Schedule,
    next_on,
    pending,
    short_day,
)


@dataclass(frozen=True)
class DueReport:
    """What the scheduler widget and `compass due` say."""

    today: date
    pending: list[Pending] = field(default_factory=list)
    upcoming: list[tuple[Kind, date]] = field(default_factory=list)  # soonest first

    def lines(self, *, brief: bool = False) -> list[str]:
        """Pending check-ins in words, snoozed ones saying until when."""
        said = []
        for item in self.pending:
            text = item.phrase(self.today, brief=brief)
            if item.snoozed(self.today) and item.snoozed_until is not None:
                text += f" (snoozed until {short_day(item.snoozed_until, self.today)})"
            said.append(text)
        return said

    @property
    def actionable(self) -> list[Pending]:
        """Pending and not snoozed: what the open key starts."""
        return [item for item in self.pending if not item.snoozed(self.today)]

    def next_words(self) -> str | None:
        if not self.upcoming:
            return None
        kind, day = self.upcoming[0]
        return f"next: {LABELS[kind]}, {short_day(day, self.today)}"


def build_report(schedule: Schedule, states: dict[Kind, KindState], now: datetime
                 ) -> DueReport:
    """`now` is local to the schedule's zone (Schedule.local)."""
    today = now.date()
    found: list[Pending] = []
    upcoming: list[tuple[Kind, date]] = []
    for kind, state in states.items():
        item = pending(schedule, state, today, now.time())
        if item is not None:
            found.append(item)
            continue  # its next day is said once this one is done
        following = next_on(schedule, state, today)
        if following is not None and kind not in RITUALS:
            upcoming.append((kind, following))
    upcoming.sort(key=lambda pair: pair[1])
    return DueReport(today, found, upcoming)
