"""When check-ins fall due: recurrence rules (dateutil's rrule) over local days.

Everything here is a pure function of the schedule, what has been done, and
"today" (the caller turns its clock into a local date, in the user's time zone).
Check-ins fall on days, not instants, so a daylight-saving change or a clock set
back cannot make one fire twice; and however many periods were missed, a kind has
at most one pending check-in, which says how many periods it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from dateutil.rrule import DAILY, FR, MO, MONTHLY, SA, SU, TH, TU, WE, WEEKLY, rrule, weekday

Kind = Literal["weekly", "monthly", "morning", "evening"]
KINDS: tuple[Kind, ...] = ("weekly", "monthly", "morning", "evening")
RITUALS: tuple[Kind, ...] = ("morning", "evening")
LABELS: dict[Kind, str] = {
    "weekly": "Weekly check-in",
    "monthly": "Monthly check-in",
    "morning": "Morning affirmation",
    "evening": "Evening reflection",
}
UNITS: dict[Kind, str] = {"weekly": "week", "monthly": "month", "morning": "day",
                          "evening": "day"}

WEEKDAYS: dict[str, weekday] = {
    "monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR,
    "saturday": SA, "sunday": SU,
}
ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}
OFF = "off"
DEFAULTS: dict[Kind, str] = {"weekly": "sunday", "monthly": "last day", "morning": OFF,
                             "evening": OFF}


class ScheduleError(ValueError):
    """A schedule setting that cannot be read; the message says what would do."""


def _zone(name: str) -> tzinfo | None:
    """A named time zone, or None. dateutil's zones load when one is named: the app
    reads the schedule before its first frame, and most schedules keep local time."""
    from dateutil import tz

    return tz.gettz(name)


def _weekday_name(text: str) -> str | None:
    """"sun", "Sunday", "sundays", "tues" -> "sunday", ... ; None for anything else."""
    word = text.strip().lower()
    if word.endswith("days"):
        word = word[:-1]
    for name in WEEKDAYS:
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return name
    return None


def parse_weekly(text: str) -> str:
    """The weekly setting: a weekday name, or "off". Returns it normalised."""
    if text.strip().lower() == OFF:
        return OFF
    name = _weekday_name(text)
    if name is None:
        raise ScheduleError(f"weekly: {text!r} is not a weekday (try 'sunday' or 'off')")
    return name


_MONTH_DAY = re.compile(r"^(?:day\s+)?(\d{1,2})(?:st|nd|rd|th)?$")


def parse_monthly(text: str) -> str:
    """The monthly setting: "last day", a day of the month ("15"), an ordinal weekday
    ("first monday", "last friday"), or "off". Returns it normalised."""
    words = text.strip().lower()
    if words == OFF:
        return OFF
    if words in ("last day", "last", "end", "end of month", "month end"):
        return "last day"
    found = _MONTH_DAY.match(words)
    if found:
        day = int(found.group(1))
        if not 1 <= day <= 28:
            raise ScheduleError(f"monthly: day {day} is missing from some months; use 1-28 "
                                "or 'last day'")
        return str(day)
    parts = words.split()
    if len(parts) == 2 and parts[0] in ORDINALS:
        name = _weekday_name(parts[1])
        if name is not None:
            return f"{parts[0]} {name}"
    raise ScheduleError(f"monthly: {text!r} is not understood (try 'last day', '15', "
                        "'first monday' or 'off')")


def parse_ritual(text: str, kind: str) -> str:
    """A daily ritual: a time of day ("07:30", "7:30", "19") or "off"."""
    words = text.strip().lower()
    if words == OFF:
        return OFF
    found = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", words)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    raise ScheduleError(f"{kind}: {text!r} is not a time of day (try '07:30' or 'off')")


PARSERS = {
    "weekly": parse_weekly,
    "monthly": parse_monthly,
    "morning": lambda text: parse_ritual(text, "morning"),
    "evening": lambda text: parse_ritual(text, "evening"),
}


@dataclass(frozen=True)
class Schedule:
    """The four settings, each normalised (see the parse_* functions) or "off"."""

    weekly: str = DEFAULTS["weekly"]
    monthly: str = DEFAULTS["monthly"]
    morning: str = DEFAULTS["morning"]
    evening: str = DEFAULTS["evening"]
    timezone: str = "local"

    @classmethod
    def parse(cls, settings: dict[str, str]) -> Schedule:
        """From raw settings (a config file's table); unknown keys are refused."""
        unknown = set(settings) - {*KINDS, "timezone"}
        if unknown:
            raise ScheduleError(f"unknown check-in setting: {', '.join(sorted(unknown))} "
                                f"(known: {', '.join(KINDS)}, timezone)")
        values: dict[str, str] = {}
        for kind in KINDS:
            raw = settings.get(kind, DEFAULTS[kind])
            if not isinstance(raw, str):
                raw = str(raw)
            values[kind] = PARSERS[kind](raw)
        zone = settings.get("timezone", "local")
        if not isinstance(zone, str) or (zone.strip() != "local" and _zone(zone.strip())
                                         is None):
            raise ScheduleError(f"timezone: {zone!r} is not a time zone (try 'Europe/Paris' "
                                "or 'local')")
        return cls(**values, timezone=zone.strip())

    def local(self, now: datetime) -> datetime:
        """`now` (naive, the machine's local time, or aware) as a naive time in the
        schedule's zone: the day a check-in falls on is the user's day."""
        if self.timezone == "local":
            return now.replace(tzinfo=None) if now.tzinfo is None else (
                now.astimezone().replace(tzinfo=None))
        zone = _zone(self.timezone)
        aware = now.astimezone() if now.tzinfo is None else now
        return aware.astimezone(zone).replace(tzinfo=None)

    def setting(self, kind: Kind) -> str:
        return str(getattr(self, kind))

    def enabled(self, kind: Kind) -> bool:
        return self.setting(kind) != OFF

    def as_dict(self) -> dict[str, str]:
        return {**{kind: self.setting(kind) for kind in KINDS}, "timezone": self.timezone}

    def describe(self, kind: Kind) -> str:
        """The setting in words: "every Sunday", "on the last day of the month"."""
        value = self.setting(kind)
        if value == OFF:
            return "off"
        if kind == "weekly":
            return f"every {value.capitalize()}"
        if kind == "monthly":
            if value == "last day":
                return "on the last day of each month"
            if value.isdigit():
                return f"on day {value} of each month"
            ordinal, name = value.split()
            return f"on the {ordinal} {name.capitalize()} of each month"
        return f"every day from {value}"

    def rule(self, kind: Kind, start: date) -> rrule | None:
        """The days `kind` falls on, from `start`; None when it is off."""
        value = self.setting(kind)
        if value == OFF:
            return None
        begin = datetime.combine(start, time())
        if kind == "weekly":
            return rrule(WEEKLY, byweekday=WEEKDAYS[value], dtstart=begin)
        if kind == "monthly":
            if value == "last day":
                return rrule(MONTHLY, bymonthday=-1, dtstart=begin)
            if value.isdigit():
                return rrule(MONTHLY, bymonthday=int(value), dtstart=begin)
            ordinal, name = value.split()
            return rrule(MONTHLY, byweekday=WEEKDAYS[name](ORDINALS[ordinal]), dtstart=begin)
        return rrule(DAILY, dtstart=begin)

    def ritual_time(self, kind: Kind) -> time | None:
        value = self.setting(kind)
        if kind not in RITUALS or value == OFF:
            return None
        hour, minute = value.split(":")
        return time(int(hour), int(minute))


@dataclass(frozen=True)
class KindState:
    """What is known of one kind: where its schedule starts, the last day a finished
    check-in covered, and a snooze."""

    kind: Kind
    started_on: date
    covered_until: date | None = None
    snoozed_until: date | None = None


@dataclass(frozen=True)
class Pending:
    """One check-in to do (at most one per kind)."""

    kind: Kind
    due_on: date  # the latest day it fell on
    since: date  # the earliest missed day it fell on
    periods: int  # how many periods it covers
    period_start: date
    period_end: date
    snoozed_until: date | None

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    def overdue(self, today: date) -> bool:
        return self.since < today

    def snoozed(self, today: date) -> bool:
        return self.snoozed_until is not None and today < self.snoozed_until

    def status(self, today: date) -> str:
        """ "due" or "overdue" (the contract's words)."""
        return "overdue" if self.overdue(today) else "due"

    def phrase(self, today: date, *, brief: bool = False) -> str:
        """"Weekly check-in due", "Monthly check-in overdue since Sat 31 Oct (3 months)";
        brief leaves out the "since" (for a strip that must hold several)."""
        text = f"{self.label} {self.status(today)}"
        if self.overdue(today):
            if not brief:
                text += f" since {short_day(self.since, today)}"
            if self.periods > 1:
                text += f" ({self.periods} {UNITS[self.kind]}s)"
        return text


def short_day(day: date, today: date) -> str:
    if day == today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    if day == today + timedelta(days=1):
        return "tomorrow"
    if day.year == today.year:
        return f"{day:%a} {day.day} {day:%b}"
    return f"{day.day} {day:%b %Y}"


def pending(schedule: Schedule, state: KindState, today: date, now_time: time | None = None
            ) -> Pending | None:
    """The kind's pending check-in today, or None.

    Periodic kinds: every day the rule fell on after the last covered day (or from
    the day the schedule started) up to today is missed; they make one pending
    check-in, due on the latest, overdue since the earliest. A clock set back
    before the last covered day finds nothing. Rituals: only today's counts, once
    its time of day has come (a missed morning is not carried over).
    """
    rule = schedule.rule(state.kind, state.started_on)
    if rule is None:
        return None
    if state.kind in RITUALS:
        at = schedule.ritual_time(state.kind)
        if state.covered_until is not None and state.covered_until >= today:
            return None
        if at is not None and now_time is not None and now_time < at:
            return None
        return Pending(state.kind, today, today, 1, today, today, state.snoozed_until)
    after = state.covered_until if state.covered_until is not None else (
        state.started_on - timedelta(days=1))
    if today <= after:
        return None
    missed = [m.date() for m in rule.between(datetime.combine(after, time()),
                                             datetime.combine(today, time()), inc=False)]
    if datetime.combine(today, time()) in rule:
        missed.append(today)
    if not missed:
        return None
    if state.covered_until is not None:
        start = state.covered_until + timedelta(days=1)
    elif (previous := rule.before(datetime.combine(missed[0], time()))) is not None:
        start = previous.date() + timedelta(days=1)
    else:
        start = period_start_before(state.kind, missed[0])
    return Pending(state.kind, missed[-1], missed[0], len(missed), start, missed[-1],
                   state.snoozed_until)


def period_start_before(kind: Kind, day: date) -> date:
    """The first day of the period ending on `day`, when no earlier occurrence exists."""
    if kind == "weekly":
        return day - timedelta(days=6)
    if kind == "monthly":
        return day.replace(day=1) if day.day > 1 else (day - timedelta(days=1)).replace(day=1)
    return day


def next_on(schedule: Schedule, state: KindState, today: date) -> date | None:
    """The next day the kind falls on after today that no check-in covers yet (for
    "next: Sun 29 Nov"): after one done early, the one after it."""
    rule = schedule.rule(state.kind, min(state.started_on, today))
    if rule is None:
        return None
    after = max(today, state.covered_until or today)
    found = rule.after(datetime.combine(after, time()), inc=False)
    return found.date() if found is not None else None


def early_period(schedule: Schedule, kind: Kind, state: KindState, today: date
                 ) -> tuple[date, date]:
    """The period a check-in done before it is due covers: up to the next day it falls
    on (so the widget stays quiet until the one after)."""
    end = next_on(schedule, state, today) or today
    start = (state.covered_until + timedelta(days=1) if state.covered_until is not None
             and state.covered_until < today else period_start_before(kind, end))
    return start, end
