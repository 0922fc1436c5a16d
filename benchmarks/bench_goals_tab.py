"""Key press to painted for the Goals tab and its "this week" view, in a real terminal (tmux).

    .venv/bin/python benchmarks/bench_goals_tab.py [--launches 5] [--runs 5] [--terminal 80x24]

The database holds 500 goals, 5,000 tasks and 20,000 progress records (seeded by
bench_goals_service.seed, through the stores) beside a 1,000-entry journal. The
app is started in tmux several times; each launch waits for start-up to settle,
then:

- presses "3" (Goals) and polls the screen every few milliseconds until the
  first goal row of the tree is painted, then "1" and back, several times (the
  first show of a launch and later shows are reported apart);
- presses "v" twice (tree -> by due date -> this week) and polls until the first
  task of "this week" (overdue, so it reads "<due> overdue <title>") is painted,
  then "v" back to the tree, several times.

Targets: the tab under 100 ms, "this week" under 50 ms.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

from _common import OUT_DIR, copy_db, ensure_journal, find_compass, machine_note, median
from bench_goals_service import GOALS, PROGRESS, TASKS, seed
from bench_startup import Tmux

from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository

JOURNAL_READY = "Prompt:"
TREE_READY = "Tree   active+paused"


def expected_text(db: Path) -> tuple[str, str]:
    """(first tree row's title, first "this week" row's words) as the app will show them
    today (the app runs on the system clock)."""
    repo = Repository.open("sqlite:///" + str(db))
    try:
        service = GoalsService(repo, datetime.now)
        first_goal = service.tree(status={"active", "paused"})[0].goal.title
        first_task = service.this_week()[0]
    finally:
        repo.close()
    if not first_task.overdue or first_task.task.due is None:
        raise SystemExit("the seeded plan has no overdue task to look for")
    return first_goal, f"{first_task.task.due.isoformat()} overdue {first_task.task.title} ·"


def timed_keys(tmux: Tmux, name: str, keys: list[str], text: str) -> float:
    started = time.perf_counter()
    tmux.run("send-keys", "-t", name, *keys)
    tmux.wait_for(name, text)
    return time.perf_counter() - started


def report(label: str, times: list[float], what: str) -> None:
    print(f"  {label:15} {median(times) * 1000:7.1f} ms median of {len(times)} "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}){what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=5, help="app starts (first shows)")
    parser.add_argument("--runs", type=int, default=5, help="later shows per launch")
    parser.add_argument("--terminal", default="80x24", metavar="WxH")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.terminal.lower().split("x"))
    journal, _text = ensure_journal(1000)
    db = copy_db(journal, OUT_DIR / "goals-tab-bench.db")
    started = time.perf_counter()
    seed(db)
    print(f"[seeded {db} in {time.perf_counter() - started:.1f} s]", file=sys.stderr)
    first_goal, first_task = expected_text(db)
    tmux = Tmux()
    firsts: list[float] = []
    shows: list[float] = []
    weeks: list[float] = []
    try:
        for launch in range(args.launches):
            name = f"goals-bench-{launch}"
            tmux.new_session(name, width, height,
                             ["env", f"COMPASS_DB={db}", str(find_compass())])
            tmux.wait_for(name, JOURNAL_READY)
            time.sleep(1.0)  # let start-up's background reads (the read-ahead) finish
            for run in range(args.runs + 1):
                took = timed_keys(tmux, name, ["3"], first_goal)
                (firsts if run == 0 else shows).append(took)
                tmux.run("send-keys", "-t", name, "1")
                tmux.wait_for(name, JOURNAL_READY)
                time.sleep(0.2)
            tmux.run("send-keys", "-t", name, "3")
            tmux.wait_for(name, first_goal)
            for _run in range(args.runs):
                weeks.append(timed_keys(tmux, name, ["v", "v"], first_task))
                tmux.run("send-keys", "-t", name, "v")
                tmux.wait_for(name, TREE_READY)
                time.sleep(0.2)
            tmux.kill_session(name)
    finally:
        tmux.close()
    print(f"goals tab: {GOALS} goals, {TASKS:,} tasks, {PROGRESS:,} progress records, "
          f"1,000 journal entries; terminal {width}x{height}; {machine_note()}")
    report("first show", firsts, ": key press to the first goal row painted (target 100 ms)")
    report("later shows", shows, "")
    report("this week", weeks, ": 'v' twice to the first task painted (target 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
