import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from compass_tui.store import migrate
from compass_tui.store.engine import make_engine
from compass_tui.store.migrate import include_object
from compass_tui.store.repository import Repository
from compass_tui.store.tables import Base


@pytest.mark.empty_database
def test_empty_file_upgrades_to_head(db_url: str, backend: str) -> None:
    engine = make_engine(db_url)
    assert migrate.current_revision(engine) is None
    assert migrate.upgrade(engine) is None  # nothing in the file: nothing to back up
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"entries", "tags", "entry_tags", "drafts"} <= tables
    if backend == "sqlite":
        assert "entries_fts" in tables
    else:
        columns = {c["name"] for c in inspect(engine).get_columns("entries")}
        assert "search_vector" in columns
    engine.dispose()


@pytest.mark.empty_database
def test_models_and_migrations_do_not_drift(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


@pytest.mark.sqlite_only("the backup before a migration copies the file")
def test_existing_file_is_backed_up_before_migrating(db_path: Path, db_url: str) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as conn:  # a file that already holds something
        conn.execute("CREATE TABLE keepsake (words TEXT)")
        conn.execute("INSERT INTO keepsake VALUES ('do not lose me')")
    engine = make_engine(db_url)
    backup = migrate.upgrade(engine)
    engine.dispose()
    assert backup is not None and backup.exists()
    assert backup.parent == db_path.parent / "backups"
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT words FROM keepsake").fetchone() == ("do not lose me",)
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'entries'").fetchone() == (0,)


@pytest.mark.sqlite_only("looks for backups beside the file")
def test_opening_at_head_makes_no_backup(db_url: str, db_path: Path) -> None:
    Repository.open(db_url).close()
    Repository.open(db_url).close()
    assert not (db_path.parent / "backups").exists()


def test_head_constant_names_the_newest_migration() -> None:
    assert migrate.head_revision() == migrate.HEAD


def test_database_from_a_newer_version_is_refused(db_url: str) -> None:
    import pytest
    from sqlalchemy import text

    from compass_tui.store.engine import StoreError

    Repository.open(db_url).close()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError, match="newer compass-tui"):
        migrate.upgrade(engine)
    engine.dispose()


