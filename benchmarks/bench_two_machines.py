"""Two machines in different time zones writing to one PostgreSQL journal at once.

    .venv/bin/python benchmarks/bench_two_machines.py --url postgresql://USER:PASS@HOST/DB \
        [--entries 1000]

Makes a fresh database beside the one named (DB_two_machines), then starts two
processes at the same moment, one with TZ=Asia/Tokyo and one with TZ=America/New_York,
each capturing --entries entries one after another as `compass add` does (one
transaction each, its own clock for "now"). Then checks, reading as a third machine
in UTC: every entry is there; each machine's entries are listed in the order it wrote
them; each entry shows the date and time its writer's clock said (its own day, as
meant); and the moments it was saved (created_at, UTC) put the two machines' entries
in the order they were really written. Prints the counts, the wall time, and OK or
what went wrong.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from _common import machine_note
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ZONES = ("Asia/Tokyo", "America/New_York")


def write(url: str, zone: str, count: int, start: float, out: multiprocessing.Queue) -> None:
    """One machine: its own zone, `count` entries, each with the real moment it was sent."""
    os.environ["TZ"] = zone
    time.tzset()
    from compass_tui.services.journal import JournalService
    from compass_tui.store.repository import Repository

    repo = Repository.open(url)
    journal = JournalService(repo)
    while time.time() < start:
        time.sleep(0.001)
    sent = []
    for n in range(count):
        entry = journal.capture(f"{zone} {n:04d}. Written at the same time as the other.")
        sent.append((entry.id, n, time.time()))
    repo.close()
    out.put((zone, sent))


def check(url: str, written: dict[str, list[tuple[int, int, float]]], count: int) -> list[str]:
    os.environ["TZ"] = "UTC"
    time.tzset()
    from compass_tui.domain.entries import EntryQuery
    from compass_tui.store.repository import Repository

    problems: list[str] = []
    repo = Repository.open(url)
    entries = repo.entries.entries(EntryQuery(limit=None))  # newest first, as listed
    repo.close()
    if len(entries) != count * len(ZONES):
        problems.append(f"{len(entries)} entries, not {count * len(ZONES)}")
    sent_at = {entry_id: (zone, n, at) for zone, rows in written.items()
               for entry_id, n, at in rows}
    for zone in ZONES:
        mine = [e for e in entries if e.title.startswith(zone)]
        numbers = [int(e.title.split()[1].rstrip(".")) for e in mine]
        if numbers != sorted(numbers, reverse=True) or len(set(numbers)) != count:
            problems.append(f"{zone}: its entries are not listed in the order written")
        for entry in mine:
            _zone, _n, at = sent_at[entry.id]
            wall = datetime.fromtimestamp(at, ZoneInfo(zone)).replace(tzinfo=None)
            if abs(entry.entry_date - wall) > timedelta(minutes=1):
                problems.append(f"{zone}: {entry.title} shows {entry.entry_date}, "
                                f"its writer's clock said {wall}")
                break
    engine = create_engine(url)
    with engine.connect() as conn:
        saved = {row_id: when for row_id, when in conn.execute(
            text("SELECT id, created_at FROM entries"))}
    engine.dispose()
    for entry_id, (zone, _n, at) in sent_at.items():
        moment = saved[entry_id]
        if moment.tzinfo is None or abs(moment - datetime.fromtimestamp(at, UTC)) > \
                timedelta(seconds=2):
            problems.append(f"{zone}: entry {entry_id} saved at {moment}, sent at "
                            f"{datetime.fromtimestamp(at, UTC)}")
            break
    by_moment = sorted(sent_at, key=lambda entry_id: (saved[entry_id], entry_id))
    by_sending = sorted(sent_at, key=lambda entry_id: sent_at[entry_id][2])
    out_of_order = sum(1 for a, b in zip(by_moment, by_sending, strict=True)
                       if abs(sent_at[a][2] - sent_at[b][2]) > 1.0)
    if out_of_order:
        problems.append(f"{out_of_order} entries out of real order by their saved moment")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("COMPASS_BENCH_DB"))
    parser.add_argument("--entries", type=int, default=1000)
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("name a PostgreSQL database with --url (or COMPASS_BENCH_DB)")
    base = make_url(args.url)
    name = f"{base.database}_two_machines"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = base.set(database=name).render_as_string(hide_password=False)
    from compass_tui.store.repository import Repository

    Repository.open(url).close()  # the schema, before the race
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    start = time.time() + 3
    workers = [context.Process(target=write, args=(url, zone, args.entries, start, out))
               for zone in ZONES]
    for worker in workers:
        worker.start()
    written = dict(out.get(timeout=1800) for _ in workers)
    took = time.time() - start
    for worker in workers:
        worker.join()
    problems = check(url, written, args.entries)
    print(f"two machines ({' and '.join(ZONES)}), {args.entries} entries each, at once: "
          f"{took:.1f} s ({machine_note()})")
    print("  OK: every entry there, each machine's in its order, each showing its writer's "
          "time, saved moments in real order" if not problems else
          "  PROBLEMS:\n    " + "\n    ".join(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
