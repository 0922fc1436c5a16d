"""Key press to painted for the Timeline tab with 2,000 events.

    .venv/bin/python benchmarks/bench_timeline_tab.py [--launches 5] [--runs 5] [--terminal 80x24]

The database is a copy of the 1,000-entry journal with 2,000 timeline events over
40 years (every kind, a third with a lesson) and a few app-made ones. The app runs
on a pseudo-terminal (pty_terminal.py); each launch waits for start-up to settle,
then presses "4" and waits until the first event's title is painted, then "1" and
back several times (the first show and later shows are reported apart); then "l"
(the lessons view) and back.

Target: the tab painted under 100 ms after the key press.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, datetime

from _common import OUT_DIR, copy_db, ensure_journal, find_compass, machine_note, median
from pty_terminal import PtyTerminal

from compass_tui.domain.timeline import EVENT_KINDS, EventInput
from compass_tui.store.repository import Repository

EVENTS = 2000
JOURNAL_READY = "Prompt:"
TIMELINE_READY = "all kinds · with app events"
FIRST_TITLE = "Event 0000 of the journey"


def seed(db_url: str) -> str:
    """Seed the events; returns the newest lesson (the lessons view's first row)."""
    rng = random.Random(7)
    repo = Repository.open(db_url)
    try:
        items = []
        for n in range(EVENTS):
            year = 1986 + n * 40 // EVENTS
            precision = rng.choice(("year", "month", "day"))
            day = date(year, rng.randint(1, 12) if precision != "year" else 1,
                       rng.randint(1, 28) if precision == "day" else 1)
            items.append(EventInput(occurred_on=day, precision=precision,
                                    title=f"Event {n:04d} of the journey",
                                    kind=EVENT_KINDS[n % len(EVENT_KINDS)],
                                    what="Something happened that mattered.",
                                    lesson=f"Lesson {n:04d} of the journey" if n % 3 == 2
                                    else ""))
        items[0] = items[0].model_copy(update={"occurred_on": date(1985, 1, 1),
                                               "precision": "year"})
        repo.timeline.add_many(items, datetime.now())
        return repo.timeline.lessons()[0].lesson
    finally:
        repo.close()


def report(label: str, times: list[float], what: str = "") -> None:
    print(f"  {label:15} {median(times) * 1000:7.1f} ms median of {len(times)} "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}){what}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--terminal", default="80x24", metavar="WxH")
    args = parser.parse_args(argv)
    width, height = (int(x) for x in args.terminal.lower().split("x"))
    journal, _text = ensure_journal(1000)
    db = copy_db(journal, OUT_DIR / "timeline-bench.db")
    first_lesson = seed("sqlite:///" + str(db))
    command = [str(find_compass())]
    firsts: list[float] = []
    shows: list[float] = []
    lessons: list[float] = []
    for _launch in range(args.launches):
        term = PtyTerminal(command, width, height, env={"COMPASS_DB": str(db)})
        try:
            term.wait_for(JOURNAL_READY)
            time.sleep(1.0)  # start-up's background reads (the read-ahead) finish
            for run in range(args.runs + 1):
                (firsts if run == 0 else shows).append(term.timed("4", FIRST_TITLE))
                term.press("1")
                term.wait_for(JOURNAL_READY)
                time.sleep(0.2)
            term.press("4")
            term.wait_for(TIMELINE_READY)
            for _run in range(args.runs):
                lessons.append(term.timed("l", first_lesson))
                term.press("l")  # back: the cursor stays on the event that was shown
                term.wait_for(TIMELINE_READY)
                time.sleep(0.2)
        finally:
            term.close()
    print(f"timeline tab: {EVENTS:,} events, 1,000 journal entries; terminal "
          f"{width}x{height}; {machine_note()}")
    report("first show", firsts, ": key press to the first event painted (target 100 ms)")
    report("later shows", shows)
    report("lessons view", lessons, ": 'l' to the newest lesson painted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
