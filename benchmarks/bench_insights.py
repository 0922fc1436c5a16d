"""Insights and the review at 100,000 entries: the command, the screen, the report.

    .venv/bin/python benchmarks/bench_insights.py [--runs 5] [--launches 3] [--terminal 80x24]
        [--url postgresql://USER:PASS@HOST/DB]

On the generated 100,000-entry journal (see _common.ensure_journal):

- `compass insights --all` (all time), a fresh process each run: median wall time,
  beside `compass list -n 1` (the same start-up, one entry read) for scale; and
  `InsightsService.insights()` itself, in process: for all time from the file read
  straight (what the command does, store/quick_insights.py) and through the repository
  (the app's way, and the command's on an older file), and for the default 90 days;
- the Insights screen: the app on a pty (pty_terminal.py), `I` pressed once start-up has
  settled, until the period's figures are painted ("N rated · fulfilment"); the first
  open of a launch and later opens (escape, then `I` again) reported apart;
- `compass report` for the last full year, a fresh process each run, and
  `ReviewService.build()` in process.

With --url, the same command and calls on a PostgreSQL journal of the same entries
(bench_postgres.py's database beside the one named, filled once and kept).

Targets: `compass insights` for all time under 500 ms, the screen painted under 300 ms
after the key, `compass report` for a year under 2 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date

from _common import OUT_DIR, copy_db, ensure_journal, find_compass, machine_note, median
from pty_terminal import PtyTerminal

from compass_tui.domain.insights import Period
from compass_tui.services.insights import InsightsService
from compass_tui.services.review import ReviewService
from compass_tui.store.quick_insights import open_quick_insights
from compass_tui.store.repository import Repository

JOURNAL_READY = "Prompt:"
PAINTED = "rated · fulfilment"
CLOSED = "Prompt:"


def wall(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def in_process(call: Callable[[], object], runs: int) -> list[float]:
    call()  # warm: the first read pays for the file's pages
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def say(label: str, times: list[float], what: str = "") -> None:
    print(f"  {label:34} {median(times) * 1000:7.0f} ms median of {len(times)} "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}){what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--launches", type=int, default=3)
    parser.add_argument("--terminal", default="80x24", metavar="WxH")
    parser.add_argument("--url", default=os.environ.get("COMPASS_BENCH_DB"),
                        help="also on PostgreSQL, beside this database")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.terminal.lower().split("x"))
    journal, _text = ensure_journal(100_000)
    db = copy_db(journal, OUT_DIR / "insights-bench.db")
    compass = str(find_compass())
    year = date.today().year - 1
    print(f"insights: 100,000 entries; terminal {width}x{height}; {machine_note()}")

    floor = wall([compass, "--db", str(db), "list", "-n", "1"], args.runs)
    command = wall([compass, "--db", str(db), "insights", "--all"], args.runs)
    report = wall([compass, "--db", str(db), "report", "--from", str(year), "--to",
                   str(year)], args.runs)
    repo = Repository.open("sqlite:///" + str(db))
    try:
        insights = InsightsService(repo)
        everything = in_process(lambda: insights.insights(insights.period(everything=True)),
                                args.runs)
        default = in_process(lambda: insights.insights(insights.period()), args.runs)
        review = ReviewService(repo)
        built = in_process(lambda: review.build(Period(date(year, 1, 1), date(year, 12, 31),
                                                       "year")), args.runs)
    finally:
        repo.close()
    reader = open_quick_insights(db)
    assert reader is not None, "the copy is at this version's schema"
    try:
        straight = InsightsService.from_file(reader)
        from_file = in_process(lambda: straight.insights(straight.period(everything=True)),
                               args.runs)
    finally:
        reader.close()

    firsts: list[float] = []
    agains: list[float] = []
    for _launch in range(args.launches):
        term = PtyTerminal([compass], width, height, env={"COMPASS_DB": str(db)})
        term.wait_for(JOURNAL_READY)
        time.sleep(4.0)  # start-up and its read-ahead (Insights at 2 s) settle
        firsts.append(term.timed("I", PAINTED))
        for _run in range(args.runs):
            time.sleep(0.3)
            term.press("\x1b")
            term.wait_for(CLOSED)
            time.sleep(0.3)
            agains.append(term.timed("I", PAINTED))
        term.close()

    say("compass list -n 1 (start-up floor)", floor)
    say("compass insights --all", command, " (target 500 ms)")
    say("  of which insights(), all time", from_file, " in process, the file read straight")
    say("  insights(), all time, repository", everything, " in process (the app's way)")
    say("  insights(), last 90 days", default, " in process")
    say("Insights screen, first open", firsts, " key to figures painted (target 300 ms)")
    say("Insights screen, later opens", agains, "")
    say(f"compass report --from {year} --to {year}", report, " (target 2 s)")
    say("  of which ReviewService.build()", built, " in process")
    if args.url:
        on_postgres(args.url, compass, year, args.runs)
    return 0


def on_postgres(given: str, compass: str, year: int, runs: int) -> None:
    from bench_postgres import bench_database
    from sqlalchemy.engine import make_url

    url = bench_database(make_url(given), 100_000, fresh=False)
    command = wall([compass, "--db", url, "insights", "--all"], runs)
    report = wall([compass, "--db", url, "report", "--from", str(year), "--to", str(year)],
                  runs)
    repo = Repository.open(url)
    try:
        insights = InsightsService(repo)
        everything = in_process(lambda: insights.insights(insights.period(everything=True)),
                                runs)
        review = ReviewService(repo)
        built = in_process(lambda: review.build(Period(date(year, 1, 1), date(year, 12, 31),
                                                       "year")), runs)
    finally:
        repo.close()
    print("on PostgreSQL:")
    say("compass insights --all", command, " (target 500 ms)")
    say("  of which insights(), all time", everything, " in process")
    say(f"compass report --from {year} --to {year}", report, " (target 2 s)")
    say("  of which ReviewService.build()", built, " in process")


if __name__ == "__main__":
    sys.exit(main())
