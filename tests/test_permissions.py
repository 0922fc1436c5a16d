"""The journal's files are private, and a looser file is named at start."""

from __future__ import annotations

import os
from pathlib import Path

from compass_tui.store.maintenance import make_backup
from compass_tui.store.permissions import looser_than_private, warning_for
from compass_tui.store.repository import Repository
from tests.pilot_helpers import make_app, settle


def test_new_database_and_backups_are_private(tmp_path: Path) -> None:
    db = tmp_path / "journal" / "compass.db"
    Repository.open(f"sqlite:///{db}").close()
    make_backup(db)
    assert looser_than_private(db) == []
    assert warning_for(db) is None


def test_a_looser_file_is_named(tmp_path: Path) -> None:
    db = tmp_path / "journal" / "compass.db"
    Repository.open(f"sqlite:///{db}").close()
    os.chmod(db, 0o644)
    found = looser_than_private(db)
    assert found == [f"{db} (644)"]
    warning = warning_for(db)
    assert warning is not None and "chmod -R go=" in warning


async def test_the_app_warns_at_start(tmp_path: Path) -> None:
    db = tmp_path / "journal" / "compass.db"
    repo = Repository.open(f"sqlite:///{db}")
    os.chmod(db.parent, 0o755)
    app = make_app(repo)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert any("Others on this machine can read" in n.message
                       for n in app._notifications)
    finally:
        repo.close()
