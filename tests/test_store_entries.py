import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from compass_tui.domain.entries import EntryCursor, EntryInput, EntryQuery
from compass_tui.store.engine import StoreError, make_engine
from compass_tui.store.entries_store import ConflictError, NotFoundError
from compass_tui.store.repository import Repository

DAY = datetime(2026, 3, 1, 9, 0)


def entry(title: str, body: str = "", tags: list[str] | None = None, days: int = 0,
          starred: bool = False) -> EntryInput:
    return EntryInput(entry_date=DAY + timedelta(days=days), title=title, body=body,
                      tags=tags or [], starred=starred)


def fts_ids(repo: Repository, match: str) -> list[int]:
    with repo.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT rowid FROM entries_fts WHERE entries_fts MATCH :m ORDER BY rowid"),
            {"m": match},
        )
        return [r[0] for r in rows]


@pytest.mark.sqlite_only("file modes and SQLite's journal mode")
def test_file_is_private_and_in_wal_mode(repo: Repository, db_path: Path) -> None:
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(db_path.parent).st_mode) == 0o700
    with repo.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


@pytest.mark.sqlite_only("reads the FTS5 table itself")
def test_fts_follows_insert_edit_delete(repo: Repository) -> None:
    first = repo.entries.add(entry("Coffee with my mentor", "We talked about leadership"))
    other = repo.entries.add(entry("Sprint review", "Demo went fine", tags=["work"]))
    assert fts_ids(repo, "mentor") == [first.id]
    assert fts_ids(repo, "work") == [other.id]  # tags are indexed too

    repo.entries.update(first.id, entry("Coffee with Sam", "We talked about hiring"),
                        expected_version=first.version)
    assert fts_ids(repo, "mentor") == []
    assert fts_ids(repo, "hiring") == [first.id]

    with repo.engine.begin() as conn:  # a hard delete, as the trash purge does
        conn.execute(text("DELETE FROM entries WHERE id = :i"), {"i": first.id})
    assert fts_ids(repo, "hiring") == []
    with repo.engine.connect() as conn:
        conn.execute(text("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')"))


def test_search_by_word_prefix_tags_and_filters(repo: Repository) -> None:
    repo.entries.add(entry("Mentoring session", "notes", tags=["mentor"], days=0))
    repo.entries.add(entry("Mentor lunch", "with Ana", tags=["people"], days=10, starred=True))
    repo.entries.add(entry("Unrelated", "nothing here", days=20))
    titles = [h.entry.title for h in repo.entries.search(EntryQuery(text="mentor"))]
    assert titles == ["Mentor lunch", "Mentoring session"]  # newest first, prefix match
    assert [h.entry.title for h in repo.entries.search(EntryQuery(text="ment ana"))] == [
        "Mentor lunch"]
    assert repo.entries.search(EntryQuery(text="mentor", starred=True))[0].entry.starred
    assert [s.title for s in repo.entries.summaries(EntryQuery(tags=["@Mentor"]))] == [
        "Mentoring session"]
    ranged = EntryQuery(text="mentor", date_from=DAY + timedelta(days=5))
    assert [h.entry.title for h in repo.entries.search(ranged)] == ["Mentor lunch"]
    hit = repo.entries.search(EntryQuery(text="ana"))[0]
    assert "Ana" in hit.snippet
    # Operators and quotes a user may type never break the query.
    assert repo.entries.search(EntryQuery(text='"unclosed AND OR ( *')) == []
    # Punctuation alone matches nothing rather than everything.
    assert repo.entries.search(EntryQuery(text="-- @ !")) == []


