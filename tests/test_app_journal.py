import os
import signal
import stat
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, OptionList, Static, TextArea

from compass_tui.domain.entries import Entry, EntryInput, EntryQuery
from compass_tui.store.repository import Repository
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.journal import entry_editor
from compass_tui.ui.journal.draft_recovery import DraftRecoveryScreen
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.entry_list import EntryList
from compass_tui.ui.journal.entry_picker import EntryPickerScreen
from compass_tui.ui.journal.search import SearchScreen
from tests.pilot_helpers import make_app, settle, type_text


def seed(repo: Repository, title: str, body: str = "", day: int = 1,
         tags: list[str] | None = None) -> int:
    saved = repo.entries.add(EntryInput(entry_date=datetime(2026, 3, day, 8, 0), title=title,
                                        body=body, tags=tags or []))
    return saved.id


def all_entries(repo: Repository) -> list[Entry]:
    return repo.entries.entries(EntryQuery(limit=1000))


async def test_n_writes_and_ctrl_s_saves_a_new_entry(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, EntryEditorScreen)
        await type_text(pilot, "Met my mentor Ana")
        app.screen.query_one("#body", TextArea).focus()
        await type_text(pilot, "We planned the @leadership course")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EntryEditorScreen)
        [entry] = all_entries(repo)
        assert entry.title == "Met my mentor Ana"
        assert entry.tags == ["leadership"]
        assert entry.entry_date == datetime(2026, 3, 15, 9, 30)  # the pinned clock
        assert app.query_one(EntryList).current_id == entry.id
        heading = app.query_one("#reading-heading", Static)
        assert "Met my mentor Ana" in str(heading.render())
        assert repo.drafts.all() == []


async def test_ratings_tags_field_and_star_are_saved(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        screen = app.screen
        await type_text(pilot, "Good day")
        screen.query_one("#tags", Input).value = "@Focus, deep-work"
        screen.query_one("#starred").value = True
        screen.query_one("#energy").value = 4
        screen.query_one("#fulfilment").value = 5
        await pilot.press("ctrl+s")
        await settle(pilot)
        [entry] = all_entries(repo)
        assert (entry.tags, entry.starred, entry.energy, entry.fulfilment) == (
            ["focus", "deep-work"], True, 4, 5)


async def test_e_edits_the_selected_entry(repo: Repository) -> None:
    entry_id = seed(repo, "First title", "Body text")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, EntryEditorScreen)
        title = app.screen.query_one("#title", Input)
        title.value = "Better title"
        await pilot.press("ctrl+s")
        await settle(pilot)
        entry = repo.entries.get(entry_id)
        assert entry.title == "Better title" and entry.body == "Body text"
        assert entry.version == 2


async def test_slash_searches_as_you_type_and_enter_opens(repo: Repository) -> None:
    seed(repo, "Lunch with Sam", "Talked about the budget", day=1)
    wanted = seed(repo, "Mentor session", "Ana suggested a stretch project", day=2)
    for day in range(3, 12):
        seed(repo, f"Ordinary day {day}", "Nothing special", day=day)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "stretch")
        await pilot.pause(0.3)
        await settle(pilot)
        results = app.screen.query_one("#search-results", OptionList)
        assert results.option_count == 1
        label = results.get_option_at_index(0).prompt
        assert any("reverse" in str(span.style) for span in label.spans)  # highlighted
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.query_one(EntryList).current_id == wanted


async def test_search_filters_and_bad_date_message(repo: Repository) -> None:
    seed(repo, "Old mentor chat", day=1, tags=["mentor"])
    seed(repo, "New mentor chat", day=10)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        screen = app.screen
        screen.query_one("#search-query", Input).value = "mentor"
        screen.query_one("#search-tag", Input).value = "@mentor"
        await pilot.pause(0.3)
        await settle(pilot)
        assert screen.query_one("#search-results", OptionList).option_count == 1
        screen.query_one("#search-from", Input).value = "next blue moon"
        await pilot.pause(0.3)
        status = str(screen.query_one("#search-status", Static).render())
        assert "not a date" in status
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_d_asks_then_trashes_and_u_undoes(repo: Repository) -> None:
    entry_id = seed(repo, "Regrettable rant")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # changed my mind
        assert repo.entries.get(entry_id) is not None
        await pilot.press("d", "y")
        await settle(pilot)
        assert repo.entries.get(entry_id) is None
        assert app.query_one(EntryList).current_id is None
        await pilot.press("u")
        await settle(pilot)
        assert repo.entries.get(entry_id) is not None
        assert app.query_one(EntryList).current_id == entry_id


async def test_s_stars_the_selected_entry(repo: Repository) -> None:
    entry_id = seed(repo, "Proud moment")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert repo.entries.get(entry_id).starred


