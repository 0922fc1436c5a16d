"""The Skills section of the Values tab through the keyboard, on a real database file."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from compass_tui.domain.assessment import FeedbackInput, Skill, SkillCategory, SkillInput
from compass_tui.store.repository import Repository
from compass_tui.ui.app import CompassApp
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.values.feedback_form import FeedbackForm
from compass_tui.ui.values.skill_form import SkillForm
from compass_tui.ui.values.values_tab import ValuesTab
from tests.pilot_helpers import make_app, settle, type_text


async def open_skills(pilot: Pilot) -> None:
    await pilot.press("2", "right_square_bracket")
    await settle(pilot)
    assert pilot.app.query_one(ValuesTab).active_section == "section-skills"


def rows(app: CompassApp) -> list[list[str]]:
    table = app.query_one("#skills-table", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def names(app: CompassApp) -> list[str]:
    return [row[0] for row in rows(app)]


def detail(app: CompassApp) -> str:
    console = Console(width=70, file=io.StringIO(), record=True)
    console.print(app.query_one("#skills-detail-text", Static).content)
    return console.export_text()


def header(app: CompassApp) -> str:
    return " ".join(str(app.query_one(f"#skills-{part}", Static).content)
                    for part in ("filter", "count"))


def seed(repo: Repository, *skills: tuple[str, SkillCategory, int]) -> list[int]:
    return [repo.skills.add(SkillInput(name=name, category=category, level=level)).id
            for name, category, level in skills]


def stored(repo: Repository, skill_id: int) -> Skill:
    skill = repo.skills.get(skill_id)
    assert skill is not None
    return skill


async def test_add_a_skill_with_the_keys_then_edit_it(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        assert "No skills yet" in detail(app)
        await pilot.press("n")
        assert isinstance(app.screen, SkillForm)
        await type_text(pilot, "Public speaking")
        await pilot.press("tab", "enter", "down", "down", "enter")  # category: transferable
        await pilot.press("tab", "4", "tab")
        await type_text(pilot, "Conference talk 2025")
        await pilot.press("tab", "space", "ctrl+s")  # space ticks the gap box
        await settle(pilot)
        assert not isinstance(app.screen, SkillForm)
        [skill] = repo.skills.list()
        assert (skill.name, skill.category, skill.level, skill.evidence, skill.is_gap) == (
            "Public speaking", "transferable", 4, "Conference talk 2025", True)
        assert rows(app) == [["Public speaking", "trans", "●●●●○", "gap", "0"]]
        assert "Conference talk 2025" in detail(app)

        await pilot.press("e")
        form = app.screen
        assert isinstance(form, SkillForm)
        assert form.query_one("#skill-name", Input).value == "Public speaking"
        await pilot.press("tab", "tab", "5", "ctrl+s")  # focus selects the old level
        await settle(pilot)
        assert stored(repo, skill.id).level == 5
        assert rows(app)[0][2] == "●●●●●"
        assert "5/5 expert" in detail(app)


async def test_bad_skill_input_is_answered_in_the_form_and_nothing_saved(
    repo: Repository,
) -> None:
    seed(repo, ("Python", "technical", 3))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        await pilot.press("n", "ctrl+s")
        form = app.screen
        assert isinstance(form, SkillForm)
        assert "name cannot be empty" in form.status.text

        await type_text(pilot, "  PYTHON ")
        await pilot.press("tab", "tab", "3", "ctrl+s")
        assert app.screen is form
        assert "already a skill called 'Python'" in form.status.text

        form.query_one("#skill-name", Input).value = "Rust"
        form.query_one("#skill-level", Input).value = "7"
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "from 1 (beginner) to 5 (expert)" in form.status.text
        form.query_one("#skill-level", Input).value = "three"
        await pilot.press("ctrl+s")
        assert "from 1 (beginner) to 5 (expert)" in form.status.text

        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SkillForm)
    assert [s.name for s in repo.skills.list()] == ["Python"]


async def test_feedback_is_added_shown_newest_first_and_bad_dates_refused(
    repo: Repository,
) -> None:
    [skill_id] = seed(repo, ("Writing", "soft", 3))
    repo.skills.add_feedback(FeedbackInput(skill_id=skill_id, giver="Old boss",
                                           given_on=date(2024, 5, 1), said="Too long."))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        await pilot.press("f")
        form = app.screen
        assert isinstance(form, FeedbackForm)
        await type_text(pilot, "Ana")
        await pilot.press("enter")  # enter walks on to the date
        await type_text(pilot, "someday soon")
        await pilot.press("enter")
        await type_text(pilot, "Clear and short")
        await pilot.press("ctrl+s")
        assert app.screen is form
        assert "not a date" in form.status.text

        form.query_one("#feedback-when", Input).value = "tomorrow"
        await pilot.press("ctrl+s")
        assert "2026-03-16 has not happened yet" in form.status.text
        assert len(repo.skills.feedback_for(skill_id)) == 1  # nothing saved so far

        form.query_one("#feedback-when", Input).value = "yesterday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FeedbackForm)
        assert [f.said for f in repo.skills.feedback_for(skill_id)] == [
            "Clear and short", "Too long."]
        assert rows(app)[0][4] == "2"
        text = detail(app)
        assert "Feedback (2), newest first" in text
        assert text.index("2026-03-14  Ana") < text.index("2024-05-01  Old boss")
        assert "Clear and short" in text


async def test_feedback_without_who_or_words_is_refused(repo: Repository) -> None:
    [skill_id] = seed(repo, ("Writing", "soft", 3))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        await pilot.press("f", "ctrl+s")
        form = app.screen
        assert isinstance(form, FeedbackForm)
        assert "who said it cannot be empty" in form.status.text
        await type_text(pilot, "Ana")
        await pilot.press("ctrl+s")
        assert "what they said cannot be empty" in form.status.text
        await pilot.press("escape")
        await settle(pilot)
    assert repo.skills.feedback_for(skill_id) == []


async def test_gap_toggles_with_g(repo: Repository) -> None:
    [skill_id] = seed(repo, ("Negotiation", "soft", 2))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        await pilot.press("g")
        await settle(pilot)
        assert stored(repo, skill_id).is_gap
        assert rows(app)[0][3] == "gap"
        assert "▲ gap" in detail(app)
        assert [s.name for s in repo.skills.list(gaps_only=True)] == ["Negotiation"]
        await pilot.press("g")
        await settle(pilot)
        assert not stored(repo, skill_id).is_gap
        assert rows(app)[0][3] == ""


async def test_sort_and_filters_cycle_and_change_the_rows(repo: Repository) -> None:
    seed(repo, ("Alpha", "soft", 2), ("Beta", "technical", 5), ("Gamma", "transferable", 3))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        assert names(app) == ["Alpha", "Beta", "Gamma"]
        assert header(app) == "Sort: name · any category · any level 3"
        await pilot.press("o")  # by level, strongest first
        assert names(app) == ["Beta", "Gamma", "Alpha"]
        await pilot.press("o")  # by category: technical, soft, transferable
        assert names(app) == ["Beta", "Alpha", "Gamma"]
        await pilot.press("o")
        assert names(app) == ["Alpha", "Beta", "Gamma"]

        await pilot.press("c")
        assert names(app) == ["Beta"]
        assert header(app) == "Sort: name · technical · any level 1/3"
        await pilot.press("c")
        assert names(app) == ["Alpha"]
        await pilot.press("c", "c")  # transferable, then every category again
        assert names(app) == ["Alpha", "Beta", "Gamma"]

        await pilot.press("l", "l")  # any, 2+, 3+
        assert names(app) == ["Beta", "Gamma"]
        assert header(app) == "Sort: name · any category · level 3+ 2/3"
        await pilot.press("l", "l")
        assert names(app) == ["Beta"]
        assert "level 5" in header(app)
        await pilot.press("c", "c")  # soft: nothing at level 5
        assert names(app) == []
        assert "No skill matches the filter" in detail(app)
        await pilot.press("l")  # back to any level
        assert names(app) == ["Alpha"]


async def test_delete_asks_first_and_x_deletes_the_newest_feedback(repo: Repository) -> None:
    first, _second = seed(repo, ("Alpha", "soft", 2), ("Beta", "technical", 5))
    for day, said in ((date(2025, 1, 1), "older"), (date(2025, 6, 1), "newer")):
        repo.skills.add_feedback(FeedbackInput(skill_id=first, giver="Ana", given_on=day,
                                               said=said))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert [f.said for f in repo.skills.feedback_for(first)] == ["older"]
        assert rows(app)[0][4] == "1"

        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert names(app) == ["Alpha", "Beta"]
        await pilot.press("d", "y")
        await settle(pilot)
        assert [s.name for s in repo.skills.list()] == ["Beta"]
        assert names(app) == ["Beta"]
        assert repo.skills.all_feedback() == []  # its feedback went with it


async def test_section_fits_80_columns_with_many_skills(
    repo: Repository,
) -> None:
    categories: tuple[SkillCategory, ...] = ("technical", "soft", "transferable")
    ids = seed(repo, *((f"Skill {i:03d}", categories[i % 3], i % 5 + 1) for i in range(60)))
    for i in range(120):
        repo.skills.add_feedback(FeedbackInput(skill_id=ids[i % 60], giver="Ana",
                                               said=f"note {i}"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        await open_skills(pilot)
        assert len(names(app)) == 60
        assert rows(app)[0][4] == "2"
        table = app.query_one("#skills-table", DataTable)
        assert table.region.right <= 80 and table.virtual_size.width <= table.size.width


async def test_columns_follow_the_terminal_width(repo: Repository) -> None:
    seed(repo, ("Public speaking to large audiences", "transferable", 3))
    app = make_app(repo)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_skills(pilot)
        table = app.query_one("#skills-table", DataTable)
        assert rows(app)[0][:2] == ["Public speaking to large audiences", "transferable"]
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert rows(app)[0][1] == "trans"
        assert table.virtual_size.width <= table.size.width  # no sideways scrolling


async def test_square_brackets_in_names_and_words_are_shown_as_typed(repo: Repository) -> None:
    [skill_id] = seed(repo, ("Lisp [/]", "technical", 2))
    repo.skills.add_feedback(FeedbackInput(skill_id=skill_id, giver="[b]Ana", said="[/] ok"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills(pilot)
        assert names(app) == ["Lisp [/]"]
        assert "[b]Ana" in detail(app)
        await pilot.press("e")
        assert isinstance(app.screen, SkillForm)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FeedbackForm)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("x")
        question = app.screen.query_one(".dialog-question", Static)
        assert "[b]Ana" in str(question.render()) and "“[/] ok”" in str(question.render())
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
    assert repo.skills.list() == []
