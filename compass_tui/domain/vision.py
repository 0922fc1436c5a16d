"""The vision: a purpose statement, a board of cards, and the career narrative."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from compass_tui.domain.text_rules import required_text

CardKind = Literal["aspiration", "quote", "affirmation", "image"]
CARD_KINDS: tuple[CardKind, ...] = ("aspiration", "quote", "affirmation", "image")
CARD_SYMBOLS: dict[str, str] = {"aspiration": "✦", "quote": "❝", "affirmation": "☀",
                                "image": "▣"}


class CardInput(BaseModel):
    kind: CardKind = "aspiration"
    text: str = Field(default="", max_length=2000)  # the aspiration, quote or affirmation
    author: str = Field(default="", max_length=200)  # of a quote
    image: str = Field(default="", max_length=1000)  # a path or URL
    caption: str = Field(default="", max_length=500)  # of an image

    @field_validator("text", "author", "image", "caption")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @model_validator(mode="after")
    def _complete(self) -> CardInput:
        if self.kind == "image":
            required_text(self.image, "an image card's path or URL")
            required_text(self.caption, "an image card's caption")
        else:
            required_text(self.text, f"the {self.kind}")
        return self

    @property
    def headline(self) -> str:
        """The words a card shows first."""
        return self.caption if self.kind == "image" else self.text


class Card(CardInput):
    model_config = ConfigDict(frozen=True)

    id: int
    position: int
    pinned: bool = False
    created_at: datetime
    # What a form saves over: a save over an older version is refused.
    version: int = 1


class VisionText(BaseModel):
    """One text of the vision as saved (the purpose statement), and the version a
    form saves over (0: none saved yet)."""

    model_config = ConfigDict(frozen=True)

    text: str = ""
    version: int = 0


class NarrativeVersion(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int
    text: str
    created_at: datetime
    note: str = ""  # "outline drafted from your data", "edited"


class GoalWhy(BaseModel):
    """An active goal and the why behind it, for the Vision tab."""

    model_config = ConfigDict(frozen=True)

    goal_id: int
    title: str
    horizon: str
    why: str
    values: list[str] = Field(default_factory=list)
