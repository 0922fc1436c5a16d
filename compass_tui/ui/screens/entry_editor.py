"""Write or edit one entry. Drafts are saved every few seconds and on leaving."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static, TextArea

from compass_tui.domain.dates import DateParseError, parse_when
from compass_tui.domain.entries import Draft, Entry, EntryInput
from compass_tui.domain.tags import extract_tags, parse_tag_field, unique_tags
from compass_tui.services.drafts import draft_key
from compass_tui.services.journal import ConflictError, NotFoundError
from compass_tui.services.prompts import prompt_of_the_day

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

AUTOSAVE_SECONDS = 3.0
WHEN_FORMAT = "%Y-%m-%d %H:%M"
RATINGS = [(str(n), n) for n in range(1, 6)]
FALLBACK_EDITORS = ("sensible-editor", "editor", "nano", "vim", "vi")


def first_error(exc: ValidationError) -> str:
    message = exc.errors()[0]["msg"]
    return message.removeprefix("Value error, ")


def find_editor(configured: str | None) -> list[str] | None:
    """$VISUAL/$EDITOR as a command line, else the first common editor installed."""
    if configured:
        return shlex.split(configured)
    for name in FALLBACK_EDITORS:
        if path := shutil.which(name):
            return [path]
    return None


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

    def __init__(self, entry: Entry | None = None, draft: Draft | None = None) -> None:
        super().__init__()
        self.entry = entry
        self.key = draft_key(entry.id if entry else None)
        self._initial = draft
        self._last_saved: Draft | None = None
        self.finished = False

    def compose(self) -> ComposeResult:
        now = self.app.clock()
        what = "Edit entry" if self.entry else "New entry"
        self.prompt = prompt_of_the_day(now.date())
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
            yield Checkbox("Starred", id="starred", compact=True)
        with Horizontal(classes="editor-row"):
            yield Label("Energy", classes="field-label")
            yield Select(RATINGS, prompt="–", id="energy", compact=True)
            yield Label("Fulfilment", classes="field-label")
            yield Select(RATINGS, prompt="–", id="fulfilment", compact=True)
        yield TextArea(id="body", soft_wrap=True, tab_behavior="indent")
        yield Static("", id="editor-status")
        yield Footer()

    def on_mount(self) -> None:
        source = self._initial or self._draft_from_entry()
        self._fill(source)
        self._last_saved = self.current_draft() if self._initial else None
        self.set_interval(AUTOSAVE_SECONDS, self.save_draft)
        self.query_one("#body" if self.entry or self._initial else "#title").focus()
        if self._initial:
            self._status("Draft restored.")

    def _draft_from_entry(self) -> Draft:
        entry = self.entry
        if entry is None:
            return Draft(key=self.key)
        return Draft(
            key=self.key, entry_id=entry.id, entry_version=entry.version, title=entry.title,
            body=entry.body, tags_text=" ".join("@" + t for t in entry.tags),
            when_text=entry.entry_date.strftime(WHEN_FORMAT), starred=entry.starred,
            energy=entry.energy, fulfilment=entry.fulfilment,
        )

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
        return Draft(
            key=self.key,
            entry_id=self.entry.id if self.entry else None,
            entry_version=self.entry.version if self.entry else None,
            title=self.query_one("#title", Input).value,
            body=self.query_one("#body", TextArea).text,
            tags_text=self.query_one("#tags", Input).value,
            when_text=self.query_one("#when", Input).value,
            starred=self.query_one("#starred", Checkbox).value,
            energy=self._rating("#energy"),
            fulfilment=self._rating("#fulfilment"),
        )

    def _changed(self, draft: Draft) -> bool:
        if self._last_saved is not None:
            return draft != self._last_saved
        return draft != self._draft_from_entry()

    def save_draft(self) -> None:
        """Keep what is typed; cheap when nothing changed. Safe to call at any time."""
        if self.finished:
            return
        draft = self.current_draft()
        if not self._changed(draft):
            return
        self.app.drafts.save(draft)
        self._last_saved = draft

    def _status(self, message: str, error: bool = False) -> None:
        status = self.query_one("#editor-status", Static)
        status.update(message)
        status.set_class(error, "error")

    def _entry_input(self) -> EntryInput:
        draft = self.current_draft()
        when_text = draft.when_text.strip()
        if when_text:
            when = parse_when(when_text, self.app.clock())
        else:
            when = self.entry.entry_date if self.entry else self.app.clock()
        tags = unique_tags(
            [*parse_tag_field(draft.tags_text), *extract_tags(draft.title + "\n" + draft.body)]
        )
        return EntryInput(
            entry_date=when, title=draft.title, body=draft.body, tags=tags,
            starred=draft.starred, energy=draft.energy, fulfilment=draft.fulfilment,
        )

    def action_save(self) -> None:
        try:
            data = self._entry_input()
        except DateParseError as exc:
            self._status(f"When: {exc}. Try 'yesterday 18:00' or '2025-03-14 09:30'.", True)
            self.query_one("#when").focus()
            return
        except ValidationError as exc:
            self._status(f"Not saved: {first_error(exc)}.", True)
            return
        journal = self.app.journal
        try:
            if self.entry is None:
                saved = journal.create(data)
            else:
                saved = journal.update(self.entry.id, data, self.entry.version)
        except ConflictError:
            # Changed in another window meanwhile: never overwrite it silently.
            saved = journal.create(data)
            self.app.notify(
                "This entry was changed in another window; yours was saved beside it.",
                severity="warning", timeout=8,
            )
        except NotFoundError:
            saved = journal.create(data)
        self.finished = True
        self.app.drafts.discard(self.key)
        self.dismiss(saved.id)

    def action_leave(self) -> None:
        self.save_draft()
        self.finished = True
        if self._last_saved is not None:
            self.app.notify("Draft kept. Open the editor again to carry on.", timeout=4)
        self.dismiss(None)

    def action_insert_prompt(self) -> None:
        body = self.query_one("#body", TextArea)
        body.insert(f"**{self.prompt.text}**\n\n")
        body.focus()

    def action_external_editor(self) -> None:
        command = find_editor(self.app.settings.editor)
        if command is None:
            self._status("No editor found: set $EDITOR (for example: export EDITOR=nano).", True)
            return
        self.save_draft()
        title = self.query_one("#title", Input)
        body = self.query_one("#body", TextArea)
        fd, name = tempfile.mkstemp(prefix="compass-", suffix=".md")
        path = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(f"{title.value}\n\n{body.text}")
            code = self._run_editor([*command, str(path)])
            if code != 0:
                self._status(f"The editor exited with code {code}; text left as it was.", True)
                return
            edited = path.read_text(encoding="utf-8")
        except OSError as exc:
            self._status(f"Could not run the editor: {exc}", True)
            return
        finally:
            path.unlink(missing_ok=True)
        first, _, rest = edited.partition("\n")
        title.value = first.strip()
        body.load_text(rest.lstrip("\n").rstrip() + "\n" if rest.strip() else "")
        self.save_draft()
        self._status("Text brought back from your editor.")

    def _run_editor(self, argv: list[str]) -> int:
        if self.app.is_headless:
            return subprocess.call(argv)
        with self.app.suspend():
            return subprocess.call(argv)
