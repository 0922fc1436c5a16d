"""The `compass` command through its installed entry point, as a shell would run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.databases import Target, count_rows

# The console script installed beside this interpreter; `python -m` if absent.
SCRIPT = shutil.which("compass", path=str(Path(sys.executable).parent))
COMMAND = [SCRIPT] if SCRIPT else [sys.executable, "-m", "compass_tui"]


def compass(*args: str, db: Path | str | None = None, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    if db is not None:
        full_env["COMPASS_DB"] = str(db)
    return subprocess.run([*COMMAND, *args], input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=60, check=False)


def count_entries(db: Target) -> int:
    return count_rows(db)


@pytest.fixture
def db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Target:
    """Where the commands write: a file not made yet, or a new PostgreSQL database."""
    if backend == "sqlite":
        return tmp_path / "journal" / "compass.db"
    return str(request.getfixturevalue("db_url"))


def listed(db: Target, *args: str) -> list[dict]:
    result = compass("list", "--format", "json", *args, db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_add_with_date_prefix_title_and_tags(db: Target) -> None:
    result = compass("add", "2025-03-14:", "Met", "Ana.", "She", "mentors", "@Career", "folk",
                     db=db)
    assert result.returncode == 0, result.stderr
    [entry] = listed(db)
    assert entry["date"] == "2025-03-14"
    assert entry["title"] == "Met Ana."
    assert entry["body"] == "She mentors @Career folk"
    assert entry["tags"] == ["career"]
    assert entry["starred"] is False


def test_add_reads_stdin_when_no_text(db: Target) -> None:
    result = compass("add", db=db, stdin="yesterday: Long day. Shipped it anyway.\nMore lines.\n")
    assert result.returncode == 0, result.stderr
    [entry] = listed(db)
    assert entry["title"] == "Long day."
    assert entry["body"] == "Shipped it anyway.\nMore lines."


def test_list_filters(db: Target) -> None:
    compass("add", "2025-01-10: Winter review. @review", db=db)
    compass("add", "2025-03-14: Mentor lunch. Talked about @growth", db=db)
    compass("add", "2025-03-20: Sprint demo. All good @work", db=db)
    assert [e["title"] for e in listed(db)] == ["Winter review.", "Mentor lunch.", "Sprint demo."]
    assert [e["title"] for e in listed(db, "-n", "1")] == ["Sprint demo."]
    assert [e["title"] for e in listed(db, "--from", "2025-03", "--to", "2025-03-14")] == [
        "Mentor lunch."]
    assert [e["title"] for e in listed(db, "--tag", "@growth")] == ["Mentor lunch."]
    assert [e["title"] for e in listed(db, "--tag", "growth")] == ["Mentor lunch."]
    assert [e["title"] for e in listed(db, "--search", "demo")] == ["Sprint demo."]
    text = compass("list", "--search", "mentor", db=db)
    assert text.returncode == 0
    assert text.stdout.startswith("[2025-03-14 09:00] Mentor lunch.")


@pytest.mark.sqlite_only("names files")
def test_db_flag_and_url_win_over_env(tmp_path: Path, db: Path) -> None:
    other = tmp_path / "other.db"
    assert compass("--db", str(other), "add", "Elsewhere", db=db).returncode == 0
    assert compass("--db", f"sqlite:///{other}", "list", db=db).stdout.startswith("[")
    assert count_entries(other) == 1
    assert not db.exists()


def test_default_database_lives_in_the_user_data_dir(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert compass("add", "Default place", env=env).returncode == 0
    assert (tmp_path / "xdg" / "compass-tui" / "compass.db").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "--from", "not a date at all"), "not a date"),
        (("list", "--to", "2025-13"), "not a date"),
        (("list", "--bogus"), "unrecognized arguments"),
        (("list", "-n", "zero"), "invalid int value"),
        (("list", "-n", "0"), "positive"),
        (("frobnicate",), "invalid choice"),
        (("add", "yesterday:"), "empty"),
        (("add", "2026-02-30: Feb thirtieth"), "February 2026 has 28 days"),
        (("add", "31/04/2026: April thirty-first"), "April 2026 has 30 days"),
        (("add", "feb 30: A day too many"), "February"),
        (("add", "2026-13-01: Month thirteen"), "there is no month 13"),
        (("add", "2026-03-14 24:61: Late"), "24:61 is not a time of day"),
        (("add", "yesterday 25:00: Later"), "25:00 is not a time of day"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(db: Target, args: tuple[str, ...],
                                                      message: str) -> None:
    compass("add", "Existing entry", db=db)
    before = db.read_bytes() if isinstance(db, Path) else None
    result = compass(*args, db=db)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert count_entries(db) == 1
    if isinstance(db, Path):
        assert db.read_bytes() == before


def test_unreadable_database(tmp_path: Path) -> None:
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"not a sqlite file" * 100)
    for args in ((), ("list",), ("add", "hello")):  # () : the app, stopped before it draws
        result = compass("--db", str(bad), *args)
        assert result.returncode == 2
        assert "not a database" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert bad.read_bytes() == b"not a sqlite file" * 100
    for args in ((), ("list",)):
        result = compass("--db", str(tmp_path), *args)
        assert result.returncode == 2 and "directory" in result.stderr
        assert result.stdout == ""


@pytest.mark.sqlite_only("copies the file (PostgreSQL: tests/test_server_maintenance.py)")
def test_backup_makes_a_consistent_copy(db: Target, tmp_path: Path) -> None:
    compass("add", "Precious words", db=db)
    result = compass("backup", str(tmp_path), db=db)
    assert result.returncode == 0, result.stderr
    copy = Path(result.stdout.strip())
    assert copy.parent == tmp_path and copy.exists()
    assert count_entries(copy) == 1
    assert compass("backup", str(tmp_path / "no" / "such" / "x.db"), db=db).returncode == 2


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "compass_tui", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("compass-tui ")


def test_a_title_too_long_is_refused_with_its_length(db: Target) -> None:
    result = compass("add", "x" * 5000, db=db)
    assert result.returncode == 2
    assert "5,000 characters long; at most 300" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert compass("add", "A short title. " + "x" * 5000, db=db).returncode == 0
    [entry] = listed(db)
    assert entry["title"] == "A short title." and len(entry["body"]) == 5000


def test_a_word_that_is_no_date_stays_text(db: Target) -> None:
    assert compass("add", "Blursday: the week has no shape", db=db).returncode == 0
    [entry] = listed(db)
    assert entry["title"] == "Blursday: the week has no shape"


def test_large_n_and_month_only_prefix(db: Target) -> None:
    assert compass("add", "May: the offsite moved", db=db).returncode == 0
    [entry] = listed(db, "-n", "200000")
    assert entry["title"] == "May: the offsite moved"  # a month names no day: kept as text


@pytest.mark.parametrize("when", ["9999", "0000", "9999-12", "1 march 10000"])
def test_out_of_range_years_are_bad_input(db: Target, when: str) -> None:
    result = compass("list", "--from", when, db=db)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_database_driver_is_one_line(tmp_path: Path) -> None:
    result = compass("--db", "mysql://user@localhost/journal", "list")
    assert result.returncode == 2
    assert "cannot open database" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.sqlite_only("a file backup over its own file")
def test_backup_refuses_to_overwrite_the_database(db: Target) -> None:
    compass("add", "Keep", db=db)
    result = compass("backup", str(db), db=db)
    assert result.returncode == 2
    assert count_entries(db) == 1


def test_export_json_to_stdout_and_to_a_file(db: Target, tmp_path: Path) -> None:
    assert compass("add", "2026-03-14: Met Ana. @mentor", db=db).returncode == 0
    shown = compass("export", "--format", "json", db=db)
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["format"] == "compass-tui"
    assert [(e["date"], e["title"], e["tags"]) for e in data["entries"]] == [
        ("2026-03-14", "Met Ana.", ["mentor"])]
    target = tmp_path / "out" / "all.json"
    target.parent.mkdir()
    written = compass("export", "-o", str(target), db=db)
    assert written.returncode == 0, written.stderr
    assert "1 entries" in written.stderr
    assert json.loads(target.read_text())["entries"] == data["entries"]
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("args", [
    ("export", "--format", "xml"),
    ("export", "-o", "/nonexistent-folder/x.json"),
])
def test_export_bad_input_is_one_line_exit_2(db: Target, args: tuple[str, ...]) -> None:
    result = compass(*args, db=db)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_export_to_a_folder_is_refused_and_writes_nothing(db: Target, tmp_path: Path) -> None:
    result = compass("export", "-o", str(tmp_path), db=db)
    assert result.returncode == 2 and "folder" in result.stderr


def test_import_timeline_lines(db: Target, tmp_path: Path) -> None:
    history = tmp_path / "career.txt"
    history.write_text("2015-09: First job, junior analyst\n2019: Joined Acme as analyst\n")
    result = compass("import", str(history), "--format", "timeline", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Timeline: 2 added, 0 already there."
    again = compass("import", str(history), "--format", "timeline", db=db)
    assert again.stdout.strip() == "Timeline: 0 added, 2 already there."
    data = json.loads(compass("export", db=db).stdout)
    assert [(e["date"], e["title"]) for e in data["timeline"]] == [
        ("2015-09", "First job, junior analyst"), ("2019", "Joined Acme as analyst")]


def test_import_timeline_bad_lines_are_numbered_and_nothing_is_imported(
        db: Target, tmp_path: Path) -> None:
    history = tmp_path / "career.txt"
    history.write_text("2015: Fine\nnot a line\n2016: [promotion] Odd kind\n")
    result = compass("import", str(history), "--format", "timeline", db=db)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "line 2:" in result.stderr and "line 3:" in result.stderr
    assert "nothing was imported" in result.stderr
    assert json.loads(compass("export", db=db).stdout)["timeline"] == []
    skipped = compass("import", str(history), "--format", "timeline", "--skip-bad", db=db)
    assert skipped.returncode == 0 and "1 added" in skipped.stdout


def test_import_a_missing_file_is_one_line(db: Target) -> None:
    result = compass("import", "/no/such/file.txt", "--format", "timeline", db=db)
    assert result.returncode == 2
    assert result.stderr.strip() == "compass: no such file: /no/such/file.txt"


def test_a_closed_pipe_is_quiet(db: Target) -> None:
    """`compass export | head`: the reader stops early; no traceback, exit 0."""
    from compass_tui.domain.entries import EntryInput
    from compass_tui.store.repository import Repository
    from tests.databases import url_of

    repo = Repository.open(url_of(db))
    repo.entries.add_many(EntryInput(entry_date=datetime(2025, 1, 1, 9), title=f"Entry {n}",
                                     body="Words worth piping. " * 20) for n in range(400))
    repo.close()
    for args in (("export",), ("list",), ("export", "--format", "markdown")):
        process = subprocess.Popen([*COMMAND, *args], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env={**os.environ,
                                                                "COMPASS_DB": str(db)})
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(100)
        process.stdout.close()  # what head does once it has its lines
        errors = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0, errors
        assert errors == "", args


def test_a_plain_postgresql_url_uses_psycopg_whatever_the_toolkit_defaults_to(
        db: Target, backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if backend != "postgresql":
        pytest.skip("needs a PostgreSQL server")
    import sqlalchemy.dialects.postgresql as postgresql
    from sqlalchemy.dialects.postgresql import psycopg2

    from compass_tui.store.engine import make_engine

    # As SQLAlchemy before 2.1 would: postgresql:// meaning psycopg2, not installed here.
    monkeypatch.setattr(postgresql, "dialect", psycopg2.dialect)
    engine = make_engine(str(db).replace("postgresql+psycopg://", "postgresql://"))
    assert engine.dialect.driver == "psycopg"
    engine.dispose()


def test_without_the_driver_the_pip_command_is_named(tmp_path: Path) -> None:
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "psycopg.py").write_text("raise ImportError(\"No module named 'psycopg'\")\n")
    result = compass("--db", "postgresql://me@127.0.0.1/journal", "list",
                     env={"PYTHONPATH": str(hide)})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "compass: cannot open database postgresql+psycopg://me@127.0.0.1/journal: "
        "PostgreSQL needs the psycopg driver: pip install 'compass-tui[postgres]'")
