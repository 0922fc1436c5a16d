"""Shared by the benchmark scripts: where things live, journals on demand, statistics."""

from __future__ import annotations

import math
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "benchmarks" / "out"
# Private, as the app wants a journal's folder: else its start-up warning about
# readable files covers part of the screen being timed.
OUT_DIR.mkdir(parents=True, exist_ok=True)
OUT_DIR.chmod(0o700)
GENERATOR = REPO_ROOT / "data" / "generate_journal.py"
SEED = 1


def journal_paths(entries: int) -> tuple[Path, Path]:
    """(database, jrnl text) of the generated journal with this many entries."""
    stem = OUT_DIR / f"journal-{entries}"
    return stem.with_suffix(".db"), stem.with_suffix(".jrnl.txt")


def schema_of(db: Path) -> set[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
    conn.close()
    return {(kind, name, " ".join(sql.split())) for kind, name, sql in rows}


def current_schema() -> set[tuple[str, str, str]]:
    """The schema the code's migrations make today (compared, not trusted by revision id)."""
    from compass_tui.store.repository import Repository

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "empty.db"
        Repository.open("sqlite:///" + str(path)).close()
        return schema_of(path)


def ensure_journal(entries: int, db: Path | None = None) -> tuple[Path, Path]:
    """Generate the journal (database and jrnl text together) unless both exist.

    Both come from one generator run, so they always hold the same entries. A
    database made by an older schema (even under the same revision id) is made again.
    """
    default_db, text = journal_paths(entries)
    db = db or default_db
    if db != default_db:
        text = db.with_suffix(".jrnl.txt")
    stale = db.exists() and schema_of(db) != current_schema()
    if stale or not (db.exists() and text.exists()):
        why = "schema changed: regenerating" if stale else "generating"
        print(f"[{why} {entries} entries into {db}]", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, str(GENERATOR), "--entries", str(entries), "--db", str(db),
             "--jrnl-text", str(text), "--seed", str(SEED), "--force"],
            check=True, stdout=sys.stderr,
        )
    return db, text


def find_compass() -> Path:
    """The `compass` command of the venv running the benchmark (or on PATH)."""
    beside = Path(sys.executable).parent / "compass"
    if beside.exists():
        return beside
    found = shutil.which("compass")
    if found is None:
        sys.exit("compass is not installed: run the benchmarks with the project's venv")
    return Path(found)


def copy_db(source: Path, dest: Path) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL files about).

    Created 0600, as the app wants a journal to be: else its warning toast covers
    what a benchmark waits for.
    """
    for suffix in ("", "-wal", "-shm"):
        Path(str(dest) + suffix).unlink(missing_ok=True)
    os.close(os.open(dest, os.O_CREAT | os.O_WRONLY, 0o600))
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


def machine_note() -> str:
    """Cores and load average: other work on the machine skews wall-clock figures."""
    one, five, fifteen = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.2f} {five:.2f} {fifteen:.2f}"
