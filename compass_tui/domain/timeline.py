"""The professional journey: events on partial dates, and the one-line import format.

Past jobs are often remembered only by year, so an event's date has a precision:
"day", "month" or "year". It is stored as the first day of what is known (2019 ->
2019-01-01) and sorts before anything more precise on that same first day, so
"2019" heads its year, "Mar 2019" heads March.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from dateutil import parser as date_parser
from pydantic import BaseModel, ConfigDict, Field, field_validator

from compass_tui.domain.dates import MAX_YEAR, MIN_YEAR
from compass_tui.domain.text_rules import one_line

Precision = Literal["day", "month", "year"]
PRECISION_ORDER: dict[str, int] = {"year": 0, "month": 1, "day": 2}
EventKind = Literal["role change", "milestone", "achievement", "setback", "pivot", "learning",
                    "other"]
EVENT_KINDS: tuple[EventKind, ...] = ("role change", "milestone", "achievement", "setback",
                                      "pivot", "learning", "other")
# Shape tells the kind apart without colour (16-colour and NO_COLOR terminals).
KIND_SYMBOLS: dict[str, str] = {
    "role change": "◆", "milestone": "★", "achievement": "▲", "setback": "▼",
    "pivot": "↻", "learning": "✎", "other": "•",
}
KIND_STYLES: dict[str, str] = {
    "role change": "bold cyan", "milestone": "bold yellow", "achievement": "bold green",
    "setback": "bold red", "pivot": "bold magenta", "learning": "bold blue", "other": "",
}
SOURCES: dict[str, str] = {"user": "you", "goal": "goal completed",
                           "checkin": "check-in lesson", "ranking": "value re-ranking"}


class PartialDateError(ValueError):
    """A date that cannot be read; the message says what would do."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A day, a month or a year; compares in timeline order."""

    start: date
    rank: int  # PRECISION_ORDER of the precision: less precise first on the same day

    @classmethod
    def of(cls, start: date, precision: str) -> PartialDate:
        return cls(start, PRECISION_ORDER[precision])

    @property
    def precision(self) -> Precision:
        return ("year", "month", "day")[self.rank]  # type: ignore[return-value]

    def label(self) -> str:
        """"2019", "Mar 2019", "14 Mar 2019"."""
        if self.precision == "year":
            return str(self.start.year)
        if self.precision == "month":
            return f"{self.start:%b %Y}"
        return f"{self.start.day} {self.start:%b %Y}"

    def iso(self) -> str:
        """"2019", "2019-03", "2019-03-14" (the export's form)."""
        if self.precision == "year":
            return f"{self.start.year:04d}"
        if self.precision == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()


_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
# Two defaults that differ in every field: a field equal under both was written.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2)


def parse_partial(text: str) -> PartialDate:
    """"2019", "2019-05", "May 2019", "2019-05-14", "14 May 2019" -> a PartialDate."""
    words = " ".join(text.strip().split())
    if not words:
        raise PartialDateError("no date")
    if found := _YEAR.match(words):
        return _checked(int(found.group(1)), 1, 1, "year", words)
    if found := _YEAR_MONTH.match(words):
        return _checked(int(found.group(1)), int(found.group(2)), 1, "month", words)
    try:
        first = date_parser.parse(words, default=_DEFAULT_A)
        second = date_parser.parse(words, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        raise PartialDateError(f"{words!r} is not a date (try 2019, 2019-05 or "
                               "2019-05-14)") from None
    if first.year != second.year:
        raise PartialDateError(f"{words!r} has no year (try 'May 2019')")
    if first.month != second.month:
        return _checked(first.year, 1, 1, "year", words)
    if first.day != second.day:
        return _checked(first.year, first.month, 1, "month", words)
    return _checked(first.year, first.month, first.day, "day", words)


def _checked(year: int, month: int, day: int, precision: str, words: str) -> PartialDate:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PartialDateError(f"{words!r}: the year should be between {MIN_YEAR} and "
                               f"{MAX_YEAR}")
    try:
        return PartialDate.of(date(year, month, day), precision)
    except ValueError:
        raise PartialDateError(f"{words!r} is not a date on the calendar") from None


class EventInput(BaseModel):
    """What the user gives for an event (the app's own events come through the same)."""

    occurred_on: date
    precision: Precision = "day"
    title: str = Field(max_length=300)
    kind: EventKind = "milestone"
    what: str = ""
    lesson: str = ""
    value_ids: list[int] = Field(default_factory=list)
    skill_ids: list[int] = Field(default_factory=list)

    @field_validator("title")
    @classmethod
    def _title(cls, title: str) -> str:
        return one_line(title, "the title")

    @property
    def when(self) -> PartialDate:
        return PartialDate.of(self.occurred_on, self.precision)


class TimelineEvent(EventInput):
    model_config = ConfigDict(frozen=True)

    id: int
    source: str = "user"  # "user", or what the app made it from: goal, checkin, ranking
    source_id: int | None = None
    created_at: datetime
    # What a form saves over: a save over an older version is refused.
    version: int = 1

    @property
    def by_app(self) -> bool:
        return self.source != "user"


# -- the import format: one event per line -----------------------------------------

_LINE = re.compile(r"^(?P<date>[^:]+?)\s*:\s*(?:\[(?P<kind>[^\]]+)\]\s*)?(?P<title>.+)$")


@dataclass(frozen=True)
class LineError:
    line: int  # 1-based
    text: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}: {quoted(self.text)}"


def quoted(text: str, width: int = 60) -> str:
    """A line as an error quotes it: whole words, and "…" where it was shortened."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    return text[:cut if cut > width // 2 else width - 1].rstrip() + "…"


@dataclass(frozen=True)
class ParsedLines:
    events: list[tuple[int, EventInput]]  # (line number, event)
    errors: list[LineError]


def parse_timeline_lines(text: str, default_kind: EventKind = "milestone") -> ParsedLines:
    """`2019: Joined Acme as analyst`, one per line; an optional `[kind]` before the
    title (`2021-03: [pivot] Left banking for design`). Blank lines and lines
    starting with # are skipped; every bad line is reported with its number."""
    events: list[tuple[int, EventInput]] = []
    errors: list[LineError] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        found = _LINE.match(line)
        if found is None:
            errors.append(LineError(number, raw, "expected 'DATE: what happened'"))
            continue
        try:
            when = parse_partial(found.group("date"))
        except PartialDateError as exc:
            errors.append(LineError(number, raw, str(exc)))
            continue
        kind = (found.group("kind") or default_kind).strip().lower()
        if kind not in EVENT_KINDS:
            errors.append(LineError(number, raw, f"unknown kind [{kind}] (one of: "
                                    + ", ".join(EVENT_KINDS) + ")"))
            continue
        title = found.group("title").strip()
        if len(title) > 300:
            errors.append(LineError(number, raw, "the title is longer than 300 characters"))
            continue
        events.append((number, EventInput(occurred_on=when.start, precision=when.precision,
                                          title=title, kind=kind)))  # type: ignore[arg-type]
    return ParsedLines(events, errors)
