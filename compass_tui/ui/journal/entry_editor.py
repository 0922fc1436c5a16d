"""Write or edit one entry. Drafts are saved every few seconds and on leaving."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from compass_tui.domain.entries import RATING_CHOICES, Draft, Entry
from compass_tui.services.errors import WriteRefused
from compass_tui.services.journal import EditConflict, FormError, Resolution, SaveOutcome
from compass_tui.services.prompts import prompt_of_the_day
from compass_tui.ui.common.entry_render import tags_label
from compass_tui.ui.common.external_editor import NO_EDITOR, edit_externally, find_editor
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from compass_tui.ui.common.tick_box import TickBox
from compass_tui.ui.journal.conflict import ConflictScreen
from compass_tui.ui.journal.indenting_text_area import IndentingTextArea

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

AUTOSAVE_SECONDS = 3.0
WHEN_FORMAT = "%Y-%m-%d %H:%M"


def draft_of(key: str, entry: Entry | None) -> Draft:
    """The editor's starting point for an entry (or a blank new one)."""
    if entry is None:
        return Draft(key=key)
    return Draft(
        key=key, entry_id=entry.id, entry_version=entry.version, title=entry.title,
        body=entry.body, tags_text=tags_label(entry.tags),
        when_text=entry.entry_date.strftime(WHEN_FORMAT), starred=entry.starred,
        energy=entry.energy, fulfilment=entry.fulfilment, template=entry.template,
    )


