"""Entry templates: the app's own in seeds/templates/, the user's as Markdown files in
the config folder's templates/ (one of the same name replaces the app's). A new entry
started from one keeps its name."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from compass_tui.config import config_dir, resource_dir
from compass_tui.domain.capture import split_date_prefix, split_title
from compass_tui.domain.entries import Draft, Entry, EntryInput
from compass_tui.domain.entry_templates import (
    EntryTemplate,
    FilledTemplate,
    TemplateError,
    fill_template,
    parse_template,
)
from compass_tui.domain.tags import extract_tags, unique_tags
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals
from compass_tui.services.prompts import prompt_of_the_day

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

SUFFIX = ".md"


def built_in_dir() -> Path:
    return resource_dir("seeds") / "templates"


def user_dir() -> Path:
    return config_dir() / "templates"


class TemplateNotFound(LookupError):
    """No template of that name; the message lists the known ones and where yours go."""


@dataclass(frozen=True)
class Shelf:
    """Every template that can be used, by name, and the files that cannot."""

    templates: list[EntryTemplate] = field(default_factory=list)
    problems: list[TemplateError] = field(default_factory=list)

    def warning(self) -> str | None:
        """One sentence for all the files that were left out."""
        if not self.problems:
            return None
        if len(self.problems) == 1:
            return f"Template left out: {self.problems[0]}"
        return (f"{len(self.problems)} templates left out: "
                + "; ".join(str(problem) for problem in self.problems))


def read_template(path: Path, *, own: bool) -> EntryTemplate:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TemplateError(str(path), None, "not UTF-8 text") from None
    except OSError as exc:
        raise TemplateError(str(path), None, exc.strerror or str(exc)) from None
    return parse_template(path.stem, text, str(path), own=own)


class TemplateLibrary:
    def __init__(self, own: Path | None = None, built_in: Path | None = None) -> None:
        self.own = own or user_dir()
        self.built_in = built_in or built_in_dir()

    def _files(self) -> dict[str, tuple[Path, bool]]:
        """By name (any case); a file of the user's replaces the app's of that name."""
        found: dict[str, tuple[Path, bool]] = {}
        for folder, own in ((self.built_in, False), (self.own, True)):
            try:
                paths = sorted(folder.glob(f"*{SUFFIX}"))
            except OSError:
                continue
            for path in paths:
                if path.is_file():
                    found[path.stem.casefold()] = (path, own)
        return found

    def shelf(self) -> Shelf:
        shelf = Shelf()
        for path, own in self._files().values():
            try:
                shelf.templates.append(read_template(path, own=own))
            except TemplateError as exc:
                shelf.problems.append(exc)
        shelf.templates.sort(key=lambda t: (t.own, (t.description or t.name).casefold()))
        return shelf

    def get(self, name: str) -> EntryTemplate:
        """The template called `name`; TemplateNotFound, or TemplateError for its file."""
        files = self._files()
        found = files.get(name.removesuffix(SUFFIX).casefold())
        if found is None:
            known = ", ".join(sorted(path.stem for path, _own in files.values())) or "none"
            raise TemplateNotFound(f"no template called {name!r} (there are: {known}; "
                                   f"yours go in {self.own}/NAME{SUFFIX})")
        path, own = found
        return read_template(path, own=own)


@plain_refusals
class TemplateService:
    """New entries from templates, dated and filled in by the clock."""

    def __init__(self, repo: Repository, clock: Clock = system_clock,
                 library: TemplateLibrary | None = None) -> None:
        self._entries = repo.entries
        self.clock = clock
        self.library = library or TemplateLibrary()

    @staticmethod
    def filled(template: EntryTemplate, when: datetime) -> FilledTemplate:
        """{prompt} is the prompt of the entry's day, as the editor shows it."""
        return fill_template(template, when, prompt_of_the_day(when.date()).text)

    def draft(self, key: str, template: EntryTemplate) -> Draft:
        """What the editor opens with: the template filled in for now, its tags shown."""
        filled = self.filled(template, self.clock())
        return Draft(key=key, title=filled.title, body=filled.body,
                     tags_text=" ".join(f"@{tag}" for tag in filled.tags),
                     template=template.name)

    def capture(self, template: EntryTemplate, text: str = "") -> Entry:
        """`compass add --template NAME [TEXT]`: TEXT's date prefix dates the entry and
        fills the template; TEXT itself follows the template's text. The template's title
        is the entry's (TEXT's first sentence when the template has none)."""
        now = self.clock()
        when, rest = split_date_prefix(text.strip(), now)
        when = when or now.replace(second=0, microsecond=0)
        filled = self.filled(template, when)
        title, extra = filled.title, rest
        if not title and rest:
            title, extra = split_title(rest)
        body = "\n\n".join(part for part in (filled.body.rstrip(), extra) if part)
        tags = unique_tags([*filled.tags, *extract_tags(f"{title}\n{body}")])
        return self._entries.add(EntryInput(entry_date=when, title=title, body=body,
                                            tags=tags, template=template.name))
