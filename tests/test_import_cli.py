"""`compass import` through the installed entry point: formats, duplicates, all or
nothing, --skip-bad, and the one-line refusals of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compass_tui.store.repository import Repository
from tests.conftest import fixed_clock
from tests.databases import Target, table_counts
from tests.import_helpers import fill_every_part
from tests.test_cli import compass

DATA = Path(__file__).parent / "data"


@pytest.fixture
def db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Target:
    """Where imports go: a file not made yet, or a new PostgreSQL database."""
    if backend == "sqlite":
        return tmp_path / "journal" / "compass.db"
    return str(request.getfixturevalue("db_url"))


def content(db: Target) -> object:
    """What a refused import must leave as it was: the file's bytes, or every count."""
    return db.read_bytes() if isinstance(db, Path) else table_counts(db)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """`compass export -o` of a journal with something in every part."""
    source = tmp_path / "source.db"
    repo = Repository.open(f"sqlite:///{source}")
    try:
        fill_every_part(repo, fixed_clock)
    finally:
        repo.close()
    path = tmp_path / "export.json"
    result = compass("export", "-o", str(path), db=source)
    assert result.returncode == 0, result.stderr
    return path


def listed(db: Target) -> list[dict]:
    result = compass("list", "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_line_refusal(result, message: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]


def test_jrnl_json_export_and_again(db: Target) -> None:
    first = compass("import", str(DATA / "jrnl-export.json"), "--format", "jrnl", db=db)
    assert first.returncode == 0, first.stderr
    assert first.stdout == "Import: 5 added (5 entries), 0 already there.\n"
    again = compass("import", str(DATA / "jrnl-export.json"), "--format", "jrnl", db=db)
    assert again.stdout == "Import: 0 added, 5 already there.\n"
    entries = listed(db)
    assert [(e["date"], e["time"], e["starred"], e["tags"]) for e in entries] == [
        ("2024-03-11", "08:30", False, ["work", "planning"]),
        ("2024-03-12", "18:05", True, ["growth"]),
        ("2024-03-13", "21:40", False, ["feedback"]),
        ("2024-03-14", "07:15", False, ["reflection", "growth"]),
        ("2024-03-15", "12:00", True, ["work"]),
    ]
    assert entries[2]["title"] == "Évaluation trimestrielle — 全角 notes 📈."
    found = compass("list", "--search", "trimestrielle", db=db)  # the search index follows
    assert "全角" in found.stdout


def test_jrnl_text_from_standard_input(db: Target) -> None:
    text = (DATA / "jrnl-journal.txt").read_text(encoding="utf-8")
    result = compass("import", "-", "--format", "jrnl-text", db=db, stdin=text)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Import: 5 added (5 entries), 0 already there.\n"
    starred = compass("list", "--starred", "--format", "json", db=db)
    assert [e["title"] for e in json.loads(starred.stdout)] == [
        "Mentor lunch with Ana!", "Shipped the billing migration"]
    assert listed(db)[1]["body"].endswith("- ask for feedback after demos @growth")
    # The same journal from jrnl's JSON export is recognised entry by entry.
    json_too = compass("import", str(DATA / "jrnl-export.json"), "--format", "jrnl", db=db)
    assert json_too.stdout == "Import: 0 added, 5 already there.\n"


def test_markdown_folder_refused_notes_then_skip_bad(db: Target, tmp_path: Path) -> None:
    notes = tmp_path / "vault"
    (notes / ".obsidian").mkdir(parents=True)
    (notes / ".obsidian" / "app.md").write_text("settings")
    (notes / "2024-03-14.md").write_text("---\ntags: [career]\n---\n# Review\n\nGood.\n")
    (notes / "2024-03-15 Offsite.md").write_text("Lisbon 🇵🇹\n")
    (notes / "Ideas.md").write_text("no date\n")
    refused = compass("import", str(notes), "--format", "markdown", db=db)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.splitlines() == [
        "compass: Ideas.md: the name does not start with a date (YYYY-MM-DD, as in "
        "2024-03-14.md)",
        "compass: 1 record could not be read; nothing was imported (fix them, or add "
        "--skip-bad)",
    ]
    assert not isinstance(db, Path) or not db.exists()  # checked before it is opened
    skipped = compass("import", str(notes), "--format", "markdown", "--skip-bad", db=db)
    assert skipped.returncode == 0, skipped.stderr
    assert skipped.stdout == "Import: 2 added (2 entries), 0 already there, 1 refused.\n"
    assert skipped.stderr.startswith("compass: skipped Ideas.md: the name does not start")
    assert [(e["title"], e["body"], e["tags"]) for e in listed(db)] == [
        ("Review", "Good.", ["career"]), ("Offsite", "Lisbon 🇵🇹", [])]


def test_compass_export_into_an_empty_database_and_again(db: Target, export: Path) -> None:
    result = compass("import", str(export), db=db)  # compass is the default format
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Import: 28 added (3 entries, 3 values, 2 skills,")
    counts = table_counts(db)
    again = compass("import", str(export), db=db)
    assert again.stdout == "Import: 0 added, 28 already there.\n"
    assert table_counts(db) == counts
    exported = json.loads(compass("export", db=db).stdout)
    original = json.loads(export.read_text())
    assert {k: v for k, v in exported.items() if k != "exported_at"} == {
        k: v for k, v in original.items() if k != "exported_at"}


def test_one_bad_record_writes_nothing(db: Target, export: Path, tmp_path: Path) -> None:
    assert compass("add", "2026-01-05: Already here. @old", db=db).returncode == 0
    doc = json.loads(export.read_text())
    doc["entries"][1]["date"] = "2026-02-30"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    counts, data = table_counts(db), content(db)
    result = compass("import", str(bad), db=db)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "compass: entries[1] (2026-02-30 08:05 'Café ☕ with Ana'): date: Input should be a "
        "valid date or datetime, day value is outside expected range",
        "compass: 1 record could not be read; nothing was imported (fix them, or add "
        "--skip-bad)",
    ]
    assert table_counts(db) == counts
    assert content(db) == data

    skipped = compass("import", str(bad), "--skip-bad", db=db)
    assert skipped.returncode == 0, skipped.stderr
    assert skipped.stdout.startswith("Import: 27 added (2 entries, 3 values,")
    assert skipped.stdout.endswith(", 0 already there, 1 refused.\n")
    assert skipped.stderr.splitlines() == [
        "compass: skipped entries[1] (2026-02-30 08:05 'Café ☕ with Ana'): date: Input "
        "should be a valid date or datetime, day value is outside expected range"]
    assert len(listed(db)) == 3


def test_skip_bad_leaves_out_a_refused_goal_and_its_sub_goals(db: Target, export: Path,
                                                              tmp_path: Path) -> None:
    doc = json.loads(export.read_text())
    doc["goals"][0]["horizon"] = "forever"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    refused = compass("import", str(bad), db=db)
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[:2] == [
        "compass: goals[0] ('Lead a team'): horizon: Input should be 'short' or 'long'",
        "compass: goal 'Learn Rust' (ref 2): its parent (ref 1) is not in the file, or was "
        "refused",
    ]
    skipped = compass("import", str(bad), "--skip-bad", db=db)
    assert skipped.returncode == 0, skipped.stderr
    assert " goal" not in skipped.stdout and " task" not in skipped.stdout
    assert skipped.stdout.endswith(", 0 already there, 2 refused.\n")
    assert skipped.stderr.count("compass: skipped ") == 2


@pytest.mark.parametrize(("text", "args", "message"), [
    ('{"format": "compass-tui", "version": 99, "entries": []}', (),
     "was made by a newer compass-tui (version 99); this one reads up to 1"),
    ('{"format": "something-else", "version": 1}', (), "is not a compass-tui export"),
    ('{"tags": {}, "entries": []}', (), "for jrnl's JSON use --format jrnl"),
    ('{"format": "compass-tui", "version": 1}', ("--format", "jrnl"),
     "is a compass-tui export; import it with --format compass"),
    ("[2024-03-14 09:00] jrnl text, not JSON", (), "is not JSON (line 1, column 6"),
    ("no entries here\n", ("--format", "jrnl-text"), "has no jrnl entries"),
])
def test_bad_files_are_one_line_and_write_nothing(db: Target, tmp_path: Path, text: str,
                                                  args: tuple[str, ...], message: str) -> None:
    assert compass("add", "Existing entry", db=db).returncode == 0
    data = content(db)
    path = tmp_path / "input"
    path.write_text(text)
    assert_one_line_refusal(compass("import", str(path), *args, db=db), message)
    assert content(db) == data


def test_unreadable_inputs_are_one_line(db: Target, tmp_path: Path) -> None:
    assert_one_line_refusal(compass("import", str(tmp_path / "missing.json"), db=db),
                            "no such file")
    assert_one_line_refusal(compass("import", str(tmp_path), db=db), "is a folder; name a file")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    assert_one_line_refusal(
        compass("import", str(tmp_path / "latin1.txt"), "--format", "jrnl-text", db=db),
        "is not UTF-8 text")
    assert_one_line_refusal(compass("import", "-", "--format", "markdown", db=db),
                            "not standard input")
    assert not isinstance(db, Path) or not db.exists()


def test_a_long_title_from_elsewhere_is_imported_and_read_back_whole(db: Path,
                                                                     tmp_path: Path) -> None:
    """The cap on a title is for typing; what another journal holds comes in whole."""
    title = "A jrnl entry whose first sentence never ends " * 20
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps({"tags": {}, "entries": [
        {"title": title.strip(), "body": "", "date": "2024-05-01", "time": "09:00",
         "tags": [], "starred": False}]}))
    result = compass("import", str(source), "--format", "jrnl", db=db)
    assert result.returncode == 0, result.stderr
    [entry] = listed(db)
    assert entry["title"] == title.strip() and len(entry["title"]) > 300
