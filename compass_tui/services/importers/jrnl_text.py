"""jrnl's plain journal file: an entry starts with `[2024-03-14 09:05] Title. Body...`;
the lines up to the next such header are its body.

Titles are read as jrnl reads them, so the text file and jrnl's JSON export of the
same journal give the same entries. jrnl takes an entry's text from after the stamp
to the newline before the next stamp: when that text holds a newline, the title is
its first line; when it does not (a header line with another header right under
it), the title is its first sentence. A header line ending in `*` stars the entry.
`@tag` words in title and body are its tags. Stamps may carry seconds or AM/PM, or
be a bare date (jrnl reads that as 09:00 too).
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
# jrnl's sentence end: a terminal, an optional closing quote and brackets, then space;
# CJK terminals need no space after them.
SENTENCE_END = re.compile(
    r"([.!?\u2026\u203C\u203D\u2047\u2048\u2049\u22EF\uFE52\uFE57]['\u2019\"\u201D]?[\])]*\s+)"
    r"|[\uFF01\uFF0E\uFF1F\uFF61\u3002]")


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


def split_entry_text(text: str) -> tuple[str, str, bool]:
    """(title, body, starred) from an entry's text, as jrnl splits it."""
    lines = text.splitlines()
    starred = bool(lines) and lines[0].strip().endswith("*")
    if starred:
        text = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:])
    text = text.lstrip()
    found = re.search("\n", text) or SENTENCE_END.search(text)
    if found is None:
        return text.strip(), "", starred
    return text[:found.end()].strip(), text[found.end():].strip(), starred


@dataclass
class _Draft:
    line: int
    when: datetime | None
    stamp: str
    first: str = ""  # the rest of the header line
    lines: list[str] = field(default_factory=list)

    def text(self, newline_after: bool) -> str:
        """The entry's text as jrnl cuts it out of the file."""
        if self.lines:
            return "\n".join([self.first, *self.lines])
        return self.first + ("\n" if newline_after else "")


def _finish(draft: _Draft, batch: ImportBatch, *, newline_after: bool = False) -> None:
    where = f"line {draft.line} ([{draft.stamp}])"
    if draft.when is None:
        batch.refused.append(Refusal(where, f"'{draft.stamp}' is not a date and time "
                                     "(expected YYYY-MM-DD HH:MM)"))
        return
    title, body, starred = split_entry_text(draft.text(newline_after))
    try:
        batch.entries.append(EntryRecord(
            day=draft.when.date(), clock=draft.when.time(), title=title, body=body,
            tags=extract_tags(f"{title}\n{body}"), starred=starred))
    except ValidationError as exc:
        batch.refused.append(Refusal(where, describe(exc)))


def parse_jrnl_text(text: str, name: str = "the journal") -> ImportBatch:
    batch = ImportBatch()
    draft: _Draft | None = None
    stray: int | None = None  # first line of text before any header
    for number, line in enumerate(text.splitlines(), start=1):
        header = HEADER.match(line)
        if header is None:
            if draft is not None:
                draft.lines.append(line)
            elif line.strip() and stray is None:
                stray = number
            continue
        if draft is not None:
            _finish(draft, batch)
        draft = _Draft(number, parse_stamp(header.group(1)), header.group(1),
                       header.group(2) or "")
    if draft is not None:
        _finish(draft, batch, newline_after=text.endswith(("\n", "\r")))
    elif stray is not None:
        raise ImportFileError(f"{name} has no jrnl entries (lines like "
                              "'[2024-03-14 09:05] Title. Text')")
    if stray is not None:
        batch.refused.insert(0, Refusal(f"line {stray}", "text before the first entry "
                                        "(entries start with [YYYY-MM-DD HH:MM])"))
    return batch


def read_jrnl_text(source: str) -> ImportBatch:
    return parse_jrnl_text(read_text(source), shown(source))
