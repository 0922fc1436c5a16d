"""Shared helpers for pilot tests: an app on a real database, and typing like a person."""

from __future__ import annotations

import asyncio
import unicodedata

from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled, WorkerFailed

from compass_tui.config import Settings
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from tests.conftest import fixed_clock


def make_app(repo: Repository, editor: str | None = None) -> CompassApp:
    url = repo.engine.url.render_as_string(hide_password=False)
    return CompassApp(repo, Settings(db_url=url, editor=editor), clock=fixed_clock)


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*text_keys(text))


def key_event(key: str) -> events.Key:
    """The event a terminal's key makes, named as pilot.press names it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def text_keys(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


async def burst(pilot: Pilot, *keys: str) -> None:
    """Keys that arrive together, as over SSH: all of them are queued before the app
    handles the first (pilot.press waits for the app to go idle after each key)."""
    app = pilot.app
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app.post_message(event)
    await pilot.pause()
    await settle(pilot)


def screen_text(app: App) -> str:
    """The top screen as its characters, one line per row (what tmux would show)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def region_text(app: App, widget: Widget) -> str:
    """The characters shown where `widget` is, its rows joined by spaces."""
    strips = app.screen._compositor.render_strips()
    region = widget.region
    return " ".join(strip.crop(region.x, region.right).text.strip()
                    for strip in strips[region.y:region.bottom]).strip()


SETTLE_LIMIT = 50  # pauses; a worker restarted on every pause must not hang a test


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

    A key may start a read only once what it mounted is shown (a section mounted on
    first visit, a tab's read-ahead), so this waits until two pauses in a row start
    no new worker. `rounds` adds short sleeps first, for reads begun on a timer.
    """
    app = pilot.app
    for _ in range(rounds - 1):
        await pilot.pause(0.02)
        await wait_for_workers(app)
    quiet = 0
    for _ in range(SETTLE_LIMIT):
        if any(not worker.is_finished for worker in app.workers):
            await wait_for_workers(app)
            quiet = 0
        else:
            quiet += 1
            if quiet == 2:
                break
        await pilot.pause()
