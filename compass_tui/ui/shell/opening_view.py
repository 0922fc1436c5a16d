"""The Journal's frame while the journal opens.

The same parts where the Journal tab puts them (the prompt line, the entry list, the
reading pane), so nothing moves when the tab takes its place: the newest entries
when they could be read ahead without the database stack, else "opening…"; and in
the pane, what the opening is doing (an upgrade of the journal says so here).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.widgets import Static
from textual.widgets.option_list import Option

from compass_tui.domain.entry_line import EntryLine
from compass_tui.services.prompts import prompt_of_the_day
from compass_tui.ui.journal.entry_list import EntryList
from compass_tui.ui.journal.today_line import today_line

OPENING = "opening…"
# An empty journal, read ahead: the tab says the rest (its keys, as config.toml moves
# them, are known once every screen is loaded).
EMPTY = "No entries yet."


class OpeningView(Container):
    def __init__(self, lines: Sequence[EntryLine] | None, today: date) -> None:
        """`lines`: the newest entries read ahead; None when they could not be."""
        super().__init__(id="journal-opening")
        self._lines = None if lines is None else list(lines)
        self._today = today

    def compose(self) -> ComposeResult:
        yield Static(today_line(prompt_of_the_day(self._today).text), id="today-line")
        with Horizontal(id="journal-body"):
            yield EntryList(id="entry-list")
            # An empty journal says so at once, as the tab will; else the entry follows.
            yield Static(Text(EMPTY if self._lines == [] else OPENING, style="dim"),
                         id="reading")

    def on_mount(self) -> None:
        entries = self.query_one(EntryList)
        if self._lines:
            entries.append_page(self._lines, len(self._lines))
        elif self._lines is None:  # not read ahead (a server, an upgrade to come)
            entries.add_option(Option(Text(OPENING, style="dim"), disabled=True))
        entries.focus()

    def say(self, message: str) -> None:
        """What the opening is doing, where the entry will be shown."""
        self.query_one("#reading", Static).update(Text(message, style="dim"))
