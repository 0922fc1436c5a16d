"""Paste a career history, one event per line, and import it all at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from compass_tui.services.timeline import ImportSummary, TimelineImportError
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.common.typed_text import AsksBeforeDiscarding

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

EXAMPLE = ("One event per line: a date as you remember it, a colon, what happened; a kind in "
           "brackets if you like.\n  2015-09: First job, junior analyst\n"
           "  2019: [role change] Joined Acme as analyst\n  2021-03: [pivot] Left banking")
HINT = "ctrl+s imports (all lines or none) · escape cancels"


class TimelineImportScreen(AsksBeforeDiscarding, ModalScreen[ImportSummary | None]):
    app: CompassApp

    BINDINGS = [
        Binding("ctrl+s", "import_lines", "Import", id="timeline.import.save"),
        Binding("escape", "cancel", "Cancel", id="timeline.import.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="timeline-import"):
            yield Static("Import your career history", classes="dialog-title")
            yield Static(Content(EXAMPLE), classes="import-example")
            yield TextArea(id="timeline-lines")
            yield StatusLine(Content(HINT), id="timeline-import-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_import_lines(self) -> None:
        text = self.query_one(TextArea).text
        try:
            summary = self.app.timeline.import_lines(text)
        except TimelineImportError as exc:
            shown = "; ".join(str(error) for error in exc.errors[:3])
            more = f" (and {len(exc.errors) - 3} more)" if len(exc.errors) > 3 else ""
            self.query_one(StatusLine).say(f"Nothing imported: {shown}{more}", error=True)
            return
        self.dismiss(summary)

    def action_cancel(self) -> None:
        self.leave_asking(lambda: self.dismiss(None))
