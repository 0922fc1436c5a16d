"""A folder of Markdown notes named by date (Obsidian daily notes: `2024-03-14.md`, also
`2024-03-14 Team offsite.md`), one entry per note, at 09:00 of that day.

The title is the front matter's `title`, else the name's words after the date, else the
note's first line (a heading loses its #s). Tags come only from the front matter's
`tags`: a #word in the text may be a heading or a colour, so it is not guessed at.
Notes in hidden folders (.obsidian, .trash) are not read.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from compass_tui.domain.dates import DEFAULT_TIME
from compass_tui.domain.errors import describe
from compass_tui.domain.import_records import EntryRecord, ImportBatch, Refusal
from compass_tui.domain.tags import is_valid_tag, normalise_tag
from compass_tui.services.importers.front_matter import FrontMatterError, split_front_matter
from compass_tui.services.importers.source import STDIN, ImportFileError

SUFFIXES = (".md", ".markdown")
DATED = re.compile(r"^(\d{4}-\d\d-\d\d)(?:[\s_]+(.*))?$")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def _tags(value: str | list[str]) -> list[str]:
    words = value if isinstance(value, list) else re.split(r"[\s,]+", value)
    tags = [normalise_tag(word.strip().lstrip("#")) for word in words if word.strip()]
    for tag in tags:
        if not is_valid_tag(tag):
            raise ValueError(f"tag '{tag}' cannot be a journal tag (letters, digits, - and _)")
    return tags


def _title_and_body(text: str, named: str) -> tuple[str, str]:
    lines = text.strip("\n").splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return named, ""
    heading = HEADING.match(lines[first].strip())
    line = heading.group(1) if heading else lines[first].strip()
    if named and line != named:
        return named, _body(lines[first:])
    return line, _body(lines[first + 1:])  # the title's own line is not repeated


def _body(lines: list[str]) -> str:
    """Blank lines off both ends; the first line keeps its indent (a code block)."""
    start = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    return "\n".join(lines[start:]).rstrip()


def read_note(path: Path, day: date, named: str) -> EntryRecord:
    """One note as an entry; ValueError says why it cannot be one."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except OSError as exc:
        raise ValueError(f"cannot read it: {exc.strerror or exc}") from None
    try:
        meta, rest = split_front_matter(text)
    except FrontMatterError as exc:
        raise ValueError(str(exc)) from None
    title = meta.get("title")
    title = " ".join(title) if isinstance(title, list) else (title or "")
    title, body = _title_and_body(rest, title.strip() or named)
    tags = _tags(meta.get("tags", meta.get("tag", [])))
    try:
        return EntryRecord(day=day, clock=DEFAULT_TIME, title=title, body=body, tags=tags)
    except ValidationError as exc:
        raise ValueError(describe(exc)) from None


def _notes(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*")
            if path.suffix.lower() in SUFFIXES and path.is_file()
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)]


def read_markdown(source: str) -> ImportBatch:
    if source == STDIN:
        raise ImportFileError("markdown reads a folder of notes, not standard input")
    root = Path(source).expanduser()
    if root.is_file():
        folder, notes = root.parent, [root]
    elif root.is_dir():
        folder, notes = root, _notes(root)
    else:
        raise ImportFileError(f"no such folder: {root}")
    dated: list[tuple[date, str, Path, str]] = []
    batch = ImportBatch()
    for path in notes:
        where = str(path.relative_to(folder))
        found = DATED.match(path.stem)
        if found is None:
            batch.refused.append(Refusal(where, "the name does not start with a date "
                                         "(YYYY-MM-DD, as in 2024-03-14.md)"))
            continue
        try:
            day = date.fromisoformat(found.group(1))
        except ValueError:
            batch.refused.append(Refusal(where, f"{found.group(1)} is not a date on the "
                                         "calendar"))
            continue
        dated.append((day, where, path, (found.group(2) or "").strip()))
    for day, where, path, named in sorted(dated):
        try:
            batch.entries.append(read_note(path, day, named))
        except ValueError as exc:
            batch.refused.append(Refusal(where, str(exc)))
    return batch
