"""What the ratings say: periods, means, what lifts and what drains, streaks.

The database adds up (counts and sums per tag, per month, per day); these rules
turn the sums into means and rankings, so SQLite and PostgreSQL give the same
figures to the last digit: a mean is the exact fraction of two integers, rounded
half up to two decimals, never a float average that each database rounds its way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from dateutil.relativedelta import relativedelta

from compass_tui.domain.dates import parse_period

DEFAULT_DAYS = 90
MIN_ENTRIES = 5  # rated entries a tag needs before it can be called a lift or a drain
# Words that say the writer was absorbed: an entry holding one is worth rereading.
FLOW_PHRASES: tuple[str, ...] = (
    "lost track of time", "in the zone", "in flow", "time flew", "absorbed",
    "couldn't stop", "could not stop", "energised", "energized",
)
HIGH_RATING = 5

PeriodKind = Literal["days", "month", "quarter", "year", "all", "custom"]
PERIOD_CYCLE: tuple[PeriodKind, ...] = ("days", "month", "quarter", "year", "all")


class PeriodError(ValueError):
    """A period that cannot be: the message is fit to show as it is."""


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included; start None: from the first entry."""

    start: date | None
    end: date
    kind: PeriodKind = "custom"

    @property
    def start_at(self) -> datetime | None:
        return datetime.combine(self.start, time.min) if self.start else None

    @property
    def end_before(self) -> datetime:
        """The first moment after the period (the half-open bound queries use)."""
        return datetime.combine(self.end + timedelta(days=1), time.min)

    def words(self) -> str:
        """"last 90 days", "March 2026", "Q1 2026", "2025", "all time", "1 Mar – 9 Apr 2026"."""
        if self.start is None:
            return "all time"
        if self.kind == "days":
            return f"last {(self.end - self.start).days + 1} days"
        if self.kind == "month":
            return f"{self.start:%B %Y}"
        if self.kind == "quarter":
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"
        if self.kind == "year":
            return str(self.start.year)
        return span_words(self.start, self.end)

    def shifted(self, steps: int) -> Period:
        """The period before (negative) or after, of the same kind and length."""
        if self.start is None:
            return self
        if self.kind in ("month", "quarter", "year"):
            months = {"month": 1, "quarter": 3, "year": 12}[self.kind]
            start = self.start + relativedelta(months=months * steps)
            return Period(start, start + relativedelta(months=months) - timedelta(days=1),
                          self.kind)
        length = (self.end - self.start).days + 1
        delta = timedelta(days=length * steps)
        return Period(self.start + delta, self.end + delta, self.kind)


def span_words(start: date, end: date) -> str:
    if start == end:
        return f"{end.day} {end:%b %Y}"
    if start.year != end.year:
        return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"


def last_days(today: date, days: int = DEFAULT_DAYS) -> Period:
    return Period(today - timedelta(days=days - 1), today, "days")


def named_period(kind: PeriodKind, today: date) -> Period:
    """The month, quarter or year holding today, the last 90 days, or all time."""
    if kind == "month":
        start = today.replace(day=1)
        return Period(start, start + relativedelta(months=1) - timedelta(days=1), "month")
    if kind == "quarter":
        start = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
        return Period(start, start + relativedelta(months=3) - timedelta(days=1), "quarter")
    if kind == "year":
        return Period(date(today.year, 1, 1), date(today.year, 12, 31), "year")
    if kind == "all":
        return Period(None, today, "all")
    return last_days(today)


def next_kind(kind: PeriodKind) -> PeriodKind:
    index = PERIOD_CYCLE.index(kind) if kind in PERIOD_CYCLE else -1
    return PERIOD_CYCLE[(index + 1) % len(PERIOD_CYCLE)]


_QUARTER_RES = (
    re.compile(r"^(?P<y>\d{4})[\s-]*q(?P<q>[1-4])$"),
    re.compile(r"^q(?P<q>[1-4])[\s-]*(?P<y>\d{4})$"),
)


