"""Snooze a due check-in: until tomorrow (enter), or a day typed in words."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from compass_tui.domain.dates import DateParseError, parse_due
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.common.typed_text import AsksBeforeDiscarding


class SnoozeScreen(AsksBeforeDiscarding, ModalScreen[date | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="snooze.cancel")]

    def __init__(self, label: str, today: date) -> None:
        super().__init__()
        self.label = label
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(f"Snooze the {self.label.lower()} until…"),
                         classes="dialog-title")
            yield Input("tomorrow", id="snooze-until",
                        placeholder="tomorrow, friday, in 3 days, 2026-12-01")
            yield StatusLine("enter snoozes · escape cancels", id="snooze-status")
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            until = parse_due(event.value, datetime.combine(self.today, time(12)))
        except DateParseError as exc:
            self.query_one(StatusLine).say(f"{exc} (try 'tomorrow' or 'friday')", error=True)
            return
        if until <= self.today:
            self.query_one(StatusLine).say("Pick a day after today.", error=True)
            return
        if until > self.today + timedelta(days=366):
            self.query_one(StatusLine).say("Snooze for a year at most; or switch the "
                                           "check-in off in the schedule.", error=True)
            return
        self.dismiss(until)

    def action_cancel(self) -> None:
        self.leave_asking(lambda: self.dismiss(None))
