"""Insights: what the journal's own ratings say about a period.

Every figure comes from sums the database makes (per tag, per day); the rules in
domain.insights turn them into means, rankings and streaks. A check-in counts once,
through the journal entry it writes with its ratings; its tag is the app's, so it is
left out of the rankings (a week's mood is not an activity).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from compass_tui.domain.checkin_tag import CHECKIN_TAG
from compass_tui.domain.insights import (
    MIN_ENTRIES,
    DayCell,
    LiftsAndDrains,
    Period,
    Streaks,
    Tally,
    YearGrid,
    best_streak,
    lifts_and_drains,
    moment_reason,
    period_of,
    ranked,
    use_weeks,
    weekly,
    year_first_day,
)
from compass_tui.domain.streak import current_streak
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals
from compass_tui.services.person_tags import FeedbackGivers, GiversNamed, PersonDirectory

if TYPE_CHECKING:  # not imported to run: `compass insights` reads a file without them
    from compass_tui.domain.entries import EntrySummary
    from compass_tui.domain.entry_line import EntryLine
    from compass_tui.store.quick_insights import QuickInsights
    from compass_tui.store.repository import Repository

MONTHS_DRAWN = 36  # a longer period is drawn by year


@dataclass(frozen=True)
class Named:
    """A person or a goal ranked through the tag that stands for it."""

    name: str
    tally: Tally


@dataclass(frozen=True)
class Moment:
    entry: EntrySummary | EntryLine  # a line, from the file read straight
    fulfilment: int | None
    energy: int | None
    reason: str


@dataclass(frozen=True)
class RatedEntry:
    entry: EntrySummary
    fulfilment: int | None
    energy: int | None


@dataclass(frozen=True)
class Insights:
    period: Period
    first_day: date | None  # of the whole journal
    min_entries: int
    overall: Tally
    by_tag: list[Tally]  # ranked, only those with min_entries rated entries
    tags_below_minimum: int
    by_person: list[Named]
    by_goal: list[Named]
    by_month: list[Tally]  # key YYYY-MM, oldest first
    by_week: list[Tally]  # key: the Monday, YYYY-MM-DD
    weekly_trend: bool  # the screen draws weeks (a short period) or months
    streaks: Streaks
    year: YearGrid
    moments: list[Moment]

    @property
    def start(self) -> date | None:
        """The period's first day; all time starts at the first entry."""
        return self.period.start or self.first_day

    @property
    def trend(self) -> list[Tally]:
        """Weeks for a short period, months up to three years, years beyond."""
        if self.weekly_trend:
            return self.by_week
        if len(self.by_month) <= MONTHS_DRAWN:
            return self.by_month
        years: dict[str, Tally] = {}
        for month in self.by_month:
            key = month.key[:4]
            years[key] = years.get(key, Tally(key)) + month
        return list(years.values())

    @property
    def trend_unit(self) -> str:
        if self.weekly_trend:
            return "week"
        return "month" if len(self.by_month) <= MONTHS_DRAWN else "year"

    @property
    def split(self) -> LiftsAndDrains:
        return lifts_and_drains(self.by_tag, self.overall)


class InsightsSums(Protocol):
    """What the database adds up for Insights (InsightsStore, QuickInsights)."""

    def first_day(self) -> date | None: ...
    def run_back_from(self, day: date) -> int | None: ...
    def overall(self, start: datetime | None, end: datetime) -> Tally: ...
    def by_tag(self, start: datetime | None, end: datetime,
               leave_out: Sequence[str] = ()) -> list[Tally]: ...
    def by_month(self, start: datetime | None, end: datetime) -> list[Tally]: ...
    def best_run(self, start: datetime | None, end: datetime) -> int | None: ...
    def by_day(self, start: datetime | None, end: datetime) -> list[tuple[date, Tally]]: ...
    def moments(self, start: datetime | None, end: datetime, limit: int = 6
                ) -> list[tuple[EntrySummary | EntryLine, int | None, int | None, str]]: ...


