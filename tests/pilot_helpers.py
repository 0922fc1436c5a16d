"""Shared helpers for pilot tests: an app on a real database, and typing like a person."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from compass_tui.config import Settings
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from tests.conftest import fixed_clock


def make_app(repo: Repository, editor: str | None = None) -> CompassApp:
    url = repo.engine.url.render_as_string(hide_password=False)
    return CompassApp(repo, Settings(db_url=url, editor=editor), clock=fixed_clock)


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def wait_for_workers(app: App) -> None:
    """Wait for every worker. One replaced by a newer read (exclusive) is not a failure,
    nor is one the app lets fail (exit_on_error=False: e.g. a read whose screen closed)."""
    workers = list(app.workers)
    results = await asyncio.gather(*(worker.wait() for worker in workers),
                                   return_exceptions=True)
    for worker, result in zip(workers, results, strict=True):
        if isinstance(result, WorkerCancelled):
            continue
        if isinstance(result, WorkerFailed) and not worker.exit_on_error:
            continue
        if isinstance(result, BaseException):
            raise result


async def settle(pilot: Pilot, rounds: int = 1) -> None:
    """Let workers finish and the screen catch up.

    Tabs start some reads only after the screen has painted, so a few rounds
    may be needed before everything has landed.
    """
    for _ in range(rounds):
        if rounds > 1:
            await pilot.pause(0.02)
        await wait_for_workers(pilot.app)
    await pilot.pause()
    # A read started by that last pause (a tab or section shown) lands too: over a
    # network (PostgreSQL) it may take longer than the pause.
    quiet = 0
    for _ in range(50):
        if all(worker.is_finished for worker in pilot.app.workers):
            quiet += 1
            if quiet == 2:  # a section mounted by the last pause shows one pause later
                break
        else:
            quiet = 0
            await wait_for_workers(pilot.app)
        await pilot.pause()
