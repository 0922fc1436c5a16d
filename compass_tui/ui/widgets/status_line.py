"""One line for a form's feedback: plain for news, highlighted for problems."""

from __future__ import annotations

from textual.widgets import Static


class StatusLine(Static):
    def say(self, message: str, *, error: bool = False) -> None:
        self.update(message)
        self.set_class(error, "error")

    @property
    def text(self) -> str:
        return str(self.render())
