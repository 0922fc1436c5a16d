"""A review of any period, gathered from the user's own data (`compass report`, and `r`
in Insights): what was done, what went well and what did not, who was there, how the
ratings and the values moved. Nothing is invented: an empty part is left out."""

from __future__ import annotations

from datetime import datetime

from compass_tui.domain.checkins import ENTRY_TAG as CHECKIN_TAG
from compass_tui.domain.insights import Period
from compass_tui.domain.review import PersonNote, Review, skill_level_moves, value_moves
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals
from compass_tui.services.person_tags import FeedbackGivers, PersonDirectory, tag_for_name
from compass_tui.store.repository import Repository

WIN_TAGS = ["win", "wins"]
SETBACK_TAGS = ["setback", "setbacks"]
LESSON_TAGS = ["lesson", "lessons", "learned"]
WIN_KINDS = ("achievement", "milestone")


@plain_refusals
class ReviewService:
    def __init__(self, repo: Repository, clock: Clock = system_clock,
                 people: PersonDirectory | None = None) -> None:
        self._repo = repo
        self.clock = clock
        self.people = people or FeedbackGivers(repo)

    def build(self, period: Period) -> Review:
        start, end = period.start_at, period.end_before
        if start is None:  # all time: from the first entry, for the heading
            first = self._repo.insights.first_day()
            period = Period(first, period.end, "all") if first else period
        store = self._repo.review
        insights = self._repo.insights
        events = store.events(start, end)
        feedback = store.feedback(start, end)
        return Review(
            period=period,
            overall=insights.overall(start, end),
            months=insights.by_month(start, end),
            goals_done=store.goals_done(start, end),
            progress=store.progress(start, end),
            tasks_done=store.tasks_done(start, end),
            wins=[e for e in events if e.kind in WIN_KINDS],
            setbacks=[e for e in events if e.kind == "setback"],
            lessons=[e for e in events if e.lesson and e.kind != "setback"],
            checkins=[c for c in store.checkins(start, end)
                      if c.wins or c.setbacks or c.lesson],
            win_entries=store.tagged(start, end, WIN_TAGS),
            setback_entries=store.tagged(start, end, SETBACK_TAGS),
            lesson_entries=store.tagged(start, end, LESSON_TAGS),
            feedback=feedback,
            skills=store.skills(start, end),
            skill_levels=skill_level_moves(self._repo.skills.level_history(), start, end),
            people=self._people(start, end, [f.giver for f in feedback]),
            values=value_moves(self._repo.values.history(), start, end),
            starred=store.starred(start, end),
        )

    def _people(self, start: datetime | None, end: datetime,
                givers: list[str]) -> list[PersonNote]:
        """Who the period names: person tags its entries carry, and feedback givers."""
        names = self.people.person_tags()
        found: dict[str, PersonNote] = {}
        for tally in self._repo.insights.by_tag(start, end, leave_out=[CHECKIN_TAG]):
            if tally.key in names:
                found[tally.key] = PersonNote(names[tally.key], tally.key, tally.entries, 0)
        for giver in givers:
            name = " ".join(giver.split())
            key = tag_for_name(name) or name
            note = found.get(key) or PersonNote(name, None, 0, 0)
            found[key] = PersonNote(note.name, note.tag, note.entries, note.feedback + 1)
        return sorted(found.values(), key=lambda p: (-(p.entries + p.feedback), p.name))
