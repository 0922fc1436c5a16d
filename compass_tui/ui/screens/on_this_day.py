"""Entries written on today's date in earlier years."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.entries import EntrySummary


class OnThisDayScreen(ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, entries: list[EntrySummary]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("On this day, in earlier years", classes="dialog-title")
            options = [
                Option(Text.assemble((e.entry_date.strftime("%Y  "), "bold"),
                                     e.title or "(untitled)"), id=str(e.id))
                for e in self.entries
            ]
            if not options:
                yield Static("Nothing yet: come back next year.", classes="dialog-question")
            yield OptionList(*options, id="on-this-day-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id) if event.option.id else None)
