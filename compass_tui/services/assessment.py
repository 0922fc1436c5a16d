"""Self-assessment use cases: skills and feedback, passions, SWOT, personality."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from compass_tui.domain.assessment import (
    Feedback,
    FeedbackInput,
    Passion,
    PassionInput,
    PersonalityInput,
    PersonalityResult,
    Quadrant,
    Skill,
    SkillInput,
    SwotInput,
    SwotItem,
    taken_on_fault,
)
from compass_tui.domain.entries import EntrySummary
from compass_tui.domain.errors import DuplicateNameError, NotFoundError
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

__all__ = ["AssessmentService", "DuplicateNameError", "NotFoundError"]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _feedback_data(item: Feedback) -> dict[str, Any]:
    return {"giver": item.giver, "given_on": _day(item.given_on), "said": item.said}


@plain_refusals
class AssessmentService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._skills = repo.skills
        self._passions = repo.passions
        self._entries = repo.entries
        self._swot = repo.swot
        self._personality = repo.personality
        self.clock = clock

    # -- skills and feedback --------------------------------------------------

    def skills(self, category: str | None = None, min_level: int | None = None,
               sort: Literal["name", "level", "category"] = "name",
               gaps_only: bool = False) -> list[Skill]:
        return self._skills.list(category=category, min_level=min_level, sort=sort,
                                 gaps_only=gaps_only)

    def add_skill(self, data: SkillInput) -> Skill:
        return self._skills.add(data)

    def set_skill_gap(self, skill_id: int, is_gap: bool) -> Skill:
        return self._skills.set_gap(skill_id, is_gap)

    def update_skill(self, skill_id: int, data: SkillInput,
                     expected_version: int | None = None) -> Skill:
        """With expected_version (the version the form opened), a skill changed in
        another window meanwhile is not overwritten: ChangedElsewhereError."""
        return self._skills.update(skill_id, data, expected_version)

    def delete_skill(self, skill_id: int) -> None:
        self._skills.delete(skill_id)

    def add_feedback(self, data: FeedbackInput) -> Feedback:
        return self._skills.add_feedback(data)

    def delete_feedback(self, feedback_id: int) -> None:
        self._skills.delete_feedback(feedback_id)

    def feedback_for(self, skill_id: int) -> list[Feedback]:
        return self._skills.feedback_for(skill_id)

    def all_feedback(self) -> list[Feedback]:
        return self._skills.all_feedback()

    # -- passions -------------------------------------------------------------

    def passions(self) -> list[Passion]:
        return self._passions.list()

    def add_passion(self, data: PassionInput) -> Passion:
        return self._passions.add(data)

    def update_passion(self, passion_id: int, data: PassionInput,
                       expected_version: int | None = None) -> Passion:
        return self._passions.update(passion_id, data, expected_version)

    def delete_passion(self, passion_id: int) -> None:
        self._passions.delete(passion_id)

    def link_entry(self, passion_id: int, entry_id: int) -> None:
        self._passions.link_entry(passion_id, entry_id)

    def unlink_entry(self, passion_id: int, entry_id: int) -> None:
        self._passions.unlink_entry(passion_id, entry_id)

    def passion_entries(self, passion_id: int, limit: int = 50) -> list[EntrySummary]:
        return self._passions.entries_for(passion_id, limit=limit)

    # -- SWOT -----------------------------------------------------------------

    def swot(self) -> dict[Quadrant, list[SwotItem]]:
        return self._swot.by_quadrant()

    def add_swot(self, data: SwotInput) -> SwotItem:
        return self._swot.add(data)

    def edit_swot(self, item_id: int, data: SwotInput,
                  expected_version: int | None = None) -> SwotItem:
        """Text and quadrant together, in one transaction."""
        return self._swot.edit(item_id, data, expected_version)

    def delete_swot(self, item_id: int) -> None:
        self._swot.delete(item_id)

    def move_swot(self, item_id: int, quadrant: Quadrant) -> SwotItem:
        return self._swot.move(item_id, quadrant)

    def reorder_swot(self, item_id: int, delta: int) -> SwotItem:
        return self._swot.reorder(item_id, delta)

    # -- personality ----------------------------------------------------------

    def personality(self) -> list[PersonalityResult]:
        return self._personality.list()

    def add_personality(self, data: PersonalityInput) -> PersonalityResult:
        self._check_taken_on(data)
        return self._personality.add(data)

    def update_personality(self, result_id: int, data: PersonalityInput,
                           expected_version: int | None = None) -> PersonalityResult:
        self._check_taken_on(data)
        return self._personality.update(result_id, data, expected_version)

    def _check_taken_on(self, data: PersonalityInput) -> None:
        if fault := taken_on_fault(data.taken_on, self.clock().date()):
            raise ValueError(fault)

    def delete_personality(self, result_id: int) -> None:
        self._personality.delete(result_id)

    # -- export ---------------------------------------------------------------

    def _linked_entries(self, entry_ids: list[int]) -> list[dict[str, str]]:
        """Hand-picked entries by date and title: ids mean nothing outside this file."""
        found = (self._entries.get(i, include_trashed=True) for i in entry_ids)
        return [{"date": e.entry_date.strftime("%Y-%m-%d %H:%M"), "title": e.title}
                for e in found if e is not None]

    def level_history_data(self) -> list[dict[str, Any]]:
        """Every level each skill was set to, oldest first (the export's skill_history)."""
        return [{"name": h.name, "level": h.level,
                 "at": h.recorded_at.isoformat(timespec="seconds")}
                for h in self._skills.level_history()]

    def export_data(self) -> dict[str, Any]:
        """The whole self-assessment as plain JSON-able data, without database ids.

        "feedback" holds feedback given on no particular skill, which would
        otherwise be lost from the export.
        """
        by_skill: dict[int | None, list[dict[str, Any]]] = defaultdict(list)
        for item in self._skills.all_feedback():  # two queries in all, not one per skill
            by_skill[item.skill_id].append(_feedback_data(item))
        return {
            "skills": [
                {"name": s.name, "category": s.category, "level": s.level,
                 "evidence": s.evidence, "is_gap": s.is_gap, "feedback": by_skill[s.id]}
                for s in self._skills.list()
            ],
            "feedback": by_skill[None],
            "passions": [{"kind": p.kind, "text": p.text, "tag": p.tag,
                          "entries": self._linked_entries(p.entry_ids)}
                         for p in self._passions.list()],
            "swot": {quadrant: [item.text for item in items]
                     for quadrant, items in self._swot.by_quadrant().items()},
            "personality": [
                {"framework": r.framework, "result": r.result,
                 "taken_on": _day(r.taken_on), "meaning": r.meaning}
                for r in self._personality.list()
            ],
        }
