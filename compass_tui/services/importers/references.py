"""References between the parts of a compass export, checked after each record is read:
names of values and skills, goals' parents by ref. A record pointing at something the
file does not hold (or holds only in a refused record) is refused in turn, so what
reaches the store always resolves."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from compass_tui.domain.import_records import EventRecord, GoalRecord, ImportBatch, Refusal
from compass_tui.domain.values import value_key, value_tag

R = TypeVar("R")


def _keep(records: list[R], problem: Callable[[R], str | None], label: Callable[[R], str],
          refused: list[Refusal]) -> list[R]:
    kept = []
    for record in records:
        reason = problem(record)
        if reason is None:
            kept.append(record)
        else:
            refused.append(Refusal(label(record), reason))
    return kept


def _first_missing(names: Iterable[str], known: set[str]) -> str | None:
    return next((name for name in names if value_key(name) not in known), None)


def _unique_names(records: list[R], name_of: Callable[[R], str], what: str,
                  refused: list[Refusal], *, by_tag: bool = False) -> list[R]:
    keys: set[str] = set()
    tags: set[str] = set()

    def problem(record: R) -> str | None:
        name = name_of(record)
        if value_key(name) in keys:
            return f"another {what} in the file has this name"
        if by_tag and value_tag(name) in tags:
            return f"another {what} in the file has the journal tag @{value_tag(name)}"
        keys.add(value_key(name))
        tags.add(value_tag(name))
        return None

    return _keep(records, problem, lambda r: f"{what} '{name_of(r)}'", refused)


def check_references(batch: ImportBatch) -> None:
    refused = batch.refused
    batch.values = _unique_names(batch.values, lambda v: v.name, "value", refused,
                                 by_tag=True)
    values = {value_key(v.name) for v in batch.values}
    batch.value_history = _keep(
        batch.value_history,
        lambda h: None if value_key(h.name) in values else "no value of that name in the file",
        lambda h: f"value_history ('{h.name}' at {h.at:%Y-%m-%d %H:%M})", refused)
    batch.skills = _unique_names(batch.skills, lambda s: s.name, "skill", refused)
    skills = {value_key(s.name) for s in batch.skills}
    batch.skill_history = _keep(
        batch.skill_history,
        lambda h: None if value_key(h.name) in skills else "no skill of that name in the file",
        lambda h: f"skill_history ('{h.name}' at {h.at:%Y-%m-%d %H:%M})", refused)

    def goal_problem(goal: GoalRecord) -> str | None:
        if (name := _first_missing(goal.values, values)) is not None:
            return f"it serves a value the file does not hold: '{name}'"
        for task in goal.tasks:
            if task.skill and value_key(task.skill) not in skills:
                return f"task '{task.title}' names a skill the file does not hold: '{task.skill}'"
        return None

    batch.goals = _goal_tree(_keep(batch.goals, goal_problem, _goal_label, refused), refused)

    def event_problem(event: EventRecord) -> str | None:
        if (name := _first_missing(event.values, values)) is not None:
            return f"it names a value the file does not hold: '{name}'"
        if (name := _first_missing(event.skills, skills)) is not None:
            return f"it names a skill the file does not hold: '{name}'"
        return None

    batch.timeline = _keep(batch.timeline, event_problem,
                           lambda e: f"timeline event '{e.title}'", refused)


def _goal_label(goal: GoalRecord) -> str:
    return f"goal '{goal.title}'" + (f" (ref {goal.ref})" if goal.ref is not None else "")


def _goal_tree(goals: list[GoalRecord], refused: list[Refusal]) -> list[GoalRecord]:
    """Refs unique; every parent in the file, and no goal under itself, however far up."""
    seen: set[int] = set()

    def unique(goal: GoalRecord) -> str | None:
        if goal.ref is not None:
            if goal.ref in seen:
                return f"another goal in the file has ref {goal.ref}"
            seen.add(goal.ref)
        return None

    goals = _keep(goals, unique, _goal_label, refused)
    parent_of = {g.ref: g.parent for g in goals if g.ref is not None}

    def in_a_loop(goal: GoalRecord) -> bool:
        visited = {goal.ref}
        parent = goal.parent
        while parent is not None:
            if parent in visited:
                return True
            visited.add(parent)
            parent = parent_of.get(parent)
        return False

    goals = _keep(goals, lambda g: "its chain of parents loops back on itself"
                  if g.parent is not None and in_a_loop(g) else None, _goal_label, refused)
    # A goal whose parent is missing or refused is refused, and so on down the tree.
    while True:
        kept = _keep(goals, _parent_problem({g.ref for g in goals if g.ref is not None}),
                     _goal_label, refused)
        if len(kept) == len(goals):
            return kept
        goals = kept


def _parent_problem(refs: set[int]) -> Callable[[GoalRecord], str | None]:
    def problem(goal: GoalRecord) -> str | None:
        if goal.parent is None or goal.parent in refs:
            return None
        return f"its parent (ref {goal.parent}) is not in the file, or was refused"
    return problem
