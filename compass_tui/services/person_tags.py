"""Which journal tags stand for people, and their names: the seam Insights and the
review read people through.

Until the journal keeps people of its own, the people it knows are those who gave
feedback: "Ana Lima" stands behind the tag @ana-lima (the tag a person's name
proposes). A directory of people, once there, answers the same question with each
person's own tag and name; nothing else changes.
"""

from __future__ import annotations

from typing import Protocol

from compass_tui.domain.values import value_tag
from compass_tui.services.errors import plain_refusals
from compass_tui.store.repository import Repository


class PersonDirectory(Protocol):
    def person_tags(self) -> dict[str, str]:
        """Tag (without @) -> the person's name."""
        ...


def tag_for_name(name: str) -> str:
    """'Ana Lima' -> 'ana-lima'."""
    return value_tag(name)


@plain_refusals
class FeedbackGivers:
    """The people named as givers of feedback, each behind the tag their name makes."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo

    def person_tags(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for item in self._repo.skills.all_feedback():
            name = " ".join(item.giver.split())
            tag = tag_for_name(name)
            if tag:
                found.setdefault(tag, name)
        return found
