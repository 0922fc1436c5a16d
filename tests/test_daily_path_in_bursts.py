"""The daily path typed the way keys arrive over SSH: in bursts, escapes among them.
Write an entry, leave it, star it, edit it, save it; a goal typed fast; a check-in
typed fast. Every word must end up where it was typed, in the app (bursts of key
events) and in the real program on a pty (each burst one write to its input)."""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from compass_tui.domain.entries import Entry, EntryQuery
from compass_tui.domain.goals import Goal, GoalInput, TaskInput
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository
from compass_tui.ui.checkins.checkin_screen import CheckinScreen
from compass_tui.ui.goals.goal_form import GoalForm
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from tests.conftest import fixed_clock
from tests.pilot_helpers import burst, make_app, settle, text_keys
from tests.test_kill import App

T = TypeVar("T")

TITLE, BODY, MORE = "Met Ana for coffee", "We planned the mentoring guide.", " Next: the outline."
GOAL = ("Speak at meetups", "Three talks this spring", "talks given", "talks")
WINS, SETBACKS, FOCUS = "Gave the first talk", "Slides were late", "Book the second venue"


def entries(repo: Repository) -> list[Entry]:
    return repo.entries.entries(EntryQuery(limit=100))


def goal_with_task(repo: Repository) -> Goal:
    goals = GoalsService(repo, fixed_clock)
    goal = goals.create(GoalInput(title="Run 100 km", metric="distance", unit="km",
                                  start_value=0, target_value=100, current_value=10))
    goals.add_task(TaskInput(goal_id=goal.id, title="Buy shoes"))
    return goal


def assert_goal_typed(repo: Repository) -> None:
    typed = [s.goal for s in GoalsService(repo, fixed_clock).summaries()
             if s.goal.title == GOAL[0]]
    assert [(g.title, g.specific, g.metric, g.unit, g.target_value) for g in typed] == [
        (*GOAL, 3)]


def assert_check_in_typed(repo: Repository, goal: Goal) -> None:
    goals = GoalsService(repo, fixed_clock)
    done = goals.get(goal.id)
    assert done is not None and done.current_value == 42
    assert [task.done for task in goals.tasks(goal.id)] == [True]
    [entry] = [e for e in entries(repo) if e.kind == "checkin"]
    for words in (WINS, SETBACKS, FOCUS):
        assert words in entry.body


# -- the app, with bursts of key events ---------------------------------------------


async def test_the_daily_path_in_bursts(repo: Repository) -> None:
    goal = goal_with_task(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        # Write: title, two tabs to the tags, four more to the body; save.
        await burst(pilot, "n", *text_keys(TITLE), "tab", "tab", *text_keys("@mentor"),
                    "tab", "tab", "tab", "tab", *text_keys(BODY), "ctrl+s")
        await settle(pilot)
        # Edit, type on, escape (the draft is kept), star, edit again, save.
        await burst(pilot, "e", "end", *text_keys(MORE), "escape", "s", "e", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EntryEditorScreen)
        [entry] = entries(repo)
        assert (entry.title, entry.body.strip(), entry.tags, entry.starred) == (
            TITLE, BODY + MORE, ["mentor"], True)
        assert repo.drafts.all() == []

        # A check-in typed fast, from before its steps have loaded to its completion.
        await burst(pilot, "ctrl+k", "backspace", "backspace", *"42", "tab", "space", "tab",
                    *text_keys(WINS), "tab", *text_keys(SETBACKS), "tab", "tab", "tab",
                    *text_keys(FOCUS), "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, CheckinScreen)
        assert_check_in_typed(repo, goal)

        # A goal typed fast: enter walks the form, tab steps over its choices.
        await burst(pilot, "3", "n", *text_keys(GOAL[0]), "enter", "tab", "tab", "tab",
                    "tab", *text_keys(GOAL[1]), "enter", *text_keys(GOAL[2]), "tab",
                    *text_keys(GOAL[3]), "tab", "tab", "3", "ctrl+s")
        assert not isinstance(app.screen, GoalForm)
        assert_goal_typed(repo)


# -- the real program on a pty, each burst one write ----------------------------------

TAB, ENTER, ESCAPE, END, BACKSPACE = "\t", "\r", "\x1b", "\x1b[F", "\x7f"
CTRL_S, CTRL_K = "\x13", "\x0b"
# A terminal cannot tell escape then a key from alt+key when both come in one read:
# an escape ends its burst, and the next burst comes after the app's escape delay.
ESCAPE_DELAY = 0.3


def until(read: Callable[[], T], check: Callable[[T], bool], timeout: float = 20.0) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if check(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


@pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pty")
def test_the_daily_path_in_bursts_on_a_pty(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    seeding = Repository.open(f"sqlite:///{db}")
    goal = goal_with_task(seeding)
    seeding.close()
    # The weekly check-in falls today, whichever day the test runs.
    config = tmp_path / "config" / "compass-tui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'[checkins]\nweekly = "{time.strftime("%A").lower()}"\n')
    app = App(db, tmp_path)
    repo = Repository.open(f"sqlite:///{db}")
    try:
        app.wait_for("No entries yet")
        app.burst(f"n{TITLE}{TAB}{TAB}@mentor{TAB * 4}{BODY}{CTRL_S}")
        assert [e.title for e in until(lambda: entries(repo), bool)] == [TITLE]
        app.burst(f"e{END}{MORE}{ESCAPE}")
        until(repo.drafts.all, bool)
        time.sleep(ESCAPE_DELAY)
        app.burst(f"se{CTRL_S}")
        [entry] = until(lambda: entries(repo), lambda found: found[0].body.strip() != BODY)
        assert (entry.title, entry.body.strip(), entry.tags, entry.starred) == (
            TITLE, BODY + MORE, ["mentor"], True)

        app.burst(f"{CTRL_K}{BACKSPACE * 2}42{TAB} {TAB}{WINS}{TAB}{SETBACKS}{TAB * 3}{FOCUS}"
                  f"{CTRL_S}")
        until(lambda: entries(repo), lambda found: any(e.kind == "checkin" for e in found))
        assert_check_in_typed(repo, goal)

        app.burst(f"3n{GOAL[0]}{ENTER}{TAB * 4}{GOAL[1]}{ENTER}{GOAL[2]}{TAB}{GOAL[3]}"
                  f"{TAB}{TAB}3{CTRL_S}")
        until(lambda: GoalsService(repo, fixed_clock).summaries(), lambda s: len(s) == 2)
        assert_goal_typed(repo)
    finally:
        app.kill(signal.SIGKILL)
        repo.close()
