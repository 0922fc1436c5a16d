"""Entries as plain data (the export's entry shape) and as readable text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `compass list` prints rows read without the models, too
    from compass_tui.domain.entries import Entry, EntryFields


def entry_to_dict(entry: Entry | EntryFields) -> dict[str, Any]:
    """The export's entry shape, from a model or from the plain fields an export reads."""
    stamp = entry.entry_date.isoformat()  # "YYYY-MM-DDTHH:MM...", the year zero-padded
    return {
        "date": stamp[:10],
        "time": stamp[11:16],
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "starred": entry.starred,
        "energy": entry.energy,
        "fulfilment": entry.fulfilment,
        "kind": entry.kind,
        "template": entry.template,
    }


def entry_to_text(entry: Entry) -> str:
    star = " *" if entry.starred else ""
    head = f"[{entry.entry_date:%Y-%m-%d %H:%M}] {entry.title}{star}"
    body = "\n".join("    " + line if line else "" for line in entry.body.splitlines())
    return f"{head}\n{body}\n" if body else f"{head}\n"
