"""Key press to painted for the Values tab, in a real terminal (tmux).

    .venv/bin/python benchmarks/bench_values_tab.py [--runs 15] [--terminal 80x24]

The database holds 200 ranked values (40 of them served by goals), 500 skills and
1,000 feedback notes beside a 1,000-entry journal. The app is started once in
tmux, several times; each run presses "2" (Values) and polls the screen every few milliseconds
until the top value's line is painted, then presses "1" and waits for the journal
to come back. Every show re-reads the values and their alignment.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from _common import OUT_DIR, copy_db, ensure_journal, find_compass, machine_note, median
from bench_startup import Tmux

from compass_tui.domain.assessment import FeedbackInput, SkillInput
from compass_tui.domain.values import ValueInput
from compass_tui.store.repository import Repository

VALUES, SKILLS, FEEDBACK, GOALS = 200, 500, 1000, 60


def seed(db: Path) -> str:
    """Fill the database; returns the text the top value's line shows."""
    rng = random.Random(7)
    repo = Repository.open("sqlite:///" + str(db))
    now = datetime(2026, 11, 1, 9)
    try:
        ids = [repo.values.add(ValueInput(name=f"Value {i:03}", meaning="m " * 20, why="w"),
                               now + timedelta(seconds=i)).id for i in range(VALUES)]
        for g in range(GOALS):
            repo.goals.add_goal(f"Goal {g}", "short", "active", rng.sample(ids[:40], 2), now)
        categories = ("technical", "soft", "transferable")
        skill_ids = [repo.skills.add(SkillInput(name=f"Skill {i:03}", level=rng.randint(1, 5),
                                                category=rng.choice(categories))).id
                     for i in range(SKILLS)]
        for i in range(FEEDBACK):
            repo.skills.add_feedback(FeedbackInput(skill_id=rng.choice(skill_ids),
                                                   giver=f"Colleague {i % 40}",
                                                   said="Clear and kind review " * 3))
    finally:
        repo.close()
    return "1  Value 000"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=5, help="app starts (first shows)")
    parser.add_argument("--runs", type=int, default=5, help="later shows per launch")
    parser.add_argument("--terminal", default="80x24", metavar="WxH")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.terminal.lower().split("x"))
    journal, _text = ensure_journal(1000)
    db = copy_db(journal, OUT_DIR / "values-bench.db")
    top_value = seed(db)
    tmux = Tmux()
    firsts: list[float] = []
    shows: list[float] = []
    try:
        for launch in range(args.launches):
            name = f"values-bench-{launch}"
            tmux.new_session(name, width, height,
                             ["env", f"COMPASS_DB={db}", str(find_compass())])
            tmux.wait_for(name, "Prompt:")
            time.sleep(1.0)  # let start-up's background reads finish
            for run in range(args.runs + 1):
                started = time.perf_counter()
                tmux.run("send-keys", "-t", name, "2")
                tmux.wait_for(name, top_value)
                (firsts if run == 0 else shows).append(time.perf_counter() - started)
                tmux.run("send-keys", "-t", name, "1")
                tmux.wait_for(name, "Prompt:")
                time.sleep(0.2)
            tmux.kill_session(name)
    finally:
        tmux.close()
    print(f"values tab: {VALUES} values ({GOALS} goals linked), {SKILLS} skills, {FEEDBACK} "
          f"feedback notes, 1,000 journal entries; terminal {width}x{height}; "
          f"{machine_note()}")
    print(f"  first show      {median(firsts) * 1000:7.1f} ms median of {len(firsts)} launches "
          f"(min {min(firsts) * 1000:.1f}, max {max(firsts) * 1000:.1f}): key press to the "
          "top value painted")
    print(f"  later shows     {median(shows) * 1000:7.1f} ms median of {len(shows)} "
          f"(min {min(shows) * 1000:.1f}, max {max(shows) * 1000:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
