"""A journal with something in every part, and a count of every table, for import tests."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from typing import Any

from compass_tui.domain.assessment import (
    FeedbackInput,
    PassionInput,
    PersonalityInput,
    SkillInput,
    SwotInput,
)
from compass_tui.domain.entries import EntryInput
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.timeline import EventInput
from compass_tui.domain.values import ValueInput
from compass_tui.domain.vision import CardInput
from compass_tui.services.assessment import AssessmentService
from compass_tui.services.checkins import CheckinService
from compass_tui.services.clock import Clock
from compass_tui.services.export import ExportService
from compass_tui.services.goals import GoalsService
from compass_tui.services.timeline import TimelineService
from compass_tui.services.values import ValuesService
from compass_tui.services.vision import VisionService
from compass_tui.store.repository import Repository


def fill_every_part(repo: Repository, clock: Clock) -> None:
    """Entries, ranked and retired values, skills with feedback, passions, SWOT,
    personality, a goal tree with tasks and progress, events, vision, a check-in."""
    first = repo.entries.add(EntryInput(
        title="Café ☕ with Ana", body="全角 text\n\nand a second paragraph",
        entry_date=datetime(2026, 3, 14, 8, 5, 33), tags=["mentor", "deep-work"], starred=True,
        energy=4))
    repo.entries.add(EntryInput(title="Shipped it", body="", entry_date=datetime(2026, 3, 2)))
    values = ValuesService(repo, clock)
    growth = values.add(ValueInput(name="Growth", meaning="learning every week"))
    craft = values.add(ValueInput(name="Craft"))
    autonomy = values.add(ValueInput(name="Autonomy"))
    values.move(autonomy, -2)
    values.retire(craft.id)
    assessment = AssessmentService(repo, clock)
    rust = assessment.add_skill(SkillInput(name="Rust", category="technical", level=3,
                                           is_gap=True))
    listening = assessment.add_skill(SkillInput(name="Listening", category="soft", level=4))
    assessment.add_feedback(FeedbackInput(skill_id=listening.id, giver="Ana", said="Patient"))
    assessment.add_feedback(FeedbackInput(skill_id=listening.id, giver="Ben", said="Calm"))
    assessment.add_feedback(FeedbackInput(giver="Zoe", said="Good year",
                                          given_on=date(2025, 12, 20)))
    passion = assessment.add_passion(PassionInput(kind="absorbs", text="Debugging",
                                                  tag="debug"))
    assessment.link_entry(passion.id, first.id)
    assessment.add_swot(SwotInput(quadrant="strength", text="Calm under pressure"))
    assessment.add_swot(SwotInput(quadrant="threat", text="Automation"))
    assessment.add_personality(PersonalityInput(framework="MBTI", result="INTJ"))
    assessment.add_personality(PersonalityInput(framework="Big Five", result="Open",
                                                taken_on=date(2024, 5, 1)))
    goals = GoalsService(repo, clock)
    lead = goals.create(GoalInput(title="Lead a team", horizon="long",
                                  value_ids=[craft.id, growth.id], why="to grow others"))
    learn = goals.create(GoalInput(title="Learn Rust", parent_id=lead.id,
                                   due_date=date(2026, 6, 1), metric="chapters",
                                   start_value=0, target_value=20, current_value=5))
    book = goals.add_task(TaskInput(goal_id=learn.id, title="Read the book", skill_id=rust.id,
                                    due=date(2026, 4, 1)))
    goals.toggle_task(book.id)
    goals.add_task(TaskInput(goal_id=learn.id, title="Write a CLI"))
    goals.update(lead.id, GoalInput(title="Lead a team", horizon="long", status="done",
                                    value_ids=[craft.id, growth.id], why="to grow others"))
    TimelineService(repo, clock).add(EventInput(
        occurred_on=date(2019, 1, 1), precision="year", title="Joined Acme", kind="role change",
        lesson="Small teams teach fast", value_ids=[autonomy.id, growth.id],
        skill_ids=[listening.id, rust.id]))
    vision = VisionService(repo, clock)
    vision.set_purpose("Help small teams do careful work.")
    vision.add_card(CardInput(kind="quote", text="Simplicity is hard work", author="R. H."))
    vision.toggle_pin(vision.add_card(CardInput(kind="image", image="~/board/sea.png",
                                                caption="Calm water")))
    vision.save_narrative("# My story\n\nI started in a bank.")
    checkins = CheckinService(repo, clock)
    checkins.complete(checkins.open_or_start("weekly").id, {"energy": 4, "wins": "A talk"})


def export_json(repo: Repository, clock: Clock) -> dict[str, Any]:
    out = io.StringIO()
    ExportService(repo, clock).write_json(out)
    return json.loads(out.getvalue())
