"""Escape from a screen that takes text: at once when nothing was typed, else after asking.

The same rule for every form and box, so a stray escape never throws words away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import SelectionList, TextArea

from compass_tui.ui.common.confirm import ConfirmScreen

if TYPE_CHECKING:
    from textual.app import App

QUESTION = "Discard what you typed?"
FIELDS = "Input, TextArea, Select, Checkbox, SelectionList"


def field_values(screen: Screen[object]) -> tuple[object, ...]:
    """What every field of the screen holds now."""
    values: list[object] = []
    for widget in screen.query(FIELDS):
        if isinstance(widget, TextArea):
            values.append(widget.text)
        elif isinstance(widget, SelectionList):
            values.append(tuple(widget.selected))
        else:
            values.append(getattr(widget, "value", None))
    return tuple(values)


class AsksBeforeDiscarding:
    """Mixed into a Screen. Its fields are remembered as they opened: Textual runs
    this mount handler after the screen's own, which fills them, and before any key
    reaches them (keys wait for a new screen to settle, see ordered_keys)."""

    app: App[object]
    _opened_with: tuple[object, ...] | None = None

    def _on_mount(self) -> None:
        self._opened_with = field_values(self)  # type: ignore[arg-type]

    def typed_something(self) -> bool:
        return field_values(self) != self._opened_with  # type: ignore[arg-type]

    def leave_asking(self, leave: Callable[[], object]) -> None:
        """Leave now if nothing was typed; otherwise only once the user says discard."""
        if not self.typed_something():
            leave()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                leave()

        self.app.push_screen(ConfirmScreen(QUESTION, "Discard", "Keep editing"), answered)
