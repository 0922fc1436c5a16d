"""A real `compass add` in another shell while the real app runs on a pseudo-terminal:
the entry shows in the open journal within seconds, no restart and no key pressed."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from compass_tui.domain.entries import EntryInput
from compass_tui.store.repository import Repository
from tests.conftest import NOW
from tests.test_cli import compass
from tests.test_kill import App

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pty")


def test_an_entry_added_by_compass_add_appears_in_the_running_app(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    repo = Repository.open(f"sqlite:///{db}")
    repo.entries.add(EntryInput(entry_date=NOW, title="Written this morning"))
    repo.close()
    app = App(db, tmp_path)
    try:
        app.wait_for("Written this morning")
        added = compass("add", "Shell note. From another window", db=db)
        assert added.returncode == 0, added.stderr
        app.wait_for("Shell note", timeout=15)  # a look every few seconds
    finally:
        app.kill(signal.SIGKILL)
