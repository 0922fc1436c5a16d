"""The entries a figure was made from, newest first, each with its ratings; enter shows
one in the journal, selected in the list; / opens the journal's search filtered to them
(its tag and its days), to read them all there."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.services.insights import RatedEntry
from compass_tui.ui.common.entry_render import summary_line
from compass_tui.ui.journal.search import SearchFilters

# Dismissed with this: the journal's search, filtered as the figure was.
IN_JOURNAL = -1


def rated_line(item: RatedEntry) -> Text:
    ratings = " ".join(f"{letter}{value}" for letter, value in (("F", item.fulfilment),
                                                                  ("E", item.energy))
                       if value is not None)
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{ratings:<6}", style="bold")
    line.append_text(summary_line(item.entry, "%Y-%m-%d  "))
    return line


class EntriesBehindScreen(ModalScreen[int | None]):
    """Dismissed with the picked entry's id, IN_JOURNAL, or None."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="entries-behind.close"),
        Binding("slash", "in_journal", "In the journal", id="entries-behind.journal",
                tooltip="The journal's search, filtered to these entries' tag and days"),
    ]

    def __init__(self, heading: str, items: list[RatedEntry], empty: str,
                 filters: SearchFilters | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.items = items
        self.empty = empty
        self.filters = filters

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.filters is not None if action == "in_journal" else True

    def action_in_journal(self) -> None:
        if self.filters is not None:
            self.dismiss(IN_JOURNAL)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="behind-box"):
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield Static(self.empty if not self.items else
                         "Enter shows the entry in the journal, / all of them in its "
                         "search (F fulfilment, E energy).",
                         classes="dialog-question", markup=False)
            yield OptionList(*(Option(rated_line(item), id=str(item.entry.id))
                               for item in self.items), id="behind-list")

    def on_mount(self) -> None:
        self.query_one("#behind-list").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id) if event.option.id else None)
