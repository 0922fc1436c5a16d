"""Any period, in the words `compass list --from/--to` takes ("last month", "2025-03",
"2025-Q1", "3 weeks ago"); both empty: the whole journal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from compass_tui.domain.dates import DateParseError
from compass_tui.domain.insights import Period, PeriodError
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.common.typed_text import AsksBeforeDiscarding

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

HINT = "From and To: 'last month', '2025-03', '2025-Q1', '2025-03-14'. Both empty: all time."


class PeriodForm(AsksBeforeDiscarding, ModalScreen[Period | None]):
    app: CompassApp

    BINDINGS = [
        Binding("escape", "close", "Close", id="period-form.close"),
        Binding("enter", "apply", "Show", id="period-form.apply", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="period-box"):
            yield Static("Insights for a period", classes="dialog-title")
            with Horizontal(classes="period-row"):
                yield Label("From", classes="field-label")
                yield Input(placeholder="2025-Q1", id="period-from")
            with Horizontal(classes="period-row"):
                yield Label("To", classes="field-label")
                yield Input(placeholder="2025-06", id="period-to")
            yield StatusLine(HINT, id="period-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#period-from").focus()

    def action_apply(self) -> None:
        date_from = self.query_one("#period-from", Input).value.strip() or None
        date_to = self.query_one("#period-to", Input).value.strip() or None
        try:
            period = self.app.insights.period(date_from, date_to,
                                              everything=not (date_from or date_to))
        except (DateParseError, PeriodError) as exc:
            self.query_one(StatusLine).say(f"{exc}. {HINT}", error=True)
            return
        self.dismiss(period)

    def action_close(self) -> None:
        self.leave_asking(lambda: self.dismiss(None))
