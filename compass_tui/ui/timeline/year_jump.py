"""`y` on the timeline: type a year, go there."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.common.typed_text import AsksBeforeDiscarding


class YearJumpScreen(AsksBeforeDiscarding, ModalScreen[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="year-jump.cancel")]

    def __init__(self, years: list[int]) -> None:
        super().__init__()
        self.years = years

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Go to year", classes="dialog-title")
            yield Input(placeholder=f"{self.years[0]} … {self.years[-1]}" if self.years else "",
                        id="year-jump", restrict=r"\d{0,4}")
            yield StatusLine("enter goes there (the nearest year with events)",
                             id="year-jump-status")
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.isdigit() or not self.years:
            self.query_one(StatusLine).say("Type a year, such as 2019.", error=True)
            return
        wanted = int(event.value)
        self.dismiss(min(self.years, key=lambda year: (abs(year - wanted), year)))

    def action_cancel(self) -> None:
        self.leave_asking(lambda: self.dismiss(None))
