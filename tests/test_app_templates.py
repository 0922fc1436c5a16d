"""`N` in the journal: a new entry from a template picked from a list."""

from __future__ import annotations

from textual.widgets import Input, Markdown, OptionList, TextArea

from compass_tui.services.entry_templates import user_dir
from compass_tui.store.repository import Repository
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.entry_list import EntryList
from compass_tui.ui.journal.template_picker import TemplatePickerScreen
from compass_tui.ui.shell.key_help import KeyHelpScreen
from tests.pilot_helpers import make_app, settle, type_text


def option_ids(screen: TemplatePickerScreen) -> list[str | None]:
    options = screen.query_one(OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


async def leave_editor(pilot) -> None:
    """escape, as a person would: the text box lets go of the focus on the first one."""
    for _ in range(2):
        if isinstance(pilot.app.screen, EntryEditorScreen):
            await pilot.press("escape")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, EntryEditorScreen)


async def choose(pilot, name: str) -> None:
    """From the open picker, move down to `name` and press enter, as a person would."""
    screen = pilot.app.screen
    assert isinstance(screen, TemplatePickerScreen)
    for _ in range(option_ids(screen).index(name)):
        await pilot.press("down")
    await pilot.press("enter")
    await settle(pilot)


async def test_n_opens_a_picker_and_the_entry_starts_from_the_template(
        repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = str(app.screen.query_one(KeyBar).render())
        assert " N " in bar and "Template" in bar
        await pilot.press("N")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, TemplatePickerScreen)
        assert set(option_ids(picker)) == {"informational-interview", "job-interview",
                                           "learning-log", "one-to-one", "setback",
                                           "weekly-wins"}
        await choose(pilot, "weekly-wins")
        editor = app.screen
        assert isinstance(editor, EntryEditorScreen)
        assert editor.query_one("#title", Input).value == (
            "Weekly wins, week ending Sunday 2026-03-15")
        assert editor.query_one("#tags", Input).value == "@wins @weekly"
        body = editor.query_one("#body", TextArea)
        assert body.text.startswith("## Wins this week") and app.focused is body
        await type_text(pilot, "Gave the talk. ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.focused, EntryList)
    [entry] = list(repo.entries.iter_all())
    assert entry.template == "weekly-wins"
    assert entry.title == "Weekly wins, week ending Sunday 2026-03-15"
    assert entry.body.startswith("Gave the talk. ## Wins this week")
    assert entry.tags == ["wins", "weekly"]


async def test_escape_leaves_the_picker_and_an_untouched_template_keeps_no_draft(
        repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(app.focused, EntryList)
        await pilot.press("N")
        await settle(pilot)
        await choose(pilot, "setback")
        assert isinstance(app.screen, EntryEditorScreen)
        await leave_editor(pilot)  # nothing typed: nothing to keep
        assert repo.drafts.all() == []
        assert isinstance(app.focused, EntryList)


async def test_words_typed_into_a_template_are_a_draft_that_keeps_its_template(
        repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        await choose(pilot, "one-to-one")
        await type_text(pilot, "Ask about the lead role. ")
        await leave_editor(pilot)
        [draft] = repo.drafts.all()
        assert draft.template == "one-to-one"
        assert draft.body.startswith("Ask about the lead role. ## Before")
        # N again opens that draft rather than starting over it.
        await pilot.press("N")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EntryEditorScreen)
        assert editor.query_one("#body", TextArea).text.startswith("Ask about the lead role.")
        assert any("still a draft" in n.message for n in app._notifications)
        await pilot.press("ctrl+s")
        await settle(pilot)
    [entry] = list(repo.entries.iter_all())
    assert entry.template == "one-to-one"
    assert repo.drafts.all() == []


async def test_your_own_templates_are_listed_and_a_broken_one_is_said_once(
        repo: Repository) -> None:
    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "retro.md").write_text("---\ntitle: Team retro {date}\ndescription: Team "
                                     "retro\n---\nKeep: {{one thing}}\n")
    broken = folder / "standup.md"
    broken.write_text("---\ntitle: Standup with {team}\n---\n")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, rounds=2)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert warnings == [f"Template left out: {broken}, line 2: unknown placeholder "
                            "{team} (known: {date}, {weekday}, {prompt}; write {{ and }} "
                            "for a brace)"]
        await pilot.press("N")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, TemplatePickerScreen)
        options = picker.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt)
                  for i in range(options.option_count)]
        assert "Team retro  (retro, yours)" in labels
        [bad] = [options.get_option_at_index(i) for i in range(options.option_count)
                 if options.get_option_at_index(i).disabled]
        assert f"{broken}, line 2" in str(bad.prompt)
        await choose(pilot, "retro")
        editor = app.screen
        assert editor.query_one("#title", Input).value == "Team retro 2026-03-15"
        assert editor.query_one("#body", TextArea).text == "Keep: {one thing}"


async def test_key_help_names_n(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, KeyHelpScreen)
        assert "| `N` | new entry from a template" in app.screen.query_one(Markdown).source
