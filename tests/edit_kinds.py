"""Every kind of row a form edits in place (beyond entries, goals and values), each with
one way to make it, save words over a version, and read the words back: the store
tests and the two-process races run the same cases. Importable, for spawned workers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from compass_tui.domain.assessment import PassionInput, PersonalityInput, SkillInput, SwotInput
from compass_tui.domain.goals import GoalInput, TaskInput
from compass_tui.domain.timeline import EventInput
from compass_tui.domain.vision import CardInput
from compass_tui.store.repository import Repository
from tests.conftest import NOW

Key = int | str


@dataclass(frozen=True)
class EditKind:
    table: str
    make: Callable[[Repository], tuple[Key, int]]  # (id, version)
    save: Callable[[Repository, Key, int, str], int]  # the version written
    words: Callable[[Repository, Key], str]


def _skill(words: str = "") -> SkillInput:
    return SkillInput(name="SQL", category="technical", level=3, evidence=words)


def _passion(words: str) -> PassionInput:
    return PassionInput(kind="problem", text=words)


def _swot(words: str) -> SwotInput:
    return SwotInput(quadrant="strength", text=words)


def _personality(words: str = "") -> PersonalityInput:
    return PersonalityInput(framework="MBTI", result="INTJ", meaning=words)


def _event(words: str = "") -> EventInput:
    return EventInput(occurred_on=date(2019, 5, 1), title="Joined Acme", what=words)


def _card(words: str) -> CardInput:
    return CardInput(kind="aspiration", text=words)


def _made(found: object) -> tuple[Key, int]:
    return found.id, found.version  # type: ignore[attr-defined]


def _task(repo: Repository) -> tuple[Key, int]:
    goal = repo.goals.create(GoalInput(title="Speak at a meetup"), NOW)
    return _made(repo.goals.add_task(TaskInput(goal_id=goal.id, title="Outline"), NOW))


def _task_words(repo: Repository, task_id: Key) -> str:
    task = repo.goals.get_task(int(task_id))
    assert task is not None
    return task.title


def _save_task(repo: Repository, task_id: Key, version: int, words: str) -> int:
    task = repo.goals.get_task(int(task_id))
    assert task is not None
    return repo.goals.update_task(int(task_id), TaskInput(goal_id=task.goal_id, title=words),
                                  version).version


def _purpose(repo: Repository) -> tuple[Key, int]:
    repo.vision.set_text("purpose", "Help teams grow", NOW)
    return "purpose", repo.vision.text_as_saved("purpose").version


def _save_purpose(repo: Repository, key: Key, version: int, words: str) -> int:
    repo.vision.set_text(str(key), words, NOW, version)
    return repo.vision.text_as_saved(str(key)).version


def _one(found: list, key: Key):  # any model with an id
    return next(item for item in found if item.id == key)


KINDS: dict[str, EditKind] = {
    "skill": EditKind(
        "skills",
        lambda repo: _made(repo.skills.add(_skill())),
        lambda repo, key, v, words: repo.skills.update(int(key), _skill(words), v).version,
        lambda repo, key: repo.skills.get(int(key)).evidence),  # type: ignore[union-attr]
    "passion": EditKind(
        "passions",
        lambda repo: _made(repo.passions.add(_passion("Untangling pipelines"))),
        lambda repo, key, v, words: repo.passions.update(int(key), _passion(words), v).version,
        lambda repo, key: _one(repo.passions.list(), key).text),
    "SWOT item": EditKind(
        "swot_items",
        lambda repo: _made(repo.swot.add(_swot("Calm under pressure"))),
        lambda repo, key, v, words: repo.swot.edit(int(key), _swot(words), v).version,
        lambda repo, key: _one(repo.swot.by_quadrant()["strength"], key).text),
    "personality result": EditKind(
        "personality_results",
        lambda repo: _made(repo.personality.add(_personality())),
        lambda repo, key, v, words: repo.personality.update(int(key), _personality(words),
                                                            v).version,
        lambda repo, key: repo.personality.get(int(key)).meaning),  # type: ignore[union-attr]
    "task": EditKind("tasks", _task, _save_task, _task_words),
    "event": EditKind(
        "timeline_events",
        lambda repo: _made(repo.timeline.add(_event(), NOW)),
        lambda repo, key, v, words: repo.timeline.update(int(key), _event(words), v).version,
        lambda repo, key: repo.timeline.get(int(key)).what),  # type: ignore[union-attr]
    "card": EditKind(
        "vision_cards",
        lambda repo: _made(repo.vision.add_card(_card("Lead a team"), NOW)),
        lambda repo, key, v, words: repo.vision.update_card(int(key), _card(words), NOW,
                                                            v).version,
        lambda repo, key: _one(repo.vision.cards(), key).text),
    "purpose statement": EditKind("vision_texts", _purpose, _save_purpose,
                                  lambda repo, key: repo.vision.text_as_saved(str(key)).text),
}


def save_kind(repo: Repository, kind: str, key: Key, version: int, words: str) -> int:
    """A race's job: save words over the version read."""
    return KINDS[kind].save(repo, key, version, words)