# Rows written at each earlier revision, in that revision's own schema.
DATA_AT = {
    "0001_journal": [
        "INSERT INTO entries (id, entry_date, title, body, tags_text, starred, kind, version,"
        " created_at, updated_at) VALUES (1, '2025-03-14 09:00:00', 'Mentor lunch',"
        " 'Talked about growth', 'mentor', TRUE, 'journal', 1, '2025-03-14 09:00:00',"
        " '2025-03-14 09:00:00')",
        "INSERT INTO tags (id, name) VALUES (1, 'mentor')",
        "INSERT INTO entry_tags (entry_id, tag_id) VALUES (1, 1)",
        "INSERT INTO drafts (key, title, body, tags_text, when_text, starred, updated_at)"
        " VALUES ('new:x', 'Half', 'a thought', '', '', FALSE, '2025-03-15 10:00:00')",
    ],
    "0002_values": [
        "INSERT INTO core_values (id, name, name_key, meaning, why, rank, created_at,"
        " updated_at) VALUES (1, 'Growth', 'growth', '', '', 1, '2025-01-01 00:00:00',"
        " '2025-01-01 00:00:00')",
        "INSERT INTO value_rank_history (value_id, rank, recorded_at)"
        " VALUES (1, 1, '2025-01-01 00:00:00')",
        "INSERT INTO goals (id, title, horizon, status, created_at, updated_at)"
        " VALUES (1, 'Lead the guild', 'long', 'active', '2025-01-01 00:00:00',"
        " '2025-01-01 00:00:00')",
        "INSERT INTO goal_values (goal_id, value_id) VALUES (1, 1)",
        "INSERT INTO skills (id, name, name_key, category, level, evidence, is_gap,"
        " created_at, updated_at) VALUES (1, 'Python', 'python', 'technical', 4, '', FALSE,"
        " '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
        "INSERT INTO feedback (skill_id, giver, said, created_at)"
        " VALUES (1, 'Ana', 'clear code', '2025-01-02 00:00:00')",
        "INSERT INTO swot_items (quadrant, text, position, created_at)"
        " VALUES ('strength', 'calm', 1, '2025-01-01 00:00:00')",
    ],
    "0003_goals": [
        "INSERT INTO tasks (goal_id, title, due, done, position, created_at)"
        " VALUES (1, 'Run a session', '2025-02-01', FALSE, 1, '2025-01-01 00:00:00')",
        "INSERT INTO goal_progress (goal_id, percent, recorded_at)"
        " VALUES (1, 0.0, '2025-01-01 00:00:00')",
        "INSERT INTO timeline_events (occurred_on, precision, title, kind, what, lesson,"
        " source, created_at) VALUES ('2019-01-01', 'year', 'Joined Acme', 'role change',"
        " '', '', 'user', '2025-01-01 00:00:00')",
    ],
    "0004_checkins": [
        "INSERT INTO checkin_state (kind, started_on) VALUES ('weekly', '2025-01-01')",
        "INSERT INTO checkins (kind, status, period_start, period_end, answers, energy,"
        " entry_id, started_at, updated_at, completed_at) VALUES ('weekly', 'done',"
        " '2025-01-06', '2025-01-12', '{}', 3, 1, '2025-01-12 20:00:00',"
        " '2025-01-12 20:00:00', '2025-01-12 20:00:00')",
    ],
    "0005_timeline_vision": [
        "INSERT INTO timeline_event_values (event_id, value_id) VALUES (1, 1)",
        "INSERT INTO vision_cards (kind, text, author, image, caption, position, pinned,"
        " created_at, updated_at) VALUES ('quote', 'Keep going', 'Ana', '', '', 1, FALSE,"
        " '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
        "INSERT INTO vision_texts (key, text, updated_at)"
        " VALUES ('purpose', 'Help teams grow', '2025-01-01 00:00:00')",
        "INSERT INTO narrative_versions (text, note, created_at)"
        " VALUES ('Where I come from', 'edited', '2025-01-01 00:00:00')",
    ],
    "0006_versions": [
        "INSERT INTO narrative_versions (text, note, created_at, follows_id)"
        " VALUES ('Where I am going', 'edited', '2025-01-02 00:00:00', 1)",
    ],
    "0007_search_text": [
        "INSERT INTO entries (id, entry_date, title, body, tags_text, starred, kind, version,"
        " created_at, updated_at, search_text) VALUES (2, '2025-03-15 09:00:00', 'Café',"
        " 'Growth again', '', FALSE, 'journal', 1, '2025-03-15 09:00:00',"
        " '2025-03-15 09:00:00', 'cafe ¶  ¶ growth again')",
    ],
    "0008_utc_instants": [
        "INSERT INTO drafts (key, title, body, tags_text, when_text, starred, updated_at)"
        " VALUES ('new:y', 'Later', 'another thought', '', '', FALSE,"
        " '2025-03-16 10:00:00')",
    ],
    "0009_entry_template": [
        "INSERT INTO entries (id, entry_date, title, body, tags_text, starred, kind, version,"
        " created_at, updated_at, search_text, template) VALUES (3, '2025-03-17 09:00:00',"
        " 'Week', 'Three wins', '', FALSE, 'journal', 1, '2025-03-17 09:00:00',"
        " '2025-03-17 09:00:00', 'week ¶  ¶ three wins', 'weekly-wins')",
    ],
    "0010_long_words": [
        "INSERT INTO passions (kind, text, tag, position, created_at)"
        " VALUES ('problem', 'Untangling pipelines', 'data', 1, '2025-03-18 09:00:00')",
        "INSERT INTO personality_results (framework, result, meaning, created_at)"
        " VALUES ('MBTI', 'INTJ', 'quiet teams', '2025-03-18 09:00:00')",
    ],
    "0011_edit_versions": [
        "INSERT INTO skills (id, name, name_key, category, level, evidence, is_gap,"
        " created_at, updated_at, version) VALUES (2, 'Facilitation', 'facilitation',"
        " 'soft', 2, '', FALSE, '2025-03-19 09:00:00', '2025-03-20 09:00:00', 3)",
    ],
}