@plain_refusals
class InsightsService:
    def __init__(self, repo: Repository, clock: Clock = system_clock,
                 people: PersonDirectory | None = None,
                 min_entries: int = MIN_ENTRIES) -> None:
        self._begin(repo.insights, clock, people or FeedbackGivers(repo), min_entries,
                    lambda: {goal.tag: goal.title for goal in repo.goals.all_goals()
                             if goal.tag}, repo)

    @classmethod
    def from_file(cls, reader: QuickInsights, clock: Clock = system_clock,
                  min_entries: int = MIN_ENTRIES) -> InsightsService:
        """The same figures from a SQLite file read straight (`compass insights`)."""
        service = cls.__new__(cls)
        service._begin(reader, clock, GiversNamed(reader.feedback_givers), min_entries,
                       reader.goal_titles, None)
        return service

    def _begin(self, store: InsightsSums, clock: Clock, people: PersonDirectory,
               min_entries: int, goal_titles: Callable[[], dict[str, str]],
               repo: Repository | None) -> None:
        self._store = store
        self.clock = clock
        self.people = people
        self.min_entries = min_entries
        self._goal_titles = goal_titles
        self._repo = repo  # None when read straight from the file

    def period(self, date_from: str | None = None, date_to: str | None = None, *,
               everything: bool = False) -> Period:
        """--from/--to words as the period they name (DateParseError, PeriodError)."""
        return period_of(date_from, date_to, self.clock(), everything=everything)

    def insights(self, period: Period) -> Insights:
        start, end = period.start_at, period.end_before
        first_day = self._store.first_day()
        weeks = use_weeks(period, first_day)
        tags = self._store.by_tag(start, end, leave_out=[CHECKIN_TAG])
        by_tag = ranked(tags, self.min_entries)
        # Days are read for the year's grid, and for a short period's weeks; a long
        # period's months and best run are the database's own sums.
        # The year's grid ends at the period's end, or today for a period not over yet.
        year_last = min(period.end, self.clock().date())
        year_first = year_first_day(year_last)
        span = datetime.combine(year_first, datetime.min.time())
        if weeks and start is not None:
            span = min(span, start)
        days = self._store.by_day(span, end)
        in_period = [(day, t) for day, t in days if period.start is None
                     or day >= period.start]
        months = self._store.by_month(start, end)
        best = self._store.best_run(start, end)
        if best is None:
            best = best_streak(day for day, _t in self._store.by_day(start, end))
        return Insights(
            period=period, first_day=first_day, min_entries=self.min_entries,
            # Every entry falls in one month: the months add up to the period, one pass.
            overall=sum(months, Tally("overall")), by_tag=by_tag,
            tags_below_minimum=len(tags) - len(by_tag),
            by_person=self._people(tags), by_goal=self._goals(tags),
            by_month=months,
            by_week=weekly(in_period) if weeks else [], weekly_trend=weeks,
            streaks=Streaks(current=self._current_streak(period.end), best=best),
            year=_year(days, year_first, year_last),
            moments=[Moment(entry, f, e, moment_reason(f, e, words))
                     for entry, f, e, words in self._store.moments(start, end)],
        )

    def _current_streak(self, last: date) -> int:
        """Days in a row written up to `last` (or up to the day before: a morning with
        nothing written yet does not break it)."""
        for day in (last, last - timedelta(days=1)):
            run = self._store.run_back_from(day)
            if run is None and self._repo is not None:  # another database: walk the days
                return current_streak(self._repo.entries.days_newest_first(last), last)
            if run:
                return run
        return 0

    def _people(self, tags: list[Tally]) -> list[Named]:
        names = self.people.person_tags()
        return [Named(names[t.key], t) for t in ranked(
            (t for t in tags if t.key in names), self.min_entries)]

    def _goals(self, tags: list[Tally]) -> list[Named]:
        by_tag = {t.key: t for t in tags}
        titles = {tag: title for tag, title in self._goal_titles().items() if tag in by_tag}
        return [Named(titles[t.key], t) for t in ranked(
            (by_tag[tag] for tag in titles), self.min_entries)]

    def lifts_and_drains(self, period: Period, limit: int = 3) -> LiftsAndDrains:
        """The biggest lifts and drains of a period (for the monthly check-in)."""
        start, end = period.start_at, period.end_before
        overall = self._store.overall(start, end)
        tags = self._store.by_tag(start, end, leave_out=[CHECKIN_TAG])
        return lifts_and_drains(ranked(tags, self.min_entries), overall, limit)

    def entries_behind(self, period: Period, tag: str | None = None,
                       rated_only: bool = True) -> list[RatedEntry]:
        """The entries a figure was made from, newest first."""
        return [RatedEntry(*row) for row in self._store.entries(
            period.start_at, period.end_before, tag=tag, rated_only=rated_only)]


def _year(days: list[tuple[date, Tally]], first: date, last: date) -> YearGrid:
    cells = {day: DayCell(day, t.entries, t.fulfilment) for day, t in days
             if first <= day <= last}
    return YearGrid(first=first, last=last, cells=cells)


def span_of(tally_key: str, weekly_trend: bool) -> Period:
    """The days a trend point covers: its week (key: the Monday), month or year."""
    if weekly_trend:
        monday = date.fromisoformat(tally_key)
        return Period(monday, monday + timedelta(days=6))
    if len(tally_key) == 4:
        return Period(date(int(tally_key), 1, 1), date(int(tally_key), 12, 31), "year")
    year, month = (int(part) for part in tally_key.split("-"))
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return Period(first, following - timedelta(days=1), "month")
