"""The data version: a cheap number that moves when anyone commits, on a real database
(SQLite on a file; PostgreSQL when COMPASS_TEST_POSTGRES_URL names a database to use)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime

import pytest

from compass_tui.domain.entries import EntryInput
from compass_tui.services.changes import ChangeWatch
from compass_tui.store.repository import Repository

POSTGRES_URL = os.environ.get("COMPASS_TEST_POSTGRES_URL")
# PostgreSQL sessions report their writes to the statistics within about a second.
REPORT_SECONDS = 5.0


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, db_url: str) -> str:
    if request.param == "sqlite":
        return db_url
    if not POSTGRES_URL:
        pytest.skip("set COMPASS_TEST_POSTGRES_URL to test on PostgreSQL")
    return POSTGRES_URL


@pytest.fixture
def two(url: str) -> Iterator[tuple[Repository, Repository]]:
    """The open app's repository and another process's (a second engine, its own pool)."""
    mine, theirs = Repository.open(url), Repository.open(url)
    yield mine, theirs
    mine.close()
    theirs.close()


def entry(title: str) -> EntryInput:
    return EntryInput(entry_date=datetime(2026, 3, 1, 8), title=title)


def changes_within(watch: ChangeWatch, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if watch.changed():
            return True
        time.sleep(0.1)
    return False


def test_another_engines_write_is_seen_once_and_quiet_is_quiet(
    two: tuple[Repository, Repository],
) -> None:
    mine, theirs = two
    watch = ChangeWatch(mine)
    assert watch.changed() is False  # the first look only notes where things stand
    assert changes_within(watch, 1.5) is False  # nothing written: nothing seen
    theirs.entries.add(entry("Written by compass add"))
    assert changes_within(watch, REPORT_SECONDS) is True
    assert watch.changed() is False  # seen once


def test_a_trash_and_a_star_elsewhere_are_changes_too(
    two: tuple[Repository, Repository],
) -> None:
    mine, theirs = two
    saved = theirs.entries.add(entry("To be starred"))
    watch = ChangeWatch(mine)
    watch.changed()
    theirs.entries.set_starred(saved.id, True)
    assert changes_within(watch, REPORT_SECONDS) is True
    theirs.entries.trash(saved.id)
    assert changes_within(watch, REPORT_SECONDS) is True


def test_the_version_survives_a_closed_connection(db_url: str) -> None:
    mine, theirs = Repository.open(db_url), Repository.open(db_url)
    try:
        watch = ChangeWatch(mine)
        watch.changed()
        mine.data_version.close()  # as after a failed read: opened again on the next
        theirs.entries.add(entry("After the reconnect"))
        assert watch.changed() is True
    finally:
        mine.close()
        theirs.close()
