"""A list to pick several from, each line "[x]" or "[ ]" in text, not only in a shade."""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

Value = TypeVar("Value")
TICKED, UNTICKED = "[x] ", "[ ] "


class PickList(SelectionList[Value]):
    def _get_left_gutter_width(self) -> int:
        return len(TICKED)

    def render_line(self, y: int) -> Strip:
        # The option's own line, without SelectionList's shaded box.
        line = OptionList.render_line(self, y)
        index = self.scroll_offset.y + y
        try:
            selection = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        ticked = selection.value in self._selected
        base = next(iter(line)).style or self.rich_style
        style = base + Style(bold=ticked, meta={"option": index})  # a click still toggles
        return Strip([Segment(TICKED if ticked else UNTICKED, style), *line])
