"""`compass calendar`: what has a date, as an iCalendar file (RFC 5545) for a phone or
any calendar: open tasks due, goals' due dates, and the check-ins as recurring events.

Each kind of event comes from a source: a function from the journal (and the day) to
events. A new kind of dated thing is one more source in SOURCES.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from compass_tui.domain.calendar_events import CalendarEvent, checkin_events, uid_for
from compass_tui.domain.schedule import Schedule
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

PRODUCT = "-//compass-tui//career journal//EN"
CALENDAR_NAME = "Compass"
# Goals whose due date still means something to act on.
LIVE_GOALS = ("active", "paused")


@dataclass(frozen=True)
class Journal:
    """What a source reads: the repository, the check-in schedule, and today (in the
    schedule's zone)."""

    repo: Repository
    schedule: Schedule
    today: date


Source = Callable[[Journal], Iterable[CalendarEvent]]


def tasks_due(journal: Journal) -> Iterable[CalendarEvent]:
    """Open tasks with a due date, under active or paused goals; overdue ones too."""
    for task, goal_title in journal.repo.goals.open_tasks_due_by(date.max):
        if task.due is not None:
            yield CalendarEvent(uid=uid_for("task", task.id), summary=task.title,
                                start=task.due, categories=("task",),
                                description=f"A task of the goal “{goal_title}”.")


def goals_due(journal: Journal) -> Iterable[CalendarEvent]:
    for goal in journal.repo.goals.all_goals():
        if goal.due_date is None or goal.status not in LIVE_GOALS:
            continue
        said = [f"The {goal.horizon}-term goal “{goal.title}” is due."]
        if goal.why.strip():
            said.append(f"Why it matters: {goal.why.strip()}")
        yield CalendarEvent(uid=uid_for("goal", goal.id), summary=f"Goal due: {goal.title}",
                            start=goal.due_date, description="\n".join(said),
                            categories=("goal",))


def checkins(journal: Journal) -> Iterable[CalendarEvent]:
    return checkin_events(journal.schedule, journal.today)


SOURCES: tuple[Source, ...] = (tasks_due, goals_due, checkins)


def _day(event: CalendarEvent) -> date:
    return event.start.date() if isinstance(event.start, datetime) else event.start


def collect_events(journal: Journal, sources: Sequence[Source] = SOURCES
                   ) -> list[CalendarEvent]:
    """Every source's events, soonest first (the same input gives the same file)."""
    events = [event for source in sources for event in source(journal)]
    return sorted(events, key=lambda event: (_day(event), event.uid))


def render(events: Iterable[CalendarEvent], stamp: datetime) -> str:
    """The events as one VCALENDAR; `stamp` (UTC) is when the file was made."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, vRecur

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        if isinstance(item.start, datetime):
            start = item.start.replace(tzinfo=ZoneInfo(item.timezone)) if item.timezone else (
                item.start)
            event.add("dtstart", start)
            event.add("dtend", start + timedelta(minutes=item.minutes))
        else:
            event.add("dtstart", item.start)
            event.add("dtend", item.start + timedelta(days=1))
        if item.recurrence:
            event.add("rrule", vRecur.from_ical(item.recurrence))
        if item.description:
            event.add("description", item.description)
        if item.categories:
            event.add("categories", list(item.categories))
        event.add("transp", "TRANSPARENT")  # a reminder, not time taken
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical().decode("utf-8")


@plain_refusals
class CalendarService:
    def __init__(self, repo: Repository, clock: Clock = system_clock,
                 schedule: Schedule | None = None,
                 sources: Sequence[Source] = SOURCES) -> None:
        self._repo = repo
        self._clock = clock
        self.schedule = schedule or Schedule()
        self.sources = sources

    def events(self) -> list[CalendarEvent]:
        today = self.schedule.local(self._clock()).date()
        return collect_events(Journal(self._repo, self.schedule, today), self.sources)

    def write(self, out: TextIO) -> int:
        """The calendar into `out`; how many events it holds."""
        events = self.events()
        out.write(render(events, self._clock().astimezone(UTC).replace(microsecond=0)))
        return len(events)
