"""`compass export` and `compass import` of a full journal, and `compass import --format
jrnl` against jrnl's own `--import`.

    .venv/bin/python benchmarks/bench_export_import.py [--entries 100000]

1. A copy of the generated journal gets every other part too: 30 values, 200 skills
   (300 feedback notes), 100 goals with 1,000 tasks and their progress, 300 timeline
   events, 100 vision cards, 200 completed check-ins, passions, SWOT, a narrative.
2. `compass export -o FILE` of it, then `compass import FILE` into an empty database:
   wall time and peak RSS of each process (from os.wait4), against the targets of
   20 s and 500 MB. The imported database is exported again and compared with the
   first export (all but `exported_at`).
3. jrnl: the same entries exported by jrnl itself (`jrnl --format json --file`, kept in
   benchmarks/out/), imported by `compass import --format jrnl` into an empty database,
   against `jrnl --import --file` of the journal's text into an empty jrnl journal
   (jrnl imports only its own text format: the file its JSON came from).
   `compass import --format jrnl-text` of that same text file is timed as well, for
   the same input on both sides. jrnl comes from bench_list_vs_jrnl's venv.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from _common import OUT_DIR, copy_db, ensure_journal, find_compass, machine_note
from bench_list_vs_jrnl import JRNL_VENV, ensure_jrnl, jrnl_version, write_jrnl_config

TARGET_SECONDS = 20.0
TARGET_MB = 500
SEED = 7


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def measure(command: list[str], env: dict[str, str], folder: Path) -> Run:
    """Wall time and peak RSS of one process (its own rusage, from wait4)."""
    out, err = folder / "stdout.txt", folder / "stderr.txt"
    with out.open("w") as stdout, err.open("w") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env,
                                   stdin=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    run = Run(seconds, usage.ru_maxrss / 1024, out.read_text(), err.read_text())
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{run.stderr}")
    return run


def add_the_other_parts(db: Path) -> None:
    """Realistic sizes for every part but the journal, through the stores."""
    from compass_tui.domain.assessment import (
        FeedbackInput,
        PassionInput,
        PersonalityInput,
        SkillInput,
        SwotInput,
    )
    from compass_tui.domain.goals import GoalInput, TaskInput
    from compass_tui.domain.timeline import EVENT_KINDS, EventInput
    from compass_tui.domain.values import ValueInput
    from compass_tui.domain.vision import CardInput
    from compass_tui.store.repository import Repository

    rng = random.Random(SEED)
    now = datetime.now().replace(microsecond=0)
    today = now.date()
    repo = Repository.open(f"sqlite:///{db}")
    try:
        values = [repo.values.add(ValueInput(name=f"Value {n}", meaning="what it means",
                                             why="why it matters"), now).id
                  for n in range(30)]
        for value_id in values[25:]:
            repo.values.retire(value_id, now)
        skills = [repo.skills.add(SkillInput(name=f"Skill {n}", level=rng.randint(1, 5),
                                             category=rng.choice(("technical", "soft")),
                                             is_gap=n % 7 == 0)).id
                  for n in range(200)]
        for n in range(300):
            repo.skills.add_feedback(FeedbackInput(
                skill_id=rng.choice(skills), giver=f"Colleague {n % 40}",
                given_on=today - timedelta(days=rng.randint(0, 2000)),
                said="Clear, kind and on time."))
        for n in range(12):
            repo.passions.add(PassionInput(kind=("absorbs", "fulfils", "problem")[n % 3],
                                           text=f"Passion {n}"))
            repo.swot.add(SwotInput(quadrant=("strength", "weakness", "opportunity",
                                              "threat")[n % 4], text=f"SWOT item {n}"))
        repo.personality.add(PersonalityInput(framework="Big Five", result="Open, calm"))
        goals = []
        for n in range(100):
            parent = goals[n // 5] if n >= 20 else None  # 20 long-term goals, 80 under them
            goals.append(repo.goals.create(GoalInput(
                title=f"Goal {n}", horizon="long" if parent is None else "short",
                parent_id=parent, value_ids=rng.sample(values[:25], 2), why="because",
                due_date=today + timedelta(days=rng.randint(-100, 700))), now).id)
        repo.goals.add_tasks(((TaskInput(goal_id=goals[n % 100], title=f"Task {n}",
                                         due=today + timedelta(days=rng.randint(-60, 300)),
                                         skill_id=rng.choice(skills) if n % 9 == 0 else None),
                               n % 3 == 0, today - timedelta(days=n % 30))
                              for n in range(1000)), now)
        repo.goals.add_progress_many((goal_id, float(step * 10), now - timedelta(days=90 - step))
                                     for goal_id in goals for step in range(5))
        events = []
        for n in range(300):  # a day, a month or a year: partial dates as users give them
            day = date(1995, 1, 1) + timedelta(days=n * 40)
            precision = ("day", "month", "year")[n % 3]
            events.append(EventInput(
                occurred_on={"day": day, "month": day.replace(day=1),
                             "year": day.replace(month=1, day=1)}[precision],
                precision=precision, title=f"Event {n}", kind=EVENT_KINDS[n % len(EVENT_KINDS)],
                what="what happened", lesson="what it taught" if n % 4 == 0 else "",
                value_ids=rng.sample(values[:25], 2), skill_ids=rng.sample(skills, 2)))
        repo.timeline.add_many(events, now)
        repo.vision.add_cards([CardInput(kind="quote", text=f"Quote {n}", author="Someone")
                               for n in range(100)], now)
        repo.vision.set_text("purpose", "Help small teams do careful work.", now)
        for n in range(5):
            repo.vision.add_version(f"# My story, version {n}\n\n" + "A paragraph. " * 80,
                                    "edited", now - timedelta(days=5 - n))
        last_sunday = today - timedelta(days=(today.weekday() + 1) % 7 or 7)
        for n in range(200):
            end = last_sunday - timedelta(weeks=n)
            checkin = repo.checkins.start("weekly", end - timedelta(days=6), end, now)
            repo.checkins.complete(checkin.id, {"wins": "A good week", "energy": 3},
                                   energy=3, fulfilment=4, entry_id=None, now=now)
    finally:
        repo.close()


def same_export(first: Path, second: Path) -> bool:
    """Line by line, all but the `exported_at` line."""
    with first.open(encoding="utf-8") as a, second.open(encoding="utf-8") as b:
        for line_a, line_b in zip(a, b, strict=False):
            if line_a != line_b and not line_a.lstrip().startswith('"exported_at"'):
                return False
        return a.read() == b.read() == ""


def added(run: Run) -> str:
    found = re.search(r"Import: (\d+) added", run.stdout)
    return found.group(1) if found else "?"


def report(label: str, run: Run, *, targets: bool = False) -> None:
    verdict = ""
    if targets:
        ok = run.seconds < TARGET_SECONDS and run.peak_mb < TARGET_MB
        verdict = (f"  (targets {TARGET_SECONDS:.0f} s, {TARGET_MB} MB: "
                   f"{'met' if ok else 'MISSED'})")
    print(f"  {label:<42} {run.seconds:6.2f} s  peak RSS {run.peak_mb:6.0f} MB{verdict}")


def jrnl_json(jrnl: Path, text: Path, version: str, env: dict[str, str], tmp: Path) -> Path:
    """The journal as jrnl's own JSON export, made once and kept beside the text."""
    path = text.with_suffix(".json")
    if not path.exists() or path.stat().st_mtime < text.stat().st_mtime:
        config = tmp / "export.yaml"
        write_jrnl_config(config, text, version)
        print(f"[exporting {text.name} with jrnl --format json]", file=sys.stderr, flush=True)
        partial = path.with_suffix(".json.partial")
        measure([str(jrnl), "--config-file", str(config), "--format", "json",
                 "--file", str(partial)], env, tmp)
        partial.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--jrnl-venv", type=Path, default=JRNL_VENV)
    args = parser.parse_args(argv)

    source_db, source_text = ensure_journal(args.entries)
    compass = str(find_compass())
    jrnl = ensure_jrnl(args.jrnl_venv)
    version = jrnl_version(args.jrnl_venv)

    with tempfile.TemporaryDirectory(prefix="compass-bench-", dir=OUT_DIR) as tmp_dir:
        tmp = Path(tmp_dir)
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config"),
               "XDG_DATA_HOME": str(tmp / "data"), "NO_COLOR": "1"}
        env.pop("COMPASS_DB", None)
        full = copy_db(source_db, tmp / "full.db")
        add_the_other_parts(full)

        print(f"export/import benchmark: {args.entries:,} entries and every other part; "
              f"jrnl {version}; wall time and peak RSS per process ({machine_note()})")
        export = tmp / "export.json"
        exported = measure([compass, "--db", str(full), "export", "-o", str(export)], env, tmp)
        print(f"  export file: {export.stat().st_size / 2**20:.0f} MiB; "
              f"{exported.stderr.strip().replace(tmp_dir, '$TMP')}")
        report("compass export -o FILE", exported, targets=True)
        empty = tmp / "imported.db"
        imported = measure([compass, "--db", str(empty), "import", str(export)], env, tmp)
        print(f"  {imported.stdout.strip()}")
        report("compass import FILE", imported, targets=True)
        again = tmp / "again.json"
        measure([compass, "--db", str(empty), "export", "-o", str(again)], env, tmp)
        print(f"  export again from the imported database, same document: "
              f"{'yes' if same_export(export, again) else 'NO'}")

        json_file = jrnl_json(jrnl, source_text, version, env, tmp)
        print(f"\n  jrnl JSON: {json_file.stat().st_size / 2**20:.0f} MiB; jrnl text: "
              f"{source_text.stat().st_size / 2**20:.0f} MiB")
        from_json = measure([compass, "--db", str(tmp / "from-jrnl.db"), "import",
                             str(json_file), "--format", "jrnl"], env, tmp)
        from_text = measure([compass, "--db", str(tmp / "from-text.db"), "import",
                             str(source_text), "--format", "jrnl-text"], env, tmp)
        journal = tmp / "jrnl" / "journal.txt"
        journal.parent.mkdir()
        journal.write_text("")
        config = tmp / "import.yaml"
        write_jrnl_config(config, journal, version)
        by_jrnl = measure([str(jrnl), "--config-file", str(config), "--import", "--file",
                           str(source_text)], env, tmp)
        jrnl_count = len(re.findall(r"^\[\d{4}-\d\d-\d\d ", journal.read_text(encoding="utf-8"),
                                    re.MULTILINE))
        report(f"compass import --format jrnl ({added(from_json)})", from_json)
        report(f"compass import --format jrnl-text ({added(from_text)})", from_text)
        report(f"jrnl --import --file TEXT ({jrnl_count})", by_jrnl)
        print(f"  jrnl/compass: {by_jrnl.seconds / from_json.seconds:.2f}x (compass from jrnl's "
              f"JSON), {by_jrnl.seconds / from_text.seconds:.2f}x (both from the text)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
