"""A file the command line writes never replaces one that exists, unless --force says so
or the person at the terminal answers yes."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import pytest

from compass_tui.cli import build_parser
from compass_tui.services.atomic import atomic_text_file
from tests.test_cli import compass

NOVEL = "Chapter one. It was a dark and stormy night.\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "journal" / "compass.db"
    assert compass("add", "2026-03-14: Met Ana. @mentor", db=path).returncode == 0
    return path


@pytest.fixture
def novel(tmp_path: Path) -> Path:
    path = tmp_path / "my novel.txt"
    path.write_text(NOVEL)
    return path


def refused_and_untouched(result, path: Path) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text() == NOVEL
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_export_never_replaces_a_file_without_force(db: Path, novel: Path, fmt: str) -> None:
    refused_and_untouched(compass("export", "--format", fmt, "-o", str(novel), db=db), novel)
    forced = compass("export", "--format", fmt, "-o", str(novel), "--force", db=db)
    assert forced.returncode == 0, forced.stderr
    assert "Met Ana." in novel.read_text()
    assert novel.stat().st_mode & 0o777 == 0o600


def test_export_to_a_new_file_needs_no_force(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    assert compass("export", "-o", str(target), db=db).returncode == 0
    assert json.loads(target.read_text())["entries"][0]["title"] == "Met Ana."


def output_commands() -> list[str]:
    """Every command that takes -o, read from the parser itself."""
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return [name for name, sub in commands.choices.items()
            if any("-o" in action.option_strings for action in sub._actions)]


def test_every_output_option_has_force_and_is_claimed_before_writing(db: Path,
                                                                     novel: Path) -> None:
    """A command that gains -o gets the rule with it: no existing file is replaced."""
    names = output_commands()
    assert "export" in names
    parser = build_parser()
    for name in names:
        args = parser.parse_args([name, "-o", str(novel), "--force"])
        assert args.force is True
        refused_and_untouched(compass(name, "-o", str(novel), db=db), novel)


def test_split_into_a_folder_that_holds_files_needs_force(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "mine.md").write_text(NOVEL)
    (folder / "2026-03-14 Met Ana.md").write_text(NOVEL)
    refused = compass("export", "--format", "markdown", "--split", str(folder), db=db)
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "--force" in refused.stderr
    assert {p.name: p.read_text() for p in folder.iterdir()} == {
        "mine.md": NOVEL, "2026-03-14 Met Ana.md": NOVEL}
    forced = compass("export", "--format", "markdown", "--split", str(folder), "--force",
                     db=db)
    assert forced.returncode == 0, forced.stderr
    assert (folder / "mine.md").read_text() == NOVEL  # not one of the export's names
    assert "# Met Ana." in (folder / "2026-03-14 Met Ana.md").read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vault")]


def test_split_and_output_together_are_one_line(db: Path, tmp_path: Path) -> None:
    result = compass("export", "--format", "markdown", "--split", str(tmp_path / "d"),
                     "-o", str(tmp_path / "f.md"), db=db)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "d").exists() and not (tmp_path / "f.md").exists()


def test_backup_never_replaces_a_file_without_force(db: Path, novel: Path) -> None:
    refused_and_untouched(compass("backup", str(novel), db=db), novel)
    forced = compass("backup", str(novel), "--force", db=db)
    assert forced.returncode == 0, forced.stderr
    assert novel.read_bytes().startswith(b"SQLite format 3")


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    with pytest.raises(FileExistsError), atomic_text_file(target, replace=False) as out:
        out.write("{}")
        target.write_text(NOVEL)  # another program got there first
    assert target.read_text() == NOVEL
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


@pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pty")
@pytest.mark.parametrize(("answer", "code", "replaced"), [("n", 2, False), ("y", 0, True)])
def test_on_a_terminal_it_asks_first(db: Path, novel: Path, tmp_path: Path, answer: str,
                                     code: int, replaced: bool) -> None:
    from tests.test_kill import App

    run = App(db, tmp_path, "export", "-o", str(novel))
    run.wait_for("Replace it? [y/N]")
    os.write(run.fd, f"{answer}\r".encode())
    assert run.exit_code() == code
    assert (novel.read_text() != NOVEL) is replaced
