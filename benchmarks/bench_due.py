"""Cold wall time of `compass due`, as a login shell runs it.

    .venv/bin/python benchmarks/bench_due.py [--runs 15]

The database is a copy of the 100,000-entry journal with 1,000 past check-ins
(weekly, one a week back from last Sunday) and the weekly check-in due today, so
the command prints its two lines. Each run is a fresh process (`compass due` and,
for scale, `python -c pass` with the same interpreter), timed from spawn to exit;
median, min and max are printed. The schedule is written to a private config
folder so the user's own is never read.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _common import OUT_DIR, copy_db, ensure_journal, find_compass, machine_note, median

CHECKINS = 1000


def seed_checkins(db: Path, today: date) -> None:
    """1,000 finished weekly check-ins, one a week back from yesterday."""
    last = today - timedelta(days=1)
    rows = []
    for n in range(CHECKINS):
        end = last - timedelta(weeks=n)
        rows.append(("weekly", "done", (end - timedelta(days=6)).isoformat(), end.isoformat(),
                     '{"wins": "a good week"}', 3, 4, f"{end} 20:00:00.000000",
                     f"{end} 20:00:00.000000", f"{end} 20:00:00.000000"))
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM checkins")
        conn.executemany(
            "INSERT INTO checkins (kind, status, period_start, period_end, answers, energy,"
            " fulfilment, started_at, updated_at, completed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute("INSERT OR REPLACE INTO checkin_state (kind, started_on) VALUES (?, ?)",
                     ("weekly", (last - timedelta(weeks=CHECKINS)).isoformat()))
    conn.close()


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    journal, _text = ensure_journal(100_000)
    db = copy_db(journal, OUT_DIR / "due-bench.db")
    # The copy may be at an older schema: let the app bring it to head first.
    subprocess.run([str(find_compass()), "--db", str(db), "list", "-n", "1"], check=True,
                   capture_output=True)
    today = date.today()
    seed_checkins(db, today)
    with tempfile.TemporaryDirectory() as config_home:
        folder = Path(config_home) / "compass-tui"
        folder.mkdir()
        weekday = today.strftime("%A").lower()
        (folder / "config.toml").write_text(f'[checkins]\nweekly = "{weekday}"\n'
                                            'monthly = "off"\n')
        env = {**os.environ, "XDG_CONFIG_HOME": config_home, "COMPASS_DB": str(db)}
        due = [str(find_compass()), "due"]
        bare = [sys.executable, "-c", "pass"]
        _took, said = timed(due, env)  # the first run warms the page cache
        due_times, bare_times = [], []
        for _run in range(args.runs):
            took, said = timed(due, env)
            due_times.append(took)
            bare_times.append(timed(bare, env)[0])
    print(f"compass due: 100,000 entries, {CHECKINS:,} past check-ins; {machine_note()}")
    print(f"  printed: {said.splitlines()[0] if said else '(nothing)'}")
    for label, times in (("compass due", due_times), ("python -c pass", bare_times)):
        print(f"  {label:15} {median(times) * 1000:7.1f} ms median of {len(times)} "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})"
              + ("  (target 300 ms)" if label == "compass due" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
