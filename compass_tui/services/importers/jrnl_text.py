"""jrnl's plain journal file: an entry starts with `[2024-03-14 09:05] Title. Body...`;
the lines up to the next such header are its body.

Titles are read as jrnl reads them, so the text file and jrnl's JSON export of the
same journal give the same entries: the title is the whole header line, and only an
entry that is a single line with nothing after it (no newline) is split after its
first sentence. A header line ending in `*` stars the entry. `@tag` words in title
and body are its tags. Stamps may carry seconds or AM/PM, or be a bare date (jrnl
reads that as 09:00 too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from compass_tui.domain.dates import DEFAULT_TIME
from compass_tui.domain.errors import describe
from compass_tui.domain.import_records import EntryRecord, ImportBatch, Refusal
from compass_tui.domain.tags import extract_tags
from compass_tui.services.importers.source import ImportFileError, read_text, shown

# Any bracketed date at a line's start is meant as a header, as jrnl reads it; one that
# is not a real date and time is refused rather than folded into the entry before.
HEADER = re.compile(r"^\[(\d{4}-\d\d-\d\d(?:[ T][^\]]*)?)\](?:[ \t](.*))?$")
STAMPS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M %p",
          "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S")
TITLE_END = re.compile(r"[.?!](?=\s|$)")


def parse_stamp(text: str) -> datetime | None:
    text = " ".join(text.split())
    if len(text) == 10:
        try:
            return datetime.combine(datetime.strptime(text, "%Y-%m-%d").date(), DEFAULT_TIME)
        except ValueError:
            return None
    for pattern in STAMPS:
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def split_header(rest: str, *, whole_text: bool = False) -> tuple[str, str, bool]:
    """(title, what goes to the body, starred) from what follows the stamp.

    `whole_text`: the header line is all of the entry, with no newline after it;
    jrnl then takes the first sentence as the title.
    """
    rest = rest.strip()
    starred = rest.endswith("*")
    if starred:
        rest = rest.strip(" *")
        whole_text = False  # jrnl puts the line back with a newline after it
    if not whole_text:
        return rest, "", starred
    found = TITLE_END.search(rest)
    if found is None:
        return rest, "", starred
    return rest[:found.end()], rest[found.end():].strip(), starred


@dataclass
class _Draft:
    line: int
    when: datetime | None
    stamp: str
    title: str = ""
    starred: bool = False
    lines: list[str] = field(default_factory=list)


def _finish(draft: _Draft, batch: ImportBatch) -> None:
    where = f"line {draft.line} ([{draft.stamp}])"
    if draft.when is None:
        batch.refused.append(Refusal(where, f"'{draft.stamp}' is not a date and time "
                                     "(expected YYYY-MM-DD HH:MM)"))
        return
    body = "\n".join(draft.lines).strip()
    try:
        batch.entries.append(EntryRecord(
            day=draft.when.date(), clock=draft.when.time(), title=draft.title, body=body,
            tags=extract_tags(f"{draft.title}\n{body}"), starred=draft.starred))
    except ValidationError as exc:
        batch.refused.append(Refusal(where, describe(exc)))


def parse_jrnl_text(text: str, name: str = "the journal") -> ImportBatch:
    batch = ImportBatch()
    draft: _Draft | None = None
    stray: int | None = None  # first line of text before any header
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        header = HEADER.match(line)
        if header is None:
            if draft is not None:
                draft.lines.append(line)
            elif line.strip() and stray is None:
                stray = number
            continue
        if draft is not None:
            _finish(draft, batch)
        last_and_unended = number == len(lines) and not text.endswith(("\n", "\r"))
        title, after, starred = split_header(header.group(2) or "",
                                             whole_text=last_and_unended)
        draft = _Draft(number, parse_stamp(header.group(1)), header.group(1), title, starred,
                       [after] if after else [])
    if draft is not None:
        _finish(draft, batch)
    elif stray is not None:
        raise ImportFileError(f"{name} has no jrnl entries (lines like "
                              "'[2024-03-14 09:05] Title. Text')")
    if stray is not None:
        batch.refused.insert(0, Refusal(f"line {stray}", "text before the first entry "
                                        "(entries start with [YYYY-MM-DD HH:MM])"))
    return batch


def read_jrnl_text(source: str) -> ImportBatch:
    return parse_jrnl_text(read_text(source), shown(source))