def test_keyset_paging_covers_everything_once(repo: Repository) -> None:
    repo.entries.add_many(entry(f"Entry {i}", days=i // 3) for i in range(25))
    seen: list[int] = []
    cursor = None
    while True:
        page = repo.entries.summaries(EntryQuery(limit=7, after=cursor))
        if not page:
            break
        seen.extend(s.id for s in page)
        cursor = EntryCursor(entry_date=page[-1].entry_date, id=page[-1].id)
    assert len(seen) == len(set(seen)) == 25
    dates = [s.entry_date for s in repo.entries.summaries(EntryQuery(limit=100))]
    assert dates == sorted(dates, reverse=True)


def test_trash_hides_and_restore_brings_back(repo: Repository) -> None:
    kept = repo.entries.add(entry("Keep me", "searchable words"))
    repo.entries.trash(kept.id)
    assert repo.entries.get(kept.id) is None
    assert repo.entries.search(EntryQuery(text="searchable")) == []
    assert repo.entries.get(kept.id, include_trashed=True) is not None
    repo.entries.restore(kept.id)
    assert repo.entries.search(EntryQuery(text="searchable"))[0].entry.id == kept.id
    with pytest.raises(NotFoundError):
        repo.entries.trash(9999)


def test_stale_edit_is_refused(repo: Repository) -> None:
    original = repo.entries.add(entry("Draft plan"))
    repo.entries.update(original.id, entry("Plan v2"), expected_version=original.version)
    with pytest.raises(ConflictError) as caught:
        repo.entries.update(original.id, entry("Plan from a stale window"),
                            expected_version=original.version)
    assert caught.value.current.title == "Plan v2"
    assert repo.entries.get(original.id).title == "Plan v2"


def test_tags_are_replaced_on_edit(repo: Repository) -> None:
    saved = repo.entries.add(entry("Tagged", tags=["a", "b"]))
    repo.entries.update(saved.id, entry("Tagged", tags=["b", "c"]), expected_version=1)
    assert repo.entries.get(saved.id).tags == ["b", "c"]
    assert [s.title for s in repo.entries.summaries(EntryQuery(tags=["a"]))] == []
    assert [s.title for s in repo.entries.summaries(EntryQuery(tags=["c"]))] == ["Tagged"]


def test_on_this_day_and_days(repo: Repository) -> None:
    for year in (2023, 2024, 2025):
        repo.entries.add(EntryInput(entry_date=datetime(year, 3, 15, 8), title=f"In {year}"))
    repo.entries.add(EntryInput(entry_date=datetime(2025, 3, 16, 8), title="Day after"))
    found = repo.entries.on_this_day(datetime(2026, 3, 15).date())
    assert [s.title for s in found] == ["In 2025", "In 2024", "In 2023"]
    days = list(repo.entries.days_newest_first(datetime(2026, 3, 15).date()))
    assert days[0] == datetime(2025, 3, 16).date()


def test_leap_day_entries_show_on_28_february_of_common_years(repo: Repository) -> None:
    repo.entries.add(EntryInput(entry_date=datetime(2024, 2, 29, 8), title="Leap day"))
    repo.entries.add(EntryInput(entry_date=datetime(2024, 2, 28, 8), title="Day before"))
    found = repo.entries.on_this_day(datetime(2026, 2, 28).date())
    assert sorted(s.title for s in found) == ["Day before", "Leap day"]
    assert [s.title for s in repo.entries.on_this_day(datetime(2028, 2, 29).date())] == [
        "Leap day"]


def test_trash_lists_most_recently_deleted_first(repo: Repository) -> None:
    first = repo.entries.add(entry("First gone"))
    second = repo.entries.add(entry("Second gone", days=-5))
    repo.entries.trash(first.id)
    repo.entries.trash(second.id)
    with repo.engine.begin() as conn:  # make the order unambiguous
        conn.execute(text("UPDATE entries SET deleted_at = '2026-01-01 00:00:00' WHERE id = :i"),
                     {"i": first.id})
    assert [s.title for s in repo.entries.trashed()] == ["Second gone", "First gone"]


def test_add_many_is_all_or_nothing(repo: Repository) -> None:
    def items():
        yield entry("fine")
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        repo.entries.add_many(items())
    assert repo.entries.count() == 0


@pytest.mark.sqlite_only("a file that is not a database")
def test_unreadable_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite")
    with pytest.raises(StoreError, match="not a database"):
        make_engine(f"sqlite:///{bad}")
    with pytest.raises(StoreError, match="directory"):
        make_engine(f"sqlite:///{tmp_path}")
    assert bad.read_text() == "this is not sqlite"


def test_drafts_round_trip(repo: Repository) -> None:
    from compass_tui.domain.entries import Draft

    repo.drafts.save(Draft(key="new", title="Half a thought", body="…", energy=3))
    repo.drafts.save(Draft(key="new", title="A whole thought", body="…"))
    drafts = repo.drafts.all()
    assert [d.title for d in drafts] == ["A whole thought"]
    repo.drafts.discard("new")
    assert repo.drafts.get("new") is None


def test_portable_search_without_an_index_finds_the_same(repo: Repository) -> None:
    """The LIKE fallback for databases with neither FTS5 nor tsvector agrees with both."""
    from compass_tui.store.entries_store import EntryStore
    from compass_tui.store.sessions import Sessions

    repo.entries.add(entry("Mentoring session", "Notes on Growth", tags=["people"]))
    repo.entries.add(entry("Budget", "nothing", days=1))
    repo.entries.add(entry("Percent", "100% sure, snake_case", days=2))
    portable = EntryStore(Sessions(repo.engine), search="like")
    for words in ("mentor", "GROWTH", "people", "ment grow", "budget", "100", "snake"):
        fts = [h.entry.id for h in repo.entries.search(EntryQuery(text=words))]
        like = [h.entry.id for h in portable.search(EntryQuery(text=words))]
        assert fts == like and fts, words
    # LIKE wildcards typed by the user are literal characters.
    assert [h.entry.title for h in portable.search(EntryQuery(text="s_a"))] == []
    assert portable.search(EntryQuery(text="--")) == []
