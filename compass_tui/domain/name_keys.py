"""What makes two names the same, and the journal tag a name stands behind: plain rules
apart from the models, so a quick command can name tags without loading them."""

from __future__ import annotations

import re


def value_key(name: str) -> str:
    """What makes two names the same value: case and spacing do not."""
    return " ".join(name.split()).lower()


def value_tag(name: str) -> str:
    """The journal tag that stands for a value: 'Financial Security' -> 'financial-security'."""
    return re.sub(r"[^\w]+", "-", value_key(name)).strip("-")
