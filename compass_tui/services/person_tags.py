"""Which journal tags stand for people, and their names: the seam Insights and the
review read people through.

Until the journal keeps people of its own, the people it knows are those who gave
feedback: "Ana Lima" stands behind the tag @ana-lima (the tag a person's name
proposes). A directory of people, once there, answers the same question with each
person's own tag and name; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from compass_tui.domain.name_keys import value_tag
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:  # not imported to run: `compass insights` reads a file without it
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
        return tags_of_givers(item.giver for item in self._repo.skills.all_feedback())


class GiversNamed:
    """The same directory over givers listed by another reader (newest feedback first)."""

    def __init__(self, givers: Callable[[], Iterable[str]]) -> None:
        self._givers = givers

    def person_tags(self) -> dict[str, str]:
        return tags_of_givers(self._givers())


def tags_of_givers(givers: Iterable[str]) -> dict[str, str]:
    """Tag -> name; the newest feedback's spelling of a name wins."""
    found: dict[str, str] = {}
    for giver in givers:
        name = " ".join(giver.split())
        tag = tag_for_name(name)
        if tag:
            found.setdefault(tag, name)
    return found
