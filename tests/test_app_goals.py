"""The Goals tab through the keyboard, on a real database file."""

import io
from datetime import date, timedelta

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static, TabbedContent

from compass_tui.domain.goals import GoalInput, GoalSummary, TaskInput
from compass_tui.domain.values import ValueInput
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.goals.goal_detail import GoalDetail
from compass_tui.ui.goals.goal_form import GoalForm
from compass_tui.ui.goals.goals_section import PREFETCH_DELAY
from compass_tui.ui.goals.goals_tab import GoalsTab
from compass_tui.ui.goals.row_list import RowList
from compass_tui.ui.goals.task_form import TaskForm
from compass_tui.ui.goals.value_picker import ValuePickerScreen
from compass_tui.ui.journal.entry_list import EntryList
from tests.conftest import NOW, fixed_clock
from tests.pilot_helpers import make_app, type_text
from tests.pilot_helpers import settle as settle_all

TODAY = NOW.date()


async def settle(pilot: Pilot) -> None:
    await settle_all(pilot, rounds=3)


def service(repo: Repository) -> GoalsService:
    return GoalsService(repo, fixed_clock)


def rows(pilot: Pilot) -> list[str]:
    listing = pilot.app.query_one("#goals-list", RowList)
    return [str(listing.row_text(i)) for i in range(listing.row_count)]


