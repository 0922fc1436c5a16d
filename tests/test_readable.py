"""Readable without colour, and whole at 80x24: boxes say "[x]" or "[ ]", the focused
field carries a mark in its characters, and every form or box shows its result line
and its keys in full."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

from compass_tui.store.repository import Repository
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.status_line import StatusLine
from tests.pilot_helpers import make_app, region_text, settle
from tests.screen_catalogue import ASKING, KEEPING, Build, seed

ALL = {**ASKING, **KEEPING}
FIELDS = (Input, TextArea, Select, Checkbox, SelectionList)
LONG = "Not saved: " + " ".join(f"reason{i}" for i in range(36)) + "; your words are still here."


@pytest.fixture(autouse=True, params=["no colour", "16 colours"])
def colours(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test twice: with NO_COLOR, and as the headless terminal is otherwise
    (16 colours, so the app picks its ANSI theme)."""
    if request.param == "no colour":
        monkeypatch.setenv("NO_COLOR", "1")
    return str(request.param)


def words(text: str) -> str:
    return " ".join(text.split())


async def opened(pilot: Pilot, build: Build) -> Screen[object]:
    screen = build(pilot.app)  # type: ignore[arg-type]
    pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


async def test_the_star_box_says_its_state_in_text(repo: Repository, colours: str) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color if colours == "no colour" else app.theme == "ansi-dark"
        await pilot.press("n")
        await settle(pilot)
        box = app.screen.query_one("#starred", Checkbox)
        assert region_text(app, box) == "[ ] Starred"
        box.focus()
        await pilot.press("space")
        assert region_text(app, box).endswith("[x] Starred")


@pytest.mark.parametrize(("name", "picker"), [("goal form", "#goal-values"),
                                               ("event form", "#event-values"),
                                               ("event form", "#event-skills")])
async def test_pickers_say_each_state_in_text(repo: Repository, name: str,
                                             picker: str) -> None:
    seed(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, 3)
        screen = await opened(pilot, ASKING[name])
        choices = screen.query_one(picker, SelectionList)
        choices.focus()
        await pilot.pause()
        label = "1. Autonomy" if name == "goal form" and "values" in picker else (
            "Autonomy" if "values" in picker else "Facilitation")
        assert f"[ ] {label}" in region_text(app, choices)
        await pilot.press("space")
        assert f"[x] {label}" in region_text(app, choices)


async def test_the_search_star_filter_says_its_state_in_text(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await opened(pilot, ASKING["search"])
        box = screen.query_one("#search-starred", Checkbox)
        assert "[ ] ★ only" in region_text(app, box)
        box.focus()
        await pilot.press("space")
        assert "[x] ★ only" in region_text(app, box)


@pytest.mark.parametrize("name", list(ALL))
async def test_the_focused_field_is_marked_in_its_characters(repo: Repository,
                                                              name: str) -> None:
    seed(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot, 3)
        screen = await opened(pilot, ALL[name])
        fields = [w for w in screen.focus_chain if isinstance(w, FIELDS)]
        assert fields
        for field in fields:
            field.focus()
            await pilot.pause()
            focused = region_text(app, field)
            screen.set_focus(None)
            await pilot.pause()
            assert region_text(app, field) != focused, f"{field} looks the same focused"


@pytest.mark.parametrize("name", list(ALL))
async def test_the_result_line_and_keys_show_whole_at_80x24(repo: Repository,
                                                             name: str) -> None:
    seed(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        screen = await opened(pilot, ALL[name])
        status = screen.query_one(StatusLine)
        status.say(LONG, error=True)
        await settle(pilot)
        assert words(region_text(app, status)) == words(LONG)
        [bar] = screen.query(KeyBar)
        shown = region_text(app, bar)
        assert "esc" in shown and bar.region.bottom <= 24
        if any(binding.key == "ctrl+s" for binding in screen.BINDINGS):  # type: ignore[union-attr]
            assert "^s" in shown


async def test_an_import_refused_says_why_in_full_at_80x24(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(TextArea).text = "\n".join(
            ["2015-09: First job, junior analyst",
             "Sometime: a line with no date that the importer cannot place anywhere",
             "2021-13: a month that does not exist, with a long description after it",
             "2022-02-30: a day that does not exist either, said at length"])
        await pilot.press("ctrl+s")
        await settle(pilot)
        status = app.screen.query_one(StatusLine)
        assert status.text.startswith("Nothing imported")
        assert words(region_text(app, status)) == words(status.text)
        assert "Import" in region_text(app, app.screen.query_one(KeyBar))
        # A quoted line is shortened at a word, and says so.
        assert "'2021-13' is not a date on the calendar: 2021-13: a month that does not " \
               "exist, with a long…;" in status.text
