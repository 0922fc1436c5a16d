"""Entry templates: a Markdown file whose front matter gives the title and the tags and
whose text is the body of a new entry. `{date}`, `{weekday}` and `{prompt}` are filled
in when an entry is started from it; `{{` and `}}` write a brace.

    ---
    title: Weekly wins, {date}
    tags: [wins, review]
    description: three wins, and what made them possible
    ---
    ## What went well
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from compass_tui.domain.entries import TEMPLATE_NAME_MAX, TITLE_MAX
from compass_tui.domain.tags import is_valid_tag, normalise_tag

PLACEHOLDERS = ("date", "weekday", "prompt")
KEYS = ("title", "tags", "description")
_FENCE = "---"
_BRACES = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}|[{}]")
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:(.*)$")
_ITEM = re.compile(r"^\s*-\s+(.*)$")
_KNOWN = ", ".join("{" + name + "}" for name in PLACEHOLDERS)


class TemplateError(ValueError):
    """A template that cannot be used: the file, the line and why."""

    def __init__(self, origin: str, line: int | None, reason: str) -> None:
        where = f"{origin}, line {line}" if line is not None else origin
        super().__init__(f"{where}: {reason}")
        self.origin = origin
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class EntryTemplate:
    name: str  # the file's name without .md: what `compass add --template` takes
    title: str = ""  # a pattern, placeholders unfilled
    body: str = ""
    tags: tuple[str, ...] = ()
    description: str = ""
    origin: str = ""  # the file, for messages
    own: bool = False  # from the user's templates folder, not the app's


@dataclass(frozen=True)
class FilledTemplate:
    title: str
    body: str
    tags: list[str] = field(default_factory=list)


def check_pattern(text: str, origin: str, first_line: int) -> None:
    """TemplateError at the first placeholder that is not known, or a lone brace."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        for found in _BRACES.finditer(line):
            token = found.group(0)
            if token in ("{{", "}}"):
                continue
            name = found.group(1)
            if name is None:
                raise TemplateError(origin, number, f"a lone {token!r}; write {token * 2!r} "
                                    "for a brace")
            if name not in PLACEHOLDERS:
                raise TemplateError(origin, number, f"unknown placeholder {token} (known: "
                                    f"{_KNOWN}; write {{{{ and }}}} for a brace)")


def fill(pattern: str, values: dict[str, str]) -> str:
    """The pattern with its placeholders replaced (checked first with check_pattern)."""
    def one(found: re.Match[str]) -> str:
        token = found.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return values[found.group(1)]

    return _BRACES.sub(one, pattern)


def _scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _tags(raw: list[str], origin: str, line: int) -> list[str]:
    names = []
    for word in raw:
        tag = normalise_tag(word)
        if not is_valid_tag(tag):
            raise TemplateError(origin, line, f"not a tag: {word!r} (letters, digits, - and _)")
        names.append(tag)
    return list(dict.fromkeys(names))


def _words(value: str) -> list[str]:
    """"[a, b]", "a, b" or "@a @b" as the words they list."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    return [_scalar(word) for word in re.split(r"[\s,]+", value) if _scalar(word)]


@dataclass
class _Meta:
    values: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # where each key was set


def _front_matter(lines: list[str], origin: str) -> tuple[_Meta, int]:
    """The settings above the body and the index of the body's first line."""
    meta = _Meta()
    if not lines or lines[0].strip() != _FENCE:
        return meta, 0
    listing = False  # `tags:` alone on its line: `- name` lines follow
    for index in range(1, len(lines)):
        line, number = lines[index].rstrip(), index + 1
        if line.strip() == _FENCE:
            meta.tags = _tags(meta.tags, origin, meta.lines.get("tags", 1))
            return meta, index + 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item is not None and listing:
            meta.tags.append(_scalar(item.group(1)))
            continue
        found = _KEY_LINE.match(line)
        if found is None:
            raise TemplateError(origin, number, "the front matter takes `key: value` lines "
                                f"({', '.join(KEYS)})")
        key, value = found.group(1).lower(), found.group(2).strip()
        if key not in KEYS:
            raise TemplateError(origin, number, f"unknown setting {key!r} (known: "
                                f"{', '.join(KEYS)})")
        if key in meta.lines:
            raise TemplateError(origin, number, f"{key!r} is set twice")
        meta.lines[key] = number
        listing = key == "tags" and not value
        if key == "tags":
            meta.tags = _words(value)
        else:
            meta.values[key] = _scalar(value)
    raise TemplateError(origin, 1, "the front matter opened here has no closing '---' line")


def parse_template(name: str, text: str, origin: str, *, own: bool = False) -> EntryTemplate:
    """A template from its file's text; TemplateError naming the line at fault."""
    if not name.strip() or len(name) > TEMPLATE_NAME_MAX:
        raise TemplateError(origin, None, f"a template's file name should be 1 to "
                            f"{TEMPLATE_NAME_MAX} characters before .md")
    lines = text.replace("\r\n", "\n").split("\n")
    meta, start = _front_matter(lines, origin)
    title = meta.values.get("title", "")
    title_line = meta.lines.get("title", 1)
    if len(title) > TITLE_MAX:
        raise TemplateError(origin, title_line, f"the title is longer than {TITLE_MAX} "
                            "characters")
    check_pattern(title, origin, title_line)
    body = "\n".join(lines[start:])
    check_pattern(body, origin, start + 1)
    return EntryTemplate(name=name, title=title, body=body.strip("\n"), tags=tuple(meta.tags),
                         description=meta.values.get("description", ""), origin=origin,
                         own=own)


def fill_template(template: EntryTemplate, when: datetime, prompt: str) -> FilledTemplate:
    """The entry's title, body and tags for a day: {date} is YYYY-MM-DD, {weekday} the
    day's name, {prompt} the reflection prompt given."""
    values = {"date": when.strftime("%Y-%m-%d"), "weekday": when.strftime("%A"),
              "prompt": prompt}
    return FilledTemplate(title=fill(template.title, values).strip(),
                          body=fill(template.body, values), tags=list(template.tags))
