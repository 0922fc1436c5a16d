"""Search and `compass due` on a PostgreSQL journal of 100,000 entries.

    .venv/bin/python benchmarks/bench_postgres.py --url postgresql://USER:PASS@HOST/DB \
        [--entries 100000] [--runs 30] [--words team mentor ...]

The URL names a database the role may connect to; the script makes (or makes again) a
database beside it, DB_bench_N, fills it with the generated journal (the same entries
as the SQLite benchmarks: same generator, same seed), runs ANALYZE, then times
`JournalService.search` per word (median and p95 ms after a warm-up, as
bench_search.py does on SQLite) and the cold wall time of `compass due` (a fresh
process per run) with 1,000 past check-ins and the weekly one due. The database is
kept for the next run (--fresh makes it again).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from _common import SEED, find_compass, machine_note, median, percentile
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from compass_tui.domain.entries import EntryInput, EntryQuery
from compass_tui.services.journal import JournalService
from compass_tui.store.entries_store import ts_query
from compass_tui.store.repository import Repository

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "data"))
from generate_journal import generate

DEFAULT_WORDS = ("team", "mentor", "reykjavik", "lea")
KINDS = {"team": "common", "mentor": "rare", "reykjavik": "very rare", "lea": "prefix"}
CHECKINS = 1000


def bench_database(url: URL, entries: int, fresh: bool) -> str:
    """The benchmark database's URL, filled with the journal unless already there."""
    name = f"{url.database}_bench_{entries}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if exists and fresh:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        if not exists or fresh:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    target = url.set(database=name).render_as_string(hide_password=False)
    repo = Repository.open(target)
    try:
        if repo.entries.count() != entries:
            with repo.engine.begin() as conn:
                conn.execute(text("TRUNCATE entries, tags, entry_tags, checkins, "
                                  "checkin_state RESTART IDENTITY CASCADE"))
            print(f"[filling {name} with {entries} entries]", file=sys.stderr, flush=True)
            started = time.perf_counter()
            repo.entries.add_many(
                EntryInput(entry_date=e.when, title=e.title, body=e.body, tags=e.tags,
                           starred=e.starred, energy=e.energy, fulfilment=e.fulfilment)
                for e in generate(entries, SEED, date.today() - timedelta(days=1)))
            print(f"[filled in {time.perf_counter() - started:.0f} s]", file=sys.stderr)
        seed_checkins(repo, date.today())
        with repo.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE entries"))
    finally:
        repo.close()
    return target


def seed_checkins(repo: Repository, today: date) -> None:
    """1,000 finished weekly check-ins, one a week back from yesterday (as bench_due)."""
    last = today - timedelta(days=1)
    with repo.engine.begin() as conn:
        conn.execute(text("DELETE FROM checkins"))
        conn.execute(text(
            "INSERT INTO checkins (kind, status, period_start, period_end, answers, energy,"
            " fulfilment, started_at, updated_at, completed_at)"
            " VALUES ('weekly', 'done', :start, :end, '{\"wins\": \"a good week\"}', 3, 4,"
            " :at, :at, :at)"),
            [{"start": last - timedelta(weeks=n, days=6), "end": last - timedelta(weeks=n),
              "at": datetime.combine(last - timedelta(weeks=n), datetime.min.time())}
             for n in range(CHECKINS)])
        conn.execute(text("DELETE FROM checkin_state"))
        conn.execute(text("INSERT INTO checkin_state (kind, started_on) VALUES "
                          "('weekly', :d)"), {"d": last - timedelta(weeks=CHECKINS)})


def total_matches(repo: Repository, word: str) -> int:
    query = ts_query(word)
    if query is None:
        return 0
    with repo.engine.connect() as conn:
        return conn.execute(text(
            "SELECT count(*) FROM entries WHERE deleted_at IS NULL AND "
            "search_vector @@ CAST(:q AS tsquery)"), {"q": query}).scalar_one()


def time_search(journal: JournalService, word: str, runs: int, warmup: int) -> list[float]:
    query = EntryQuery(text=word)
    for _ in range(warmup):
        journal.search(query)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        journal.search(query)
        times.append((time.perf_counter() - started) * 1000)
    return times


def time_due(url: str, runs: int) -> tuple[list[float], str]:
    weekday = date.today().strftime("%A").lower()
    with tempfile.TemporaryDirectory() as config_home:
        folder = Path(config_home) / "compass-tui"
        folder.mkdir()
        (folder / "config.toml").write_text(f'[checkins]\nweekly = "{weekday}"\n'
                                            'monthly = "off"\n')
        env = {**os.environ, "XDG_CONFIG_HOME": config_home, "COMPASS_DB": url}
        command = [str(find_compass()), "due"]
        said = subprocess.run(command, env=env, capture_output=True, text=True,
                              check=True).stdout  # warms the server's cache
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True)
            times.append((time.perf_counter() - started) * 1000)
    return times, said


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("COMPASS_BENCH_DB"),
                        help="a PostgreSQL database to make the benchmark's beside "
                             "(env COMPASS_BENCH_DB)")
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--due-runs", type=int, default=15)
    parser.add_argument("--words", nargs="+", default=list(DEFAULT_WORDS))
    parser.add_argument("--fresh", action="store_true", help="make the database again")
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("name a PostgreSQL database with --url (or COMPASS_BENCH_DB)")
    url = bench_database(make_url(args.url), args.entries, args.fresh)
    repo = Repository.open(url)
    try:
        journal = JournalService(repo)
        print(f"PostgreSQL search benchmark: {repo.entries.count()} entries, {args.runs} "
              f"runs per word after {args.warmup} warm-up ({machine_note()})")
        print(f"{'word':<12} {'kind':<10} {'matches':>8} {'hits':>5} "
              f"{'median ms':>10} {'p95 ms':>8} {'min ms':>8} {'max ms':>8}")
        for word in args.words:
            hits = len(journal.search(EntryQuery(text=word)))
            times = time_search(journal, word, args.runs, args.warmup)
            print(f"{word:<12} {KINDS.get(word, ''):<10} {total_matches(repo, word):>8} "
                  f"{hits:>5} {median(times):>10.1f} {percentile(times, 95):>8.1f} "
                  f"{min(times):>8.1f} {max(times):>8.1f}")
    finally:
        repo.close()
    times, said = time_due(url, args.due_runs)
    print(f"compass due on PostgreSQL ({CHECKINS} past check-ins, {args.due_runs} runs): "
          f"median {median(times):.0f} ms, min {min(times):.0f}, max {max(times):.0f}")
    print("  it said: " + " / ".join(said.strip().splitlines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