@contextmanager
def empty_database(backend: str, request: pytest.FixtureRequest, path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{path}"
        return
    with request.getfixturevalue("postgres_server").database(migrated=False) as url:
        yield url


def revisions_before_head() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    ordered = [rev.revision for rev in script.walk_revisions("base", "heads")][::-1]
    return ordered[:-1]


def counts(engine, tables: list[str]) -> dict[str, int]:
    from sqlalchemy import text

    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}


def at_revision(engine, target: str) -> list[str]:
    """Upgrade step by step to target, writing each revision's rows; the tables written."""
    from sqlalchemy import text

    earlier = revisions_before_head()
    tables: list[str] = []
    for rev in earlier[: earlier.index(target) + 1]:
        migrate.upgrade(engine, target=rev)
        with engine.begin() as conn:
            for statement in DATA_AT[rev]:
                conn.execute(text(statement))
                tables.append(statement.split()[2])
    if engine.dialect.name == "postgresql":  # the rows above chose their own ids
        with engine.begin() as conn:
            conn.execute(text(
                "SELECT setval(pg_get_serial_sequence('entries', 'id'), max(id)) FROM entries"))
    return sorted(set(tables))


def test_every_earlier_revision_upgrades_to_head_without_losing_a_row(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from compass_tui.domain.entries import EntryInput, EntryQuery

    earlier = revisions_before_head()
    assert earlier == list(DATA_AT)  # a new migration needs data of its own here
    for start in earlier:
        with empty_database(backend, request, tmp_path / f"at-{start}.db") as url:
            engine = make_engine(url)
            tables = at_revision(engine, start)
            before = counts(engine, tables)
            backup = migrate.upgrade(engine)
            if backend == "sqlite":
                assert backup is not None and backup.exists()
            assert migrate.current_revision(engine) == migrate.HEAD
            assert counts(engine, tables) == before, start
            engine.dispose()
            repo = Repository.open(url)
            hits = repo.entries.search(EntryQuery(text="growth"))
            has_cafe = earlier.index(start) >= earlier.index("0007_search_text")
            expected = ["Café", "Mentor lunch"] if has_cafe else ["Mentor lunch"]
            assert [h.entry.title for h in hits] == expected  # the index came along
            assert [h.entry.title for h in repo.entries.search(EntryQuery(text="cafe"))] == (
                ["Café"] if has_cafe else [])
            # Entries and drafts from before templates came from none.
            assert repo.entries.get(1).template is None
            assert {d.template for d in repo.drafts.all()} == {None}
            added = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 1, 9, 0),
                                                title="Wins", body="Shipped the guide",
                                                template="weekly-wins"))
            assert repo.entries.get(added.id).template == "weekly-wins"
            assert [h.entry.id for h in repo.entries.search(EntryQuery(text="guide"))] == [
                added.id]
            repo.close()


@pytest.fixture
def far_from_utc() -> Iterator[None]:
    """This process in New York (UTC-5, -4 in summer) for one test."""
    import os

    saved = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


