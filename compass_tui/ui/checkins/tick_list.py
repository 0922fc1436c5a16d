"""Tasks to tick: "[x]" and "[ ]" in the text itself, so they read the same in a
terminal without colour; space (or enter) ticks the highlighted one."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class TickList(OptionList):
    BINDINGS = [Binding("space", "tick", "Tick", id="checkin.tick")]

    class Ticked(Message):
        """A box changed (the check-in's answers are stale)."""

    def __init__(self, items: list[tuple[int, str, bool]], *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.titles = {item_id: title for item_id, title, _done in items}
        self.ticked = {item_id for item_id, _title, done in items if done}

    def on_mount(self) -> None:
        self.add_options(self._option(item_id) for item_id in self.titles)
        if self.titles:
            self.highlighted = 0  # space ticks at once, without a move first

    def _option(self, item_id: int) -> Option:
        box = "[x]" if item_id in self.ticked else "[ ]"
        return Option(Content(f"{box} {self.titles[item_id]}"), id=str(item_id))

    def set_ticked(self, item_id: int, ticked: bool) -> None:
        if item_id not in self.titles or (item_id in self.ticked) == ticked:
            return
        (self.ticked.add if ticked else self.ticked.discard)(item_id)
        self.replace_option_prompt(str(item_id), self._option(item_id).prompt)
        self.post_message(self.Ticked())

    def action_tick(self) -> None:
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        item_id = int(option.id or 0)
        self.set_ticked(item_id, item_id not in self.ticked)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()
