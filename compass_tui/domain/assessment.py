"""Self-assessment: skills with feedback, passions, SWOT, personality results."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from compass_tui.domain.tags import is_valid_tag, normalise_tag
from compass_tui.domain.text_rules import one_line, required_text

SkillCategory = Literal["technical", "soft", "transferable"]
SKILL_CATEGORIES: tuple[SkillCategory, ...] = ("technical", "soft", "transferable")
SkillSort = Literal["name", "level", "category"]

PassionKind = Literal["absorbs", "fulfils", "problem"]
PASSION_KINDS: dict[PassionKind, str] = {
    "absorbs": "Makes me lose track of time",
    "fulfils": "When I feel most fulfilled",
    "problem": "Problems I love solving",
}

Quadrant = Literal["strength", "weakness", "opportunity", "threat"]
QUADRANTS: tuple[Quadrant, ...] = ("strength", "weakness", "opportunity", "threat")

Framework = Literal["MBTI", "Enneagram", "Big Five", "StrengthsFinder", "Other"]
FRAMEWORKS: tuple[Framework, ...] = ("MBTI", "Enneagram", "Big Five", "StrengthsFinder", "Other")


class SkillInput(BaseModel):
    name: str = Field(max_length=100)
    category: SkillCategory
    level: int = Field(ge=1, le=5)
    evidence: str = ""  # where I showed it
    is_gap: bool = False  # needed for a goal, not there yet

    @field_validator("name")
    @classmethod
    def _name(cls, name: str) -> str:
        return one_line(name, "the name")


class Skill(SkillInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    feedback_count: int = 0
    # What a form saves over: a save over an older version is refused.
    version: int = 1


class SkillLevel(BaseModel):
    """A skill's level as set at a moment: its history, for reviews of a period."""

    skill_id: int
    name: str
    level: int
    recorded_at: datetime


class FeedbackInput(BaseModel):
    skill_id: int | None = None
    giver: str = Field(max_length=200)  # who said it
    given_on: date | None = None
    said: str

    @field_validator("giver")
    @classmethod
    def _giver(cls, giver: str) -> str:
        return required_text(giver, "who said it")

    @field_validator("said")
    @classmethod
    def _said(cls, said: str) -> str:
        return required_text(said, "what they said")


class Feedback(FeedbackInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime


class PassionInput(BaseModel):
    kind: PassionKind
    text: str
    tag: str = ""  # journal entries with this tag show it

    @field_validator("text")
    @classmethod
    def _text(cls, text: str) -> str:
        return required_text(text, "the text")

    @field_validator("tag")
    @classmethod
    def _tag(cls, tag: str) -> str:
        tag = normalise_tag(tag)
        if tag and not is_valid_tag(tag):
            raise ValueError(f"not a tag: {tag} (letters, digits, - and _)")
        return tag


class Passion(PassionInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    position: int
    entry_ids: list[int] = Field(default_factory=list)  # entries picked by hand
    # What a form saves over: a save over an older version is refused.
    version: int = 1


class SwotInput(BaseModel):
    quadrant: Quadrant
    text: str

    @field_validator("text")
    @classmethod
    def _text(cls, text: str) -> str:
        return required_text(text, "the text")


class SwotItem(SwotInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    position: int
    # What a form saves over: a save over an older version is refused.
    version: int = 1


class PersonalityInput(BaseModel):
    framework: Framework
    result: str
    taken_on: date | None = None
    meaning: str = ""  # what it says about the work and team that suit me

    @field_validator("result")
    @classmethod
    def _result(cls, result: str) -> str:
        return required_text(result, "the result")


def taken_on_fault(taken_on: date | None, today: date) -> str | None:
    """A result is dated the day the test was taken: never a day still to come."""
    if taken_on is not None and taken_on > today:
        return (f"taken on: {taken_on.isoformat()} is still to come; give the day you "
                "took the test")
    return None


class PersonalityResult(PersonalityInput):
    model_config = ConfigDict(from_attributes=True)

    id: int
    # What a form saves over: a save over an older version is refused.
    version: int = 1
