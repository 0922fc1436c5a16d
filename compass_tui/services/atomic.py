"""Files written whole or not at all: a temporary file beside the target, put in place
at the end."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


def place_new(temp: str | Path, path: Path) -> None:
    """Give `temp` the name `path`, never over a file that exists by then (a hard link
    claims the name in one step, or fails); FileExistsError when it does."""
    try:
        os.link(temp, path)
    except OSError as exc:  # FileExistsError among them: raised as it is
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV,
                             errno.EMLINK):
            raise
        # A file system without hard links: claim the name empty, then fill it at once.
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.replace(temp, path)
        return
    os.unlink(temp)


@contextlib.contextmanager
def atomic_text_file(path: Path, *, replace: bool = True) -> Iterator[TextIO]:
    """Write `path` through the yielded file; it appears (0600) only once complete.

    An error on the way leaves the old file, if any, as it was and no temporary behind.
    With replace=False an existing file is never replaced, even one that appeared while
    this was writing: FileExistsError, and nothing changes.
    """
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp already makes the file 0600: exports hold private writing.
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temp, path)
        else:
            place_new(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
