import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from compass_tui.store import migrate
from compass_tui.store.engine import make_engine
from compass_tui.store.migrate import include_object
from compass_tui.store.repository import Repository
from compass_tui.store.tables import Base


def test_empty_file_upgrades_to_head(db_url: str) -> None:
    engine = make_engine(db_url)
    assert migrate.current_revision(engine) is None
    assert migrate.upgrade(engine) is None  # nothing in the file: nothing to back up
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"entries", "tags", "entry_tags", "drafts", "entries_fts"} <= tables
    engine.dispose()


def test_models_and_migrations_do_not_drift(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


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
        " 'Talked about growth', 'mentor', 1, 'journal', 1, '2025-03-14 09:00:00',"
        " '2025-03-14 09:00:00')",
        "INSERT INTO tags (id, name) VALUES (1, 'mentor')",
        "INSERT INTO entry_tags (entry_id, tag_id) VALUES (1, 1)",
        "INSERT INTO drafts (key, title, body, tags_text, when_text, starred, updated_at)"
        " VALUES ('new:x', 'Half', 'a thought', '', '', 0, '2025-03-15 10:00:00')",
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
        " created_at, updated_at) VALUES (1, 'Python', 'python', 'technical', 4, '', 0,"
        " '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
        "INSERT INTO feedback (skill_id, giver, said, created_at)"
        " VALUES (1, 'Ana', 'clear code', '2025-01-02 00:00:00')",
        "INSERT INTO swot_items (quadrant, text, position, created_at)"
        " VALUES ('strength', 'calm', 1, '2025-01-01 00:00:00')",
    ],
    "0003_goals": [
        "INSERT INTO tasks (goal_id, title, due, done, position, created_at)"
        " VALUES (1, 'Run a session', '2025-02-01', 0, 1, '2025-01-01 00:00:00')",
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
        " created_at, updated_at) VALUES ('quote', 'Keep going', 'Ana', '', '', 1, 0,"
        " '2025-01-01 00:00:00', '2025-01-01 00:00:00')",
        "INSERT INTO vision_texts (key, text, updated_at) VALUES ('purpose', 'Teach',"
        " '2025-01-01 00:00:00')",
        "INSERT INTO narrative_versions (text, note, created_at) VALUES ('My story', '',"
        " '2025-01-01 00:00:00')",
    ],
}


def revisions_before_head() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    ordered = [rev.revision for rev in script.walk_revisions("base", "heads")][::-1]
    return ordered[:-1]


def counts(engine, tables: list[str]) -> dict[str, int]:
    from sqlalchemy import text

    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}


def test_every_earlier_revision_upgrades_to_head_without_losing_a_row(tmp_path: Path) -> None:
    from datetime import datetime

    from sqlalchemy import text

    from compass_tui.domain.entries import EntryInput, EntryQuery

    earlier = revisions_before_head()
    assert earlier == list(DATA_AT)  # a new migration needs data of its own here
    for start in earlier:
        engine = make_engine(f"sqlite:///{tmp_path / f'at-{start}.db'}")
        tables: list[str] = []
        for rev in earlier[: earlier.index(start) + 1]:
            migrate.upgrade(engine, target=rev)
            with engine.begin() as conn:
                for statement in DATA_AT[rev]:
                    conn.execute(text(statement))
                    tables.append(statement.split()[2])
        before = counts(engine, sorted(set(tables)))
        backup = migrate.upgrade(engine)
        assert backup is not None and backup.exists()
        assert migrate.current_revision(engine) == migrate.HEAD
        assert counts(engine, sorted(set(tables))) == before, start
        engine.dispose()
        repo = Repository.open(f"sqlite:///{tmp_path / f'at-{start}.db'}")
        hits = repo.entries.search(EntryQuery(text="growth"))
        assert [h.entry.title for h in hits] == ["Mentor lunch"]  # the index came along
        # Entries and drafts from before templates came from none.
        assert repo.entries.get(1).template is None
        assert [d.template for d in repo.drafts.all()] == [None]
        # The search index's triggers outlived the change to the entries table.
        added = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 1, 9, 0),
                                            title="Wins", body="Shipped the guide",
                                            template="weekly-wins"))
        assert repo.entries.get(added.id).template == "weekly-wins"
        assert [h.entry.id for h in repo.entries.search(EntryQuery(text="guide"))] == [added.id]
        repo.close()
