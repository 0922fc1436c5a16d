"""Entries as plain data (the export's entry shape) and as readable text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `compass list` prints rows read without the models, too
    from compass_tui.domain.entries import Entry


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


def entry_to_text(entry: Entry) -> str:
    star = " *" if entry.starred else ""
    head = f"[{entry.entry_date:%Y-%m-%d %H:%M}] {entry.title}{star}"
    body = "\n".join("    " + line if line else "" for line in entry.body.splitlines())
    return f"{head}\n{body}\n" if body else f"{head}\n"
