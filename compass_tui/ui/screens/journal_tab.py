"""The Journal tab: today's prompt, the entry list, and the reading pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.widgets import Static

from compass_tui.domain.entries import EntrySummary
from compass_tui.services.drafts import draft_key
from compass_tui.services.journal import PAGE_SIZE
from compass_tui.services.prompts import prompt_of_the_day
from compass_tui.ui.screens.confirm import ConfirmScreen
from compass_tui.ui.screens.entry_editor import EntryEditorScreen
from compass_tui.ui.screens.entry_picker import EntryPickerScreen
from compass_tui.ui.screens.search import SearchScreen
from compass_tui.ui.widgets.entry_list import EntryList
from compass_tui.ui.widgets.reading_pane import ReadingPane

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

EMPTY = "No entries yet. Press n to write the first one; ctrl+t in the editor brings a prompt."


class JournalTab(Container):
    app: CompassApp

    BINDINGS = [
        Binding("n", "new_entry", "New", id="journal.new", tooltip="Write a new entry"),
        Binding("e", "edit_entry", "Edit", id="journal.edit"),
        Binding("s", "toggle_star", "Star", id="journal.star"),
        Binding("d", "trash_entry", "Delete", id="journal.delete"),
        Binding("u", "undo_trash", "Undo", id="journal.undo"),
        Binding("o", "on_this_day", "On this day", id="journal.on_this_day", show=False),
        Binding("t", "open_trash", "Trash", id="journal.trash", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="today-line")
        with Horizontal(id="journal-body"):
            yield EntryList(id="entry-list")
            yield ReadingPane(id="reading")

    def on_mount(self) -> None:
        today = self.app.clock().date()
        self._on_this_day: list[EntrySummary] = []
        self._show_today_line(prompt_of_the_day(today).text, 0)
        self.reload()
        self.query_one(EntryList).focus()
        self._load_extras()

    # -- loading --------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Reload from the top; only the first page is read."""
        entries = self.query_one(EntryList)
        entries.reset()
        entries.append_page(self.app.journal.page(size=PAGE_SIZE), PAGE_SIZE)
        if select is not None and not entries.select_entry(select):
            self._show(select)
        if not entries.summaries:
            self.query_one(ReadingPane).show(None, EMPTY)

    @on(EntryList.NeedMore)
    def _more(self) -> None:
        entries = self.query_one(EntryList)
        if not entries.exhausted and entries.last is not None:
            entries.append_page(self.app.journal.page(after=entries.last), PAGE_SIZE)

    @on(EntryList.EntryChosen)
    def _chosen(self, event: EntryList.EntryChosen) -> None:
        self._show(event.entry_id)

    def _show(self, entry_id: int | None) -> None:
        entry = self.app.journal.get(entry_id) if entry_id is not None else None
        self.query_one(ReadingPane).show(entry, EMPTY)
        self._shown = entry

    @work(thread=True, exclusive=True, group="journal-extras", exit_on_error=False)
    def _load_extras(self) -> None:
        """Streak and "on this day" read more rows, so they stay off the event loop."""
        journal = self.app.journal
        streak = journal.streak()
        earlier = journal.on_this_day()
        self.app.call_from_thread(self._extras_loaded, streak, earlier)

    def _extras_loaded(self, streak: int, earlier: list[EntrySummary]) -> None:
        self._on_this_day = earlier
        self.app.scheduler_bar.streak = streak
        self._show_today_line(prompt_of_the_day(self.app.clock().date()).text, len(earlier))

    def _show_today_line(self, prompt: str, earlier: int) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        if earlier:
            line.append(f"o: {earlier} from this day in earlier years · ", style="bold")
        line.append("Prompt: ", style="bold")
        line.append(prompt, style="italic")
        self.query_one("#today-line", Static).update(line)

    # -- actions --------------------------------------------------------------

    @property
    def selected_id(self) -> int | None:
        return self.query_one(EntryList).current_id

    def action_new_entry(self) -> None:
        self.open_editor(None)

    def action_edit_entry(self) -> None:
        if self.selected_id is None:
            self.app.bell()
            return
        self.open_editor(self.selected_id)

    def open_editor(self, entry_id: int | None) -> None:
        entry = self.app.journal.get(entry_id) if entry_id is not None else None
        draft = self.app.drafts.get(draft_key(entry_id))
        self.app.push_screen(EntryEditorScreen(entry, draft), self._after_edit)

    def _after_edit(self, saved_id: int | None) -> None:
        if saved_id is not None:
            self.reload(select=saved_id)
            self.app.notify("Saved.", timeout=2)
            self._load_extras()
        self.query_one(EntryList).focus()

    def action_toggle_star(self) -> None:
        entry_id = self.selected_id
        entry = self.app.journal.get(entry_id) if entry_id is not None else None
        if entry is None:
            return
        self.app.journal.toggle_star(entry)
        self.reload(select=entry.id)

    def action_trash_entry(self) -> None:
        entry_id = self.selected_id
        entry = self.app.journal.get(entry_id) if entry_id is not None else None
        if entry is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.journal.trash(entry.id)
                self.reload()
                self.app.notify(f"Moved to trash: {entry.title or '(untitled)'}. Press u to undo.")

        title = entry.title or "(untitled)"
        self.app.push_screen(
            ConfirmScreen(f"Move “{title}” to the trash?\nYou can undo with u.", "Delete", "Keep"),
            answered,
        )

    def action_undo_trash(self) -> None:
        restored = self.app.journal.undo_trash()
        if restored is None:
            self.app.notify("Nothing to undo.", timeout=2)
            return
        self.reload(select=restored)
        self.app.notify("Entry restored.", timeout=2)

    def action_on_this_day(self) -> None:
        picker = EntryPickerScreen("On this day, in earlier years", self._on_this_day,
                                   "Nothing yet: come back next year.")
        self.app.push_screen(picker, self._open_found)

    def action_open_trash(self) -> None:
        picker = EntryPickerScreen(
            "Trash", self.app.journal.trashed(), "The trash is empty.",
            hint="Enter puts an entry back in the journal.", date_format="%Y-%m-%d %H:%M",
        )
        self.app.push_screen(picker, self._restore_from_trash)

    def _restore_from_trash(self, entry_id: int | None) -> None:
        if entry_id is None:
            return
        self.app.journal.restore(entry_id)
        self.reload(select=entry_id)
        self.app.notify("Entry restored.", timeout=2)

    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(), self._open_found)

    def _open_found(self, entry_id: int | None) -> None:
        entries = self.query_one(EntryList)
        if entry_id is not None and not entries.select_entry(entry_id):
            self._show(entry_id)
        entries.focus()
