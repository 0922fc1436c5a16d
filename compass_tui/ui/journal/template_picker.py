"""`N`: choose the template a new entry starts from (the app's and your own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.entry_templates import EntryTemplate
from compass_tui.services.entry_templates import Shelf

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp


def label_of(template: EntryTemplate) -> str:
    what = template.description or template.name
    return f"{what}  ({template.name}{', yours' if template.own else ''})"


class TemplatePickerScreen(ModalScreen[EntryTemplate | None]):
    """Dismissed with the chosen template, or None on escape."""

    app: CompassApp

    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="templates.close")]

    def __init__(self) -> None:
        super().__init__()
        self.by_name: dict[str, EntryTemplate] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("New entry from a template", classes="dialog-title")
            yield Static(f"Yours: Markdown files in {self.app.templates.library.own}/",
                         classes="dialog-question", id="template-hint")
            yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True, group="template-picker", exit_on_error=False)
    def _load(self) -> None:
        """The files are read off the event loop: the folder may be on a slow disk."""
        shelf = self.app.templates.library.shelf()
        self.app.call_from_thread(self._show, shelf)

    def _show(self, shelf: Shelf) -> None:
        self.by_name = {template.name: template for template in shelf.templates}
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(label_of(t), id=t.name) for t in shelf.templates])
        # A file that cannot be used says why, where it would have been.
        options.add_options([Option(f"✗ {problem}", disabled=True) for problem in shelf.problems])
        if shelf.templates:
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.by_name.get(event.option.id or ""))
