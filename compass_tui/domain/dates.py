"""Human date parsing for quick capture and for --from/--to filters.

Relative words ("yesterday", "last monday", "3 days ago", "last month") are
handled here; anything else is handed to python-dateutil without fuzzy
matching, so a stray word is never mistaken for a date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from dateutil import parser as du_parser
from dateutil.relativedelta import relativedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBR = {name[:3]: i for i, name in enumerate(WEEKDAYS)}
DEFAULT_TIME = time(9, 0)

_TIME_RE = re.compile(
    r"(?:\s+at)?\s+(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>am|pm)?$", re.IGNORECASE
)
_AGO_RE = re.compile(r"^(?P<n>\d+)\s+(?P<unit>day|week|month|year)s?\s+ago$")
_YEAR_RE = re.compile(r"^\d{4}$")
_MONTH_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$")
MIN_YEAR, MAX_YEAR = 1900, 9998


class DateParseError(ValueError):
    """Raised with a message fit to show the user as it is."""


def _weekday_index(word: str) -> int | None:
    word = word.lower()
    if word in WEEKDAYS:
        return WEEKDAYS.index(word)
    return _WEEKDAY_ABBR.get(word) if len(word) == 3 else None


def _split_time(text: str) -> tuple[str, time | None]:
    """Split a trailing clock time ("9am", "at 21:15") off a day phrase."""
    match = _TIME_RE.search(text)
    if not match:
        return text, None
    head = text[: match.start()].strip()
    hour, minute = int(match["h"]), int(match["m"] or 0)
    ampm = (match["ampm"] or "").lower()
    if not ampm and match["m"] is None:
        return text, None  # a bare number is not a time
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return text, None
    return head, time(hour, minute)


def relative_day(phrase: str, today: date) -> date | None:
    """Days named relative to today; None when the phrase is not one of them."""
    words = phrase.lower().split()
    if words in (["today"], ["now"]):
        return today
    if words == ["yesterday"]:
        return today - timedelta(days=1)
    if words == ["tomorrow"]:
        return today + timedelta(days=1)
    if match := _AGO_RE.match(" ".join(words)):
        n = int(match["n"])
        unit = match["unit"]
        delta = {
            "day": relativedelta(days=n),
            "week": relativedelta(weeks=n),
            "month": relativedelta(months=n),
            "year": relativedelta(years=n),
        }[unit]
        return today - delta
    if len(words) in (1, 2) and (wd := _weekday_index(words[-1])) is not None:
        prefix = words[0] if len(words) == 2 else ""
        if prefix not in ("", "last", "this", "on"):
            return None
        back = (today.weekday() - wd) % 7
        if prefix == "last" and back == 0:
            back = 7
        return today - timedelta(days=back)
    return None


def _absolute(phrase: str, default: datetime) -> datetime:
    """dateutil without fuzziness; an offset is turned into local wall time."""
    parsed = du_parser.parse(phrase, default=default, fuzzy=False)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone().replace(tzinfo=None)
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ValueError("year out of range")
    return parsed


def names_a_day(phrase: str, now: datetime) -> bool:
    """True when a phrase pins a calendar day, not just a month or a year.

    dateutil fills what is missing from its default; parsing with two
    defaults that differ in the day shows whether the phrase gave one.
    """
    head, _clock = _split_time(" ".join(phrase.strip().split()))
    try:
        if not head or relative_day(head, now.date()) is not None:
            return True
    except (ValueError, OverflowError):
        return False
    try:
        first = _absolute(head, datetime(2001, 1, 1))
        second = _absolute(head, datetime(2002, 2, 2))
    except (ValueError, OverflowError):
        return False
    return first.day == second.day


def parse_when(text: str, now: datetime) -> datetime:
    """A point in time from a human phrase; raises DateParseError."""
    phrase = " ".join(text.strip().split())
    if not phrase:
        raise DateParseError("empty date")
    if phrase.lower() == "now":
        return now.replace(second=0, microsecond=0)
    head, clock = _split_time(phrase)
    if not head:  # only a time: today at that time
        return datetime.combine(now.date(), clock or DEFAULT_TIME)
    try:
        day = relative_day(head, now.date())
    except (ValueError, OverflowError) as exc:  # "999999999 days ago"
        raise DateParseError(f"not a date: {text!r}") from exc
    if day is not None:
        if clock is None and day == now.date():
            return now.replace(second=0, microsecond=0)
        return datetime.combine(day, clock or DEFAULT_TIME)
    if re.fullmatch(r"\d{1,3}", phrase):
        raise DateParseError(f"not a date: {text!r}")
    try:
        return _absolute(phrase, datetime.combine(now.date(), DEFAULT_TIME))
    except (ValueError, OverflowError) as exc:
        raise DateParseError(f"not a date: {text!r}") from exc


def parse_day_or_start(text: str, now: datetime) -> date:
    """A day from a phrase; a month or a year alone means its first day, never
    today's day number in that month ("march 2024" is 1 March 2024)."""
    when = parse_when(text, now)
    if names_a_day(text, now):
        return when.date()
    return _absolute(" ".join(text.split()), datetime(now.year, 1, 1)).date()


