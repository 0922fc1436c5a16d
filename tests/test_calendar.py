"""`compass calendar`: the iCalendar file, read back with the library that wrote it."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from dateutil.rrule import rrulestr
from icalendar import Calendar

from compass_tui.domain.calendar_events import CalendarEvent, uid_for
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.schedule import Schedule
from compass_tui.services.calendar_export import SOURCES, CalendarService, Journal
from compass_tui.services.config_file import config_path
from compass_tui.services.goals import GoalsService
from compass_tui.store.repository import Repository
from tests.conftest import fixed_clock
from tests.test_cli import compass


def fill_goals(repo: Repository) -> dict[str, int]:
    goals = GoalsService(repo, fixed_clock)
    talk = goals.create(GoalInput(title="Speak at a meetup", due_date=date(2026, 6, 30),
                                  why="Teaching is what lifts me"))
    goals.create(GoalInput(title="No date yet"))
    done = goals.create(GoalInput(title="Finished", due_date=date(2026, 4, 1), status="done"))
    slides = goals.add_task(TaskInput(goal_id=talk.id, title="Draft the slides",
                                      due=date(2026, 3, 20)))
    late = goals.add_task(TaskInput(goal_id=talk.id, title="Pick a topic",
                                    due=date(2026, 3, 1)))
    ticked = goals.add_task(TaskInput(goal_id=talk.id, title="Book the room",
                                      due=date(2026, 3, 18)))
    goals.toggle_task(ticked.id)
    goals.add_task(TaskInput(goal_id=talk.id, title="Someday"))
    goals.add_task(TaskInput(goal_id=done.id, title="Under a finished goal",
                             due=date(2026, 3, 25)))
    return {"talk": talk.id, "slides": slides.id, "late": late.id}


def parse(text: str) -> dict[str, object]:
    calendar = Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_tasks_goals_and_check_ins_become_events(repo: Repository) -> None:
    ids = fill_goals(repo)
    schedule = Schedule(weekly="sunday", monthly="first monday")
    text = render_with(repo, schedule)
    assert "\r\n" in text  # RFC 5545's line ends
    events = parse(text)
    assert set(events) == {uid_for("task", ids["slides"]), uid_for("task", ids["late"]),
                           uid_for("goal", ids["talk"]), "checkin-weekly@compass-tui",
                           "checkin-monthly@compass-tui"}
    slides = events[uid_for("task", ids["slides"])]
    assert str(slides["SUMMARY"]) == "Draft the slides"
    assert slides.decoded("DTSTART") == date(2026, 3, 20)  # all day
    assert slides.decoded("DTEND") == date(2026, 3, 21)
    assert "Speak at a meetup" in str(slides["DESCRIPTION"])
    goal = events[uid_for("goal", ids["talk"])]
    assert str(goal["SUMMARY"]) == "Goal due: Speak at a meetup"
    assert goal.decoded("DTSTART") == date(2026, 6, 30)
    assert "Teaching is what lifts me" in str(goal["DESCRIPTION"])


def render_with(repo: Repository, schedule: Schedule) -> str:
    import io

    out = io.StringIO(newline="")
    CalendarService(repo, fixed_clock, schedule).write(out)
    return out.getvalue()


def occurrences(event, count: int) -> list[date]:
    rule = rrulestr(event["RRULE"].to_ical().decode(),
                    dtstart=datetime.combine(event.decoded("DTSTART"), time()))
    return [day.date() for day in rule[:count]]


def test_check_ins_recur_as_the_schedule_says(repo: Repository) -> None:
    events = parse(render_with(repo, Schedule(weekly="friday", monthly="last friday")))
    weekly = events["checkin-weekly@compass-tui"]
    assert weekly["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=FR"
    # The fixed clock is Sunday 15 March 2026: the first Friday on from then.
    assert occurrences(weekly, 3) == [date(2026, 3, 20), date(2026, 3, 27), date(2026, 4, 3)]
    monthly = events["checkin-monthly@compass-tui"]
    assert monthly["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=-1FR"
    assert occurrences(monthly, 2) == [date(2026, 3, 27), date(2026, 4, 24)]
    sunday = parse(render_with(repo, Schedule()))["checkin-weekly@compass-tui"]
    assert occurrences(sunday, 1) == [date(2026, 3, 15)]  # today counts


def test_a_daily_ritual_is_timed_in_the_schedules_zone(repo: Repository) -> None:
    schedule = Schedule(weekly="off", monthly="off", morning="07:30", timezone="Europe/Paris")
    text = render_with(repo, schedule)
    calendar = Calendar.from_ical(text)
    [morning] = calendar.walk("VEVENT")
    assert str(morning["UID"]) == "checkin-morning@compass-tui"
    start = morning.decoded("DTSTART")
    assert (start.date(), start.time(), str(start.tzinfo)) == (
        date(2026, 3, 15), time(7, 30), "Europe/Paris")
    assert morning["RRULE"].to_ical() == b"FREQ=DAILY"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    local = parse(render_with(repo, Schedule(evening="21:00")))["checkin-evening@compass-tui"]
    assert local.decoded("DTSTART").tzinfo is None  # "local": the phone's own time


def test_nothing_on_and_nothing_dated_is_an_empty_calendar(repo: Repository) -> None:
    off = Schedule(weekly="off", monthly="off")
    assert parse(render_with(repo, off)) == {}


def test_sources_are_where_new_kinds_of_events_plug_in(repo: Repository) -> None:
    def reach_out(journal: Journal) -> list[CalendarEvent]:
        return [CalendarEvent(uid=uid_for("person", 7), summary="Call Ana",
                              start=journal.today)]

    service = CalendarService(repo, fixed_clock, Schedule(), sources=(*SOURCES, reach_out))
    events = service.events()
    assert [e.uid for e in events][:1] == ["checkin-weekly@compass-tui"]  # today, sorted
    assert uid_for("person", 7) in {e.uid for e in events}


# -- through the command line ---------------------------------------------------------


def test_the_file_is_private_and_its_uids_stay_across_runs(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    repo = Repository.open(f"sqlite:///{db}")
    ids = fill_goals(repo)
    repo.close()
    out = tmp_path / "compass.ics"
    first = compass("calendar", "-o", str(out), db=db)
    assert first.returncode == 0, first.stderr
    assert first.stderr == f"Wrote 5 events to {out}\n"
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    before = parse(out.read_text())

    repo = Repository.open(f"sqlite:///{db}")
    goals = GoalsService(repo, fixed_clock)
    goals.add_task(TaskInput(goal_id=ids["talk"], title="Rehearse", due=date(2026, 6, 1)))
    goals.update_task(ids["slides"], TaskInput(goal_id=ids["talk"], title="Draft the slides",
                                               due=date(2026, 3, 22)))
    repo.close()
    again = compass("calendar", db=db)  # standard output this time
    assert again.returncode == 0, again.stderr
    after = parse(again.stdout)
    assert set(before) < set(after) and len(after) == len(before) + 1
    moved = after[uid_for("task", ids["slides"])]
    assert moved.decoded("DTSTART") == date(2026, 3, 22)  # the same event, updated


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    out = tmp_path / "compass.ics"
    out.write_text("mine")
    result = compass("calendar", "-o", str(out), db=db)
    assert result.returncode == 2
    assert result.stderr == (f"compass: {out} already exists; nothing was written (add "
                             "--force to replace it)\n")
    assert out.read_text() == "mine"
    assert compass("calendar", "-o", str(out), "--force", db=db).returncode == 0
    assert parse(out.read_text())


def test_a_config_file_that_is_not_toml_is_one_line_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "compass.db"
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[checkins]\nweekly = "friday\n')
    out = tmp_path / "compass.ics"
    result = compass("calendar", "-o", str(out), db=db)
    assert result.returncode == 2
    assert result.stderr.startswith(f"compass: {path}, line 2: not TOML (")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not out.exists() and not db.exists()
