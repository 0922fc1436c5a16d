"""One Markdown file per entry, for a notes app such as Obsidian: named by date and
title, with front matter (date and time, tags, star, ratings) and the body as written.

A new folder is written whole or not at all: into a temporary folder beside it,
renamed into place at the end. Into a folder that already holds files (only when the
user says so) every file is written first, then each is moved over its namesake.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from compass_tui.domain.entries import Entry

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
MAX_TITLE = 60


def file_name(entry: Entry, taken: set[str]) -> str:
    """"2026-03-14 Met Ana.md"; a second of the same name gets " (2)"."""
    title = " ".join(UNSAFE.sub(" ", entry.title).split()).strip(" .") or "entry"
    stem = f"{entry.entry_date:%Y-%m-%d} {title[:MAX_TITLE].rstrip()}"
    name, n = f"{stem}.md", 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem} ({n}).md"
    taken.add(name.casefold())
    return name


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front_matter(entry: Entry) -> str:
    lines = ["---", f"title: {_yaml_text(entry.title)}",
             f"date: {entry.entry_date:%Y-%m-%dT%H:%M}",
             "tags: [" + ", ".join(entry.tags) + "]"]
    if entry.starred:
        lines.append("starred: true")
    if entry.energy:
        lines.append(f"energy: {entry.energy}")
    if entry.fulfilment:
        lines.append(f"fulfilment: {entry.fulfilment}")
    if entry.kind != "journal":
        lines.append(f"kind: {entry.kind}")
    return "\n".join([*lines, "---", ""])


def holds_files(folder: Path) -> bool:
    return folder.is_dir() and any(folder.iterdir())


def write_split(repo: Repository, folder: Path, *, into_existing: bool = False) -> int:
    """Every entry as its own file in `folder`, which must not exist yet or be empty,
    unless `into_existing`: then files of the same names are replaced and the others
    are left as they are. Returns how many files were written."""
    if folder.exists() and not folder.is_dir():
        raise FileExistsError(f"{folder} is a file; name a new or empty folder")
    if holds_files(folder) and not into_existing:
        raise FileExistsError(f"{folder} already holds files; name a new or empty folder")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        count = _write_files(repo, staging)
        if into_existing and folder.is_dir():
            # Every file is complete before the first one replaces anything.
            for path in sorted(staging.iterdir()):
                os.replace(path, folder / path.name)
            staging.rmdir()
        else:
            os.chmod(staging, 0o700)
            if folder.exists():
                folder.rmdir()  # empty, checked above (fails if no longer: nothing mixed)
            os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def _write_files(repo: Repository, staging: Path) -> int:
    taken: set[str] = set()
    count = 0
    for entry in repo.entries.iter_all():
        path = staging / file_name(entry, taken)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(front_matter(entry))
            out.write(f"\n# {entry.title}\n\n")
            if entry.body.strip():
                out.write(entry.body.rstrip() + "\n")
        count += 1
    return count
