"""`compass due` through the real entry point, against the real date (the schedule is
written relative to today, so the tests hold on any day)."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from compass_tui.store.repository import Repository
from tests.databases import Target, table_counts, url_of
from tests.test_cli import compass

TODAY = date.today()


def weekday(day: date) -> str:
    return day.strftime("%A").lower()


def write_config(home: Path, text: str) -> dict[str, str]:
    config = home / "xdg-config" / "compass-tui"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(text)
    return {"XDG_CONFIG_HOME": str(home / "xdg-config")}


def make_db(target: Target, started: date) -> Target:
    repo = Repository.open(url_of(target))
    # The schedule started then (the app was first run that day).
    repo.checkins.states(("weekly", "monthly"), started)
    repo.close()
    return target


@pytest.fixture
def db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Target:
    target = tmp_path / "compass.db" if backend == "sqlite" else str(
        request.getfixturevalue("db_url"))
    return make_db(target, TODAY - timedelta(days=42))


def test_due_today_is_one_line_and_a_hint(db: Target, tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url_of(db))
    with engine.begin() as conn:  # the schedule started three days ago
        conn.execute(text("UPDATE checkin_state SET started_on = :day"),
                     {"day": TODAY - timedelta(days=3)})
    engine.dispose()
    env = write_config(tmp_path, f'[checkins]\nweekly = "{weekday(TODAY)}"\nmonthly = "off"\n')
    result = compass("due", db=db, env=env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "compass: Weekly check-in due"
    assert "ctrl+k" in lines[1] and len(lines) == 2


def test_missed_weeks_are_one_overdue_check_in(db: Target, tmp_path: Path) -> None:
    yesterday = TODAY - timedelta(days=1)
    env = write_config(tmp_path, f'[checkins]\nweekly = "{weekday(yesterday)}"\n'
                                 'monthly = "off"\n')
    result = compass("due", db=db, env=env)
    assert result.returncode == 0
    line = result.stdout.splitlines()[0]
    assert line.startswith("compass: Weekly check-in overdue since ")
    assert "(6 weeks)" in line or "(7 weeks)" in line


def test_nothing_due_prints_nothing(db: Target, tmp_path: Path) -> None:
    tomorrow = TODAY + timedelta(days=1)
    env = write_config(tmp_path, f'[checkins]\nweekly = "{weekday(tomorrow)}"\n'
                                 'monthly = "off"\n')
    repo = Repository.open(url_of(db))
    repo.checkins.snooze("weekly", None, TODAY)
    # Done up to today: nothing pending.
    done = repo.checkins.start("weekly", TODAY - timedelta(days=6), TODAY,
                               datetime(2026, 1, 1))
    repo.checkins.complete(done.id, {}, energy=None, fulfilment=None, entry_id=None,
                           now=datetime(2026, 1, 1))
    repo.close()
    result = compass("due", db=db, env=env)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_everything_off_prints_nothing(tmp_path: Path) -> None:
    env = write_config(tmp_path, '[checkins]\nweekly = "off"\nmonthly = "off"\n')
    result = compass("due", db=tmp_path / "none.db", env=env)
    assert (result.returncode, result.stdout) == (0, "")
    assert not (tmp_path / "none.db").exists()  # read-only: nothing was created


def test_due_writes_nothing_to_the_database(db: Target, tmp_path: Path) -> None:
    env = write_config(tmp_path, f'[checkins]\nweekly = "{weekday(TODAY)}"\n'
                                 'morning = "07:00"\n')  # a kind never seen before
    before = db.read_bytes() if isinstance(db, Path) else table_counts(db)
    assert compass("due", db=db, env=env).returncode == 0
    assert (db.read_bytes() if isinstance(db, Path) else table_counts(db)) == before


def test_a_bad_config_is_one_line_exit_2(db: Target, tmp_path: Path) -> None:
    env = write_config(tmp_path, '[checkins]\nweekly = "someday"\n')
    result = compass("due", db=db, env=env)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "config.toml" in result.stderr and "not a weekday" in result.stderr


def test_a_file_that_is_not_a_database_is_one_line_exit_2(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    result = compass("due", db=junk)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert junk.read_bytes() == b"this is not a database" * 100


def test_due_does_not_import_the_tui_nor_the_toolkit(db: Target) -> None:
    """A file is read with the standard library alone, a server with its driver alone."""
    result = compass("due", db=db, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0
    assert "textual" not in result.stderr and "sqlalchemy" not in result.stderr
    assert not isinstance(db, Path) or os.path.exists(db)


def test_a_server_that_cannot_be_reached_is_one_line_exit_2(backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("a PostgreSQL server")
    result = compass("due", db="postgresql://nobody:x@127.0.0.1:1/journal")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("compass: cannot read the journal on the server: ")
