"""Record by record validation: a record that fails is refused with where it is and
why; the others go on."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from compass_tui.domain.errors import describe
from compass_tui.domain.import_records import Refusal

M = TypeVar("M", bound=BaseModel)
SHOWN_CHARS = 40


def hint(raw: Any) -> str:
    """A few words naming a record in a refusal: its date and title, or its name."""
    if not isinstance(raw, dict):
        return ""
    parts = [str(raw[key]) for key in ("date", "time") if isinstance(raw.get(key), str)]
    for key in ("title", "name", "text", "giver", "framework", "kind"):
        text = raw.get(key)
        if isinstance(text, str) and text.strip():
            words = " ".join(text.split())
            if len(words) > SHOWN_CHARS:
                words = words[:SHOWN_CHARS - 1] + "…"
            parts.append(f"'{words}'")
            break
    return f" ({' '.join(parts)})" if parts else ""


def validated(model: type[M], raw: Any, where: str, refused: list[Refusal]) -> M | None:
    """The record as the model, or None with a refusal added."""
    if not isinstance(raw, dict):
        refused.append(Refusal(where, f"expected an object, found {type(raw).__name__}"))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        refused.append(Refusal(where + hint(raw), describe(exc)))
        return None


def each(model: type[M], items: list[Any], where: str, refused: list[Refusal]) -> list[M]:
    """Every record of a list that validates; the list's slots are emptied as they are
    read, so a long list is not held twice."""
    found: list[M] = []
    for index, raw in enumerate(items):
        items[index] = None
        record = validated(model, raw, f"{where}[{index}]", refused)
        if record is not None:
            found.append(record)
    return found
