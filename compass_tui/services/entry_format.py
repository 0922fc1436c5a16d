"""Entries as plain data (the export's entry shape) and as readable text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `compass list` prints rows read without the models, too
    from compass_tui.domain.entries import Entry, EntryFields


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.entry_date.strftime("%Y-%m-%d"),
        "time": entry.entry_date.strftime("%H:%M"),
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "starred": entry.starred,
        "energy": entry.energy,
        "fulfilment": entry.fulfilment,
        "kind": entry.kind,
        "template": entry.template,
    }


def fields_to_dict(entry: EntryFields) -> dict[str, Any]:
    """entry_to_dict's shape for an entry read as plain fields (the export's way)."""
    stamp = entry.entry_date.isoformat()  # "YYYY-MM-DDTHH:MM...": years 1900 to 9998
    return {
        "date": stamp[:10],
        "time": stamp[11:16],
        "title": entry.title,
        "body": entry.body,
        "tags": entry.tags,
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