def parse_period(text: str, now: datetime) -> tuple[datetime, datetime]:
    """A half-open interval [start, end) a phrase names.

    "2025" is the year, "2025-03" or "march 2025" the month, "last month"
    the previous calendar month, "this week" Monday to Monday; any single
    day is that whole day.
    """
    try:
        return _period(text, now)
    except DateParseError:
        raise
    except (ValueError, OverflowError) as exc:  # e.g. the year after 9999
        raise DateParseError(f"not a date: {text!r}") from exc


def _period(text: str, now: datetime) -> tuple[datetime, datetime]:
    phrase = " ".join(text.strip().lower().split())
    if not phrase:
        raise DateParseError("empty date")
    if _YEAR_RE.match(phrase):
        start = date(int(phrase), 1, 1)
        return _as_range(start, start + relativedelta(years=1))
    if match := _MONTH_RE.match(phrase):
        start = date(int(match["y"]), int(match["m"]), 1)
        return _as_range(start, start + relativedelta(months=1))
    named = _named_period(phrase, now.date())
    if named:
        return named
    when = parse_when(text, now)
    if names_a_day(phrase, now):
        return _as_range(when.date(), when.date() + timedelta(days=1))
    start = when.date().replace(day=1)  # "march 2025", "may": the whole month
    return _as_range(start, start + relativedelta(months=1))


def _named_period(phrase: str, today: date) -> tuple[datetime, datetime] | None:
    monday = today - timedelta(days=today.weekday())
    first = today.replace(day=1)
    jan1 = today.replace(month=1, day=1)
    table = {
        "this week": (monday, monday + timedelta(days=7)),
        "last week": (monday - timedelta(days=7), monday),
        "this month": (first, first + relativedelta(months=1)),
        "last month": (first - relativedelta(months=1), first),
        "this year": (jan1, jan1 + relativedelta(years=1)),
        "last year": (jan1 - relativedelta(years=1), jan1),
    }
    if phrase in table:
        return _as_range(*table[phrase])
    return None


def _as_range(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time.min), datetime.combine(end, time.min)


_IN_RE = re.compile(r"^in\s+(?P<n>\d+)\s+(?P<unit>day|week|month|year)s?$")


def parse_due(text: str, now: datetime) -> date:
    """A day as plans name it, looking ahead: "friday" is the coming Friday,
    "next friday" too, "in 2 weeks", "next month"; dates and past words also work."""
    phrase = " ".join(text.strip().lower().split())
    today = now.date()
    if not phrase:
        raise DateParseError("empty date")
    try:
        if match := _IN_RE.match(phrase):
            n = int(match["n"])
            step = {"day": relativedelta(days=n), "week": relativedelta(weeks=n),
                    "month": relativedelta(months=n), "year": relativedelta(years=n)}
            return today + step[match["unit"]]
        ahead = {"next week": relativedelta(weeks=1), "next month": relativedelta(months=1),
                 "next year": relativedelta(years=1)}
        if phrase in ahead:
            return today + ahead[phrase]
        words = phrase.split()
        if len(words) in (1, 2) and (wd := _weekday_index(words[-1])) is not None:
            prefix = words[0] if len(words) == 2 else ""
            if prefix in ("", "next", "this", "on"):
                days = (wd - today.weekday()) % 7
                if days == 0 and prefix != "this":
                    days = 7  # "friday" said on a Friday means the next one
                return today + timedelta(days=days)
    except (ValueError, OverflowError) as exc:
        raise DateParseError(f"not a date: {text!r}") from exc
    return parse_when(text, now).date()
