"""The Timeline tab: the professional journey by year, or every lesson learned.

The list is read off the event loop: once shortly after start-up (so the first
visit paints at once), and again on every showing once the screen has painted
what it had. Only the rows on screen are drawn (RowList), so 2,000 events cost
what 20 do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, VerticalScroll
from textual.widgets import Static, TabbedContent

from compass_tui.domain.timeline import EVENT_KINDS, KIND_SYMBOLS, TimelineEvent
from compass_tui.services.timeline import ImportSummary
from compass_tui.ui.common.cached_reads import CachedReads
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.goals.row_list import RowList
from compass_tui.ui.timeline.event_detail import event_text, year_text
from compass_tui.ui.timeline.event_form import EventForm
from compass_tui.ui.timeline.rows import (
    Row,
    YearRow,
    event_line,
    row_id,
    with_years,
    year_line,
)
from compass_tui.ui.timeline.timeline_import import TimelineImportScreen
from compass_tui.ui.timeline.year_jump import YearJumpScreen

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

PREFETCH_DELAY = 0.6  # seconds after start-up (after the Goals tab's read-ahead)
KIND_FILTERS: tuple[str | None, ...] = (None, *EVENT_KINDS)
EMPTY = ("Your journey starts here. n adds a moment: a job, a pivot, a setback, what it "
         "taught you. A date can be just a year.\n\ni pastes a whole career history, one "
         "line per event: 2015-09: First job, junior analyst")
NO_LESSONS = "No lessons yet: e on an event adds the lesson it taught you."


@dataclass(frozen=True)
class Query:
    kind: str | None
    include_app: bool
    lessons: bool


@dataclass(frozen=True)
class Listing:
    query: Query
    events: list[TimelineEvent] = field(default_factory=list)
    values: dict[int, str] = field(default_factory=dict)
    skills: dict[int, str] = field(default_factory=dict)

    @property
    def rows(self) -> list[Row]:
        return list(self.events) if self.query.lessons else with_years(self.events)


@guard_actions
class TimelineTab(CachedReads, Container):
    app: CompassApp

    BINDINGS = [
        Binding("n", "add", "New", id="timeline.add"),
        Binding("e", "edit", "Edit", id="timeline.edit"),
        Binding("d", "delete", "Delete", id="timeline.delete"),
        Binding("y", "jump_year", "Year", id="timeline.year"),
        Binding("f", "cycle_kind", "Kind", id="timeline.kind"),
        Binding("a", "toggle_app", "App events", id="timeline.app"),
        Binding("l", "toggle_lessons", "Lessons", id="timeline.lessons"),
        Binding("i", "import_lines", "Import", id="timeline.import"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind_index = 0
        self.include_app = True
        self.lessons = False
        self._listing = Listing(Query(None, True, False))
        self._init_reads()

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-header")
        with Horizontal(id="timeline-body"):
            yield RowList[Row](self._render_row, id="timeline-list")
            with VerticalScroll(id="timeline-detail"):
                yield Static(id="timeline-event")

    def on_mount(self) -> None:
        self._show_header()
        self.set_timer(PREFETCH_DELAY, self._read_ahead)

    def on_show(self) -> None:
        self._load()

    def refresh_from_store(self) -> None:
        """Another window wrote: every read kept is stale; the cursor stays on its row."""
        self._changed()

    # -- parts --------------------------------------------------------------------

    @property
    def rows(self) -> RowList[Row]:
        return self.query_one("#timeline-list", RowList)

    def focus_default(self) -> None:
        self.rows.focus()

    def _showing(self) -> bool:
        return self.app.query_one("#tabs", TabbedContent).active == "timeline"

    def _focus_list(self) -> None:
        if self._showing():
            self.rows.focus()

    def reload(self) -> None:
        self._changed()

    # -- reading ------------------------------------------------------------------

    def _query(self) -> Query:
        return Query(KIND_FILTERS[self.kind_index], self.include_app, self.lessons)

    def _fetch(self, query: Query) -> Listing:
        timeline = self.app.timeline
        if query.lessons:
            events = timeline.lessons()
        else:
            kinds = {query.kind} if query.kind is not None else None
            events = timeline.events(kinds, include_app=query.include_app)
        if query.lessons and not query.include_app:
            events = [e for e in events if not e.by_app]
        values, skills = timeline.names()
        return Listing(query, events, values, skills)

    def _apply(self, listing: Listing, select: str | None) -> None:
        self._listing = listing
        rows = listing.rows
        self.rows.set_items(rows, [row_id(r) for r in rows], version=listing.query.lessons,
                            keep=select)
        self._show_header()
        self._show_current()

    # -- drawing ------------------------------------------------------------------

    def _render_row(self, row: Row, _width: int) -> Text:
        if isinstance(row, YearRow):
            return year_line(row)
        return event_line(row, lesson=self._listing.query.lessons)

    def _show_header(self) -> None:
        header = Text(no_wrap=True, overflow="ellipsis")
        header.append(" Lessons learned " if self.lessons else " Timeline ",
                      style="bold reverse")
        kind = KIND_FILTERS[self.kind_index]
        if not self.lessons:
            header.append(f"  {KIND_SYMBOLS[kind]} {kind}" if kind else "  all kinds")
        header.append(" · with app events" if self.include_app else " · your events only")
        if self._listing.query == self._query():
            count = len(self._listing.events)
            noun = "lesson" if self.lessons else "event"
            header.append(f" · {count} {noun}{'s' if count != 1 else ''}")
        self.query_one("#timeline-header", Static).update(header)

    def _current(self) -> Row | None:
        index = self.rows.highlighted
        items = self.rows.items
        return items[index] if index is not None and index < len(items) else None

    @property
    def current_event(self) -> TimelineEvent | None:
        row = self._current()
        return row if isinstance(row, TimelineEvent) else None

    def _show_current(self) -> None:
        detail = self.query_one("#timeline-event", Static)
        row = self._current()
        if row is None:
            detail.update(Text(NO_LESSONS if self.lessons else EMPTY, style="dim"))
        elif isinstance(row, YearRow):
            detail.update(year_text(row))
        else:
            detail.update(event_text(row, self._listing.values, self._listing.skills))

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._show_current()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.action_edit()

    # -- actions ------------------------------------------------------------------

    def _saved(self, event: TimelineEvent | None) -> None:
        if event is not None:
            self._changed(select=f"e{event.id}")
            listed = self._query()
            if (listed.kind is not None and event.kind != listed.kind) or listed.lessons:
                self.app.notify("Saved; the view hides it (f, l change it).", timeout=4)
        self._focus_list()

    def action_add(self) -> None:
        self.app.push_screen(EventForm(today=self.app.clock().date()), self._saved)

    def action_edit(self) -> None:
        event = self.current_event
        if event is not None:
            self.app.push_screen(EventForm(event), self._saved)

    def action_delete(self) -> None:
        event = self.current_event
        if event is None:
            return

        def delete() -> None:
            self.app.timeline.delete(event.id)
            self._changed()

        confirm_then(self, f"Delete “{event.title}” from your timeline?", "Delete", delete,
                     after=self._focus_list)

    def action_jump_year(self) -> None:
        years = sorted({row.year for row in self.rows.items if isinstance(row, YearRow)})
        if not years:
            self.app.notify("No years to go to yet.", timeout=3)
            return

        def chosen(year: int | None) -> None:
            if year is not None:
                ids = [row_id(row) for row in self.rows.items]
                self.rows.set_items(self.rows.items, ids, version=self._listing.query.lessons,
                                    keep=f"y{year}")
                # Put the year at the top of the list, its events below it.
                self.rows.scroll_to(y=ids.index(f"y{year}"), animate=False, immediate=True)
            self._focus_list()

        self.app.push_screen(YearJumpScreen(years), chosen)

    def action_cycle_kind(self) -> None:
        self.kind_index = (self.kind_index + 1) % len(KIND_FILTERS)
        self._refilter()

    def action_toggle_app(self) -> None:
        self.include_app = not self.include_app
        self._refilter()

    def action_toggle_lessons(self) -> None:
        self.lessons = not self.lessons
        self._refilter()

    def _refilter(self) -> None:
        self._show_header()
        self._load()

    def action_import_lines(self) -> None:
        def imported(summary: ImportSummary | None) -> None:
            if summary is not None:
                self.app.notify(f"Timeline: {summary.words()}.", timeout=5)
                self._changed()
            self._focus_list()

        self.app.push_screen(TimelineImportScreen(), imported)
