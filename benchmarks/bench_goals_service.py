"""What the Goals tab asks of the service, on a large plan: tree, list by due date, this week.

    .venv/bin/python benchmarks/bench_goals_service.py [--runs 30] [--keep]

Seeds benchmarks/out/goals-bench.db (made again unless --keep) through the stores:
500 goals (a third long-term; nearly every short-term goal sits under one),
5,000 tasks (a third done), 20,000 progress records, 20 ranked values, 30 skills.
Then times GoalsService.tree(), by_due() and this_week() (and the store's
three-query read under them): the first call, then median and p95 wall-clock and
median CPU time of --runs calls after a warm-up. Service calls only; the
key-press-to-painted figure is measured in the terminal by the UI's script.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from _common import OUT_DIR, machine_note, median, percentile

from compass_tui.domain.assessment import SkillInput
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.values import ValueInput
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository

GOALS, TASKS, PROGRESS, VALUES, SKILLS = 500, 5000, 20000, 20, 30
NOW = datetime(2026, 11, 22, 9, 0)
WARM_UP = 3


def seed(db: Path) -> None:
    rng = random.Random(11)
    today = NOW.date()
    repo = Repository.open("sqlite:///" + str(db))
    try:
        values = [repo.values.add(ValueInput(name=f"Value {i:02}"), NOW).id
                  for i in range(VALUES)]
        skills = [repo.skills.add(SkillInput(name=f"Skill {i:02}", category="technical",
                                             level=2, is_gap=i % 3 == 0)).id
                  for i in range(SKILLS)]
        long_ids: list[int] = []
        goal_ids: list[int] = []
        for i in range(GOALS):
            long_term = i < GOALS // 3
            due = today + timedelta(days=rng.randint(-90, 720)) if rng.random() < 0.9 else None
            start = due - timedelta(days=rng.randint(30, 200)) if due else None
            measured = rng.random() < 0.4
            data = GoalInput(
                title=f"{'Long' if long_term else 'Short'} goal {i:03}",
                horizon="long" if long_term else "short",
                specific="Ship the quarterly report to the whole team, on time" * (i % 2),
                metric="reports" if measured else "", unit="count",
                start_value=0 if measured else None, target_value=10 if measured else None,
                current_value=rng.randint(0, 12) if measured else None,
                resources="time" * (i % 3 > 0), obstacles="meetings" * (i % 4 > 0),
                value_ids=rng.sample(values, rng.randint(0, 3)), why="because" * (i % 2),
                start_date=start, due_date=due,
                status=rng.choice(("active",) * 6 + ("paused", "done", "abandoned")),
                status_reason="changed course",
                parent_id=None if long_term else rng.choice([*long_ids, None]),
                tag=f"goal-{i}" if i % 5 == 0 else "",
            )
            goal = repo.goals.create(data, NOW)
            goal_ids.append(goal.id)
            if long_term:
                long_ids.append(goal.id)
        # A third of the tasks done, each a few days before today.
        repo.goals.add_tasks(
            ((TaskInput(goal_id=goal_ids[i % GOALS], title=f"Task {i}",
                        due=today + timedelta(days=rng.randint(-30, 120))
                        if rng.random() < 0.8 else None,
                        skill_id=rng.choice(skills) if rng.random() < 0.1 else None),
              i % 3 == 0, today - timedelta(days=i % 20))
             for i in range(TASKS)), NOW)
        start = NOW - timedelta(days=400)
        repo.goals.add_progress_many(
            (goal_ids[i % GOALS], round(min(100.0, (i // GOALS) * 2.5), 1),
             start + timedelta(days=(i // GOALS) * 10, minutes=i % GOALS))
            for i in range(PROGRESS))
    finally:
        repo.close()


def timed(call: Callable[[], object], runs: int) -> tuple[list[float], list[float], object]:
    """Wall-clock and CPU seconds per call: on a shared machine CPU time shows the
    work done, wall-clock what a user would wait."""
    for _ in range(WARM_UP):
        result = call()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return walls, cpus, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="reuse an existing database")
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    db = OUT_DIR / "goals-bench.db"
    if not (args.keep and db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        started = time.perf_counter()
        seed(db)
        print(f"[seeded {db} in {time.perf_counter() - started:.1f} s]", file=sys.stderr)
    repo = Repository.open("sqlite:///" + str(db))
    try:
        service = GoalsService(repo, lambda: NOW)
        today: date = NOW.date()
        cases: list[tuple[str, Callable[[], object]]] = [
            ("store summaries()", lambda: repo.goals.summaries(today)),
            ("tree()", service.tree),
            ("by_due()", service.by_due),
            ("by_due(active, long)", lambda: service.by_due({"active"}, "long")),
            ("this_week()", service.this_week),
        ]
        print(f"goals service: {GOALS} goals, {TASKS} tasks, {PROGRESS} progress records; "
              f"median and p95 of {args.runs} calls after {WARM_UP} warm-up; {machine_note()}")
        # The first call after opening pays for compiling the SQL: the tab's first show.
        started = time.perf_counter()
        service.tree()
        print(f"  {'first tree() call':22} {(time.perf_counter() - started) * 1000:7.2f} ms")
        for name, call in cases:
            walls, cpus, result = timed(call, args.runs)
            rows = len(result) if isinstance(result, list) else 0
            print(f"  {name:22} {median(walls) * 1000:7.2f} ms median  "
                  f"{percentile(walls, 95) * 1000:7.2f} ms p95  "
                  f"{median(cpus) * 1000:7.2f} ms CPU median  ({rows} rows)")
    finally:
        repo.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
