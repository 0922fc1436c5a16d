"""A short list of entries to pick one from: "on this day", the trash."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.entries import EntrySummary
from compass_tui.ui.common.entry_render import summary_line


class EntryPickerScreen(ModalScreen[int | None]):
    """Dismissed with the picked entry's id, or None on escape."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="entry-picker.close")]

    def __init__(self, title: str, entries: list[EntrySummary], empty: str, hint: str = "",
                 date_format: str = "%Y-%m-%d  ") -> None:
        super().__init__()
        self.heading = title
        self.entries = entries
        self.empty = empty
        self.hint = hint
        self.date_format = date_format

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.heading, classes="dialog-title")
            if not self.entries:
                yield Static(self.empty, classes="dialog-question")
            elif self.hint:
                yield Static(self.hint, classes="dialog-question")
            yield OptionList(
                *(Option(summary_line(e, self.date_format), id=str(e.id)) for e in self.entries),
                id="picker-list",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id) if event.option.id else None)