async def test_escape_keeps_a_draft_that_is_offered_at_next_start(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Half written thought")
        await pilot.press("escape")
        assert not isinstance(app.screen, EntryEditorScreen)
    assert all_entries(repo) == []
    [draft] = repo.drafts.all()
    assert draft.title == "Half written thought"

    again = make_app(repo)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, DraftRecoveryScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(again.screen, EntryEditorScreen)
        assert again.screen.query_one("#title", Input).value == "Half written thought"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [e.title for e in all_entries(repo)] == ["Half written thought"]
    assert repo.drafts.all() == []


async def test_draft_survives_sighup(repo: Repository) -> None:
    app = make_app(repo)
    exits: list[int | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        real_exit = app.exit
        app.exit = lambda *a, return_code=0, **k: exits.append(return_code)  # type: ignore[method-assign]
        await pilot.press("n")
        await type_text(pilot, "Words typed before the line dropped")
        os.kill(os.getpid(), signal.SIGHUP)
        await pilot.pause(0.2)
        # The handler itself wrote the draft, before asking the app to exit.
        assert exits == [128 + signal.SIGHUP]
        assert [d.title for d in repo.drafts.all()] == ["Words typed before the line dropped"]
        app.exit = real_exit  # type: ignore[method-assign]
        await pilot.press("ctrl+q")


async def test_quit_from_the_editor_keeps_the_draft(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Unfinished")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert [d.title for d in repo.drafts.all()] == ["Unfinished"]


async def test_draft_is_autosaved_while_typing(repo: Repository,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry_editor, "AUTOSAVE_SECONDS", 0.1)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Autosaved")  # nothing but the timer saves while typing
        await pilot.pause(0.3)
        assert [d.title for d in repo.drafts.all()] == ["Autosaved"]
        await type_text(pilot, " twice")
        await pilot.pause(0.3)
        assert [d.title for d in repo.drafts.all()] == ["Autosaved twice"]


async def test_bad_input_in_the_editor_saves_nothing(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.press("ctrl+s")  # empty entry
        status = app.screen.query_one("#editor-status", Static)
        assert "needs a title or some text" in str(status.render())
        await type_text(pilot, "Dated badly")
        app.screen.query_one("#when", Input).value = "the twelfth of never"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, EntryEditorScreen)
        assert "not a date" in str(status.render())
    assert all_entries(repo) == []


async def test_when_field_backdates_an_entry(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Remembered late")
        app.screen.query_one("#when", Input).value = "yesterday 18:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
    [entry] = all_entries(repo)
    assert entry.entry_date == datetime(2026, 3, 14, 18, 0)


async def test_external_editor_round_trip(repo: Repository, tmp_path: Path) -> None:
    script = tmp_path / "fake-editor"
    script.write_text('#!/bin/sh\nprintf "\\nWritten in my own editor.\\n" >> "$1"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    app = make_app(repo, editor=str(script))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "From vim")
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#title", Input).value == "From vim"
        assert "Written in my own editor." in screen.query_one("#body", TextArea).text
        await pilot.press("ctrl+s")
        await settle(pilot)
    [entry] = all_entries(repo)
    assert entry.body == "Written in my own editor."


@pytest.mark.parametrize(("key", "titles"), [
    ("b", ["Mine", "Theirs"]),  # keep both
    ("m", ["Mine"]),  # keep mine
    ("t", ["Theirs"]),  # keep theirs
])
async def test_edit_changed_elsewhere_asks_which_to_keep(repo: Repository, key: str,
                                                        titles: list[str]) -> None:
    from compass_tui.ui.journal.conflict import ConflictScreen

    entry_id = seed(repo, "Shared plan")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        # Another instance saves the same entry meanwhile.
        other = repo.entries.get(entry_id)
        repo.entries.update(entry_id, other.model_copy(update={"title": "Theirs"}),
                            expected_version=other.version)
        app.screen.query_one("#title", Input).value = "Mine"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert sorted(e.title for e in all_entries(repo)) == ["Theirs"]  # nothing yet
        await pilot.press("escape")  # back to the editor, text intact
        assert app.screen.query_one("#title", Input).value == "Mine"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert not isinstance(app.screen, ConflictScreen)
    assert sorted(e.title for e in all_entries(repo)) == titles


async def test_reading_pane_renders_markdown(repo: Repository) -> None:
    seed(repo, "Notes", "## Wins\n\n- shipped **search**\n- asked for feedback")
    app = make_app(repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        markdown = app.query_one("#reading-body", Markdown)
        assert markdown.source.startswith("## Wins")
        assert len(markdown.children) >= 2  # a heading and a list were built


async def test_list_pages_in_more_entries_as_the_cursor_moves(repo: Repository) -> None:
    repo.entries.add_many(
        EntryInput(entry_date=datetime(2025, 1, 1 + i % 28, 8, i // 28), title=f"Entry {i}")
        for i in range(250)
    )
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        entries = app.query_one(EntryList)
        assert len(entries.summaries) == 100
        await pilot.press("end")
        await settle(pilot)
        assert len(entries.summaries) > 100
        for _ in range(3):
            await pilot.press("end")
            await settle(pilot)
        assert len(entries.summaries) == 250
        assert entries.exhausted


async def test_trash_survives_a_restart_and_t_restores(repo: Repository) -> None:
    entry_id = seed(repo, "Deleted last week")
    repo.entries.trash(entry_id)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, EntryPickerScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert repo.entries.get(entry_id) is not None
        assert app.query_one(EntryList).current_id == entry_id


async def test_o_lists_entries_from_this_day_in_earlier_years(repo: Repository) -> None:
    old = repo.entries.add(EntryInput(entry_date=datetime(2024, 3, 15, 8), title="Two years ago"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        today_line = str(app.query_one("#today-line", Static).render())
        assert "1 from this day" in today_line
        await pilot.press("o")
        assert isinstance(app.screen, EntryPickerScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.query_one(EntryList).current_id == old.id


def many(repo: Repository, count: int) -> None:
    repo.entries.add_many(
        EntryInput(entry_date=datetime(2025, 6, 1 + i % 28, 8, i // 28), title=f"Filler {i}")
        for i in range(count)
    )


async def test_found_entry_beyond_the_first_page_is_the_one_acted_on(repo: Repository) -> None:
    old = repo.entries.add(EntryInput(entry_date=datetime(2019, 5, 1, 8), title="Ancient zebra"))
    many(repo, 150)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "zebra")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.journal_tab.shown.id == old.id
        assert app.query_one(EntryList).current_id == old.id  # the list was read down to it
        await pilot.press("e")
        assert isinstance(app.screen, EntryEditorScreen)
        assert app.screen.query_one("#title", Input).value == "Ancient zebra"
        await pilot.press("escape")


async def test_star_and_delete_keep_the_place_in_the_list(repo: Repository) -> None:
    many(repo, 30)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        entries = app.query_one(EntryList)
        for _ in range(10):
            await pilot.press("down")
        await pilot.pause(0.1)
        here = entries.current_id
        position = entries.highlighted
        await pilot.press("s")
        await settle(pilot)
        assert entries.current_id == here and entries.highlighted == position
        assert repo.entries.get(here).starred
        await pilot.press("d", "y")
        await settle(pilot)
        assert here not in entries.summaries
        assert entries.current_id is not None and entries.current_id != here
        assert abs((entries.highlighted or 0) - position) <= 2


async def test_resumed_draft_of_a_changed_entry_keeps_both(repo: Repository) -> None:
    from compass_tui.domain.entries import Draft

    entry_id = seed(repo, "Plan", "first version")
    entry = repo.entries.get(entry_id)
    repo.drafts.save(Draft(key=f"entry:{entry_id}", entry_id=entry_id, entry_version=1,
                           title="Plan", body="typed last night"))
    repo.entries.update(entry_id, EntryInput(entry_date=entry.entry_date, title="Plan",
                                             body="saved from the phone"), expected_version=1)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "asks which version" in app.screen.query_one("#editor-status",
                                                            Static).render().plain
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
    assert sorted(e.body for e in all_entries(repo)) == ["saved from the phone",
                                                         "typed last night"]
    assert repo.drafts.all() == []


async def test_draft_of_an_entry_trashed_meanwhile_is_saved_once(repo: Repository) -> None:
    from compass_tui.domain.entries import Draft

    entry_id = seed(repo, "Gone")
    repo.drafts.save(Draft(key=f"entry:{entry_id}", entry_id=entry_id, entry_version=1,
                           title="Gone", body="but not my words"))
    repo.entries.trash(entry_id)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [e.body for e in all_entries(repo)] == ["but not my words"]
    assert repo.drafts.all() == []


async def test_two_instances_keep_separate_new_drafts(repo: Repository) -> None:
    first, second = make_app(repo), make_app(repo)
    async with first.run_test(size=(80, 24)) as one:
        await one.press("n")
        await type_text(one, "From the laptop")
        await one.press("escape")
    async with second.run_test(size=(80, 24)) as two:
        await two.pause()
        await two.press("escape")  # not now: the other session's draft
        await two.press("n")
        await type_text(two, "From the phone")
        await two.press("ctrl+s")
        await settle(two)
    assert [d.title for d in repo.drafts.all()] == ["From the laptop"]


async def test_editor_that_exits_non_zero_still_gives_back_its_text(
    repo: Repository, tmp_path: Path
) -> None:
    script = tmp_path / "crashy-editor"
    script.write_text('#!/bin/sh\nprintf "saved before the crash\\n" >> "$1"\nexit 3\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    app = make_app(repo, editor=str(script))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Title")
        await pilot.press("ctrl+o")
        await pilot.pause()
        body = app.screen.query_one("#body", TextArea).text
        assert "saved before the crash" in body
        assert "code 3" in app.screen.query_one("#editor-status", Static).render().plain


async def test_opening_and_quitting_without_changes_leaves_no_draft(repo: Repository) -> None:
    seed(repo, "Untouched")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert repo.drafts.all() == []


async def test_typing_then_undoing_everything_leaves_no_draft(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Oops")
        app.screen.save_draft()
        assert len(repo.drafts.all()) == 1
        app.screen.query_one("#title", Input).value = ""
        await pilot.press("escape")
    assert repo.drafts.all() == []


async def test_titles_with_brackets_never_break_dialogs(repo: Repository) -> None:
    entry_id = seed(repo, "[draft] plan [/]")
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert repo.entries.get(entry_id) is None
        assert any("[draft] plan [/]" in n.message for n in app._notifications)
