"""Full-text search as you type, with tag, starred and date-range filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from compass_tui.domain.dates import DateParseError
from compass_tui.domain.entries import EntryQuery, SearchHit
from compass_tui.domain.highlight import match_spans, search_terms
from compass_tui.domain.tags import parse_tag_field
from compass_tui.ui.common.entry_render import summary_line
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.common.tick_box import TickBox
from compass_tui.ui.common.typed_text import AsksBeforeDiscarding

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

RESULT_LIMIT = 200
HINT = "Type to search. Enter shows the entry in the journal; ↓ moves to the results."
TYPING_PAUSE = 0.12  # seconds: search once the typist pauses, not on every key


@dataclass(frozen=True)
class SearchFilters:
    """What the search opens with, as the user would type it in its fields."""

    tag: str = ""
    date_from: str = ""
    date_to: str = ""


def highlighted(text: str, terms: list[str], base: str = "") -> Text:
    out = Text(text, style=base, no_wrap=True, overflow="ellipsis")
    for start, end in match_spans(text, terms):
        out.stylize("reverse bold", start, end)
    return out


def hit_label(hit: SearchHit, terms: list[str]) -> Text:
    """The entry's line and a snippet, every matching word highlighted."""
    line = summary_line(hit.entry, "%Y-%m-%d  ")
    for start, end in match_spans(line.plain, terms):
        line.stylize("reverse bold", start, end)
    return Text.assemble(line, "\n    ", highlighted(hit.snippet, terms, "dim"))


class SearchScreen(AsksBeforeDiscarding, ModalScreen[int | None]):
    """Dismissed with the chosen entry's id, or None."""

    app: CompassApp

    BINDINGS = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "results", "Results", show=False, id="search.results"),
        Binding("ctrl+r", "reset", "Clear filters", id="search.reset"),
        # Before the fields' own enter, so the key bar can say what it does.
        Binding("enter", "open", "Show in journal", id="search.open", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(placeholder="Search titles, text and @tags…", id="search-query")
            with Horizontal(id="search-filters"):
                yield Label("Tag", classes="field-label")
                yield Input(placeholder="@tag", id="search-tag", compact=True)
                yield Label("From", classes="field-label")
                yield Input(placeholder="last month", id="search-from", compact=True)
                yield Label("To", classes="field-label")
                yield Input(placeholder="2025-03", id="search-to", compact=True)
                yield TickBox("★ only", id="search-starred", compact=True)
            yield StatusLine(HINT, id="search-status")
            yield OptionList(id="search-results")
        yield KeyBar()

    def __init__(self, filters: SearchFilters | None = None) -> None:
        super().__init__()
        self.filters = filters

    def on_mount(self) -> None:
        self.query_one("#search-query").focus()
        self._pending = None
        if self.filters is not None:  # each value set searches, once the typing pause ends
            for name, value in (("tag", self.filters.tag), ("from", self.filters.date_from),
                                ("to", self.filters.date_to)):
                self.query_one(f"#search-{name}", Input).value = value

    def _query(self) -> EntryQuery:
        value = {name: self.query_one(f"#search-{name}", Input).value.strip()
                 for name in ("query", "tag", "from", "to")}
        date_from = date_to = None
        try:
            if value["from"]:
                date_from = self.app.journal.period(value["from"])[0]
            if value["to"]:
                date_to = self.app.journal.period(value["to"])[1]
        except DateParseError as exc:
            raise ValueError(f"{exc}: try 'last month', '2025-03' or '2025-03-14'") from exc
        starred = True if self.query_one("#search-starred", Checkbox).value else None
        return EntryQuery(text=value["query"], tags=parse_tag_field(value["tag"]),
                          starred=starred, date_from=date_from, date_to=date_to,
                          limit=RESULT_LIMIT)

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._schedule()

    def on_checkbox_changed(self, _event: Checkbox.Changed) -> None:
        self._schedule()

    def _schedule(self) -> None:
        if self._pending is not None:
            self._pending.stop()
        self._pending = self.set_timer(TYPING_PAUSE, self._run)

    def _run(self) -> None:
        self._pending = None
        try:
            query = self._query()
        except ValueError as exc:
            self.status.say(str(exc), error=True)
            return
        if not (query.text or query.tags or query.starred or query.date_from or query.date_to):
            self.query_one("#search-results", OptionList).clear_options()
            self.status.say(HINT)
            return
        self._search(query)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: EntryQuery) -> None:
        started = datetime.now()
        hits = self.app.journal.search(query)
        if not get_current_worker().is_cancelled:
            elapsed = (datetime.now() - started).total_seconds() * 1000
            self.app.call_from_thread(self._show, query, hits, elapsed)

    def _show(self, query: EntryQuery, hits: list[SearchHit], elapsed_ms: float) -> None:
        terms = search_terms(query.text)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(Option(hit_label(hit, terms), id=str(hit.entry.id)) for hit in hits)
        more = "+" if len(hits) >= RESULT_LIMIT else ""
        noun = "entry" if len(hits) == 1 else "entries"
        self.status.say(f"{len(hits)}{more} {noun} · {elapsed_ms:.0f} ms")

    @property
    def status(self) -> StatusLine:
        return self.query_one("#search-status", StatusLine)

    def action_open(self) -> None:
        """Enter, in any field or in the results: the highlighted result, else the first."""
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.highlighted = results.highlighted or 0
            self._open(results)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_list)

    def _open(self, results: OptionList) -> None:
        option = results.highlighted_option
        if option is not None and option.id:
            self.dismiss(int(option.id))

    def action_results(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def action_reset(self) -> None:
        for name in ("tag", "from", "to"):
            self.query_one(f"#search-{name}", Input).value = ""
        self.query_one("#search-starred", Checkbox).value = False

    def action_close(self) -> None:
        self.leave_asking(lambda: self.dismiss(None))
