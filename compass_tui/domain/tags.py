"""Tags are written "@name" in text and stored as lowercase names without "@"."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A name starts with a letter or digit; inside it, letters, digits, "_" and "-".
TAG_NAME = r"[^\W_](?:[\w\-]*\w)?"
# "@" must not follow a word character or a URL/e-mail character, so
# "ana@example.com" and "https://x/@y" are not tags, while "**@ana**" is. The "@" is
# matched first and what comes before it looked at after, so the search jumps from one
# "@" to the next instead of trying the look-behind at every character of the text.
TAG_RE = re.compile(rf"@(?<![\w@./:+-]@)({TAG_NAME})", re.UNICODE)
_WHOLE_NAME = re.compile(rf"{TAG_NAME}", re.UNICODE)


def normalise_tag(raw: str) -> str:
    """'@Mentoring' -> 'mentoring'; an empty result means no tag."""
    return raw.strip().lstrip("@").strip().lower()


def is_valid_tag(name: str) -> bool:
    return _WHOLE_NAME.fullmatch(name) is not None


def extract_tags(text: str) -> list[str]:
    """Every @tag in text, normalised, in order of first appearance."""
    if "@" not in text:
        return []
    found = TAG_RE.findall(text)
    if text.isascii():
        # A match is a whole name already, and lower case keeps an ASCII name one.
        return list(dict.fromkeys(name.lower() for name in found))
    return unique_tags(found)


def unique_tags(tags: Iterable[str]) -> list[str]:
    """Normalised, de-duplicated, order kept; names that cannot be tags are dropped."""
    seen: dict[str, None] = {}
    for raw in tags:
        tag = normalise_tag(raw)
        if tag and is_valid_tag(tag):
            seen.setdefault(tag, None)
    return list(seen)


def split_tag_field(text: str) -> list[str]:
    """The editor's tag field as typed: '@a, b  @c' -> ['@a', 'b', '@c']."""
    return [word for word in re.split(r"[\s,;]+", text) if word.strip("@")]


def parse_tag_field(text: str) -> list[str]:
    """'@a, b  @c' -> ['a', 'b', 'c']."""
    return unique_tags(split_tag_field(text))


def invalid_tags(text: str) -> list[str]:
    """Words of the tag field that cannot be tags (for a message, not to drop silently)."""
    return [word for word in split_tag_field(text) if not is_valid_tag(normalise_tag(word))]


def tags_not_in(text: str, tags: Iterable[str]) -> list[str]:
    """The tags `text` does not already show as @words (so a line never says one twice)."""
    shown = set(extract_tags(text))
    return [tag for tag in tags if normalise_tag(tag) not in shown]