def _phrase_range(text: str, now: datetime) -> tuple[date, date, PeriodKind]:
    """[first day, last day] a phrase names: the --from/--to words of `compass list`,
    and quarters ("2025-Q1", "Q1 2025", "this quarter", "last quarter")."""
    phrase = " ".join(text.strip().lower().split())
    quarter_start = None
    for pattern in _QUARTER_RES:
        if match := pattern.match(phrase):
            quarter_start = date(int(match["y"]), (int(match["q"]) - 1) * 3 + 1, 1)
    if phrase in ("this quarter", "last quarter"):
        quarter_start = named_period("quarter", now.date()).start
        if phrase == "last quarter" and quarter_start is not None:
            quarter_start -= relativedelta(months=3)
    if quarter_start is not None:
        return (quarter_start, quarter_start + relativedelta(months=3) - timedelta(days=1),
                "quarter")
    start, end = parse_period(text, now)
    first, last = start.date(), (end - timedelta(days=1)).date()
    kind: PeriodKind = "custom"
    if first.day == 1 and first + relativedelta(months=1) == end.date():
        kind = "month"
    elif (first.month, first.day) == (1, 1) and first + relativedelta(years=1) == end.date():
        kind = "year"
    return first, last, kind


def period_of(date_from: str | None, date_to: str | None, now: datetime, *,
              everything: bool = False) -> Period:
    """The period --from/--to name: neither, the last 90 days; --from alone, up to today;
    --to alone, from the first entry; everything, all time. Raises DateParseError for
    words that are not a date and PeriodError for a --from after --to."""
    today = now.date()
    if everything:
        if date_from or date_to:
            raise PeriodError("--all goes without --from and --to")
        return Period(None, today, "all")
    if not date_from and not date_to:
        return last_days(today)
    start: date | None = None
    kind: PeriodKind = "custom"
    if date_from:
        start, from_last, kind = _phrase_range(date_from, now)
    if date_to:
        to_first, end, to_kind = _phrase_range(date_to, now)
        same = start is not None and (to_first, end) == (start, from_last)
        kind = to_kind if same else "custom"
        if start is not None and start > end:
            raise PeriodError(f"--from ({start:%Y-%m-%d}) is after --to ({end:%Y-%m-%d})")
    else:
        end, kind = today, "custom"
        if start is not None and start > today:
            raise PeriodError(f"--from ({start:%Y-%m-%d}) is after today; add --to")
    return Period(start, end, kind)


# -- means ------------------------------------------------------------------------------


def mean(total: int, count: int) -> float | None:
    """total / count rounded half up to two decimals; None when nothing was counted."""
    if count <= 0:
        return None
    exact = Decimal(total) / Decimal(count)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Tally:
    """What the database added up for one group: entries, rated entries (fulfilment or
    energy given), and per rating its count and sum."""

    key: str
    entries: int = 0
    rated: int = 0
    fulfilment_count: int = 0
    fulfilment_sum: int = 0
    energy_count: int = 0
    energy_sum: int = 0

    @property
    def fulfilment(self) -> float | None:
        return mean(self.fulfilment_sum, self.fulfilment_count)

    @property
    def energy(self) -> float | None:
        return mean(self.energy_sum, self.energy_count)

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.key, self.entries + other.entries, self.rated + other.rated,
                     self.fulfilment_count + other.fulfilment_count,
                     self.fulfilment_sum + other.fulfilment_sum,
                     self.energy_count + other.energy_count,
                     self.energy_sum + other.energy_sum)


def _exact(total: int, count: int) -> Decimal:
    return Decimal(total) / Decimal(count) if count else Decimal(-1)


def ranked(tallies: Iterable[Tally], min_entries: int = MIN_ENTRIES) -> list[Tally]:
    """Groups with at least min_entries rated entries, highest fulfilment first; ties go
    to the higher energy, then to the one with more rated entries, then by name. Sorted
    on the exact means, so two that round alike still keep their true order."""
    kept = [t for t in tallies if t.rated >= min_entries and t.fulfilment_count]
    return sorted(kept, key=lambda t: (-_exact(t.fulfilment_sum, t.fulfilment_count),
                                       -_exact(t.energy_sum, t.energy_count),
                                       -t.rated, t.key))


@dataclass(frozen=True)
class LiftsAndDrains:
    lifts: list[Tally]  # above the overall mean, highest first
    drains: list[Tally]  # below it, lowest first


def lifts_and_drains(ranking: Sequence[Tally], overall: Tally,
                     limit: int | None = None) -> LiftsAndDrains:
    """Split a ranking around the overall fulfilment: what lifts, what drains."""
    if not overall.fulfilment_count:
        return LiftsAndDrains([], [])
    base = _exact(overall.fulfilment_sum, overall.fulfilment_count)
    lifts = [t for t in ranking if _exact(t.fulfilment_sum, t.fulfilment_count) > base]
    drains = [t for t in reversed(ranking)
              if _exact(t.fulfilment_sum, t.fulfilment_count) < base]
    return LiftsAndDrains(lifts[:limit], drains[:limit])