class EntryEditorScreen(Screen[int | None]):
    """Dismissed with the saved entry's id, or None when left with a draft kept."""

    app: CompassApp

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="editor.save", tooltip="Save the entry"),
        Binding("escape", "leave", "Leave (draft kept)", id="editor.leave",
                tooltip="Back to the journal; what you typed stays as a draft"),
        Binding("ctrl+o", "external_editor", "$EDITOR", id="editor.external",
                tooltip="Open the text in your own editor"),
        Binding("ctrl+t", "insert_prompt", "Insert prompt", id="editor.prompt",
                tooltip="Put today's reflection prompt into the text"),
    ]

    def __init__(self, key: str, entry: Entry | None = None, draft: Draft | None = None,
                 start: Draft | None = None) -> None:
        """entry: the entry being edited as it is now; draft: text kept from before;
        start: what a new entry opens with (a template filled in), kept only once changed."""
        super().__init__()
        self.key = key
        self.entry = entry
        self._restored = draft
        self._start = draft or start or draft_of(key, entry)
        # The entry as this edit began from it; unknown for a draft of an older version.
        stale = draft is not None and entry is not None and draft.entry_version != entry.version
        self.opened = None if stale else entry
        self._last_saved: Draft | None = draft
        self.finished = False

    def compose(self) -> ComposeResult:
        what = "Edit entry" if self._start.entry_id else "New entry"
        self.prompt = prompt_of_the_day(self.app.clock().date())
        yield Static(what, id="editor-heading")
        yield Static(f"Prompt · {self.prompt.text}", id="editor-prompt")
        with Horizontal(classes="editor-row"):
            yield Label("Title", classes="field-label")
            yield Input(placeholder="First line, a sentence", id="title", compact=True)
            yield Label("When", classes="field-label")
            yield Input(placeholder="now", id="when", compact=True)
        with Horizontal(classes="editor-row"):
            yield Label("Tags", classes="field-label")
            yield Input(placeholder="@career @mentor", id="tags", compact=True)
            yield TickBox("Starred", id="starred", compact=True)
        with Horizontal(classes="editor-row"):
            yield Label("Energy", classes="field-label")
            yield Select(RATING_CHOICES, prompt="–", id="energy", compact=True)
            yield Label("Fulfilment", classes="field-label")
            yield Select(RATING_CHOICES, prompt="–", id="fulfilment", compact=True)
        yield IndentingTextArea(id="body")
        yield StatusLine("", id="editor-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill(self._start)
        self.set_interval(AUTOSAVE_SECONDS, self.save_draft)
        self.query_one("#body" if self._start.entry_id or self._restored or self._start.title
                       else "#title").focus()
        if self._restored:
            note = "Draft restored."
            if self.opened is None and self.entry is not None:
                note += " The entry changed since; saving asks which version to keep."
            self.status.say(note)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#editor-status", StatusLine)

    def _fill(self, draft: Draft) -> None:
        self.query_one("#title", Input).value = draft.title
        self.query_one("#when", Input).value = draft.when_text
        self.query_one("#tags", Input).value = draft.tags_text
        self.query_one("#starred", Checkbox).value = draft.starred
        self.query_one("#energy", Select).value = draft.energy or Select.NULL
        self.query_one("#fulfilment", Select).value = draft.fulfilment or Select.NULL
        self.query_one("#body", TextArea).load_text(draft.body)

    def _rating(self, selector: str) -> int | None:
        value = self.query_one(selector, Select).value
        return value if isinstance(value, int) else None

    def current_draft(self) -> Draft:
        return self._start.model_copy(update={
            "title": self.query_one("#title", Input).value,
            "body": self.query_one("#body", TextArea).text,
            "tags_text": self.query_one("#tags", Input).value,
            "when_text": self.query_one("#when", Input).value,
            "starred": self.query_one("#starred", Checkbox).value,
            "energy": self._rating("#energy"),
            "fulfilment": self._rating("#fulfilment"),
        })

    def save_draft(self, *, force: bool = False) -> None:
        """Keep what is typed. Cheap when nothing changed; force writes regardless
        (on quit and hang-up), in case another window removed the row meanwhile."""
        if self.finished:
            return
        draft = self.current_draft()
        try:
            if draft == self._start and self._restored is None:
                # Back to how the editor opened: there is nothing to keep.
                if self._last_saved is not None:
                    self.app.drafts.discard(self.key)
                    self._last_saved = None
                return
            if not force and draft == self._last_saved:
                return
            self.app.drafts.save(draft)
        except WriteRefused as exc:
            self.status.say(f"Draft not saved ({exc}); your text is still "
                            "here.", error=True)
            return
        self._last_saved = draft

    def action_save(self) -> None:
        draft = self.current_draft()
        try:
            outcome = self.app.journal.save_draft(draft, self.opened)
        except FormError as exc:
            self.status.say(f"Not saved: {exc}.", error=True)
            if exc.field:
                self.query_one(f"#{exc.field}").focus()
            return
        except EditConflict as conflict:
            self._ask_about(conflict)
            return
        except WriteRefused as exc:
            self._refused(exc)
            return
        self._saved(outcome)

    def _refused(self, exc: WriteRefused) -> None:
        """A full disk, a read-only file, a lock held too long: the text stays here."""
        self.save_draft()
        self.status.say(f"Not saved: the database refused ({exc}). "
                        "Your text is still here; try again.", error=True)

    def _ask_about(self, conflict: EditConflict) -> None:
        self.save_draft(force=True)  # whatever is chosen, the words are on disk first

        def chosen(choice: Resolution | None) -> None:
            if choice is None:
                self.status.say("Nothing saved yet: ctrl+s asks again.")
                return
            try:
                outcome = self.app.journal.resolve_conflict(conflict, choice)
            except EditConflict as again:  # changed elsewhere yet again
                self._ask_about(again)
                return
            except WriteRefused as exc:
                self._refused(exc)
                return
            self._saved(outcome)

        self.app.push_screen(ConflictScreen(conflict.theirs, conflict.mine), chosen)

    def _saved(self, outcome: SaveOutcome) -> None:
        if outcome.kept_both:
            self.app.notify("Yours was saved as a new entry beside the other window's.",
                            timeout=6)
        elif outcome.recreated:
            self.app.notify("The entry was deleted elsewhere; yours was saved as a new entry.",
                            severity="warning", timeout=8)
        self.finished = True
        self.app.drafts.discard(self.key)
        self.dismiss(outcome.entry.id)

    def action_leave(self) -> None:
        self.save_draft()
        self.finished = True
        if self._last_saved is not None and not self._last_saved.is_blank():
            self.app.notify("Draft kept. Open the editor again to carry on.", timeout=4)
        self.dismiss(None)

    def action_insert_prompt(self) -> None:
        body = self.query_one("#body", TextArea)
        body.insert(f"**{self.prompt.text}**\n\n")
        body.focus()

    def action_external_editor(self) -> None:
        command = find_editor(self.app.settings.editor)
        if command is None:
            self.status.say(NO_EDITOR, error=True)
            return
        self.save_draft()
        title = self.query_one("#title", Input)
        body = self.query_one("#body", TextArea)
        try:
            edited = edit_externally(self.app, command, f"{title.value}\n\n{body.text}",
                                     "compass-")
        except OSError as exc:
            self.status.say(f"Could not run the editor: {exc}", error=True)
            return
        if edited.changed:
            first, _, rest = edited.text.partition("\n")
            title.value = first.strip()
            body.load_text(rest.lstrip("\n").rstrip() + "\n" if rest.strip() else "")
            self.save_draft()
        self.status.say(edited.words())
