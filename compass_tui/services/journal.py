"""Journal use cases: capture, list, search, edit, trash and undo, streak."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ValidationError

from compass_tui.domain.capture import parse_capture
from compass_tui.domain.dates import parse_period, parse_when
from compass_tui.domain.entries import (
    Draft,
    Entry,
    EntryCursor,
    EntryInput,
    EntryQuery,
    EntrySummary,
    SearchHit,
)
from compass_tui.domain.errors import ConflictError, NotFoundError, describe
from compass_tui.domain.merge import merge_edit
from compass_tui.domain.streak import current_streak
from compass_tui.domain.tags import extract_tags, invalid_tags, parse_tag_field, unique_tags
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.drafts import edit_draft_key
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

__all__ = ["ConflictError", "FormError", "JournalService", "NotFoundError", "SaveOutcome"]

PAGE_SIZE = 100


class FormError(ValueError):
    """What is wrong with the editor's fields, in words fit for the form."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class SaveOutcome(BaseModel):
    entry: Entry
    # Changed elsewhere in a way that clashes: ours was saved beside theirs.
    kept_both: bool = False
    # The entry was deleted elsewhere meanwhile: ours was saved as a new one.
    recreated: bool = False


class EditConflict(Exception):
    """The entry was changed elsewhere in a way that cannot be merged with this edit:
    the user chooses (resolve_conflict). Nothing was written."""

    def __init__(self, theirs: Entry, mine: EntryInput) -> None:
        super().__init__(f"entry {theirs.id} was changed elsewhere")
        self.theirs = theirs
        self.mine = mine


Resolution = Literal["mine", "theirs", "both"]


