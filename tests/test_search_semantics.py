"""Full-text search finds the same entries on SQLite (FTS5) and PostgreSQL (tsvector):
accents, word prefixes, tags, phrases, Chinese and Japanese, emoji."""

from __future__ import annotations

import sqlite3
import string
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compass_tui.domain.entries import EntryInput, EntryQuery
from compass_tui.domain.search_text import search_text, words
from compass_tui.store.entries_store import EntryStore
from compass_tui.store.repository import Repository
from compass_tui.store.sessions import Sessions
from tests.postgres_server import PostgresServer

DAY = datetime(2026, 3, 1, 9, 0)

# title, body, tags
ENTRIES = [
    ("Café with Ana", "We talked about leadership and the naïve plan.", ["mentor"]),
    ("Clear goals", "A clearer roadmap for Q3, 100% agreed.", ["planning"]),
    ("Co-founder chat", "Don't rush the snake_case refactor.", ["career-change"]),
    ("東京出張", "私は東京に住んでいます。会議は大阪でした。", ["travel"]),
    ("Launch day 🎉", "Shipped it🚀finally; party🎉time.", ["work"]),
    ("STRASSE", "Die Straße ist lang. Ǆemal façade Ｆｕｌｌ width ﬁne.", []),
    ("Leading", "lea, learn, plea", ["lead"]),
    ("Title end", "start of the body", ["middle"]),
]

# query: titles found, newest first (entries are a day apart, the last is newest)
CASES = {
    "cafe": ["Café with Ana"],  # accents folded
    "CAFÉ": ["Café with Ana"],
    "naive": ["Café with Ana"],
    "lea": ["Leading", "Café with Ana"],  # a word's start, never inside ("clear", "plea")
    "clear": ["Clear goals"],
    "clearer": ["Clear goals"],
    "lear": ["Leading"],  # "learn"
    "lean": [],
    "ment ana": ["Café with Ana"],  # every word, each as a prefix
    "mentor": ["Café with Ana"],  # tags are searched
    "@mentor": ["Café with Ana"],
    "career-change": ["Co-founder chat"],  # a tag of two words
    "co-founder": ["Co-founder chat"],  # a phrase: the two words side by side
    "founder co": ["Co-founder chat"],  # two words, any order
    "founder-co": [],  # the phrase in the wrong order
    "don't": ["Co-founder chat"],
    "snake_case": ["Co-founder chat"],
    "case_snake": [],
    "100": ["Clear goals"],
    "東京": ["東京出張"],  # inside a run of Japanese, not only at its start
    "住んで": ["東京出張"],
    "大阪": ["東京出張"],
    "京東": [],
    "🎉": [],  # emoji are not words: nothing to find
    "party": ["Launch day 🎉"],
    "time": ["Launch day 🎉"],
    "shipped finally": ["Launch day 🎉"],
    "strasse": ["STRASSE"],
    "straße": ["STRASSE"],
    "facade": ["STRASSE"],
    "full": ["STRASSE"],
    "fine": ["STRASSE"],
    "dzemal": ["STRASSE"],
    "end start": ["Title end"],  # in title and body: both words are there
    "end-start": [],  # but a phrase never runs from the title into the body
    "body-middle": [],  # nor from the body into the tags
    "-- @ !": [],
    '"unclosed AND OR ( *': [],
}


def fill(repo: Repository) -> None:
    for n, (title, body, tags) in enumerate(ENTRIES):
        repo.entries.add(EntryInput(entry_date=DAY + timedelta(days=n), title=title,
                                    body=body, tags=tags))


def found(repo: Repository, query: str) -> list[str]:
    return [hit.entry.title for hit in repo.entries.search(EntryQuery(text=query))]


@pytest.mark.parametrize("query", list(CASES))
def test_search_cases(repo: Repository, query: str) -> None:
    fill(repo)
    assert found(repo, query) == CASES[query]


def test_the_index_follows_edits_and_deletes(repo: Repository) -> None:
    entry = repo.entries.add(EntryInput(entry_date=DAY, title="Coffee with my mentor"))
    assert found(repo, "mentor") == ["Coffee with my mentor"]
    repo.entries.update(entry.id, EntryInput(entry_date=DAY, title="Coffee with Sam",
                                             tags=["hiring"]), expected_version=1)
    assert found(repo, "mentor") == []
    assert found(repo, "hiring") == ["Coffee with Sam"]
    from sqlalchemy import text

    with repo.engine.begin() as conn:  # a hard delete, as a purge would
        conn.execute(text("DELETE FROM entry_tags"))
        conn.execute(text("DELETE FROM entries"))
    assert found(repo, "sam") == []


