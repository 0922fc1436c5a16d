"""What a calendar file holds, before it is written: one event per dated thing, each with
a UID made from what it is (the row it comes from, the check-in kind), so a calendar
that reads the file again updates the event instead of adding a copy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from dateutil.rrule import rrule

from compass_tui.domain.schedule import KINDS, LABELS, RITUALS, Schedule

UID_DOMAIN = "compass-tui"
RITUAL_MINUTES = 15


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: date | datetime  # a date: an all-day event; a datetime: at that time
    description: str = ""
    recurrence: str | None = None  # RFC 5545's RRULE value: "FREQ=WEEKLY;BYDAY=SU"
    minutes: int = 0  # how long a timed event lasts
    timezone: str | None = None  # a timed event's zone; None: the device's own
    categories: tuple[str, ...] = ()


def uid_for(kind: str, identity: object) -> str:
    return f"{kind}-{identity}@{UID_DOMAIN}"


def rrule_value(rule: rrule) -> str:
    """dateutil's rule as the value of an RRULE line (its own DTSTART left out)."""
    for line in str(rule).splitlines():
        if line.startswith("RRULE:"):
            return line.removeprefix("RRULE:")
    raise ValueError(f"not a recurrence rule: {rule}")


def checkin_events(schedule: Schedule, today: date) -> list[CalendarEvent]:
    """Each check-in that is on, as one recurring event from the first day on or after
    today that it falls on; a daily ritual at its time of day."""
    events = []
    for kind in KINDS:
        rule = schedule.rule(kind, today)
        if rule is None:
            continue
        first = rule.after(datetime.combine(today, time()), inc=True)
        if first is None:
            continue
        said = f"{LABELS[kind]}, {schedule.describe(kind)}."
        at = schedule.ritual_time(kind)
        if kind in RITUALS and at is not None:
            events.append(CalendarEvent(
                uid=uid_for("checkin", kind), summary=LABELS[kind],
                start=datetime.combine(first.date(), at), recurrence=rrule_value(rule),
                minutes=RITUAL_MINUTES, description=f"{said} Open compass to write it.",
                timezone=None if schedule.timezone == "local" else schedule.timezone,
                categories=("check-in",)))
            continue
        events.append(CalendarEvent(
            uid=uid_for("checkin", kind), summary=LABELS[kind], start=first.date(),
            recurrence=rrule_value(rule), categories=("check-in",),
            description=f"{said} Start it in compass with ctrl+k."))
    return events
