"""Phrases shaped like a day that name none: "2026-02-30", "31/04/2026", "feb 30",
"2026-13-01", "yesterday 24:61". Read by shape, without dateutil, so that an impossible
day can be told from a word that is no date at all ("Blursday", "Q3", "50/50", "24/7"),
which stays text."""

from __future__ import annotations

import calendar
import re
from datetime import datetime

from compass_tui.domain.dates import relative_day

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTH_WORD = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
               r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY_NUMBER = r"\d{1,2}(?:st|nd|rd|th)?"
_LEAD_WORD = r"(?:the|on|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)"
_NAMED_DAY = re.compile(  # "feb 30", "the 30th of June 2026", "Mon, 30 Feb"
    rf"(?:{_LEAD_WORD},?\s+)?(?:(?P<day>{_DAY_NUMBER})\s+(?:of\s+)?(?P<month>{_MONTH_WORD})"
    rf"|(?P<month2>{_MONTH_WORD})\s+(?P<day2>{_DAY_NUMBER}))(?:,?\s+(?P<year>\d{{4}}))?")
_ISO_DAY = re.compile(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})")
_DMY_DAY = re.compile(r"(?P<first>\d{1,2})([-/.])(?P<second>\d{1,2})\2(?P<year>\d{4}|\d{2})")
_CLOCK_SHAPE = re.compile(r"(?:\s+at\s+|\s+|(?<=\d)t)(?P<clock>(?P<h>\d{1,2})(?::(?P<m>\d{2}))?"
                          r"(?::(?P<s>\d{2}))?\s*(?P<ampm>am|pm)?)$")


def _day_fault(year: int, month: int, day: int) -> str | None:
    """Why year-month-day is no day ("February 2026 has 28 days"), or None."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    last = calendar.monthrange(year, month)[1]
    if 1 <= day <= last:
        return None
    if day < 1:
        return "there is no day 0"
    return f"{_MONTH_NAMES[month - 1].capitalize()} {year} has {last} days"


def _clock_fault(match: re.Match[str]) -> str | None:
    hour, minute, second = int(match["h"]), int(match["m"] or 0), int(match["s"] or 0)
    top = 12 if match["ampm"] else 23
    if hour > top or (match["ampm"] and hour == 0) or minute > 59 or second > 59:
        return f"{match['clock']} is not a time of day"
    return None


def impossible_day(phrase: str, now: datetime) -> str | None:
    """Why a phrase shaped like a day names none ("2026-02-30", "31/04/2026", "feb 30",
    "2026-13-01", "yesterday 24:61"), in words; None when it is a real day or is not
    shaped like one at all (a word such as "Blursday", a number, a month alone)."""
    text = " ".join(phrase.strip().lower().split())
    clock = _CLOCK_SHAPE.search(text)
    if clock is not None and clock["m"] is None and not clock["ampm"]:
        clock = None  # "feb 30": a bare number is the day, not a time
    head = text[: clock.start()] if clock else text
    fault: str | None = None
    if found := _ISO_DAY.fullmatch(head):
        fault = _day_fault(int(found["year"]), int(found["month"]), int(found["day"]))
    elif found := _DMY_DAY.fullmatch(head):
        year = int(found["year"]) + (2000 if len(found["year"]) == 2 else 0)
        first, second = int(found["first"]), int(found["second"])
        # Day first or month first: a real day either way will do.
        if _day_fault(year, second, first) and _day_fault(year, first, second):
            fault = _day_fault(year, second, first) if first > 12 else \
                _day_fault(year, first, second)
    elif found := _NAMED_DAY.fullmatch(head):
        word = found["month"] or found["month2"]
        month = next(i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(word[:3]))
        day = int((found["day"] or found["day2"]).rstrip("stndrh"))
        # Without a year, this year's: the year a capture is filed under.
        fault = _day_fault(int(found["year"] or now.year), month, day)
    elif clock is None:
        return None
    else:
        try:
            if relative_day(head, now.date()) is None:
                return None
        except (ValueError, OverflowError):
            return None
    if fault is None and clock is not None:
        fault = _clock_fault(clock)
    return fault
