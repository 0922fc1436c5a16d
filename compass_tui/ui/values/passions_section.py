"""Passions and interests, grouped by kind, each with the journal entries that show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.assessment import PASSION_KINDS, Passion, PassionKind
from compass_tui.domain.entries import Entry, EntrySummary
from compass_tui.ui.common.entry_render import summary_line
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.journal.search import SearchScreen
from compass_tui.ui.values.passion_form import PassionForm

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

EMPTY = ("Nothing here yet. Press n and write, in a few words, something that makes you "
         "lose track of time, a moment you felt most fulfilled, or a problem you love solving. "
         "Give it a tag and journal entries carrying that tag show up here; l links any entry.")
LINK_HINT = "Pick an entry to link: type to search, ↓ and enter to link it."
# Said in words, so how an entry got here reads the same in 16 colours.
LINKED_MARK = "linked"
TAGGED_MARK = "tagged"


def passion_line(passion: Passion) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append("  " + passion.text)
    if passion.tag:
        line.append(f"  @{passion.tag}", style="italic")
    if passion.entry_ids:
        line.append(f"  +{len(passion.entry_ids)}", style="dim")
    return line


def entry_line(entry: EntrySummary, passion: Passion) -> Text:
    """An entry under a passion, saying whether it was linked by hand or came by its tag."""
    how = LINKED_MARK if entry.id in passion.entry_ids else TAGGED_MARK
    line = Text(f"{how} ", style="dim", no_wrap=True, overflow="ellipsis")
    line.append_text(summary_line(entry, "%Y-%m-%d  "))
    return line


class LinkEntrySearch(SearchScreen):
    """The journal search, saying that the entry picked will be linked."""

    def on_mount(self) -> None:  # runs before SearchScreen's own on_mount
        self.status.say(LINK_HINT)


@guard_actions
class PassionsSection(Horizontal):
    app: CompassApp

    BINDINGS = [
        Binding("n", "add", "Add passion", id="passions.add"),
        Binding("e", "edit", "Edit", id="passions.edit"),
        Binding("d", "delete", "Delete", id="passions.delete"),
        Binding("l", "link", "Link entry", id="passions.link"),
        Binding("u", "unlink", "Unlink", id="passions.unlink"),
    ]

    def compose(self) -> ComposeResult:
        yield OptionList(id="passions-list", classes="section-list")
        with VerticalScroll(id="passions-detail", classes="section-detail"):
            yield Static(id="passions-detail-text")

    def on_mount(self) -> None:
        self._passions: dict[int, Passion] = {}
        self._shown_lines: list[tuple[str | None, str]] = []

    def on_show(self) -> None:
        """Read when shown, not at start-up; fresh each time (new entries carry the tags)."""
        self.refresh_list()

    @property
    def passion_list(self) -> OptionList:
        return self.query_one("#passions-list", OptionList)

    def reload(self) -> None:
        self.refresh_list()

    def focus_default(self) -> None:
        self.passion_list.focus()

    def refresh_list(self, select: int | None = None) -> None:
        self._passions = {p.id: p for p in self.app.assessment.passions()}
        options: list[Option] = []
        for kind, label in PASSION_KINDS.items():
            # Every heading shows, even with nothing under it: they are the questions to answer.
            options.append(Option(Text(label, style="bold"), id=f"heading-{kind}",
                                  disabled=True))
            items = [p for p in self._passions.values() if p.kind == kind]
            options.extend(Option(passion_line(p), id=str(p.id)) for p in items)
            if not items:
                options.append(Option(Text("  (none yet)", style="dim italic"),
                                      id=f"none-{kind}", disabled=True))
        passions = self.passion_list
        keep = select if select is not None else self.current_id
        lines = [(o.id, str(o.prompt)) for o in options]
        if lines != self._shown_lines:  # showing the section again unchanged redraws nothing
            self._shown_lines = lines
            passions.clear_options()
            passions.add_options(options)
        if keep is not None and keep in self._passions:
            passions.highlighted = passions.get_option_index(str(keep))
        elif self._passions and passions.highlighted is None:
            passions.highlighted = passions.get_option_index(str(next(iter(self._passions))))
        self._show_detail()

    @property
    def current_id(self) -> int | None:
        option = self.passion_list.highlighted_option
        return int(option.id) if option is not None and option.id and option.id.isdigit() else None

    @property
    def current(self) -> Passion | None:
        passion_id = self.current_id
        return self._passions.get(passion_id) if passion_id is not None else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#passions-detail-text", Static)
        passion = self.current
        if passion is None:
            detail.update(Text(EMPTY, style="dim"))
            return
        text = Text()
        text.append(PASSION_KINDS[passion.kind], style="dim")
        text.append(f"\n{passion.text}", style="bold")
        text.append("\n\nTag: ", style="bold")
        text.append(f"@{passion.tag}" if passion.tag else "none (e adds one)")
        text.append("\n\nJournal entries that show it", style="bold")
        entries = self.app.assessment.passion_entries(passion.id)
        if not entries:
            text.append("\nNone yet. l links an entry", style="dim")
            text.append("; entries tagged with the tag appear here." if passion.tag else ".",
                        style="dim")
        for entry in entries:
            text.append("\n")
            text.append_text(entry_line(entry, passion))
        detail.update(text)

    # -- actions --------------------------------------------------------------

    def _kind_here(self) -> PassionKind:
        """The kind under the cursor, so n adds next to what you are looking at."""
        passion = self.current
        return passion.kind if passion is not None else "absorbs"

    def action_add(self) -> None:
        self.app.push_screen(PassionForm(kind=self._kind_here()), self._saved)

    def action_edit(self) -> None:
        if self.current is not None:
            self.app.push_screen(PassionForm(self.current), self._saved)

    def _saved(self, passion: Passion | None) -> None:
        if passion is not None:
            self.refresh_list(select=passion.id)
        self.passion_list.focus()

    def action_delete(self) -> None:
        passion = self.current
        if passion is None:
            return

        def delete() -> None:
            self.app.assessment.delete_passion(passion.id)
            self.refresh_list()

        confirm_then(self, f"Delete “{passion.text}”?\n"
                           "(Its journal entries stay; only the links go.)", "Delete", delete)

    def action_link(self) -> None:
        passion = self.current
        if passion is None:
            self.app.notify("Add a passion first (n), then link entries to it.", timeout=3)
            return

        def picked(entry_id: int | None) -> None:
            if entry_id is not None:
                self.app.assessment.link_entry(passion.id, entry_id)
                self.refresh_list(select=passion.id)
            self.passion_list.focus()

        self.app.push_screen(LinkEntrySearch(), picked)

    def _newest_linked(self, passion: Passion) -> EntrySummary | Entry | None:
        """Entries come newest first, so the first hand-linked one is the newest."""
        shown = self.app.assessment.passion_entries(passion.id)
        found = next((e for e in shown if e.id in passion.entry_ids), None)
        if found is not None or not passion.entry_ids:
            return found
        # Many newer tagged entries can push every linked one past the list's limit.
        linked = [e for e in map(self.app.journal.get, passion.entry_ids) if e is not None]
        return max(linked, key=lambda e: (e.entry_date, e.id), default=None)

    def action_unlink(self) -> None:
        passion = self.current
        entry = self._newest_linked(passion) if passion is not None else None
        if passion is None or entry is None:
            self.app.notify("No hand-linked entry to unlink here.", timeout=3)
            return

        def unlink() -> None:
            self.app.assessment.unlink_entry(passion.id, entry.id)
            self.refresh_list(select=passion.id)

        title = entry.title or "(untitled)"
        confirm_then(self, f"Unlink “{title}” ({entry.entry_date:%Y-%m-%d}) from "
                           f"“{passion.text}”?\n(The entry itself stays in the journal.)",
                     "Unlink", unlink)
