"""A check box that says its state in text, "[x]" or "[ ]", not only in a shade."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TickBox(Checkbox):
    # Textual's box is the same "X" ticked or not, told apart by colour alone:
    # NO_COLOR and many 16-colour themes showed every box ticked.
    @property
    def _button(self) -> Content:
        return Content.styled("[x]", "bold") if self.value else Content("[ ]")
