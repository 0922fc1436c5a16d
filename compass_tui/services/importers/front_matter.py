"""The front matter of a Markdown note, read without a YAML library: the block between
a first line `---` and the next `---` (or `...`), top-level `key: value` lines, flow
lists `[a, b]` and block lists of `- item` lines. Anything else (nested maps, block
text) is passed over: only `title` and `tags` are used."""

from __future__ import annotations

import re

Meta = dict[str, str | list[str]]

_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$")
_ITEM = re.compile(r"^\s*-\s+(.*)$")
_COMMENT = re.compile(r"\s+#.*$")


class FrontMatterError(ValueError):
    """The front matter cannot be read; the message says why."""


def _scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return _COMMENT.sub("", text).strip()


def _value(text: str) -> str | list[str]:
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return [_scalar(item) for item in text[1:-1].split(",") if item.strip()]
    return _scalar(text)


def split_front_matter(text: str) -> tuple[Meta, str]:
    """(metadata, the rest of the note); a note without front matter has none."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise FrontMatterError("the front matter has no closing '---' line")
    meta: Meta = {}
    listing: str | None = None  # the key whose `- item` lines follow
    for raw in lines[1:end]:
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item is not None and listing is not None:
            items = meta[listing]
            if isinstance(items, list):
                items.append(_scalar(item.group(1)))
            continue
        found = _KEY.match(line)
        if found is None:
            continue  # indented or nested: not ours to read
        key, value = found.group(1).lower(), found.group(2) or ""
        listing = key if not value.strip() else None
        meta[key] = _value(value) if value.strip() else []
    return meta, "".join(lines[end + 1:])
