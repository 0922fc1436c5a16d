"""A review saved where the user names it: written whole, readable only by them, never
over a file that is there unless they agreed to replace it."""

from __future__ import annotations

from pathlib import Path

from compass_tui.services.atomic import atomic_text_file


class ReviewFileExists(FileExistsError):
    """The file is there; nothing was written."""


def save_review(path: Path, text: str, *, replace: bool = False) -> None:
    if not replace and (path.exists() or path.is_symlink()):
        raise ReviewFileExists(str(path))
    if path.is_dir():
        raise IsADirectoryError(21, "it is a folder", str(path))
    try:
        with atomic_text_file(path, replace=replace) as out:
            out.write(text)
    except FileExistsError:
        raise ReviewFileExists(str(path)) from None
