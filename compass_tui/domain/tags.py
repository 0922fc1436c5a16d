"""Tags are written "@name" in text and stored as lowercase names without "@"."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A tag starts after whitespace or an opening bracket, so e-mail addresses are not tags.
TAG_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{]))@([^\W_][\w\-]*[^\W_]|[^\W_])", re.UNICODE)


def normalise_tag(raw: str) -> str:
    """'@Mentoring' -> 'mentoring'; an empty result means no tag."""
    return raw.strip().lstrip("@").strip().lower()


def extract_tags(text: str) -> list[str]:
    """Every @tag in text, normalised, in order of first appearance."""
    return unique_tags(match.group(1) for match in TAG_RE.finditer(text))


def unique_tags(tags: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for raw in tags:
        tag = normalise_tag(raw)
        if tag and not any(ch.isspace() for ch in tag):
            seen.setdefault(tag, None)
    return list(seen)


def parse_tag_field(text: str) -> list[str]:
    """The editor's tag field: '@a, b  @c' -> ['a', 'b', 'c']."""
    return unique_tags(re.split(r"[\s,;]+", text))
