import pytest
from textual.command import CommandPalette
from textual.widgets import TabbedContent

from compass_tui.store.repository import Repository
from compass_tui.ui.common.scheduler_bar import SchedulerBar
from compass_tui.ui.journal.entry_list import EntryList
from compass_tui.ui.shell.key_help import KeyHelpScreen
from tests.pilot_helpers import make_app, settle, type_text


async def test_starts_on_the_entry_list_and_number_keys_switch_tabs(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, EntryList)
        tabs = app.query_one("#tabs", TabbedContent)
        assert tabs.active == "journal"
        for key, tab in zip("23451", ("values", "goals", "timeline", "vision", "journal"),
                            strict=True):
            await pilot.press(key)
            assert tabs.active == tab
            bar = app.query_one(SchedulerBar)
            assert bar.region.height == 1 and bar.region.width == 80
        assert isinstance(app.focused, EntryList)


async def test_tab_labels_fit_at_80x24_and_at_200x60(repo: Repository) -> None:
    for size in ((80, 24), (200, 60)):
        app = make_app(repo)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            tabs = app.query("#tabs > ContentTabs Tab")
            labels = [str(tab.label) for tab in tabs]
            assert labels == ["Journal", "Values", "Goals", "Timeline", "Vision"]
            assert all(tab.region.right <= size[0] for tab in tabs)
            reading = app.query_one("#reading")
            assert reading.region.width > 20


async def test_question_mark_shows_key_help(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, KeyHelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, KeyHelpScreen)


async def test_command_palette_runs_app_commands(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "go to goals")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == "goals"


async def test_n_on_the_timeline_adds_an_event(repo: Repository) -> None:
    from compass_tui.ui.timeline.event_form import EventForm

    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "n")
        assert isinstance(app.screen, EventForm)


async def test_ctrl_q_quits(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_unknown_theme_is_a_warning_not_a_crash(repo: Repository) -> None:
    from compass_tui.config import Settings
    from compass_tui.ui.app import CompassApp
    from tests.conftest import fixed_clock

    app = CompassApp(repo, Settings(db_url="x", theme="no-such-theme"), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_sixteen_colour_theme_can_be_chosen(repo: Repository) -> None:
    from compass_tui.config import Settings
    from compass_tui.ui.app import CompassApp
    from tests.conftest import fixed_clock

    app = CompassApp(repo, Settings(db_url="x", theme="ansi-dark"), clock=fixed_clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "ansi-dark"


async def test_sixteen_colour_terminal_gets_the_ansi_theme(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("TEXTUAL_COLOR_SYSTEM", raising=False)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.console.color_system == "standard"
        assert app.theme == "ansi-dark"
