"""The Journal tab: today's prompt, the entry list, and the reading pane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.timer import Timer
from textual.widgets import Static

from compass_tui.domain.entries import Draft, Entry, EntryQuery, EntrySummary
from compass_tui.domain.entry_templates import EntryTemplate
from compass_tui.services.drafts import edit_draft_key
from compass_tui.services.journal import PAGE_SIZE
from compass_tui.services.prompts import prompt_of_the_day
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.common.entry_render import title_of
from compass_tui.ui.common.keymap import with_keys
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.entry_list import EntryList
from compass_tui.ui.journal.entry_picker import EntryPickerScreen
from compass_tui.ui.journal.reading_pane import ReadingPane
from compass_tui.ui.journal.search import SearchFilters, SearchScreen
from compass_tui.ui.journal.template_picker import TemplatePickerScreen
from compass_tui.ui.journal.today_line import today_line

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

# {binding.id}: the key as it is now (config.toml's [keys] may have moved it).
EMPTY = ("No entries yet. Press {journal.new} to write the first one; {editor.prompt} in the "
         "editor brings a prompt.")
EMPTY_AFTER_DELETE = ("No entries left. Press {journal.new} to write one; {journal.undo} brings "
                      "back the one just deleted.")
NOTHING_SELECTED = "No entry to edit: press n to write one."
# Holding an arrow key moves faster than Markdown renders: draw at most this often.
SHOW_INTERVAL = 0.05
# Rows the list reads to reach an entry found by search that is not loaded yet.
FIND_LIMIT = 1000


class JournalTab(Container):
    app: CompassApp

    BINDINGS = [
        Binding("n", "new_entry", "New", id="journal.new", tooltip="Write a new entry"),
        Binding("N", "new_from_template", "Template", id="journal.new_template",
                tooltip="A new entry from a template"),
        Binding("e", "edit_entry", "Edit", id="journal.edit"),
        Binding("s", "toggle_star", "Star", id="journal.star"),
        Binding("d", "trash_entry", "Delete", id="journal.delete"),
        # Said in the notice after a delete, and in key help: room in the bar for N.
        Binding("u", "undo_trash", "Undo", id="journal.undo", show=False),
        Binding("o", "on_this_day", "On this day", id="journal.on_this_day", show=False),
        Binding("t", "open_trash", "Trash", id="journal.trash", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="today-line")
        with Horizontal(id="journal-body"):
            yield EntryList(id="entry-list")
            yield ReadingPane(id="reading")

    def on_mount(self) -> None:
        # The entry in the reading pane: what e, s and d act on.
        self.shown: Entry | None = None
        self._on_this_day: list[EntrySummary] = []
        self._pending_show: int | None = None
        self._show_timer: Timer | None = None
        self.stale = False  # another window wrote while this tab was hidden
        self._show_today_line(0)
        self.reload()
        self.entry_list.focus()
        # After the first paint, so the extra reads never delay it.
        self.call_after_refresh(self._load_extras)

    @property
    def entry_list(self) -> EntryList:
        return self.query_one(EntryList)

    def focus_default(self) -> None:
        self.entry_list.focus()

    # -- loading --------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Reload from the top; only the first page is read."""
        entries = self.entry_list
        entries.reset()
        entries.append_page(self.app.journal.page(size=PAGE_SIZE), PAGE_SIZE)
        if select is not None:
            self.show_entry(select)
        elif not entries.summaries:
            self._show_now(None)

    def show_entry(self, entry_id: int) -> None:
        """Select an entry in the list. One not loaded yet (older than the pages read,
        or written by another window) is shown at once on its own, and the list is read
        down to it off the event loop, then it is selected there (up to FIND_LIMIT rows;
        one older stays shown on its own, with no other row marked)."""
        entries = self.entry_list
        if entries.select_entry(entry_id):
            return
        entries.highlighted = None
        self._show_now(entry_id)
        if self.shown is not None:
            self._read_rows(EntryQuery(date_from=self.shown.entry_date), FIND_LIMIT, entry_id,
                            entry_id)

    def refresh_from_store(self) -> None:
        """Another window (or `compass add`) wrote: read again what the list holds, off
        the event loop, keeping the cursor on its entry and the view where it was."""
        self.stale = False
        self._read_rows(None, max(PAGE_SIZE, len(self.entry_list.summaries)), None,
                        self.shown.id if self.shown is not None else None)

    def on_show(self) -> None:
        if self.stale:  # changed while another tab was showing
            self.refresh_from_store()

    @work(thread=True, exclusive=True, group="journal-rows", exit_on_error=False)
    def _read_rows(self, query: EntryQuery | None, size: int, select: int | None,
                   shown_id: int | None) -> None:
        journal = self.app.journal
        rows = journal.page(size=size, query=query)
        latest = journal.get(shown_id) if shown_id is not None else None
        self.app.call_from_thread(self._rows_read, rows, size, select, latest)

    def _rows_read(self, rows: list[EntrySummary], size: int, select: int | None,
                   latest: Entry | None) -> None:
        entries = self.entry_list
        if select is not None:
            # Unless the user moved on meanwhile, or the entry is deeper than that.
            if self.shown is not None and self.shown.id == select and any(
                    row.id == select for row in rows):
                entries.replace_rows(rows, size)
                entries.select_entry(select)
            return
        if len(entries.summaries) > size:
            self.refresh_from_store()  # more was paged in meanwhile: read all it holds now
            return
        if entries.replace_rows(rows, size):
            self._load_extras()  # the streak and "on this day" may have moved too
        target = entries.current_id
        alone = self.shown is not None and self.shown.id not in entries.summaries
        if target is None and alone and latest is not None and latest.id == self.shown.id:
            target = latest.id  # found by search, not loaded, still there: stays shown
        if target is None and entries.summaries:
            entries.action_first()
            target = entries.current_id
        if self.shown is not None and target == self.shown.id:
            if latest is not None and latest.id == target and latest != self.shown:
                self.shown = latest  # edited in another window: the pane shows it now
                self.query_one(ReadingPane).show(latest, self._with_keys(EMPTY))
            return
        self._show_now(target)

    @on(EntryList.NeedMore)
    def _more(self) -> None:
        entries = self.entry_list
        if not entries.exhausted and entries.last is not None:
            entries.append_page(self.app.journal.page(after=entries.last), PAGE_SIZE)

    @on(EntryList.EntryChosen)
    def _chosen(self, event: EntryList.EntryChosen) -> None:
        if event.entry_id is None:
            return
        if self._show_timer is None:
            self._show_now(event.entry_id)
            self._show_timer = self.set_timer(SHOW_INTERVAL, self._show_pending)
        else:
            self._pending_show = event.entry_id

    def _show_pending(self) -> None:
        self._show_timer = None
        pending, self._pending_show = self._pending_show, None
        if pending is not None and pending != (self.shown.id if self.shown else None):
            self._show_now(pending)

    def _with_keys(self, text: str) -> str:
        return with_keys(text, self.app.key_of)

    def _show_now(self, entry_id: int | None, empty: str = EMPTY) -> None:
        entry = self.app.journal.get(entry_id) if entry_id is not None else None
        self.shown = entry
        self.query_one(ReadingPane).show(entry, self._with_keys(empty))

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
        self._show_today_line(len(earlier))

    def _show_today_line(self, earlier: int) -> None:
        prompt = prompt_of_the_day(self.app.clock().date()).text
        self.query_one("#today-line", Static).update(today_line(prompt, earlier))

    # -- actions --------------------------------------------------------------

    def action_new_entry(self) -> None:
        key = self.app.new_draft_key
        self.open_editor(key, None, self.app.drafts.get(key))

    def selected(self) -> Entry | None:
        """What e, s and d act on: the entry under the cursor, which the reading pane
        shows. A key typed before the pane caught up with the cursor (it redraws at most
        every SHOW_INTERVAL) brings it up to date first, so the two never disagree; with
        no line highlighted (an entry found by search that is not loaded), the one shown."""
        current = self.entry_list.current_id
        if current is not None and (self.shown is None or self.shown.id != current):
            self._show_now(current)
        return self.shown
    def action_new_from_template(self) -> None:
        """One new entry at a time per window: an unsaved one is opened, never replaced."""
        key = self.app.new_draft_key
        draft = self.app.drafts.get(key)
        if draft is not None:
            self.app.notify("Your new entry is still a draft: save it or empty it, then N "
                            "starts one from a template.", timeout=6)
            self.open_editor(key, None, draft)
            return
        self.app.push_screen(TemplatePickerScreen(), self._template_chosen)

    def _template_chosen(self, template: EntryTemplate | None) -> None:
        if template is None:
            self.entry_list.focus()
            return
        key = self.app.new_draft_key
        self.app.push_screen(
            EntryEditorScreen(key, start=self.app.templates.draft(key, template)),
            self._after_edit)

    def action_edit_entry(self) -> None:
        entry = self.selected()
        if entry is None:
            self.app.notify(NOTHING_SELECTED, timeout=3)
            return
        latest = self.app.journal.get(entry.id)
        if latest is None:
            self.app.notify("That entry was deleted in another window.", timeout=4)
            self._dropped(entry.id)
            return
        key = edit_draft_key(latest.id)
        self.open_editor(key, latest, self.app.drafts.get(key))

    def resume_draft(self, draft: Draft) -> None:
        entry = None
        if draft.entry_id is not None:
            entry = self.app.journal.get(draft.entry_id, include_trashed=True)
        self.open_editor(draft.key, entry, draft)

    def open_editor(self, key: str, entry: Entry | None, draft: Draft | None) -> None:
        self.app.push_screen(EntryEditorScreen(key, entry, draft), self._after_edit)

    def _after_edit(self, saved_id: int | None) -> None:
        if saved_id is not None:
            self.reload(select=saved_id)
            self.app.notify("Saved.", timeout=2)
            self._load_extras()
        self.entry_list.focus()

    def action_toggle_star(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        self.app.journal.toggle_star(entry)
        self._show_now(entry.id)
        if self.shown is not None:
            self.entry_list.update_entry(EntrySummary.model_validate(self.shown.model_dump()))

    def action_trash_entry(self) -> None:
        entry = self.selected()
        if entry is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.app.journal.trash(entry.id)
            self._dropped(entry.id)
            self.app.notify(f"Moved to trash: “{title_of(entry.title)}” (u brings it back).")

        self.app.push_screen(
            ConfirmScreen(f"Move “{title_of(entry.title)}” to the trash?\nYou can undo with u.",
                          "Delete", "Keep"),
            answered,
        )

    def _dropped(self, entry_id: int) -> None:
        """After a delete, the cursor and the pane move together to the next entry."""
        entries = self.entry_list
        entries.drop_entry(entry_id)
        if entries.current_id is None and entries.summaries:
            entries.action_first()  # the deleted one was shown on its own
        self._show_now(entries.current_id, EMPTY_AFTER_DELETE)

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
            hint="Enter puts an entry back in the journal.", date_format="%Y-%m-%d %H:%M  ",
        )
        self.app.push_screen(picker, self._restore_from_trash)

    def _restore_from_trash(self, entry_id: int | None) -> None:
        if entry_id is None:
            return
        self.app.journal.restore(entry_id)
        self.reload(select=entry_id)
        self.app.notify("Entry restored.", timeout=2)

    def action_search(self, filters: SearchFilters | None = None) -> None:
        self.app.push_screen(SearchScreen(filters), self._open_found)

    def _open_found(self, entry_id: int | None) -> None:
        if entry_id is not None:
            self.show_entry(entry_id)
        self.entry_list.focus()