def plain(renderable: object) -> str:
    """What a renderable reads as, wide enough that nothing wraps."""
    console = Console(width=300, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return "\n".join(line.rstrip() for line in capture.get().splitlines())


def shown(pilot: Pilot, widget_id: str) -> str:
    return plain(pilot.app.query_one(f"#{widget_id}", Static).content)


def task_rows(pilot: Pilot) -> list[str]:
    tasks = pilot.app.query_one(GoalDetail).task_list
    return [plain(tasks.get_option_at_index(i).prompt) for i in range(tasks.option_count)]


def header(pilot: Pilot) -> str:
    return shown(pilot, "goals-header")


async def open_goals(pilot: Pilot) -> None:
    await pilot.press("3")
    await settle(pilot)


async def type_into(pilot: Pilot, widget_id: str, text: str) -> None:
    """Put the cursor in a form field (as tab/enter would) and type."""
    field = pilot.app.screen.query_one(f"#{widget_id}", Input)
    field.focus()
    field.value = ""
    await pilot.pause()
    await type_text(pilot, text)


async def save(pilot: Pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_goal_tree_tasks_ticked_and_progress_after_restart(
    repo: Repository, db_url: str
) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, GoalForm)
        await type_text(pilot, "Become a conference speaker")
        await pilot.press("enter")  # on to the horizon
        await pilot.press("enter", "down", "enter")  # open it, long term, pick
        await save(pilot)
        [long_goal] = service(repo).summaries()
        assert long_goal.goal.horizon == "long"

        await pilot.press("c")  # a short-term goal under the selected one
        await type_text(pilot, "Speak at three meetups")
        await save(pilot)
        child = next(s.goal for s in service(repo).summaries() if s.goal.parent_id)
        assert (child.parent_id, child.horizon) == (long_goal.goal.id, "short")

        for title in ("Pick a topic", "Write the outline", "Submit to a meetup"):
            await pilot.press("t")
            assert isinstance(app.screen, TaskForm)
            await type_text(pilot, title)
            await save(pilot)
        assert [t.title for t in service(repo).tasks(child.id)] == [
            "Pick a topic", "Write the outline", "Submit to a meetup"]

        await pilot.press("tab")  # to the child's tasks
        assert app.focused is app.query_one("#goal-tasks")
        await pilot.press("home", "space", "down", "space")  # the cursor was on the newest
        await settle(pilot)
        assert [t.done for t in service(repo).tasks(child.id)] == [True, True, False]
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.query_one("#goals-list")

    repo.close()  # a real restart: a new engine on the same file
    again = make_app(Repository.open(db_url))
    async with again.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        parent_row, child_row = rows(pilot)
        assert parent_row.lstrip().startswith("Become a conference")
        assert "└" in child_row and "Speak at three me" in child_row
        assert child_row.endswith(" 67%")
        await pilot.press("down")
        await settle(pilot)
        assert "2/3 tasks done" in shown(pilot, "goal-progress")
        assert "67%" in shown(pilot, "goal-progress")


async def test_smart_badges_follow_the_measure_and_a_value(repo: Repository) -> None:
    repo.values.add(ValueInput(name="Growth"), NOW)
    service(repo).create(GoalInput(title="Get better at talks"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        [row] = rows(pilot)
        assert " · · · · · " in row
        assert "Measurable: missing" in shown(pilot, "goal-smart")
        await pilot.press("e")
        assert isinstance(app.screen, GoalForm)
        await type_into(pilot, "goal-metric", "talks given")
        await type_into(pilot, "goal-start-value", "0")
        await type_into(pilot, "goal-target-value", "3")
        await type_into(pilot, "goal-current-value", "1")
        app.screen.query_one("#goal-values", SelectionList).focus()
        await pilot.press("space")  # tick Growth
        await save(pilot)
        [row] = rows(pilot)
        assert " · M · r · " in row  # measurable now; relevant but without a why
        assert row.endswith(" 33%")  # progress comes from the measure
        smart = shown(pilot, "goal-smart")
        assert "M Measurable: ok" in smart
        assert "talks given: 0 → 3 (now 1)" in smart
        assert "r Relevant: weak" in smart and "serves: Growth" in smart


async def test_this_week_lists_overdue_first_and_space_ticks(repo: Repository) -> None:
    goals = service(repo)
    goal = goals.create(GoalInput(title="Ship the portfolio"))
    for title, days in (("Soon task", 3), ("Late task", -2), ("Far task", 20)):
        goals.add_task(TaskInput(goal_id=goal.id, title=title, due=TODAY + timedelta(days=days)))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("v", "v")
        await settle(pilot)
        assert "This week" in header(pilot) and "1 overdue" in header(pilot)
        first, second = rows(pilot)
        assert "overdue" in first and "Late task" in first
        assert "Soon task" in second and "overdue" not in second
        assert app.query_one("#goals-list", RowList).highlighted == 0
        late = next(row for row in task_rows(pilot) if "Late task" in row)
        assert late.endswith(f"{TODAY - timedelta(days=2)} overdue")  # in words in the detail too
        await pilot.press("space")
        await settle(pilot)
        assert [r for r in rows(pilot) if "Late task" in r] == []
        assert next(t for t in goals.tasks(goal.id) if t.title == "Late task").done
        await pilot.press("u")
        await settle(pilot)
        assert "Late task" in rows(pilot)[0]
        assert not next(t for t in goals.tasks(goal.id) if t.title == "Late task").done


async def test_undo_a_toggle_in_the_task_list(repo: Repository) -> None:
    goals = service(repo)
    goal = goals.create(GoalInput(title="Learn SQL"))
    for title in ("Read a chapter", "Do the exercises"):
        goals.add_task(TaskInput(goal_id=goal.id, title=title))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("enter")  # enter, like tab, goes to the tasks
        await pilot.press("down", "space")
        await settle(pilot)
        assert [t.done for t in goals.tasks(goal.id)] == [False, True]
        assert task_rows(pilot)[1].startswith("☑ Do the exercises")
        assert rows(pilot)[0].endswith(" 50%")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert [t.done for t in goals.tasks(goal.id)] == [False, False]
        assert task_rows(pilot)[1].startswith("☐ Do the exercises")
        assert rows(pilot)[0].endswith("  0%")
        await pilot.press("u")  # nothing left to undo
        await settle(pilot)
        assert any("Nothing to undo" in n.message for n in app._notifications)
        await pilot.press("home", "J")  # reorder: the first task goes down
        await settle(pilot)
        assert [t.title for t in goals.tasks(goal.id)] == ["Do the exercises", "Read a chapter"]
        await pilot.press("K")  # and back up
        await settle(pilot)
        assert [t.title for t in goals.tasks(goal.id)] == ["Read a chapter", "Do the exercises"]


async def test_bad_input_in_the_goal_form_is_said_and_nothing_saved(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, GoalForm)
        await pilot.press("ctrl+s")
        assert "title cannot be empty" in form.status.text
        assert app.focused is form.query_one("#goal-title")

        await type_text(pilot, "Run a half marathon")
        await type_into(pilot, "goal-start-date", "2026-04-01")
        await type_into(pilot, "goal-due-date", "2026-03-01")
        await pilot.press("ctrl+s")
        assert "the due date is before the start date" in form.status.text
        assert app.focused is form.query_one("#goal-due-date")

        await type_into(pilot, "goal-due-date", "next blursday")
        await pilot.press("ctrl+s")
        assert form.status.text.startswith("Not saved: due date:")
        assert "next blursday" in form.status.text

        await type_into(pilot, "goal-due-date", "2026-10-01")
        await type_into(pilot, "goal-start-value", "abc")
        assert "start value: not a number" in form.status.text  # said while typing
        await pilot.press("ctrl+s")
        assert "start value: not a number" in form.status.text
        assert app.focused is form.query_one("#goal-start-value")

        await type_into(pilot, "goal-start-value", "5")
        await type_into(pilot, "goal-target-value", "5")
        await pilot.press("ctrl+s")
        assert "the target equals the starting point" in form.status.text
        assert isinstance(app.screen, GoalForm)
        assert service(repo).summaries(status=None) == []

        await type_into(pilot, "goal-target-value", "21")
        await save(pilot)
        assert not isinstance(app.screen, GoalForm)
        [saved] = service(repo).summaries(status=None)
        assert (saved.goal.start_date, saved.goal.due_date) == (date(2026, 4, 1),
                                                               date(2026, 10, 1))


async def test_bad_task_due_date_is_said_in_the_form(repo: Repository) -> None:
    goal = service(repo).create(GoalInput(title="Write a blog"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("t")
        form = app.screen
        assert isinstance(form, TaskForm)
        await type_text(pilot, "First post")
        await type_into(pilot, "task-due", "someday soon")
        await pilot.press("ctrl+s")
        assert form.status.text.startswith("Not saved: due date:")
        assert service(repo).tasks(goal.id) == []


async def test_delete_asks_first(repo: Repository) -> None:
    goals = service(repo)
    goals.create(GoalInput(title="Keep me"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert [s.goal.title for s in goals.summaries()] == ["Keep me"]
        await pilot.press("d", "y")
        await settle(pilot)
        assert goals.summaries(status=None) == []
        assert rows(pilot) == []
        assert "No goals here" in shown(pilot, "goal-head")


async def test_views_and_filters_cycle(repo: Repository) -> None:
    growth = repo.values.add(ValueInput(name="Growth"), NOW)
    goals = service(repo)
    goals.create(GoalInput(title="Long one", horizon="long", value_ids=[growth.id]))
    goals.create(GoalInput(title="Short one"))
    goals.create(GoalInput(title="Old one", status="done"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        assert header(pilot).startswith(" Tree ")
        assert "active+paused" in header(pilot) and "2 goals" in header(pilot)
        for name in ("By due date", "This week", "Tree"):
            await pilot.press("v")
            await settle(pilot)
            assert header(pilot).startswith(f" {name} ")

        await pilot.press("f", "f", "f")  # active, paused, done
        await settle(pilot)
        assert " done · " in header(pilot)
        assert [r.split()[1] for r in rows(pilot)] == ["Old"]
        await pilot.press("f", "f")  # abandoned, then all
        await settle(pilot)
        assert "all statuses" in header(pilot) and len(rows(pilot)) == 3
        await pilot.press("f")
        await settle(pilot)
        assert "active+paused" in header(pilot)

        await pilot.press("h")
        await settle(pilot)
        assert "short term" in header(pilot)
        assert [r.split()[0] for r in rows(pilot)] == ["Short"]
        await pilot.press("h", "h")
        await settle(pilot)
        assert "all horizons" in header(pilot)

        await pilot.press("r")
        assert isinstance(app.screen, ValuePickerScreen)
        await pilot.press("down", "enter")  # "all values" comes first; then Growth
        await settle(pilot)
        assert "Growth" in header(pilot)
        assert [r.split()[0] for r in rows(pilot)] == ["Long"]
        await pilot.press("r", "home", "enter")
        await settle(pilot)
        assert "all values" in header(pilot) and len(rows(pilot)) == 2


async def test_this_week_follows_the_horizon_filter(repo: Repository) -> None:
    goals = service(repo)
    long_goal = goals.create(GoalInput(title="Long one", horizon="long"))
    short_goal = goals.create(GoalInput(title="Short one"))
    goals.add_task(TaskInput(goal_id=long_goal.id, title="Plan", due=NOW.date()))
    goals.add_task(TaskInput(goal_id=short_goal.id, title="Enrol", due=NOW.date()))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("v", "v")
        await settle(pilot)
        assert "2 open tasks" in header(pilot)
        await pilot.press("h")  # short term
        await settle(pilot)
        assert "short-term goals" in header(pilot)
        assert header(pilot).rstrip().endswith("1 open task")
        assert "Enrol" in rows(pilot)[0]


async def test_starts_on_the_journal_with_goals_read_ahead_and_focus_kept(
    repo: Repository,
) -> None:
    service(repo).create(GoalInput(title="Read ahead"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(PREFETCH_DELAY + 0.3)
        await settle(pilot)
        tabs = app.query_one("#tabs", TabbedContent)
        assert tabs.active == "journal"
        assert isinstance(app.focused, EntryList)
        assert app.query_one(GoalsTab).id == "goals-tab"
        listing = app.query_one("#goals-list", RowList)
        [item] = listing.items  # read while hidden, focus untouched
        assert isinstance(item, GoalSummary) and item.goal.title == "Read ahead"
        await pilot.press("3")
        assert tabs.active == "goals"
        assert app.focused is app.query_one("#goals-list")


async def test_user_text_is_never_markup(repo: Repository) -> None:
    goals = service(repo)
    goal = goals.create(GoalInput(title="Ship [bold]v2[/bold] of [red]it",
                                  why="Because [link=x]reasons"))
    goals.add_task(TaskInput(goal_id=goal.id, title="Fix [b]"))
    app = make_app(repo)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_goals(pilot)
        assert "Ship [bold]v2[/bold] of [red]it" in rows(pilot)[0]
        assert "Because [link=x]reasons" in shown(pilot, "goal-head")
        assert "Fix [b]" in task_rows(pilot)[0]
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")


async def test_n_in_the_goals_tab_opens_the_goal_form(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        app.action_new_item()
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)


async def test_a_task_deleted_in_another_window_is_reported_not_a_crash(
    repo: Repository,
) -> None:
    goals = service(repo)
    goal = goals.create(GoalInput(title="Learn Rust"))
    task = goals.add_task(TaskInput(goal_id=goal.id, title="Read the book"))
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_goals(pilot)
        await pilot.press("tab")
        await settle(pilot)
        goals.delete_task(task.id)  # the other SSH session
        await pilot.press("space")
        await settle(pilot)
        assert any("another window" in n.message for n in app._notifications)
        await pilot.press("escape")
        goals.delete(goal.id)
        await pilot.press("d", "y")
        await settle(pilot)
        assert app.is_running
