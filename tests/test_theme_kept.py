"""A theme picked in the command palette is kept in config.toml for the next start."""

from __future__ import annotations

import tomllib

import pytest

from compass_tui.config import Settings
from compass_tui.services.config_file import config_path
from compass_tui.services.theme_file import choose_theme
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from tests.conftest import fixed_clock
from tests.pilot_helpers import make_app, settle, type_text


@pytest.fixture(autouse=True)
def _full_colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As over most SSH sessions today; the 16-colour test says otherwise itself."""
    monkeypatch.setenv("COLORTERM", "truecolor")


USER_FILE = """\
# my own notes on these settings
[checkins]
weekly = "friday"   # friday suits me

[backup]
keep = 3
"""


async def pick_theme(app: CompassApp, pilot, name: str) -> None:
    await pilot.press("ctrl+p")
    await type_text(pilot, "theme")
    await pilot.pause(0.3)
    await pilot.press("enter")  # Textual's own "Theme" command: the list of themes
    await pilot.pause(0.2)
    await type_text(pilot, name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot, rounds=3)


async def test_a_picked_theme_is_kept_with_the_rest_of_the_file_and_used_next_start(
        repo: Repository) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(USER_FILE)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pick_theme(app, pilot, "nord")
        assert app.theme == "nord"
    text = path.read_text()
    assert text.startswith(USER_FILE)  # comments, spacing and other tables as they were
    assert tomllib.loads(text)["appearance"] == {"theme": "nord"}
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    again = make_app(repo)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
        assert not again._notifications


async def test_the_first_pick_makes_a_file_that_explains_the_other_settings(
        repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_use_theme("ansi-dark")  # the app's own "Use 16-colour theme" command
        await settle(pilot, rounds=3)
    text = config_path().read_text()
    assert "[checkins]" in text and "# theme: the one picked last" in text
    assert tomllib.loads(text)["appearance"]["theme"] == "ansi-dark"


async def test_compass_theme_still_wins_over_the_saved_one(repo: Repository) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[appearance]\ntheme = "nord"\n')
    app = CompassApp(repo, Settings(db_url=str(repo.engine.url), theme="gruvbox"),
                     clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"
        assert path.read_text() == '[appearance]\ntheme = "nord"\n'  # nothing picked


async def test_a_sixteen_colour_terminal_keeps_the_ansi_theme_over_a_saved_one(
        repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("TEXTUAL_COLOR_SYSTEM", raising=False)
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[appearance]\ntheme = "nord"\n')
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.console.color_system == "standard"
        assert app.theme == "ansi-dark"


def test_choosing_the_start_theme() -> None:
    known = {"textual-dark", "nord", "ansi-dark", "ansi-light"}
    assert choose_theme(None, None, known, sixteen_colours=False) is None
    assert choose_theme(None, "nord", known, sixteen_colours=False) == "nord"
    assert choose_theme("ansi-light", "nord", known, sixteen_colours=False) == "ansi-light"
    assert choose_theme("no-such", "nord", known, sixteen_colours=False) == "nord"
    assert choose_theme(None, "no-such", known, sixteen_colours=False) is None
    assert choose_theme(None, "nord", known, sixteen_colours=True) == "ansi-dark"
    assert choose_theme(None, "ansi-light", known, sixteen_colours=True) == "ansi-light"
    assert choose_theme("nord", None, known, sixteen_colours=True) == "nord"


async def test_an_unknown_saved_theme_is_one_warning_naming_the_file(
        repo: Repository) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[appearance]\ntheme = "no-such-theme"\n')
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        [notice] = [n.message for n in app._notifications]
        assert "no-such-theme" in notice and str(path) in notice


async def test_a_theme_that_is_no_name_is_one_warning_naming_the_line(
        repo: Repository) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[checkins]\nweekly = "monday"\n\n[appearance]\ntheme = 3\n')
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [notice] = [n.message for n in app._notifications]
        assert f"{path}, line 5" in notice
        assert app.checkins.schedule.weekly == "monday"  # the rest of the file still counts


async def test_a_config_file_that_is_not_toml_starts_on_defaults_with_one_warning(
        repo: Repository) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    broken = '[checkins]\nweekly = "friday"\n[appearance\ntheme = "nord"\n'
    path.write_text(broken)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        [notice] = [n.message for n in app._notifications]
        assert f"{path}, line 3" in notice and "defaults used" in notice
        assert app.theme == "textual-dark" and app.checkins.schedule.weekly == "sunday"
        app.action_use_theme("nord")
        await settle(pilot, rounds=3)
        assert any("not kept" in n.message and "line 3" in n.message
                   for n in app._notifications)
    assert path.read_text() == broken  # never written over


async def test_no_color_still_turns_colour_off_whatever_theme_is_kept(
        repo: Repository, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[appearance]\ntheme = "nord"\n')
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.no_color and app.theme == "nord"
        assert not app._notifications
