"""Keys chosen in config.toml's [keys] table: applied with Textual's keymap, shown in
key help and the key bar, and every line that cannot be used named in a warning while
that binding keeps its default."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import Markdown

from compass_tui.domain.entries import EntryInput
from compass_tui.services.config_file import config_path
from compass_tui.services.key_file import KeyChoice
from compass_tui.services.start_settings import load_start_settings
from compass_tui.store.repository import Repository
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.keymap import Scope, app_scopes, check_keys, key_name_known
from compass_tui.ui.shell.key_help import KeyHelpScreen
from tests.pilot_helpers import make_app, settle


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("key", ["f5", "ctrl+j", "?", "question_mark", "K", "x", "enter",
                                 "shift+tab", "ctrl+shift+up", "slash", "alt+x", "space"])
def test_key_names_textual_knows(key: str) -> None:
    assert key_name_known(key)


@pytest.mark.parametrize("key", ["ctrl+", "hyperspace", "f99", "cmd+k", "ctrl+nope", ""])
def test_key_names_no_terminal_sends(key: str) -> None:
    assert not key_name_known(key)


SCREEN = Scope("Journal", (Binding("s", "star", id="journal.star"),
                           Binding("e", "edit", id="journal.edit"),
                           Binding("u", "undo", id="journal.undo")))
APP = Scope("App", (Binding("ctrl+q", "quit", id="app.quit", priority=True),
                    Binding("n", "new", id="app.new")), is_app=True)


def choice(binding_id: str, keys: str) -> KeyChoice:
    return KeyChoice(binding_id, tuple(keys.split(",")), "config.toml, line 2")


def test_a_key_moved_to_a_free_key_is_applied() -> None:
    checked = check_keys([choice("journal.star", "x,f5")], [SCREEN, APP])
    assert checked.keymap == {"journal.star": "x,f5"}
    assert checked.problems == []
    assert checked.keys_of("journal.star") == ("x", "f5")
    assert checked.keys_of("journal.edit") == ("e",)


def test_two_keys_swapped_do_not_clash() -> None:
    checked = check_keys([choice("journal.star", "e"), choice("journal.edit", "s")],
                         [SCREEN, APP])
    assert checked.keymap == {"journal.star": "e", "journal.edit": "s"}
    assert checked.problems == []


def test_a_key_taken_on_the_same_screen_is_named_and_the_default_kept() -> None:
    checked = check_keys([choice("journal.edit", "s")], [SCREEN, APP])
    assert checked.keymap == {}
    assert checked.problems == ["config.toml, line 2: s is taken by journal.star; "
                                "journal.edit keeps e"]
    assert checked.keys_of("journal.edit") == ("e",)


def test_a_key_the_app_always_keeps_is_taken_everywhere() -> None:
    checked = check_keys([choice("journal.star", "ctrl+q")], [SCREEN, APP])
    assert checked.keymap == {}
    assert "ctrl+q is taken by app.quit" in checked.problems[0]


def test_an_unknown_id_and_a_bad_key_name_are_named() -> None:
    checked = check_keys([choice("journal.fly", "f"), choice("journal.star", "hyperspace")],
                         [SCREEN, APP])
    assert checked.keymap == {}
    assert checked.problems == [
        "config.toml, line 2: no key is called 'journal.fly' (the README lists them); "
        "this line is left out",
        "config.toml, line 2: 'hyperspace' is not a key name (try \"ctrl+j\", \"f5\" or "
        "\"?\"); journal.star keeps s",
    ]


def test_every_binding_of_the_app_carries_an_id() -> None:
    from textual.dom import DOMNode

    import compass_tui.ui.shell.areas  # noqa: F401  (every tab and the screens they reach)
    from compass_tui.ui.common.keymap import OUR_PACKAGE, _subclasses

    ours = [cls for cls in _subclasses(DOMNode) if cls.__module__.startswith(OUR_PACKAGE)]
    without = [(cls.__name__, getattr(b, "key", b)) for cls in ours
               for b in cls.__dict__.get("BINDINGS", [])
               if not isinstance(b, Binding) or b.id is None]
    assert len(ours) > 50 and without == []


def test_the_keys_table_is_read_with_its_lines() -> None:
    path = write_config('[keys]\n"app.checkin" = "ctrl+j, f5"\njournal.star = "x"\n'
                        'journal.edit = 3\n')
    settings = load_start_settings(path)
    assert [(c.binding_id, c.keys, c.where) for c in settings.keys] == [
        ("app.checkin", ("ctrl+j", "f5"), f"{path}, line 2"),
        ("journal.star", ("x",), f"{path}, line 3"),
    ]
    assert settings.problems == (f"{path}, line 4: journal.edit should name keys, such as "
                                 "\"ctrl+j\" or \"ctrl+j,f5\"; its default is kept",)


def test_a_keys_line_that_is_not_a_table_is_one_warning() -> None:
    path = write_config('keys = "ctrl+j"\n')
    assert load_start_settings(path).problems == (
        f"Keys not read, the defaults used: {path}, line 1: keys should be a table of "
        "settings ([keys])",)


async def test_remapped_keys_work_and_show_in_help_and_the_key_bar(
        repo: Repository) -> None:
    entry = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 14, 9, 0),
                                        title="Proud moment"))
    write_config('[keys]\n"journal.star" = "x"\n"app.checkin" = "f5"\n')
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert " x Star" in app.screen.query_one(KeyBar).line().plain
        await pilot.press("s")
        await settle(pilot)
        assert not repo.entries.get(entry.id).starred  # s is no longer the key
        await pilot.press("x")
        await settle(pilot)
        assert repo.entries.get(entry.id).starred
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, KeyHelpScreen)
        source = app.screen.query_one(Markdown).source
        assert "| `f5` | start the check-in" in source
        assert "| `x` | star or unstar |" in source
        assert "| `e` | edit the selected entry |" in source


async def test_a_clash_is_named_at_start_and_the_default_kept(repo: Repository) -> None:
    entry = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, 14, 9, 0),
                                        title="Proud moment"))
    path = write_config('[keys]\n"journal.edit" = "s"\n')
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert f"{path}, line 2: s is taken by journal.star; journal.edit keeps e" in said
        await pilot.press("s")
        await settle(pilot)
        assert repo.entries.get(entry.id).starred


def test_the_readme_lists_every_key_id() -> None:
    import compass_tui.ui.shell.areas  # noqa: F401  (every tab and the screens they reach)

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    missing = [bid for bid in check_keys([], app_scopes()).defaults
               if f"`{bid}`" not in readme]
    assert missing == []


async def test_hints_in_text_name_the_keys_as_moved(repo: Repository) -> None:
    from compass_tui.ui.common.form_screen import FormScreen
    from compass_tui.ui.common.scheduler_bar import SchedulerBar

    write_config('[keys]\n"app.checkin" = "f5"\n"app.snooze" = "f6"\n"form.save" = "ctrl+w"\n')
    app = make_app(repo)  # the weekly check-in is due on the fixed clock's Sunday
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        strip = str(app.query_one(SchedulerBar).render())
        assert "f5 start, f6 snooze" in strip and "ctrl+k" not in strip
        await pilot.press("2", "n")  # a core value's form
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "ctrl+w saves · esc cancels" in app.screen.status.text
