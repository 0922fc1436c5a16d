"""The review of the period Insights shows, as it will be written: ctrl+s saves it to a
file (never over one that exists unless you say so), ctrl+o opens it in your editor to
rework before saving."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Markdown, Static

from compass_tui.domain.insights import Period
from compass_tui.services.errors import WriteRefused
from compass_tui.services.review_export import ReviewFileExists, save_review
from compass_tui.services.review_format import review_markdown
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.common.external_editor import NO_EDITOR, edit_externally, find_editor
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.keymap import with_keys
from compass_tui.ui.common.status_line import StatusLine

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

HINT = ("{review.save} saves to the file named below · {review.editor} opens it in your "
        "editor · {review.close} closes")


def default_path(period: Period) -> Path:
    start = period.start.isoformat() if period.start else "start"
    return Path.home() / f"compass-review-{start}-to-{period.end.isoformat()}.md"


class ReviewScreen(ModalScreen[None]):
    app: CompassApp

    BINDINGS = [
        Binding("escape", "close", "Close", id="review.close"),
        Binding("ctrl+s", "save", "Save", id="review.save", priority=True),
        Binding("ctrl+o", "edit", "Editor", id="review.editor",
                tooltip="Open the review in $VISUAL or $EDITOR"),
    ]

    def __init__(self, period: Period) -> None:
        super().__init__()
        self.period = period
        self.text = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box"):
            yield Static("Review", classes="dialog-title", id="review-title")
            with VerticalScroll(id="review-scroll"):
                yield Markdown("Gathering the period's data…", id="review-text")
            yield Input(str(default_path(self.period)), id="review-path")
            yield StatusLine(with_keys(HINT, self.app.key_of), id="review-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#review-scroll").focus()
        self._build()

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def _build(self) -> None:
        try:
            review = self.app.review.build(self.period)
        except WriteRefused as exc:
            self.app.call_from_thread(self.status.say, f"The review could not be read ({exc}).",
                                      error=True)
            return
        self.app.call_from_thread(self._show, review_markdown(review))

    def _show(self, text: str) -> None:
        self.text = text
        self.query_one("#review-text", Markdown).update(text)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def action_save(self, replace: bool = False) -> None:
        if not self.text:
            return
        path = Path(self.query_one("#review-path", Input).value.strip()).expanduser()
        try:
            save_review(path, self.text, replace=replace)
        except ReviewFileExists:
            def answered(yes: bool | None) -> None:
                if yes:
                    self.action_save(replace=True)

            self.app.push_screen(ConfirmScreen(f"{path} already exists. Replace it?",
                                               "Replace", "Keep it"), answered)
            return
        except OSError as exc:
            self.status.say(f"Not saved: {exc.strerror or exc}.", error=True)
            return
        self.status.say(f"Saved to {path} (readable only by you).")

    def action_edit(self) -> None:
        if not self.text:
            return
        command = find_editor(self.app.settings.editor)
        if command is None:
            self.status.say(NO_EDITOR, error=True)
            return
        try:
            edited = edit_externally(self.app, command, self.text, "compass-review-")
        except OSError as exc:
            self.status.say(f"Could not run the editor: {exc}", error=True)
            return
        self._show(edited.text)
        self.status.say(edited.words(with_keys("; {review.save} saves it", self.app.key_of)))

    def action_close(self) -> None:
        self.dismiss(None)
