"""One line for a form's feedback: plain for news, highlighted for problems."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    def say(self, message: str, *, error: bool = False) -> None:
        # Plain content: messages quote what the user typed, which may look like markup.
        self.update(Content(message))
        self.set_class(error, "error")

    @property
    def text(self) -> str:
        return str(self.render())
