"""The reflection prompt library shipped in seeds/prompts.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from compass_tui.config import resource_dir


@dataclass(frozen=True)
class Prompt:
    """A plain record, not a model: the first frame shows one, before any model loads."""

    theme: str
    text: str


@cache
def load_prompts() -> tuple[Prompt, ...]:
    with (resource_dir("seeds") / "prompts.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return tuple(Prompt(theme=str(item["theme"]), text=str(item["text"]))
                 for item in data["prompt"])


def prompt_of_the_day(day: date) -> Prompt:
    """Same prompt all day; a stride through the library so themes alternate."""
    prompts = load_prompts()
    stride = 7 if len(prompts) % 7 else 11
    return prompts[(day.toordinal() * stride) % len(prompts)]
