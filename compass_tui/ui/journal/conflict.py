"""The entry was changed in another window: show both, let the user choose.

Keep mine replaces theirs, keep theirs drops this edit, keep both saves this edit as
a new entry beside theirs; escape goes back to the editor with nothing saved.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from compass_tui.domain.entries import Entry, EntryInput
from compass_tui.services.journal import Resolution

QUESTION = ("This entry was changed in another window while you were editing it, and the "
            "two versions clash. Which should stay?")


def version_text(title: str, body: str, tags: list[str]) -> Content:
    tag_line = " ".join(f"@{t}" for t in tags)
    return Content(f"{title}\n{tag_line}\n\n{body}" if tag_line else f"{title}\n\n{body}")


class ConflictScreen(ModalScreen[Resolution | None]):
    BINDINGS = [
        Binding("m", "choose('mine')", "Keep mine", id="conflict.mine"),
        Binding("t", "choose('theirs')", "Keep theirs", id="conflict.theirs"),
        Binding("b", "choose('both')", "Keep both", id="conflict.both"),
        Binding("escape", "choose(None)", "Back to editing", id="conflict.back"),
    ]

    def __init__(self, theirs: Entry, mine: EntryInput) -> None:
        super().__init__()
        self.theirs = theirs
        self.mine = mine

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="conflict"):
            yield Static(Content(QUESTION), classes="dialog-question")
            with Horizontal(id="conflict-versions"):
                with VerticalScroll(classes="conflict-version"):
                    yield Static("Yours (this window)", classes="conflict-label")
                    yield Static(version_text(self.mine.title, self.mine.body,
                                              list(self.mine.tags)))
                with VerticalScroll(classes="conflict-version"):
                    when = self.theirs.updated_at.strftime("%H:%M")
                    yield Static(f"Theirs (saved elsewhere at {when})",
                                 classes="conflict-label")
                    yield Static(version_text(self.theirs.title, self.theirs.body,
                                              list(self.theirs.tags)))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine (m)", id="mine", variant="warning")
                yield Button("Keep theirs (t)", id="theirs")
                yield Button("Keep both (b)", id="both", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#both", Button).focus()  # the choice that loses nothing

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]

    def action_choose(self, choice: Resolution | None) -> None:
        self.dismiss(choice)
