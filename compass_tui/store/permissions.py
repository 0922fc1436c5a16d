"""Private by default: the database, its side files and backups readable only by
their owner. Checked at start; anything looser is named, not silently changed."""

from __future__ import annotations

import stat
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")


def looser_than_private(db: Path) -> list[str]:
    """Paths (with their mode) that others than the owner can read or enter."""
    found: list[str] = []
    candidates = [(db.parent, True), (db, False)]
    candidates += [(db.with_name(db.name + side), False) for side in SIDE_FILES]
    backups = db.parent / "backups"
    if backups.is_dir():
        candidates.append((backups, True))
        candidates += [(path, False) for path in sorted(backups.iterdir()) if path.is_file()]
    for path, _is_dir in candidates:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:
            continue
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            found.append(f"{path} ({mode:o})")
    return found


def warning_for(db: Path) -> str | None:
    loose = looser_than_private(db)
    if not loose:
        return None
    shown = ", ".join(loose[:3]) + (f" and {len(loose) - 3} more" if len(loose) > 3 else "")
    return (f"Others on this machine can read your journal files: {shown}. "
            f"Run: chmod -R go= {db.parent}")
