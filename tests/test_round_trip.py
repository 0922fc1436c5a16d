"""Export, import into an empty database, export again: the same document (apart from
`exported_at`), for journals hypothesis makes up: unicode, emoji and wide characters,
empty and very long bodies, odd tags, ranked and retired values, goal trees with
tasks, partial dates, the vision board, a check-in."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compass_tui.domain.assessment import (
    FRAMEWORKS,
    PASSION_KINDS,
    QUADRANTS,
    SKILL_CATEGORIES,
    FeedbackInput,
    PassionInput,
    PersonalityInput,
    SkillInput,
    SwotInput,
)
from compass_tui.domain.entries import EntryInput
from compass_tui.domain.goals import HORIZONS, STATUSES, GoalInput, TaskInput
from compass_tui.domain.tags import is_valid_tag, normalise_tag
from compass_tui.domain.timeline import EVENT_KINDS, EventInput
from compass_tui.domain.values import ValueInput, value_key, value_tag
from compass_tui.domain.vision import CardInput
from compass_tui.services.assessment import AssessmentService
from compass_tui.services.checkins import CheckinService
from compass_tui.services.goals import GoalsService
from compass_tui.services.importers import ImportService, read_batch
from compass_tui.services.timeline import TimelineService
from compass_tui.services.values import ValuesService
from compass_tui.services.vision import VisionService
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock
from tests.import_helpers import export_json

# Letters of many scripts, digits, emoji (one with a skin tone and a joiner), wide CJK.
WORDS = st.sampled_from([
    "career", "Café", "naïve", "Ωmega", "ñandú", "日本語の文章", "全角テキスト", "한국어",
    "ＦＵＬＬ", "🚀", "🎉✨", "👩🏽‍💻", "e.g.", "x", "Straße", "İstanbul", "ﬁne", "🇵🇹",
])
CHARS = st.characters(blacklist_categories=("Cs", "Cc"))  # no lone surrogates or controls
WORD = st.one_of(WORDS, st.text(CHARS, min_size=1, max_size=8))
LONG_CHARS = 10_000


def words(min_size: int = 0, max_size: int = 6) -> st.SearchStrategy[str]:
    return st.lists(WORD, min_size=min_size, max_size=max_size).map(" ".join)


def one_line(max_size: int = 4) -> st.SearchStrategy[str]:
    return words(1, max_size).map(lambda s: " ".join(s.split())).filter(bool)


def said(max_size: int) -> st.SearchStrategy[str]:
    """Text a form requires: words with at least one letter that is not a space."""
    return words(1, max_size).filter(str.strip)


PARAGRAPHS = st.lists(words(1, 8), min_size=1, max_size=4).map("\n\n".join)
LONG = words(1, 6).filter(str.strip).map(lambda s: (s + "\n") * (LONG_CHARS // len(s) + 1))
BODY = st.one_of(st.just(""), PARAGRAPHS, LONG)

TAG_CHAR = st.characters(categories=("L", "N"))
TAGS = st.builds(lambda head, middle, tail: normalise_tag(head + middle + tail), TAG_CHAR,
                 st.text(st.one_of(TAG_CHAR, st.sampled_from("-_")), max_size=8),
                 st.one_of(st.just(""), TAG_CHAR, st.just("_"))).filter(is_valid_tag)
DAYS = st.dates(date(1990, 1, 1), date(2030, 12, 31))
WHEN = st.datetimes(datetime(1990, 1, 1), datetime(2030, 12, 31))
RATING = st.one_of(st.none(), st.integers(1, 5))
TEMPLATE = st.one_of(st.none(), st.sampled_from(["weekly-wins", "one-to-one", "Own notes"]))
NUMBER = st.one_of(st.none(), st.integers(-400, 400).map(lambda n: n / 4))


@st.composite
def entries(draw: st.DrawFn) -> list[EntryInput]:
    found = []
    for _ in range(draw(st.integers(0, 6))):
        title, body = draw(st.one_of(words(0, 6))), draw(BODY)
        if not title.strip() and not body.strip():
            title = "untitled"
        found.append(EntryInput(entry_date=draw(WHEN), title=title, body=body,
                                tags=draw(st.lists(TAGS, max_size=4)),
                                starred=draw(st.booleans()), energy=draw(RATING),
                                fulfilment=draw(RATING), template=draw(TEMPLATE)))
    # Passions name linked entries in id order, which the export can only give back as
    # date order: add them oldest first, as a journal is written.
    return sorted(found, key=lambda e: e.entry_date)


@st.composite
def goal_specs(draw: st.DrawFn, values: int, skills: int) -> list[dict[str, Any]]:
    specs = []
    for n in range(draw(st.integers(0, 4))):
        start = draw(st.one_of(st.none(), DAYS))
        due = draw(st.one_of(st.none(), DAYS if start is None else
                             st.integers(0, 900).map(lambda d, s=start: s + timedelta(d))))
        start_value, target_value = draw(NUMBER), draw(NUMBER)
        if start_value is not None and start_value == target_value:
            target_value = start_value + 1
        status = draw(st.sampled_from(STATUSES))
        specs.append({
            "goal": dict(
                title=draw(one_line()), horizon=draw(st.sampled_from(HORIZONS)),
                status=status, status_reason=draw(one_line()) if status == "abandoned" else "",
                specific=draw(words()), metric=draw(words(0, 3)), unit=draw(words(0, 1)),
                start_value=start_value, target_value=target_value,
                current_value=draw(NUMBER), why=draw(words()), start_date=start,
                due_date=due, tag=draw(st.one_of(st.just(""), TAGS))),
            "parent": draw(st.one_of(st.none(), st.integers(0, n - 1))) if n else None,
            "values": draw(st.lists(st.integers(0, values - 1), max_size=3)) if values else [],
            "tasks": draw(st.lists(st.tuples(
                one_line(), st.one_of(st.none(), DAYS), st.booleans(),
                st.one_of(st.none(), st.integers(0, skills - 1)) if skills else st.none()),
                max_size=3)),
        })
    return specs


def names(unique_by: tuple[Any, ...], max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(one_line(3).map(lambda s: s[:100].strip()).filter(bool), max_size=max_size,
                    unique_by=unique_by)


JOURNALS = st.fixed_dictionaries({
    "entries": entries(),
    "values": names((value_key, value_tag), 5),
    "moves": st.lists(st.tuples(st.integers(0, 4), st.sampled_from([-1, 1])), max_size=4),
    "retire": st.lists(st.integers(0, 4), max_size=2),
    "skills": names((value_key,), 4),
    "levels": st.lists(st.tuples(st.integers(0, 3), st.integers(1, 5)), max_size=3),
    "feedback": st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 3)), one_line(2),
                                   st.one_of(st.none(), DAYS), said(6)), max_size=4),
    "passions": st.lists(st.tuples(st.sampled_from(list(PASSION_KINDS)), said(5),
                                   st.one_of(st.just(""), TAGS),
                                   st.lists(st.integers(0, 5), max_size=2)), max_size=3),
    "swot": st.lists(st.tuples(st.sampled_from(QUADRANTS), said(5)), max_size=4),
    # A result is taken on a day already past (the service refuses one still to come).
    "personality": st.lists(st.tuples(st.sampled_from(FRAMEWORKS), one_line(2),
                                      st.one_of(st.none(), st.dates(date(1990, 1, 1),
                                                                    NOW.date()))),
                            max_size=2),
    "events": st.lists(st.tuples(DAYS, st.sampled_from(["day", "month", "year"]), one_line(),
                                 st.sampled_from(EVENT_KINDS), words(0, 4), words(0, 4),
                                 st.lists(st.integers(0, 4), max_size=3),
                                 st.lists(st.integers(0, 3), max_size=3)), max_size=4),
    "purpose": words(0, 8),
    "cards": st.lists(st.tuples(st.sampled_from(["aspiration", "quote", "affirmation",
                                                 "image"]), one_line(8), words(0, 2),
                                st.booleans()), max_size=3),
    "narrative": st.lists(PARAGRAPHS, max_size=2, unique=True),
    "checkin": st.one_of(st.none(), words(1, 6)),
}).flatmap(lambda j: st.tuples(st.just(j), goal_specs(len(j["values"]), len(j["skills"]))))


def fill(repo: Repository, journal: dict[str, Any], goals: list[dict[str, Any]]) -> None:
    """Write the drawn journal through the services, as a user would have."""
    entry_ids = [repo.entries.add(e).id for e in journal["entries"]]
    values = ValuesService(repo, fixed_clock)
    value_ids = [values.add(ValueInput(name=name)).id for name in journal["values"]]
    for index, delta in journal["moves"]:
        if index < len(value_ids):
            current = values.get(value_ids[index])
            if current is not None and current.rank is not None:
                values.move(current, delta)
    for index in journal["retire"]:
        if index < len(value_ids):
            values.retire(value_ids[index])
    assessment = AssessmentService(repo, fixed_clock)
    skill_ids = [assessment.add_skill(SkillInput(name=name, category=SKILL_CATEGORIES[n % 3],
                                                 level=n % 5 + 1, is_gap=n % 2 == 0)).id
                 for n, name in enumerate(journal["skills"])]
    for index, level in journal["levels"]:  # each level set adds to the skill's history
        if index < len(skill_ids):
            name = journal["skills"][index]
            assessment.update_skill(skill_ids[index], SkillInput(
                name=name, category=SKILL_CATEGORIES[index % 3], level=level,
                is_gap=index % 2 == 0))
    for skill, giver, given_on, said in journal["feedback"]:
        skill_id = skill_ids[skill] if skill is not None and skill < len(skill_ids) else None
        assessment.add_feedback(FeedbackInput(skill_id=skill_id, giver=giver,
                                              given_on=given_on, said=said))
    for kind, text, tag, links in journal["passions"]:
        passion = assessment.add_passion(PassionInput(kind=kind, text=text, tag=tag))
        for index in links:
            if index < len(entry_ids):
                assessment.link_entry(passion.id, entry_ids[index])
    for quadrant, text in journal["swot"]:
        assessment.add_swot(SwotInput(quadrant=quadrant, text=text))
    for framework, result, taken_on in journal["personality"]:
        assessment.add_personality(PersonalityInput(framework=framework, result=result,
                                                    taken_on=taken_on))
    fill_goals(repo, goals, value_ids, skill_ids)
    timeline = TimelineService(repo, fixed_clock)
    for day, precision, title, kind, what, lesson, values_at, skills_at in journal["events"]:
        start = {"day": day, "month": day.replace(day=1),
                 "year": day.replace(month=1, day=1)}[precision]
        timeline.add(EventInput(
            occurred_on=start, precision=precision, title=title, kind=kind, what=what,
            lesson=lesson, value_ids=[value_ids[v] for v in values_at if v < len(value_ids)],
            skill_ids=[skill_ids[s] for s in skills_at if s < len(skill_ids)]))
    vision = VisionService(repo, fixed_clock)
    vision.set_purpose(journal["purpose"])
    for kind, text, author, pinned in journal["cards"]:
        card = vision.add_card(CardInput(kind="image", image=f"~/board/{text}.png",
                                         caption=text) if kind == "image" else
                               CardInput(kind=kind, text=text, author=author))
        if pinned:
            vision.toggle_pin(card)
    for text in journal["narrative"]:
        vision.save_narrative(text)
    if journal["checkin"] is not None:
        checkins = CheckinService(repo, fixed_clock)
        checkins.complete(checkins.open_or_start("weekly").id,
                          {"wins": journal["checkin"], "energy": 3})


def fill_goals(repo: Repository, goals: list[dict[str, Any]], value_ids: list[int],
               skill_ids: list[int]) -> None:
    service = GoalsService(repo, fixed_clock)
    made: list[int] = []
    for spec in goals:
        parent = made[spec["parent"]] if spec["parent"] is not None else None
        goal = service.create(GoalInput(**spec["goal"], parent_id=parent,
                                        value_ids=[value_ids[v] for v in spec["values"]]))
        made.append(goal.id)
        for title, due, done, skill in spec["tasks"]:
            task = service.add_task(TaskInput(
                goal_id=goal.id, title=title, due=due,
                skill_id=skill_ids[skill] if skill is not None else None))
            if done:
                service.toggle_task(task.id)


@contextmanager
def fresh_repository(folder: Path, name: str) -> Iterator[Repository]:
    repo = Repository.open(f"sqlite:///{folder / name}")
    try:
        yield repo
    finally:
        repo.close()


def without_stamp(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(drawn=JOURNALS)
def test_export_import_export_gives_the_same_document(
        drawn: tuple[dict[str, Any], list[dict[str, Any]]]) -> None:
    journal, goals = drawn
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with fresh_repository(folder, "first.db") as repo:
            fill(repo, journal, goals)
            first = export_json(repo, fixed_clock)
        path = folder / "export.json"
        path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
        batch = read_batch("compass", str(path))
        assert batch.refused == []
        with fresh_repository(folder, "second.db") as repo:
            ImportService(repo, fixed_clock).write(batch)
            second = export_json(repo, fixed_clock)
            assert ImportService(repo, fixed_clock).write(
                read_batch("compass", str(path))).added == 0
    assert without_stamp(second) == without_stamp(first)
    assert len(second["entries"]) == len(journal["entries"]) + (journal["checkin"] is not None)
