"""jrnl's `--format json` export: {"tags": {...}, "entries": [{"title", "body", "date",
"time", "tags": ["@work"], "starred"}, ...]}. Keys jrnl adds (uuid, creator) are ignored."""

from __future__ import annotations

from typing import Any

from compass_tui.domain.import_records import EntryRecord, ImportBatch
from compass_tui.domain.tags import extract_tags, is_valid_tag, normalise_tag
from compass_tui.services.export import FORMAT
from compass_tui.services.importers.collect import validated
from compass_tui.services.importers.source import ImportFileError, load_json, shown

# jrnl's own keys; anything else it writes is not ours to keep.
KEYS = ("title", "body", "date", "time", "tags", "starred")


def jrnl_tags(tags: Any, text: str) -> Any:
    """jrnl's tags ("@Work", from a set, so in no order) as ours: in the order the text
    first uses them. A jrnl tag this app cannot hold ("@c++") is left out of the tag list;
    the text still carries it."""
    if not isinstance(tags, list):
        return tags  # refused by the model, with its reason
    wanted = {normalise_tag(t) for t in tags if isinstance(t, str)}
    wanted = {t for t in wanted if is_valid_tag(t)}
    if not wanted:
        return []
    ordered = [t for t in extract_tags(text) if t in wanted]
    return ordered + sorted(wanted.difference(ordered))


def read_jrnl_json(source: str) -> ImportBatch:
    name = shown(source)
    doc = load_json(source)
    if isinstance(doc, dict) and doc.get("format") == FORMAT:
        raise ImportFileError(f"{name} is a compass-tui export; import it with --format compass")
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise ImportFileError(f"{name} is not jrnl's JSON export (expected an object with an "
                              "\"entries\" list, as `jrnl --format json` writes)")
    batch = ImportBatch()
    for index, raw in enumerate(entries):
        entries[index] = None  # read once: the document is not held twice
        if isinstance(raw, dict):
            raw = {key: raw[key] for key in KEYS if key in raw}
            text = f"{raw.get('title', '')}\n{raw.get('body', '')}"
            raw["tags"] = jrnl_tags(raw.get("tags", []), text)
        record = validated(EntryRecord, raw, f"entries[{index}]", batch.refused)
        if record is not None:
            batch.entries.append(record)
    return batch
