"""Three-way merge of an entry edited in two places at once."""

from __future__ import annotations

from compass_tui.domain.entries import Entry, EntryInput

FIELDS = ("entry_date", "title", "body", "tags", "starred", "energy", "fulfilment")


def merge_edit(base: Entry, mine: EntryInput, theirs: Entry) -> EntryInput | None:
    """Each field takes whichever side changed it; None when both changed one differently."""
    merged: dict[str, object] = {}
    for field in FIELDS:
        old, new, other = getattr(base, field), getattr(mine, field), getattr(theirs, field)
        if new == other or other == old:
            merged[field] = new
        elif new == old:
            merged[field] = other
        else:
            return None
    return mine.model_copy(update=merged)
