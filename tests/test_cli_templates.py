"""`compass add --template NAME` through the installed entry point."""

from __future__ import annotations

import json
from pathlib import Path

from compass_tui.services.entry_templates import user_dir
from tests.test_cli import compass, count_entries, listed


def test_add_from_a_template_with_text_after_it(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    result = compass("add", "--template", "weekly-wins", "2025-03-14:", "Shipped", "the",
                     "guide.", "@docs", db=db)
    assert result.returncode == 0, result.stderr
    [entry] = listed(db)
    assert entry["date"] == "2025-03-14"
    assert entry["title"] == "Weekly wins, week ending Friday 2025-03-14"
    assert entry["body"].startswith("## Wins this week")
    assert entry["body"].endswith("\n\nShipped the guide. @docs")
    assert entry["tags"] == ["wins", "weekly", "docs"]
    assert entry["template"] == "weekly-wins"


def test_add_from_your_own_template_reads_the_text_from_stdin(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "standup.md").write_text("---\ntitle: Standup {weekday}\ntags: [team]\n---\n"
                                       "Yesterday / today / blocked ({{if any}}):\n")
    result = compass("add", "--template", "standup", db=db, stdin="2025-03-14: Blocked on CI\n")
    assert result.returncode == 0, result.stderr
    [entry] = listed(db)
    assert entry["title"] == "Standup Friday"
    assert entry["body"] == "Yesterday / today / blocked ({if any}):\n\nBlocked on CI"
    assert (entry["tags"], entry["template"]) == (["team"], "standup")
    # With nothing to add, the template alone is the entry.
    assert compass("add", "--template", "standup", db=db, stdin="").returncode == 0
    assert count_entries(db) == 2


def test_an_unknown_template_is_one_line_and_nothing_written(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    result = compass("add", "--template", "standup", "Some words", db=db)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no template called 'standup'" in result.stderr and "weekly-wins" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()


def test_a_broken_template_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    folder = user_dir()
    folder.mkdir(parents=True)
    path = folder / "retro.md"
    path.write_text("---\ntitle: Retro\n---\n\nDear {team},\n")
    result = compass("add", "--template", "retro", "Words", db=db)
    assert result.returncode == 2
    assert result.stderr == (f"compass: {path}, line 5: unknown placeholder {{team}} "
                             "(known: {date}, {weekday}, {prompt}; write {{ and }} for a "
                             "brace)\n")
    assert not db.exists()
    path.write_text("---\ntitle: Retro\n")
    result = compass("add", "--template", "retro", db=db, stdin="")
    assert result.returncode == 2 and f"{path}, line 1: " in result.stderr


def test_the_template_survives_export_and_import(tmp_path: Path) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    assert compass("add", "--template", "setback", "2025-03-14: Lost the bid.",
                   db=first).returncode == 0
    assert compass("add", "2025-03-15: A plain one.", db=first).returncode == 0
    exported = compass("export", db=first)
    assert exported.returncode == 0, exported.stderr
    path = tmp_path / "export.json"
    path.write_text(exported.stdout)
    assert [e["template"] for e in json.loads(exported.stdout)["entries"]] == ["setback", None]
    assert compass("import", str(path), db=second).returncode == 0
    assert [e["template"] for e in listed(second)] == ["setback", None]
