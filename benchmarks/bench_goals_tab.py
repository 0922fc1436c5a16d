"""Key press to painted for the Goals tab and its "this week" view, in a real terminal (tmux).

    .venv/bin/python benchmarks/bench_goals_tab.py [--launches 5] [--runs 5] [--terminal 80x24]
        [--via pty|tmux]

The app runs on a pseudo-terminal read by a terminal emulator (pty_terminal.py:
nothing polls, so nothing competes with the app for the CPU); `--via tmux` polls a
tmux pane instead, as the start-up benchmark does (each poll is a process).

The database holds 500 goals, 5,000 tasks and 20,000 progress records (seeded by
bench_goals_service.seed, through the stores) beside a 1,000-entry journal. The
app is started several times; each launch waits for start-up to settle,
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
from pty_terminal import PtyTerminal

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


class TmuxTerminal:
    """The same three calls as PtyTerminal, on a tmux pane polled every 3 ms."""

    def __init__(self, tmux: Tmux, name: str, command: list[str], width: int,
                 height: int) -> None:
        self.tmux, self.name = tmux, name
        tmux.new_session(name, width, height, command)

    def wait_for(self, text: str) -> float:
        return self.tmux.wait_for(self.name, text)

    def press(self, keys: str) -> None:
        self.tmux.run("send-keys", "-t", self.name, *keys)

    def timed(self, keys: str, text: str) -> float:
        started = time.perf_counter()
        self.press(keys)
        self.wait_for(text)
        return time.perf_counter() - started

    def close(self) -> None:
        self.tmux.kill_session(self.name)


def report(label: str, times: list[float], what: str) -> None:
    print(f"  {label:15} {median(times) * 1000:7.1f} ms median of {len(times)} "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}){what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=5, help="app starts (first shows)")
    parser.add_argument("--runs", type=int, default=5, help="later shows per launch")
    parser.add_argument("--terminal", default="80x24", metavar="WxH")
    parser.add_argument("--via", choices=("pty", "tmux"), default="pty",
                        help="how the screen is read (default: pty)")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.terminal.lower().split("x"))
    journal, _text = ensure_journal(1000)
    db = copy_db(journal, OUT_DIR / "goals-tab-bench.db")
    started = time.perf_counter()
    seed(db)
    print(f"[seeded {db} in {time.perf_counter() - started:.1f} s]", file=sys.stderr)
    first_goal, first_task = expected_text(db)
    tmux = Tmux() if args.via == "tmux" else None
    command = [str(find_compass())]
    firsts: list[float] = []
    shows: list[float] = []
    weeks: list[float] = []
    try:
        for launch in range(args.launches):
            if tmux is not None:
                term: PtyTerminal | TmuxTerminal = TmuxTerminal(
                    tmux, f"goals-bench-{launch}", ["env", f"COMPASS_DB={db}", *command],
                    width, height)
            else:
                term = PtyTerminal(command, width, height, env={"COMPASS_DB": str(db)})
            term.wait_for(JOURNAL_READY)
            time.sleep(1.0)  # let start-up's background reads (the read-ahead) finish
            for run in range(args.runs + 1):
                (firsts if run == 0 else shows).append(term.timed("3", first_goal))
                term.press("1")
                term.wait_for(JOURNAL_READY)
                time.sleep(0.2)
            term.press("3")
            term.wait_for(first_goal)
            for _run in range(args.runs):
                weeks.append(term.timed("vv", first_task))
                term.press("v")
                term.wait_for(TREE_READY)
                time.sleep(0.2)
            term.close()
    finally:
        if tmux is not None:
            tmux.close()
    print(f"goals tab: {GOALS} goals, {TASKS:,} tasks, {PROGRESS:,} progress records, "
          f"1,000 journal entries; terminal {width}x{height} via {args.via}; "
          f"{machine_note()}")
    report("first show", firsts, ": key press to the first goal row painted (target 100 ms)")
    report("later shows", shows, "")
    report("this week", weeks, ": 'v' twice to the first task painted (target 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
