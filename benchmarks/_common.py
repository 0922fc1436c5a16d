"""Shared by the benchmark scripts: where things live, journals on demand, statistics."""

from __future__ import annotations

import math
import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "benchmarks" / "out"
GENERATOR = REPO_ROOT / "data" / "generate_journal.py"
SEED = 1


def journal_paths(entries: int) -> tuple[Path, Path]:
    """(database, jrnl text) of the generated journal with this many entries."""
    stem = OUT_DIR / f"journal-{entries}"
    return stem.with_suffix(".db"), stem.with_suffix(".jrnl.txt")


def ensure_journal(entries: int, db: Path | None = None) -> tuple[Path, Path]:
    """Generate the journal (database and jrnl text together) unless both exist.

    Both come from one generator run, so they always hold the same entries.
    """
    default_db, text = journal_paths(entries)
    db = db or default_db
    if db != default_db:
        text = db.with_suffix(".jrnl.txt")
    if not (db.exists() and text.exists()):
        print(f"[generating {entries} entries into {db}]", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, str(GENERATOR), "--entries", str(entries), "--db", str(db),
             "--jrnl-text", str(text), "--seed", str(SEED), "--force"],
            check=True, stdout=sys.stderr,
        )
    return db, text


def copy_db(source: Path, dest: Path) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL files about)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(dest) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(dest) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return dest


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 30 runs is the 29th smallest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)
