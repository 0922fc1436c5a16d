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
