"""Write the career narrative in Markdown; every save is a new version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static, TextArea

from compass_tui.domain.vision import NarrativeVersion
from compass_tui.services.errors import ChangedElsewhereError, WriteRefused
from compass_tui.ui.common.external_editor import NO_EDITOR, edit_externally, find_editor
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.common.typed_text import AsksBeforeDiscarding

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

HEADING = "Career narrative (Markdown)"
HELP = ("Tell it as a story: where you come from, what it taught you, where you are going. "
        "ctrl+s saves a new version; the earlier ones stay.")


class NarrativeEditorScreen(AsksBeforeDiscarding, Screen[NarrativeVersion | None]):
    """Dismissed with the version saved, or None when left without saving."""

    app: CompassApp

    BINDINGS = [
        Binding("ctrl+s", "save", "Save version", id="narrative-editor.save",
                tooltip="Save the text as the newest version"),
        Binding("escape", "leave", "Leave", id="narrative-editor.leave",
                tooltip="Back to the Vision tab; asks before dropping changes"),
        Binding("ctrl+o", "external_editor", "$EDITOR", id="narrative-editor.external",
                tooltip="Open the text in your own editor"),
    ]

    def __init__(self, text: str, over: int | None = None) -> None:
        """over: the id of the version whose text this is (None: no narrative yet)."""
        super().__init__()
        self.start = text
        self.over = over

    def compose(self) -> ComposeResult:
        yield Static(HEADING, id="narrative-editor-heading")
        # Tab does not indent: escape must reach the screen and leave, as in every form.
        yield TextArea(self.start, id="narrative-body", soft_wrap=True)
        yield StatusLine(HELP, id="narrative-editor-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.body.focus()

    @property
    def body(self) -> TextArea:
        return self.query_one("#narrative-body", TextArea)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#narrative-editor-status", StatusLine)

    def action_save(self) -> None:
        text = self.body.text.strip()
        if not text:
            self.status.say("Not saved: the narrative is empty (escape leaves without saving).",
                            error=True)
            return
        try:
            version = self.app.vision.save_narrative(text + "\n", note="edited",
                                                     over=self.over)
        except ChangedElsewhereError as exc:
            # Theirs stays a version of its own; a second ctrl+s puts this one above it.
            newer = exc.current
            self.over = newer.id if isinstance(newer, NarrativeVersion) else None
            self.status.say("Not saved: another window saved a newer version meanwhile "
                            "(v on the Vision tab lists it). ctrl+s again saves yours as "
                            "the newest; your text is still here.", error=True)
            return
        except WriteRefused as exc:
            self.status.say(f"Not saved: the database refused ({exc}); "
                            "your text is still here.", error=True)
            return
        if version is None:
            self.app.notify("Nothing changed: no new version.", timeout=3)
        else:
            self.app.notify("Saved as a new version; v on the Vision tab lists them all.",
                            timeout=3)
        self.dismiss(version)

    def action_leave(self) -> None:
        self.leave_asking(lambda: self.dismiss(None))

    def action_external_editor(self) -> None:
        command = find_editor(self.app.settings.editor)
        if command is None:
            self.status.say(NO_EDITOR, error=True)
            return
        try:
            edited = edit_externally(self.app, command, self.body.text, "compass-narrative-")
        except OSError as exc:
            self.status.say(f"Could not run the editor: {exc}", error=True)
            return
        if edited.changed:
            self.body.load_text(edited.text)
            self.body.focus()
        self.status.say(edited.words("; ctrl+s saves it"))