def lifts_words(split: LiftsAndDrains) -> str:
    """"Lifted you: @mentoring 4.80 (6) · Drained you: @status-meetings 2.00 (7)"."""
    def said(items: list[Tally]) -> str:
        return ", ".join(f"@{t.key} {t.fulfilment:.2f} ({t.rated})" for t in items)

    if not split.lifts and not split.drains:
        return (f"Not enough rated entries this month to say what lifted or drained you "
                f"(a tag needs {MIN_ENTRIES}).")
    parts = []
    if split.lifts:
        parts.append("Lifted you: " + said(split.lifts))
    if split.drains:
        parts.append("Drained you: " + said(split.drains))
    return " · ".join(parts) + " (mean fulfilment, rated entries)"


def difference(value: float | None, base: float | None) -> str:
    """"+1.20" / "-0.85" / "±0.00" against the overall mean; "" without both."""
    if value is None or base is None:
        return ""
    delta = Decimal(str(value)) - Decimal(str(base))
    return "±0.00" if delta == 0 else f"{delta:+.2f}"


# -- time buckets -------------------------------------------------------------------------


def week_start(day: date) -> date:
    """The Monday of day's week: a week that straddles a year end is one week."""
    return day - timedelta(days=day.weekday())


def week_label(monday: date) -> str:
    """ISO week: 29 Dec 2025 starts 2026-W01."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def weekly(days: Iterable[tuple[date, Tally]]) -> list[Tally]:
    """Day tallies added up by week (keyed by the Monday, YYYY-MM-DD), oldest first."""
    weeks: dict[date, Tally] = {}
    for day, tally in days:
        monday = week_start(day)
        start = Tally(monday.isoformat())
        weeks[monday] = weeks.get(monday, start) + tally
    return [weeks[key] for key in sorted(weeks)]


def use_weeks(period: Period, first: date | None) -> bool:
    """Weekly means for a period of up to about six months, monthly beyond."""
    start = period.start or first
    return start is not None and (period.end - start).days <= 190


# -- streaks and the year -------------------------------------------------------------------


@dataclass(frozen=True)
class Streaks:
    current: int
    best: int


def best_streak(days: Iterable[date]) -> int:
    """The longest run of consecutive days in an ascending sequence of distinct days."""
    best = run = 0
    last: date | None = None
    for day in days:
        run = run + 1 if last is not None and day - last == timedelta(days=1) else 1
        best = max(best, run)
        last = day
    return best


@dataclass(frozen=True)
class DayCell:
    day: date
    entries: int
    fulfilment: float | None


@dataclass(frozen=True)
class YearGrid:
    """53 weeks (columns, Monday first) ending with the week of `last`."""

    first: date  # a Monday
    last: date
    cells: dict[date, DayCell] = field(default_factory=dict)

    @property
    def weeks(self) -> int:
        return (week_start(self.last) - self.first).days // 7 + 1

    def cell(self, day: date) -> DayCell | None:
        return self.cells.get(day)

    def written_days(self) -> int:
        return sum(1 for cell in self.cells.values() if cell.entries)


def year_first_day(last: date) -> date:
    """The Monday 52 weeks before last's week: a year of columns."""
    return week_start(last) - timedelta(weeks=52)


SHADES = "▁▃▄▆█"  # fulfilment 1..5, read by height without colour
NO_ENTRY = "·"
UNRATED = "○"


def shade(cell: DayCell | None) -> str:
    """One character for a day: nothing written, written but not rated, or its mean
    fulfilment as a bar as high as the rating."""
    if cell is None or not cell.entries:
        return NO_ENTRY
    if cell.fulfilment is None:
        return UNRATED
    level = int(Decimal(str(cell.fulfilment)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return SHADES[min(max(level, 1), 5) - 1]


# -- moments --------------------------------------------------------------------------------


def flow_phrase(text: str) -> str | None:
    """The first flow phrase in text (case and curly quotes aside), or None."""
    folded = text.lower().replace("’", "'")
    return next((p for p in FLOW_PHRASES if p in folded), None)


def moment_reason(fulfilment: int | None, energy: int | None, text: str) -> str:
    """Why an entry is worth rereading, in a few words."""
    reasons = []
    if fulfilment is not None and fulfilment >= HIGH_RATING:
        reasons.append(f"fulfilment {fulfilment}")
    if energy is not None and energy >= HIGH_RATING:
        reasons.append(f"energy {energy}")
    if phrase := flow_phrase(text):
        reasons.append(f"“{phrase}”")
    return ", ".join(reasons)
