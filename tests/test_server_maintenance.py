"""backup, db check, restore, the daily backup and the backup before a migration, for a
journal on a PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from compass_tui.domain.entries import EntryInput, EntryQuery
from compass_tui.services.daily_backup import make_daily_backup
from compass_tui.store import migrate, pg_dump
from compass_tui.store.engine import make_engine
from compass_tui.store.repository import Repository
from tests.postgres_server import PostgresServer
from tests.test_cli import compass

needs_pg_dump = pytest.mark.skipif(shutil.which("pg_dump") is None,
                                   reason="PostgreSQL's client tools are not installed")


@pytest.fixture
def server_db(postgres_server: PostgresServer) -> Iterator[str]:
    with postgres_server.database() as url:
        repo = Repository.open(url)
        for title in ("Mentor lunch", "Sprint demo"):
            repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 1, 9), title=title,
                                        tags=["work"]))
        repo.close()
        yield url


def run_sql(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def test_db_check_on_a_sound_journal(server_db: str) -> None:
    result = compass("--db", server_db, "db", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The search index holds all 2 entries." in result.stdout
    assert "Every link between rows points at a row that exists." in result.stdout
    assert f"Schema revision: {migrate.HEAD}." in result.stdout
    assert "all good" in result.stdout and "postgres_dev" not in result.stderr


def test_db_check_finds_an_entry_changed_by_hand_and_repairs_it(server_db: str) -> None:
    run_sql(server_db, "UPDATE entries SET title = 'Renamed by hand' WHERE id = 1")
    found = compass("--db", server_db, "db", "check")
    assert found.returncode == 1
    assert ("Problem: The search index is out of step with the entries (1 of 2 entries)."
            in found.stdout)
    fixed = compass("--db", server_db, "db", "check", "--repair")
    assert fixed.returncode == 0, fixed.stdout
    assert "written again for 1 entries" in fixed.stdout
    repo = Repository.open(server_db)
    assert [h.entry.title for h in repo.entries.search(EntryQuery(text="renamed"))] == [
        "Renamed by hand"]
    repo.close()


def test_db_check_finds_rows_pointing_at_nothing(server_db: str) -> None:
    run_sql(server_db,
            "ALTER TABLE entry_tags DROP CONSTRAINT fk_entry_tags_entry_id_entries",
            "INSERT INTO entry_tags (entry_id, tag_id) VALUES (999, 1)")
    found = compass("--db", server_db, "db", "check")
    assert found.returncode == 1
    assert "Problem: 1 rows point at rows that are gone (in entry_tags)." in found.stdout


def test_db_check_finds_a_missing_search_index(server_db: str) -> None:
    run_sql(server_db, "DROP INDEX ix_entries_search_vector")
    found = compass("--db", server_db, "db", "check")
    assert found.returncode == 1 and "The full-text index is missing" in found.stdout


@needs_pg_dump
def test_backup_is_a_pg_dump_that_pg_restore_brings_back(
        server_db: str, postgres_server: PostgresServer, tmp_path: Path) -> None:
    made = compass("--db", server_db, "backup", str(tmp_path))
    assert made.returncode == 0, made.stderr
    dump = Path(made.stdout.strip())
    assert dump.parent == tmp_path and dump.suffix == ".dump"
    assert dump.stat().st_mode & 0o777 == 0o600
    with postgres_server.database(migrated=False) as other:
        target, env = pg_dump.libpq_target(make_url(other))
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={target}", str(dump)],
                       env={**os.environ, **env}, check=True,
                       capture_output=True)
        repo = Repository.open(other)
        assert sorted(e.title for e in repo.entries.entries(EntryQuery())) == [
            "Mentor lunch", "Sprint demo"]
        assert [h.entry.title for h in repo.entries.search(EntryQuery(text="ment"))] == [
            "Mentor lunch"]
        repo.close()


@needs_pg_dump
def test_backup_keeps_a_number_in_the_data_folder(server_db: str, tmp_path: Path) -> None:
    for _ in range(2):
        made = compass("--db", server_db, "backup", "--keep", "1")
        assert made.returncode == 0, made.stderr
    folder = Path(made.stdout.strip()).parent
    assert folder == tmp_path / "xdg-data" / "compass-tui" / "backups"
    assert len(list(folder.glob("*-backup-*.dump"))) == 1


def test_backup_without_pg_dump_says_what_to_run(server_db: str, tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    result = compass("--db", server_db, "backup", env={"PATH": str(bare)})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pg_dump is not on the PATH" in lines[0]
    assert "pg_dump --format=custom --file FILE 'postgresql://" in lines[0]
    assert "postgres_dev:" not in lines[0]  # never the password


def test_restore_names_pg_restore(server_db: str, tmp_path: Path) -> None:
    result = compass("--db", server_db, "restore", str(tmp_path / "x.dump"), "--yes")
    assert result.returncode == 2
    assert "pg_restore --clean --if-exists --no-owner --dbname 'postgresql://" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@needs_pg_dump
def test_one_daily_backup_a_day(server_db: str) -> None:
    url = make_url(server_db)
    first = make_daily_backup(url, date.today(), keep=3)
    assert first is not None and first.exists() and "-daily-" in first.name
    assert make_daily_backup(url, date.today(), keep=3) is None


@needs_pg_dump
def test_a_migration_is_preceded_by_a_dump(postgres_server: PostgresServer) -> None:
    with postgres_server.database(migrated=False) as url:
        engine = make_engine(url)
        migrate.upgrade(engine, target="0007_search_text")
        run_sql(url, "INSERT INTO vision_texts (key, text, updated_at) "
                     "VALUES ('purpose', 'Keep going', '2025-01-01 00:00:00')")
        backup = migrate.upgrade(engine)
        engine.dispose()
        assert backup is not None and backup.exists()
        assert "-before-head-" in backup.name and backup.stat().st_size > 0


def test_a_migration_without_pg_dump_runs_in_one_transaction(
        postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg_dump, "pg_dump_program", lambda: None)
    with postgres_server.database(migrated=False) as url:
        engine = make_engine(url)
        migrate.upgrade(engine, target="0007_search_text")
        assert migrate.upgrade(engine) is None
        assert migrate.current_revision(engine) == migrate.HEAD
        engine.dispose()
