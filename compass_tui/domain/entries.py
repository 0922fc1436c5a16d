"""Journal entries as the services and the UI see them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, NamedTuple

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from compass_tui.domain.tags import unique_tags
from compass_tui.domain.text_rules import TITLE_MAX

Rating = int | None
TEMPLATE_NAME_MAX = 100


def capped_title(title: str) -> str:
    if len(title) > TITLE_MAX:
        raise ValueError(f"{len(title):,} characters long; at most {TITLE_MAX} fit "
                         "(put the rest in the text)")
    return title
# Energy and fulfilment, 1 (low) to 5, as the choices a menu offers.
RATING_CHOICES: list[tuple[str, int]] = [(str(n), n) for n in range(1, 6)]


class EntryInput(BaseModel):
    """What a user writes; validated before anything reaches the database."""

    entry_date: datetime
    title: Annotated[str, AfterValidator(capped_title)] = ""
    body: str = ""
    tags: list[str] = Field(default_factory=list)
    starred: bool = False
    energy: Rating = Field(default=None, ge=1, le=5)
    fulfilment: Rating = Field(default=None, ge=1, le=5)
    kind: str = "journal"
    # The template it was started from (its name), kept through every edit.
    template: str | None = Field(default=None, min_length=1, max_length=TEMPLATE_NAME_MAX)

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, tags: list[str]) -> list[str]:
        return unique_tags(tags)

    @model_validator(mode="after")
    def _not_empty(self) -> EntryInput:
        if not self.title.strip() and not self.body.strip():
            raise ValueError("an entry needs a title or some text")
        return self


class Entry(EntryInput):
    model_config = ConfigDict(from_attributes=True)

    # What is stored is read back whole, even a longer title from an import.
    title: str = ""
    id: int
    version: int = 1
    created_at: datetime
    updated_at: datetime


class EntryFields(NamedTuple):
    """An entry's own fields, as an export writes them: a journal of years is read
    without making a model of each entry (the tags are cleaned as Entry cleans them)."""

    entry_date: datetime
    title: str
    body: str
    tags: list[str]
    starred: bool
    energy: int | None
    fulfilment: int | None
    kind: str
    template: str | None


class EntrySummary(BaseModel):
    """One line of the entry list: enough to draw it, nothing more."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    entry_date: datetime
    title: str
    tags: list[str] = Field(default_factory=list)
    starred: bool = False


class EntryCursor(BaseModel):
    """Keyset position in the newest-first list: page on from after this."""

    entry_date: datetime
    id: int


class EntryQuery(BaseModel):
    text: str = ""
    tags: list[str] = Field(default_factory=list)
    starred: bool | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None  # exclusive
    limit: int | None = Field(default=100, ge=1)  # None: no limit
    after: EntryCursor | None = None

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, tags: list[str]) -> list[str]:
        return unique_tags(tags)


class SearchHit(BaseModel):
    entry: EntrySummary
    snippet: str


class Draft(BaseModel):
    """The editor's unsaved text, kept so nothing typed is ever lost."""

    model_config = ConfigDict(from_attributes=True)

    key: str  # "new" or "entry:<id>"
    entry_id: int | None = None
    entry_version: int | None = None
    title: str = ""
    body: str = ""
    tags_text: str = ""
    when_text: str = ""
    starred: bool = False
    energy: Rating = None
    fulfilment: Rating = None
    template: str | None = None
    updated_at: datetime | None = None

    def is_blank(self) -> bool:
        return not (self.title.strip() or self.body.strip() or self.tags_text.strip())
