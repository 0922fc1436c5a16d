"""Pick one ranked value (or all of them) to filter by."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.values import CoreValue

ALL = "all"
# What the picker hands back: (value id or None for all values, its label).
ValueChoice = tuple[int | None, str]


class ValuePickerScreen(ModalScreen[ValueChoice | None]):
    """Dismissed with the choice, or None on escape (the filter stays as it was)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="value-picker.close")]

    def __init__(self, values: list[CoreValue], current: int | None) -> None:
        super().__init__()
        self.values = values
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Show goals serving…", classes="dialog-title")
            # Option prompts are Content, never markup: value names are the user's words.
            options = [Option("all values", id=ALL)]
            options += [Option(_label(value), id=str(value.id)) for value in self.values]
            yield OptionList(*options, id="picker-list")

    def on_mount(self) -> None:
        picker = self.query_one("#picker-list", OptionList)
        wanted = str(self.current) if self.current is not None else ALL
        picker.highlighted = next((i for i, option in enumerate(picker.options)
                                   if option.id == wanted), 0)
        picker.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == ALL:
            self.dismiss((None, "all values"))
            return
        value = next(v for v in self.values if str(v.id) == event.option.id)
        self.dismiss((value.id, value.name))


def _label(value: CoreValue) -> Content:
    return Content(f"{value.rank}. {value.name}" if value.rank else value.name)
