"""Shared helpers for pilot tests: an app on a real file, and typing like a person."""

from __future__ import annotations

from textual.pilot import Pilot

from compass_tui.config import Settings
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from tests.conftest import fixed_clock


def make_app(repo: Repository, editor: str | None = None) -> CompassApp:
    return CompassApp(repo, Settings(db_url=str(repo.engine.url), editor=editor),
                      clock=fixed_clock)


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def settle(pilot: Pilot) -> None:
    """Let workers finish and the screen catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
