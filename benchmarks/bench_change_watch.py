"""What noticing other windows' writes, and keeping borders past wide emoji, cost the app.

    .venv/bin/python benchmarks/bench_change_watch.py [--runs 200]

On the 100,000-entry journal (a copy):
- a look: ChangeWatch.changed(), which the app makes every three seconds in a worker
  (SQLite's data_version on a connection of its own): median and p95 microseconds;
- the read a change brings to the journal tab: JournalService.page() of the rows the
  list holds (100: one page; 2,000: scrolled far down): median and p95 ms, in a worker;
  then the list rebuilt from them on the event loop (EntryList.replace_rows, in the
  app run headless): median ms;
- realign(), the output filter run on every frame: a full 80x24 frame of plain text
  (what nearly every frame is) and one whose lines hold emoji: median microseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable

from _common import OUT_DIR, copy_db, ensure_journal, machine_note, median, percentile

from compass_tui.config import Settings
from compass_tui.services.changes import ChangeWatch
from compass_tui.services.journal import JournalService
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from compass_tui.ui.journal.entry_list import EntryList
from compass_tui.ui.shell.steady_columns import realign

ENTRIES = 100_000
WARM_UP = 5


def timed(call: Callable[[], object], runs: int) -> list[float]:
    for _ in range(WARM_UP):
        call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def frame(emoji: bool) -> str:
    """24 lines as Textual writes them: a cursor move, styles, 80 cells of text."""
    lines = []
    for y in range(24):
        text = f"  08:{y:02} Coffee with Ana, my mentor, about the talk @mentor"
        if emoji and y % 3 == 0:
            text = f"  08:{y:02} Thumbs 👍🏽 up from the 👨‍👩‍👧 team ❤️ @mentor"
        text = text + " " * max(0, 78 - len(text))
        lines.append(f"\x1b[{y + 1};1H\x1b[38;2;200;200;200;48;2;30;30;30m{text}│ \x1b[0m")
    return "".join(lines)


async def rebuild_times(repo: Repository, sizes: tuple[int, ...], runs: int) -> list[float]:
    """Median seconds to rebuild the journal list from `size` rows, one size after another."""
    app = CompassApp(repo, Settings(db_url=str(repo.engine.url)))
    medians = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(1.0)
        entries = app.query_one(EntryList)
        for size in sizes:
            rows = app.journal.page(size=size)
            times = []
            for _ in range(runs):
                entries.replace_rows(rows[1:], size)  # different rows, so the next rebuilds
                started = time.perf_counter()
                entries.replace_rows(rows, size)
                times.append(time.perf_counter() - started)
                await pilot.pause()
            medians.append(median(times))
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    source, _text = ensure_journal(ENTRIES)
    db = copy_db(source, OUT_DIR / "change-watch.db")
    repo = Repository.open("sqlite:///" + str(db))
    try:
        watch = ChangeWatch(repo)
        journal = JournalService(repo)
        print(f"Change watch and realign, {ENTRIES:,} entries ({machine_note()})")
        looks = timed(watch.changed, args.runs)
        print(f"  a look (data_version)      median {median(looks) * 1e6:7.0f} µs"
              f"   p95 {percentile(looks, 95) * 1e6:7.0f} µs")
        sizes = (100, 2000)
        for size in sizes:
            reads = timed(lambda size=size: journal.page(size=size), max(10, args.runs // 10))
            print(f"  read {size:>5} list rows      median {median(reads) * 1e3:7.1f} ms"
                  f"   p95 {percentile(reads, 95) * 1e3:7.1f} ms")
        rebuilds = asyncio.run(rebuild_times(repo, sizes, 10))
        for size, seconds in zip(sizes, rebuilds, strict=True):
            print(f"  rebuild {size:>5} rows (loop) median {seconds * 1e3:7.1f} ms")
        for label, data in (("plain frame", frame(False)), ("frame with emoji", frame(True))):
            runs = timed(lambda data=data: realign(data), args.runs)
            print(f"  realign, {label:<17} median {median(runs) * 1e6:7.0f} µs")
    finally:
        repo.close()


if __name__ == "__main__":
    main()
