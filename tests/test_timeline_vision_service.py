"""Timeline and vision through their services: events, lessons, import all or nothing,
the board's order, the narrative's versions and its outline."""

from __future__ import annotations

from datetime import date

import pytest

from compass_tui.domain.goals import GoalInput
from compass_tui.domain.timeline import EventInput
from compass_tui.domain.values import ValueInput
from compass_tui.domain.vision import CardInput
from compass_tui.services.goals import GoalsService
from compass_tui.services.timeline import TimelineImportError, TimelineService
from compass_tui.services.values import ValuesService
from compass_tui.services.vision import VisionService
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock


@pytest.fixture
def timeline(repo: Repository) -> TimelineService:
    return TimelineService(repo, fixed_clock)


@pytest.fixture
def vision(repo: Repository) -> VisionService:
    return VisionService(repo, fixed_clock)


def test_events_link_values_and_skills_and_lessons_come_newest_first(
        repo: Repository, timeline: TimelineService) -> None:
    growth = repo.values.add(ValueInput(name="Growth"), NOW)
    first = timeline.add(EventInput(occurred_on=date(2015, 1, 1), precision="year",
                                    title="First job", kind="role change",
                                    lesson="Ask questions early", value_ids=[growth.id]))
    timeline.add(EventInput(occurred_on=date(2020, 6, 1), precision="month",
                            title="Burn-out", kind="setback", lesson="Rest is work too"))
    assert timeline.get(first.id).value_ids == [growth.id]
    assert [e.title for e in timeline.lessons()] == ["Burn-out", "First job"]
    edited = timeline.update(first.id, EventInput(occurred_on=date(2015, 9, 1),
                                                  precision="month", title="First job",
                                                  kind="role change"))
    assert (edited.value_ids, edited.precision) == ([], "month")
    assert [e.title for e in timeline.events({"setback"})] == ["Burn-out"]
    timeline.delete(first.id)
    assert [e.title for e in timeline.events()] == ["Burn-out"]


def test_app_events_are_marked_and_can_be_left_out(repo: Repository,
                                                    timeline: TimelineService) -> None:
    goals = GoalsService(repo, fixed_clock)
    goals.create(GoalInput(title="Give a talk", status="done"))
    timeline.add(EventInput(occurred_on=date(2024, 1, 1), title="Promoted", kind="milestone"))
    assert [(e.title, e.by_app) for e in timeline.events()] == [
        ("Promoted", False), ("Goal completed: Give a talk", True)]
    assert [e.title for e in timeline.events(include_app=False)] == ["Promoted"]


def test_a_new_top_value_is_recorded_on_the_timeline(repo: Repository) -> None:
    values = ValuesService(repo, fixed_clock)
    growth = values.add(ValueInput(name="Growth"))
    family = values.add(ValueInput(name="Family"))
    values.move(family, -1)
    values.move(values.get(growth.id), 1)  # already second: the top does not change
    events = [e for e in repo.timeline.events() if e.source == "ranking"]
    assert [e.title for e in events] == ["New top value: Family"]


def test_import_is_all_or_nothing_and_never_duplicates(repo: Repository,
                                                        timeline: TimelineService) -> None:
    text = "2015-09: First job, junior analyst\n2019: [role change] Joined Acme\n"
    with pytest.raises(TimelineImportError) as refused:
        timeline.import_lines(text + "someday: Dreamed\n")
    assert [e.line for e in refused.value.errors] == [3]
    assert timeline.events() == []
    summary = timeline.import_lines(text)
    assert (summary.added, summary.duplicates) == (2, 0)
    again = timeline.import_lines(text + "2021: Moved to Lisbon\n")
    assert (again.added, again.duplicates) == (1, 2)
    skipped = timeline.import_lines("2022: Fine\nbad line\n", skip_bad=True)
    assert (skipped.added, [e.line for e in skipped.refused]) == (1, [2])
    assert [e.title for e in timeline.events()] == [
        "First job, junior analyst", "Joined Acme", "Moved to Lisbon", "Fine"]


def test_export_data_writes_partial_dates_as_written(repo: Repository,
                                                     timeline: TimelineService) -> None:
    timeline.import_lines("2019: Joined Acme\n2020-03: Remote\n2021-05-04: Talk\n")
    assert [e["date"] for e in timeline.export_data()] == ["2019", "2020-03", "2021-05-04"]


def test_board_order_pins_and_affirmations(vision: VisionService) -> None:
    first = vision.add_card(CardInput(kind="aspiration", text="Lead a kind team"))
    quote = vision.add_card(CardInput(kind="quote", text="Simplicity is hard work",
                                      author="R. Hickey"))
    sun = vision.add_card(CardInput(kind="affirmation", text="I keep my promises"))
    vision.move_card(sun.id, -1)
    assert [c.id for c in vision.cards()] == [first.id, sun.id, quote.id]
    vision.toggle_pin(next(c for c in vision.cards() if c.id == quote.id))
    assert [c.id for c in vision.cards()] == [quote.id, first.id, sun.id]
    assert vision.affirmations() == ["Simplicity is hard work (R. Hickey)",
                                     "I keep my promises"]
    with pytest.raises(ValueError, match="caption"):
        CardInput(kind="image", image="~/pics/lake.png")


def test_narrative_versions_and_the_outline_from_data(repo: Repository,
                                                      vision: VisionService,
                                                      timeline: TimelineService) -> None:
    values = ValuesService(repo, fixed_clock)
    values.add(ValueInput(name="Craft", meaning="work done with care"))
    timeline.add(EventInput(occurred_on=date(2019, 1, 1), precision="year",
                            title="Joined Acme as analyst", kind="role change",
                            lesson="Small teams teach fast"))
    GoalsService(repo, fixed_clock).create(GoalInput(title="Lead a data team",
                                                     horizon="long", why="to grow people"))
    vision.set_purpose("Help small teams do careful work.")
    outline = vision.draft_outline_version()
    assert "Help small teams do careful work." in outline.text
    assert "1. **Craft**: work done with care" in outline.text
    assert "- 2019: Joined Acme as analyst" in outline.text
    assert "Small teams teach fast" in outline.text
    assert "Lead a data team, because to grow people" in outline.text
    assert vision.save_narrative(outline.text) is None  # unchanged: no new version
    mine = vision.save_narrative("My own words.")
    assert mine is not None and vision.narrative() == mine
    assert [v.note for v in vision.versions()] == ["edited", "outline drafted from your data"]
    data = vision.export_data()
    assert data["purpose"] == "Help small teams do careful work."
    assert [v["text"] for v in data["narrative"]][-1] == "My own words."
