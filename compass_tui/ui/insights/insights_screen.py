"""Insights: when the journal says you are fulfilled and energised, for a period.

The figures are read in a worker (the database adds them up); the screen paints the
last figures it had for the period at once, then the fresh ones. Tab moves between
the parts; enter on a figure lists the entries behind it, and one picked there is
shown in the journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.insights import Period, named_period, next_kind, span_words
from compass_tui.services.errors import WriteRefused
from compass_tui.services.insights import Insights, RatedEntry, span_of
from compass_tui.services.insights_format import nothing_rated
from compass_tui.ui.common.entry_render import summary_line
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.keymap import with_keys
from compass_tui.ui.insights.entries_behind import IN_JOURNAL, EntriesBehindScreen
from compass_tui.ui.insights.period_form import PeriodForm
from compass_tui.ui.insights.ranking_list import RankingList
from compass_tui.ui.insights.review_screen import ReviewScreen
from compass_tui.ui.insights.trend_numbers import TrendNumbers
from compass_tui.ui.insights.year_heatmap import YearHeatmap
from compass_tui.ui.journal.search import SearchFilters

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

READING = "Adding up your ratings…"
EMPTY = "Nothing to say yet: the journal is empty. Write an entry and rate it (1-5)."


def summary(insights: Insights) -> Text:
    overall = insights.overall
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{overall.entries} entries, {overall.rated} rated", style="bold")
    if overall.rated:
        line.append(f" · fulfilment {_figure(overall.fulfilment)} · energy "
                    f"{_figure(overall.energy)} (1-5)")
    line.append(f" · streak {insights.streaks.current}, best {insights.streaks.best}",
                style="dim")
    return line


def _figure(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "–"


def moment_option(insights: Insights, index: int) -> Option:
    """Why first (it is the point), then the entry's line."""
    moment = insights.moments[index]
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{moment.reason}: ", style="bold")
    line.append_text(summary_line(moment.entry, "%Y-%m-%d  "))
    return Option(line, id=str(moment.entry.id))


