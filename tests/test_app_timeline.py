"""The Timeline tab, driven by keys."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from compass_tui.domain.goals import GoalInput
from compass_tui.domain.timeline import EventInput
from compass_tui.services.goals import GoalsService
from compass_tui.services.timeline import TimelineService
from compass_tui.store.repository import Repository
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.goals.row_list import RowList
from compass_tui.ui.timeline.event_form import EventForm
from compass_tui.ui.timeline.timeline_import import TimelineImportScreen
from compass_tui.ui.timeline.timeline_tab import TimelineTab
from compass_tui.ui.timeline.year_jump import YearJumpScreen
from tests.conftest import fixed_clock
from tests.pilot_helpers import make_app, settle, type_text


def rows(pilot: Pilot) -> list[str]:
    listing = pilot.app.query_one("#timeline-list", RowList)
    return [listing.row_text(i).plain.strip() for i in range(listing.row_count)]


def header(pilot: Pilot) -> str:
    return str(pilot.app.query_one("#timeline-header", Static).render())


def detail(pilot: Pilot) -> str:
    from io import StringIO

    from rich.console import Console

    console = Console(file=StringIO(), width=60, color_system=None)
    console.print(pilot.app.query_one("#timeline-event", Static).content)
    return console.file.getvalue()  # type: ignore[attr-defined]


async def open_timeline(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("4")
    await settle(pilot)


async def add_event(pilot: Pilot, when: str, title: str, kind: str, lesson: str = "") -> None:
    await pilot.press("n")
    assert isinstance(pilot.app.screen, EventForm)
    form = pilot.app.screen
    form.query_one("#event-when", Input).value = when
    form.query_one("#event-title", Input).focus()
    await type_text(pilot, title)
    form.query_one("#event-kind", Select).value = kind
    if lesson:
        form.query_one("#event-lesson", TextArea).load_text(lesson)
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_events_of_three_kinds_are_grouped_by_year(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_timeline(pilot)
        assert "Your journey starts here" in detail(pilot)
        await add_event(pilot, "2019", "Joined Acme as analyst", "role change")
        await add_event(pilot, "March 2019", "First conference talk", "achievement",
                        lesson="Rehearse with a friend")
        await add_event(pilot, "2021-06-01", "Team reorganised away", "setback")
        assert rows(pilot) == [
            "━━ 2019 · 2 events",
            "│ ◆ 2019        Joined Acme as analyst",
            "│ ▲ Mar 2019    First conference talk",
            "━━ 2021 · 1 event",
            "│ ▼ 1 Jun 2021  Team reorganised away",
        ]
        assert "3 events" in header(pilot)
    again = make_app(repo)
    async with again.run_test(size=(80, 24)) as pilot:
        await open_timeline(pilot)
        assert len(rows(pilot)) == 5  # still there after a restart


async def test_jump_to_year_filter_by_kind_app_events_and_lessons(repo: Repository) -> None:
    timeline = TimelineService(repo, fixed_clock)
    for year in range(2000, 2026):
        timeline.add(EventInput(occurred_on=date(year, 1, 1), precision="year",
                                title=f"Year {year}", kind="learning" if year % 2 else "pivot",
                                lesson="Keep going" if year == 2010 else ""))
    GoalsService(repo, fixed_clock).create(GoalInput(title="Ship it", status="done"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_timeline(pilot)
        await pilot.press("y")
        assert isinstance(app.screen, YearJumpScreen)
        await type_text(pilot, "2013")
        await pilot.press("enter")
        await settle(pilot)
        listing = app.query_one("#timeline-list", RowList)
        assert listing.highlighted_id == "y2013"
        assert listing.scroll_offset.y > 0
        assert "2013" in detail(pilot)

        assert any("Goal completed: Ship it ·app" in r for r in rows(pilot))
        await pilot.press("a")  # hide the app's own events
        await settle(pilot)
        assert "your events only" in header(pilot)
        assert not any("Ship it" in r for r in rows(pilot))

        await pilot.press("f", "f")  # role change, then milestone
        await settle(pilot)
        assert "★ milestone" in header(pilot) and rows(pilot) == []
        for _ in range(len(("achievement", "setback", "pivot"))):
            await pilot.press("f")
        await settle(pilot)
        assert "↻ pivot" in header(pilot)
        assert all("Year" not in r or "↻" in r for r in rows(pilot))

        await pilot.press("l")
        await settle(pilot)
        assert "Lessons learned" in header(pilot)
        assert [r for r in rows(pilot)] == ["│ ↻ 2010        Keep going"]


async def test_pasted_history_imports_all_or_nothing(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_timeline(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, TimelineImportScreen)
        lines = app.screen.query_one(TextArea)
        lines.load_text("2015-09: First job\nsomeday: Dream job\n")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TimelineImportScreen)
        status = str(app.screen.query_one("#timeline-import-status").render())
        assert "Nothing imported" in status and "line 2" in status
        lines.load_text("2015-09: First job\n2019: [pivot] Into design\n")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert rows(pilot)[1].endswith("First job") and len(rows(pilot)) == 4
    assert [e.title for e in TimelineService(repo).events()] == ["First job", "Into design"]


async def test_bad_date_in_the_form_is_said_and_nothing_saved(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_timeline(pilot)
        await pilot.press("n")
        form = app.screen
        form.query_one("#event-when", Input).value = "someday"
        form.query_one("#event-title", Input).value = "Dreamed"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, EventForm)
        assert "when:" in str(form.query_one(".form-status").render())
    assert TimelineService(repo).events() == []


async def test_edit_and_delete_ask_and_apply(repo: Repository) -> None:
    TimelineService(repo, fixed_clock).add(EventInput(occurred_on=date(2019, 1, 1),
                                                      precision="year", title="Joined Acme",
                                                      kind="role change"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_timeline(pilot)
        await pilot.press("down", "e")
        assert isinstance(app.screen, EventForm)
        app.screen.query_one("#event-lesson", TextArea).load_text("Small teams teach fast")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Small teams teach fast" in detail(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert rows(pilot) == []
        assert isinstance(app.query_one(TimelineTab), TimelineTab)