@plain_refusals
class JournalService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._repo = repo
        self._entries = repo.entries
        self.clock = clock
        self._trashed: list[int] = []  # newest last, for undo

    # -- writing --------------------------------------------------------------

    def capture(self, text: str) -> Entry:
        """Quick capture from one line of text (the `compass add` rules)."""
        cap = parse_capture(text, self.clock())
        return self._entries.add(
            EntryInput(entry_date=cap.when, title=cap.title, body=cap.body, tags=cap.tags)
        )

    def create(self, data: EntryInput) -> Entry:
        return self._entries.add(data)

    def update(self, entry_id: int, data: EntryInput, expected_version: int) -> Entry:
        return self._entries.update(entry_id, data, expected_version=expected_version)

    def entry_from_draft(self, draft: Draft, opened: Entry | None) -> EntryInput:
        """The editor's fields as an entry; raises FormError naming what is wrong."""
        when_text = draft.when_text.strip()
        try:
            when = parse_when(when_text, self.clock()) if when_text else None
        except ValueError as exc:
            raise FormError(f"{exc}. Try 'yesterday 18:00' or '2025-03-14 09:30'", "when") from exc
        if bad := invalid_tags(draft.tags_text):
            raise FormError(f"not a tag: {', '.join(bad)} (letters, digits, - and _)", "tags")
        tags = unique_tags([*parse_tag_field(draft.tags_text),
                            *extract_tags(draft.title + "\n" + draft.body)])
        fallback = opened.entry_date if opened else self.clock()
        try:
            return EntryInput(
                entry_date=when or fallback, title=draft.title, body=draft.body, tags=tags,
                starred=draft.starred, energy=draft.energy, fulfilment=draft.fulfilment,
                template=draft.template,
            )
        except ValidationError as exc:
            where = exc.errors()[0].get("loc", ())
            raise FormError(describe(exc), "title" if where == ("title",) else None) from exc

    def save_draft(self, draft: Draft, opened: Entry | None) -> SaveOutcome:
        """Save what the editor holds; never overwrites a change made elsewhere.

        opened is the entry as the editor loaded it, or None when that is not
        known (a new entry, or a draft left from an earlier session).
        """
        data = self.entry_from_draft(draft, opened)
        if draft.entry_id is None:
            return SaveOutcome(entry=self._entries.add(data))
        try:
            saved = self._entries.update(draft.entry_id, data,
                                         expected_version=draft.entry_version or 0)
            return SaveOutcome(entry=saved)
        except NotFoundError:
            return SaveOutcome(entry=self._entries.add(data), recreated=True)
        except ConflictError as conflict:
            theirs = conflict.current
            known_base = opened is not None and opened.version == draft.entry_version
            merged = merge_edit(opened, data, theirs) if known_base else None
            if merged is not None:
                try:
                    saved = self._entries.update(theirs.id, merged,
                                                 expected_version=theirs.version)
                    return SaveOutcome(entry=saved)
                except ConflictError as again:
                    theirs = again.current  # changed yet again: the user decides
            raise EditConflict(theirs, data) from None

    def resolve_conflict(self, conflict: EditConflict, choice: Resolution) -> SaveOutcome:
        """mine: this edit replaces theirs; theirs: this edit is dropped; both: this
        edit is saved as a new entry beside theirs. A further change made elsewhere
        meanwhile raises a new EditConflict: never a silent overwrite."""
        if choice == "theirs":
            current = self._entries.get(conflict.theirs.id)
            return SaveOutcome(entry=current or conflict.theirs)
        if choice == "both":
            return SaveOutcome(entry=self._entries.add(conflict.mine), kept_both=True)
        try:
            saved = self._entries.update(conflict.theirs.id, conflict.mine,
                                         expected_version=conflict.theirs.version)
        except NotFoundError:
            return SaveOutcome(entry=self._entries.add(conflict.mine), recreated=True)
        except ConflictError as again:
            raise EditConflict(again.current, conflict.mine) from None
        return SaveOutcome(entry=saved)

    def toggle_star(self, entry: Entry) -> None:
        """A draft kept of this entry follows the star: saving it later is no conflict
        (nor does it take the star back)."""
        starred = not entry.starred
        with self._repo.transaction():
            version = self._entries.set_starred(entry.id, starred)
            if version is not None:
                self._repo.drafts.follow_star(edit_draft_key(entry.id), version - 1, version,
                                              starred)

    def trash(self, entry_id: int) -> None:
        self._entries.trash(entry_id)
        self._trashed.append(entry_id)

    def undo_trash(self) -> int | None:
        """Restore the entry trashed last in this session; its id, or None."""
        if not self._trashed:
            return None
        entry_id = self._trashed.pop()
        self._entries.restore(entry_id)
        return entry_id

    def trashed(self) -> list[EntrySummary]:
        return self._entries.trashed()

    def restore(self, entry_id: int) -> None:
        self._entries.restore(entry_id)
        if entry_id in self._trashed:
            self._trashed.remove(entry_id)

    # -- reading --------------------------------------------------------------

    def get(self, entry_id: int, *, include_trashed: bool = False) -> Entry | None:
        return self._entries.get(entry_id, include_trashed=include_trashed)

    def page(self, after: EntrySummary | None = None, size: int = PAGE_SIZE,
             query: EntryQuery | None = None) -> list[EntrySummary]:
        base = query or EntryQuery()
        cursor = EntryCursor(entry_date=after.entry_date, id=after.id) if after else None
        return self._entries.summaries(base.model_copy(update={"after": cursor, "limit": size}))

    def search(self, query: EntryQuery) -> list[SearchHit]:
        return self._entries.search(query)

    def entries(self, query: EntryQuery) -> list[Entry]:
        return self._entries.entries(query)

    def streak(self) -> int:
        today = self.clock().date()
        return current_streak(self._entries.days_newest_first(today), today)

    def on_this_day(self) -> list[EntrySummary]:
        return self._entries.on_this_day(self.clock().date())

    def period(self, text: str) -> tuple[datetime, datetime]:
        """Parse a --from/--to phrase; raises DateParseError."""
        return parse_period(text, self.clock())
