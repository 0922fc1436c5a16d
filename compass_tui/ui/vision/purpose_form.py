"""Write the purpose statement: a few lines on why you do this work."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static, TextArea

from compass_tui.ui.common.form_screen import FormScreen

HINT = ("Why do you do this work, and for whom? A sentence or two you would still sign "
        "in five years. It heads the board and opens the story drafted from your data.")
MAX_LENGTH = 1000


class PurposeForm(FormScreen[str]):
    TITLE = "Purpose statement"

    def compose_fields(self) -> ComposeResult:
        yield Static(HINT, classes="form-hint")
        yield TextArea(id="purpose-text", soft_wrap=True, compact=True)

    def on_mount(self) -> None:
        # One small read, and always the statement as saved now: its version is what
        # the save goes over, so one saved meanwhile in another window is not lost.
        saved = self.app.vision.purpose_as_saved()
        self._version = saved.version
        text = self.query_one("#purpose-text", TextArea)
        text.load_text(saved.text)
        text.focus()
        text.move_cursor(text.document.end)

    def save(self) -> str:
        text = self.query_one("#purpose-text", TextArea).text.strip()
        if len(text) > MAX_LENGTH:
            raise ValueError(f"the purpose is {len(text)} characters long; keep it under "
                             f"{MAX_LENGTH}, a few lines")
        self.app.vision.set_purpose(text, self._version)
        return text