def test_a_word_too_long_to_index_never_refuses_the_entry(repo: Repository) -> None:
    """A pasted key or blob is one 5,000-character word; a pasted log is megabytes.
    PostgreSQL's index cannot hold either, and the entry is kept all the same."""
    blob = "x" * 5000
    entry = repo.entries.add(EntryInput(entry_date=DAY, title="Key",
                                        body="the deploy key " + blob))
    assert repo.entries.get(entry.id).body == "the deploy key " + blob
    assert found(repo, "deploy key") == ["Key"]
    log = " ".join(f"line{n} step{n % 97}" for n in range(120_000))  # about 2 MB
    long = repo.entries.add(EntryInput(entry_date=DAY + timedelta(days=1), title="Build log",
                                       body="crashed early " + log))
    assert repo.entries.get(long.id).body.endswith("line119999 step10")
    assert found(repo, "crashed early") == ["Build log"]


def test_sqlite_and_postgresql_find_the_same(tmp_path: Path,
                                             postgres_server: PostgresServer) -> None:
    """The same entries in both databases, every case asked of both: the same answers."""
    on_file = Repository.open(f"sqlite:///{tmp_path / 'compass.db'}")
    with postgres_server.database() as url:
        on_server = Repository.open(url)
        try:
            fill(on_file)
            fill(on_server)
            for query in CASES:
                assert found(on_file, query) == found(on_server, query), query
        finally:
            on_server.close()
            on_file.close()


ALPHABET = (string.ascii_letters + string.digits + " -_'.,!?@" + "éÉàçñøßæœÅÎ"
            + "東京大阪私はにで会議" + "カタカナー" + "서울에" + "🎉🚀" + "\u0301")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bodies=st.lists(st.text(ALPHABET, min_size=1, max_size=40), min_size=1, max_size=6),
       picks=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 39), st.integers(1, 8)),
                      min_size=1, max_size=4))
def test_the_index_agrees_with_a_plain_scan_of_the_same_text(
        repo: Repository, bodies: list[str], picks: list[tuple[int, int, int]]) -> None:
    """FTS5 or tsvector, against a LIKE over the same search text: any text, and queries
    cut from it (so they often match) or not."""
    from sqlalchemy import text

    with repo.engine.begin() as conn:
        conn.execute(text("DELETE FROM entries"))
    for n, body in enumerate(bodies):
        repo.entries.add(EntryInput(entry_date=DAY + timedelta(days=n), title=f"e{n}",
                                    body=body))
    plain = EntryStore(Sessions(repo.engine), search="like")
    for which, start, length in picks:
        source = bodies[which % len(bodies)]
        query = source[start % len(source):][:length]
        indexed = [h.entry.id for h in repo.entries.search(EntryQuery(text=query))]
        scanned = [h.entry.id for h in plain.search(EntryQuery(text=query))]
        assert indexed == scanned, query


def fts5_tokens(text_: str) -> list[str]:
    """How the journal's search cut text before (FTS5's unicode61, diacritics removed)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 "
                     "remove_diacritics 2')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        conn.execute("INSERT INTO t(x) VALUES (?)", (text_,))
        return [term for (term,) in conn.execute("SELECT term FROM v ORDER BY offset")]
    finally:
        conn.close()


LATIN = string.ascii_letters + string.digits + " -_'.,;:!?()@#%&/" + "éÉèàâçñöøåÅîïôûüÿ"


@settings(max_examples=200, deadline=None)
@given(st.text(LATIN, max_size=60))
def test_words_are_cut_as_the_search_always_cut_them(text_: str) -> None:
    """In Latin script the words are FTS5's, so no search of an existing journal
    finds less after the upgrade (Chinese and Japanese now find more)."""
    assert words(text_) == fts5_tokens(text_)


def test_parts_are_kept_apart() -> None:
    assert search_text("Title end", "start", ["a-tag"]) == "title end ¶ a tag ¶ start"