class InsightsScreen(Screen[None]):
    app: CompassApp

    BINDINGS = [
        Binding("escape", "close", "Close", id="insights.close"),
        Binding("p", "next_period", "Period", id="insights.period",
                tooltip="Last 90 days, this month, quarter, year, all time"),
        Binding("left_square_bracket", "shift(-1)", "Earlier", id="insights.earlier",
                show=False),
        Binding("right_square_bracket", "shift(1)", "Later", id="insights.later",
                show=False),
        Binding("f", "choose_period", "From/to", id="insights.custom",
                tooltip="Any period, in words: last month, 2025-Q1, 2025-03-14"),
        Binding("r", "review", "Review", id="insights.review",
                tooltip="A review of the period, to save or open in your editor"),
    ]

    def __init__(self, period: Period | None = None) -> None:
        super().__init__()
        self.period = period
        self.insights: Insights | None = None

    def compose(self) -> ComposeResult:
        # Plotext is loaded with the first chart, not with the app.
        from compass_tui.ui.insights.trend_chart import TrendChart

        yield Static(id="insights-title")
        yield Static(READING, id="insights-summary")
        with VerticalScroll(id="insights-body"):
            yield Static("Energy and fulfilment", id="insights-trend-heading",
                         classes="insights-heading")
            yield TrendChart(id="insights-chart")
            yield TrendNumbers(id="insights-numbers")
            yield RankingList(id="insights-ranking")
            yield Static("The year", classes="insights-heading")
            yield YearHeatmap(id="insights-year")
            yield Static("Moments worth rereading (high ratings, flow words)",
                         classes="insights-heading")
            yield OptionList(id="insights-moments")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.period is None:
            self.period = named_period("days", self.app.clock().date())
        cached = self.app.insights_cache
        if cached is not None and cached.period == self.period:
            self._show(cached)
        self._read(self.period)
        self.query_one(RankingList).focus(scroll_visible=False)

    # -- reading ---------------------------------------------------------------------

    def _title(self, period: Period) -> None:
        span = span_words(period.start, period.end) if period.start else ""
        words = period.words() + (f" ({span})" if span and span != period.words() else "")
        self.query_one("#insights-title", Static).update(
            Text.assemble(("Insights · ", "bold"), (words, "bold")))

    @work(thread=True, exclusive=True, group="insights", exit_on_error=False)
    def _read(self, period: Period) -> None:
        try:
            insights = self.app.insights.insights(period)
        except WriteRefused as exc:
            self.app.call_from_thread(self._not_read, period, str(exc))
            return
        self.app.call_from_thread(self._read_done, insights)

    def _not_read(self, period: Period, reason: str) -> None:
        if period == self.period:
            self.query_one("#insights-summary", Static).update(
                Text(with_keys(f"The figures could not be read ({reason}); "
                               "{insights.period} or {insights.custom} tries again.",
                               self.app.key_of)))

    def _read_done(self, insights: Insights) -> None:
        if insights.period != self.period:
            return  # another period was asked for meanwhile
        self.app.insights_cache = insights
        self._show(insights)

    def _show(self, insights: Insights) -> None:
        self.insights = insights
        self._title(insights.period)
        said = self.query_one("#insights-summary", Static)
        if insights.first_day is None:
            said.update(EMPTY)
        elif not insights.overall.rated:
            said.update(Text.assemble(summary(insights), "\n", nothing_rated(insights)))
        else:
            said.update(summary(insights))
        unit = insights.trend_unit
        self.query_one("#insights-trend-heading", Static).update(
            with_keys(f"Energy (E) and fulfilment (F), mean by {unit}; "
                      "{insights-trend.earlier} {insights-trend.later} and "
                      "{insights-trend.entries} on the numbers", self.app.key_of))
        trend = insights.trend
        self.query_one("#insights-chart").show(trend, insights.weekly_trend)  # type: ignore[attr-defined]
        self.query_one(TrendNumbers).show(trend, insights.weekly_trend)
        self.query_one(RankingList).show(insights)
        self.query_one(YearHeatmap).show(insights.year, insights.streaks)
        moments = self.query_one("#insights-moments", OptionList)
        moments.clear_options()
        if insights.moments:
            moments.add_options(moment_option(insights, i) for i in range(len(insights.moments)))
        else:
            moments.add_option(Option(Text("None in this period yet.", style="dim"),
                                      disabled=True))

    # -- keys ----------------------------------------------------------------------------

    def _ask(self, period: Period) -> None:
        self.period = period
        self._title(period)
        self.query_one("#insights-summary", Static).update(READING)
        self._read(period)

    def action_next_period(self) -> None:
        current = self.period.kind if self.period else "days"
        self._ask(named_period(next_kind(current), self.app.clock().date()))

    def action_shift(self, steps: int) -> None:
        if self.period is None or self.period.start is None:
            return
        self._ask(self.period.shifted(steps))

    def action_choose_period(self) -> None:
        def chosen(period: Period | None) -> None:
            if period is not None:
                self._ask(period)

        self.app.push_screen(PeriodForm(), chosen)

    def action_review(self) -> None:
        if self.period is not None:
            self.app.push_screen(ReviewScreen(self.period))

    def action_close(self) -> None:
        self.dismiss(None)

    # -- the entries behind a figure ----------------------------------------------------

    @on(OptionList.OptionSelected, "#insights-ranking")
    def _ranking_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id or ""
        if key.startswith("tag:") and self.period is not None:
            tag = key[4:]
            self._behind(self.period, tag, True, f"@{tag} · rated entries, "
                         f"{self.period.words()}")

    @on(TrendNumbers.PointChosen)
    def _point_chosen(self, event: TrendNumbers.PointChosen) -> None:
        if self.insights is None:
            return
        span = span_of(event.key, self.insights.weekly_trend)
        self._behind(span, None, True, f"Rated entries, {span.words()}")

    @on(YearHeatmap.DayChosen)
    def _day_chosen(self, event: YearHeatmap.DayChosen) -> None:
        day = event.day
        self._behind(Period(day, day), None, False, f"{day:%A %d %B %Y}")

    @on(OptionList.OptionSelected, "#insights-moments")
    def _moment_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self._open_entry(int(event.option.id))

    @work(thread=True, exclusive=True, group="insights-behind", exit_on_error=False)
    def _behind(self, period: Period, tag: str | None, rated_only: bool, heading: str) -> None:
        try:
            items = self.app.insights.entries_behind(period, tag, rated_only)
        except WriteRefused as exc:
            self.app.call_from_thread(self.app.notify, f"The entries could not be read ({exc}).",
                                      severity="warning", timeout=5)
            return
        filters = SearchFilters(tag=f"@{tag}" if tag else "",
                                date_from=f"{period.start:%Y-%m-%d}" if period.start else "",
                                date_to=f"{period.end:%Y-%m-%d}")
        self.app.call_from_thread(self._list_behind, heading, items, filters)

    def _list_behind(self, heading: str, items: list[RatedEntry],
                     filters: SearchFilters) -> None:
        def picked(entry_id: int | None) -> None:
            if entry_id == IN_JOURNAL:
                self._open_search(filters)
            elif entry_id is not None:
                self._open_entry(entry_id)

        self.app.push_screen(EntriesBehindScreen(heading, items, "No entries.", filters),
                             picked)

    def _open_search(self, filters: SearchFilters) -> None:
        """Back to the journal, its search showing every entry behind the figure."""
        self.dismiss(None)
        self.app.action_show_tab("journal")
        self.app.journal_tab.action_search(filters)

    def _open_entry(self, entry_id: int) -> None:
        """Back to the journal with the entry selected in the list."""
        self.dismiss(None)
        self.app.action_show_tab("journal")
        self.app.journal_tab.show_entry(entry_id)

