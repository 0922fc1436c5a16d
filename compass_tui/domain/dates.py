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


def _relative_day(phrase: str, today: date) -> date | None:
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
    day = _relative_day(head, now.date())
    if day is not None:
        if clock is None and day == now.date():
            return now.replace(second=0, microsecond=0)
        return datetime.combine(day, clock or DEFAULT_TIME)
    if re.fullmatch(r"\d{1,2}", phrase):
        raise DateParseError(f"not a date: {text!r}")
    try:
        default = datetime.combine(now.date(), DEFAULT_TIME)
        return du_parser.parse(phrase, default=default, fuzzy=False)
    except (ValueError, OverflowError) as exc:
        raise DateParseError(f"not a date: {text!r}") from exc


def parse_period(text: str, now: datetime) -> tuple[datetime, datetime]:
    """A half-open interval [start, end) a phrase names.

    "2025" is the year, "2025-03" or "march 2025" the month, "last month"
    the previous calendar month, "this week" Monday to Monday; any single
    day is that whole day.
    """
    phrase = " ".join(text.strip().lower().split())
    today = now.date()
    if not phrase:
        raise DateParseError("empty date")
    if _YEAR_RE.match(phrase):
        start = date(int(phrase), 1, 1)
        return _as_range(start, start + relativedelta(years=1))
    if match := _MONTH_RE.match(phrase):
        try:
            start = date(int(match["y"]), int(match["m"]), 1)
        except ValueError as exc:
            raise DateParseError(f"not a date: {text!r}") from exc
        return _as_range(start, start + relativedelta(months=1))
    named = _named_period(phrase, today)
    if named:
        return named
    try:
        month_only = du_parser.parse(phrase, default=datetime(1, 1, 1), fuzzy=False)
        has_day = any(ch.isdigit() for ch in phrase.replace(str(month_only.year), "", 1))
        if not has_day and _looks_like_month_name(phrase):
            year = month_only.year if month_only.year > 1 else today.year
            start = date(year, month_only.month, 1)
            return _as_range(start, start + relativedelta(months=1))
    except (ValueError, OverflowError):
        pass
    when = parse_when(text, now)
    return _as_range(when.date(), when.date() + timedelta(days=1))


def _looks_like_month_name(phrase: str) -> bool:
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    return any(word[:3] in months for word in phrase.split())


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