def test_moments_move_to_utc_and_show_the_same_local_time(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path,
        far_from_utc: None) -> None:
    """Written in New York in local time before the upgrade; stored in UTC after it,
    and shown on that machine exactly as before. The entry's own date is not moved."""
    from sqlalchemy import text

    with empty_database(backend, request, tmp_path / "local.db") as url:
        engine = make_engine(url)
        at_revision(engine, "0007_search_text")
        migrate.upgrade(engine)
        with engine.connect() as conn:
            stored = conn.execute(text(
                "SELECT entry_date, created_at FROM entries WHERE id = 1")).one()
            summer = conn.execute(text(
                "SELECT started_at FROM checkins")).scalar_one()
        engine.dispose()
        assert str(stored[0]).startswith("2025-03-14 09:00:00")  # wall time, untouched
        # 14 March 2025 is daylight time in New York (UTC-4); 12 January is not (UTC-5).
        assert str(stored[1]).startswith("2025-03-14 13:00:00")
        assert str(summer).startswith("2025-01-13 01:00:00")
        repo = Repository.open(url)
        entry = repo.entries.get(1)
        assert entry is not None
        assert (entry.entry_date, entry.created_at) == (datetime(2025, 3, 14, 9, 0),
                                                      datetime(2025, 3, 14, 9, 0))
        [done] = repo.checkins.done()
        assert done.completed_at == datetime(2025, 1, 12, 20, 0)
        repo.close()


def test_the_utc_move_can_be_undone(backend: str, request: pytest.FixtureRequest,
                                    tmp_path: Path, far_from_utc: None) -> None:
    from sqlalchemy import text

    with empty_database(backend, request, tmp_path / "back.db") as url:
        engine = make_engine(url)
        at_revision(engine, "0007_search_text")
        migrate.upgrade(engine)
        migrate.downgrade(engine, "0007_search_text")
        with engine.connect() as conn:
            created = conn.execute(text("SELECT created_at FROM entries WHERE id = 1")
                                   ).scalar_one()
        assert str(created).startswith("2025-03-14 09:00:00")
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.HEAD
        engine.dispose()


EDIT_VERSIONED = ("skills", "passions", "swot_items", "personality_results", "tasks",
                  "timeline_events", "vision_cards", "vision_texts")


def test_rows_from_before_edit_versions_start_at_version_one(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from sqlalchemy import text

    from compass_tui.domain.assessment import SkillInput
    from compass_tui.store.errors import ChangedElsewhereError

    with empty_database(backend, request, tmp_path / "edit-versions.db") as url:
        engine = make_engine(url)
        at_revision(engine, "0010_long_words")
        migrate.upgrade(engine)
        with engine.connect() as conn:
            for table in EDIT_VERSIONED:
                found = conn.execute(text(f"SELECT version FROM {table}")).scalars().all()
                assert found and set(found) == {1}, table
        migrate.downgrade(engine, "0010_long_words")  # and back, nothing lost
        migrate.upgrade(engine)
        engine.dispose()
        repo = Repository.open(url)
        skill = SkillInput(name="Python", category="technical", level=5)
        assert repo.skills.update(1, skill, expected_version=1).version == 2
        with pytest.raises(ChangedElsewhereError):
            repo.skills.update(1, skill, expected_version=1)
        assert repo.vision.text_as_saved("purpose").version == 1
        repo.close()


def test_each_skill_starts_its_level_history_at_the_level_it_holds(
        backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """One first row per skill, at its level and dated when it was last saved; a level
    set after the upgrade adds a row, and a review reads the move."""
    from compass_tui.domain.assessment import SkillInput
    from compass_tui.store.instants import to_local

    with empty_database(backend, request, tmp_path / "levels.db") as url:
        engine = make_engine(url)
        at_revision(engine, "0011_edit_versions")
        migrate.upgrade(engine)
        engine.dispose()
        repo = Repository.open(url)
        try:
            history = [(h.name, h.level, h.recorded_at) for h in repo.skills.level_history()]
            facilitation = repo.skills.get(2)
            assert history == [("Python", 4, to_local(datetime(2025, 1, 1))),
                               ("Facilitation", 2, to_local(datetime(2025, 3, 20, 9)))]
            edit = SkillInput(name="Facilitation", category="soft", level=3)
            repo.skills.update(2, edit, expected_version=facilitation.version)
            assert [(h.name, h.level) for h in repo.skills.level_history()][-1] == (
                "Facilitation", 3)
        finally:
            repo.close()
