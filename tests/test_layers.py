"""The layer contracts in pyproject.toml hold, and they would catch a screen that
reached for the database itself."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--config", str(where / "pyproject.toml"),
                           "--no-cache"], cwd=where, capture_output=True, text=True,
                          env={"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin"},
                          timeout=120)


def test_every_layer_contract_is_kept() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def copy_of_the_code(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "compass_tui", tmp_path / "compass_tui",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_a_screen_that_imports_sqlalchemy_breaks_a_contract(tmp_path: Path) -> None:
    copy = copy_of_the_code(tmp_path)
    (copy / "compass_tui/ui/journal/leak.py").write_text(
        "from sqlalchemy.exc import SQLAlchemyError\n")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "The UI reaches the database only through services BROKEN" in result.stdout
    assert "compass_tui.ui.journal.leak -> sqlalchemy" in result.stdout


def test_a_store_that_imports_a_screen_breaks_a_contract(tmp_path: Path) -> None:
    copy = copy_of_the_code(tmp_path)
    (copy / "compass_tui/store/leak.py").write_text(
        "from compass_tui.ui.common.key_bar import KeyBar\n")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "Layers point one way: cli, ui, services, store, domain BROKEN" in result.stdout
