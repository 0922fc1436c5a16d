"""Full-text search through the service layer over a large generated journal.

    .venv/bin/python benchmarks/bench_search.py [--db PATH] [--runs 30] [--words team mentor ...]

Times `JournalService(repo).search(EntryQuery(text=WORD))` (the default page of
100 hits, each with a snippet) after a warm-up, per word, and prints the median
and p95 in milliseconds, with how many entries the word matches in all.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from _common import ensure_journal, journal_paths, machine_note, median, percentile
from sqlalchemy import text

from compass_tui.domain.entries import EntryQuery
from compass_tui.services.journal import JournalService
from compass_tui.store.entries_store import fts_match
from compass_tui.store.repository import Repository

# common (about half the entries), rare (2-3 %), very rare (a one-off event in a
# few dozen entries), and a short prefix that FTS expands into many words.
DEFAULT_WORDS = ("team", "mentor", "reykjavik", "lea")
KINDS = {"team": "common", "mentor": "rare", "reykjavik": "very rare", "lea": "prefix"}


def total_matches(repo: Repository, word: str) -> int:
    """Every live entry the search expression matches (the bench reads one page)."""
    match = fts_match(word)
    if match is None:
        return 0
    with repo.engine.connect() as conn:
        return conn.execute(text(
            "SELECT count(*) FROM entries WHERE deleted_at IS NULL AND id IN "
            "(SELECT rowid FROM entries_fts WHERE entries_fts MATCH :m)"
        ), {"m": match}).scalar_one()


def time_search(journal: JournalService, word: str, runs: int, warmup: int) -> list[float]:
    query = EntryQuery(text=word)
    for _ in range(warmup):
        journal.search(query)
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        journal.search(query)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path,
                        help="journal database (default: the generated one; made if missing)")
    parser.add_argument("--entries", type=int, default=100_000,
                        help="entries to generate when --db is missing")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--words", nargs="+", default=list(DEFAULT_WORDS))
    args = parser.parse_args(argv)

    db = (args.db or journal_paths(args.entries)[0]).resolve()
    if db == journal_paths(args.entries)[0] or not db.exists():
        # Ours: made if missing, or made again after a schema change. A database
        # given with --db that exists is used as it is, never replaced.
        ensure_journal(args.entries, db)
    repo = Repository.open("sqlite:///" + str(db))
    try:
        journal = JournalService(repo)
        entries = repo.entries.count()
        print(f"search benchmark: {db.name}, {entries} entries, "
              f"{args.runs} runs per word after {args.warmup} warm-up ({machine_note()})")
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
