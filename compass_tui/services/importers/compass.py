"""Our own JSON export, read back: the head checked first (format, version), then each
part record by record (one model per part), then the references between them."""

from __future__ import annotations

from typing import Any

from compass_tui.domain.assessment import PersonalityInput, SwotInput
from compass_tui.domain.import_records import (
    CardRecord,
    CheckinRecord,
    EntryRecord,
    EventRecord,
    FeedbackRecord,
    GoalRecord,
    ImportBatch,
    LevelRecord,
    NarrativeRecord,
    PassionRecord,
    RankRecord,
    Refusal,
    SkillRecord,
    ValueRecord,
)
from compass_tui.services.export import FORMAT, VERSION
from compass_tui.services.importers.collect import each
from compass_tui.services.importers.references import check_references
from compass_tui.services.importers.source import ImportFileError, load_json, shown


def _head(doc: Any, name: str) -> None:
    """The format named, and a version this code reads (up to the one it writes)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        hint = ""
        if isinstance(doc, dict) and isinstance(doc.get("entries"), list) and "tags" in doc:
            hint = "; for jrnl's JSON use --format jrnl"
        raise ImportFileError(f"{name} is not a compass-tui export (no \"format\": "
                              f"\"{FORMAT}\"){hint}")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFileError(f"{name} has no readable version number")
    if version > VERSION:
        raise ImportFileError(f"{name} was made by a newer compass-tui (version {version}); "
                              f"this one reads up to {VERSION}")


def _part(doc: dict[str, Any], key: str, kind: type, name: str) -> Any:
    """A part of the document; absent is empty, the wrong type stops the import."""
    value = doc.pop(key, None)
    if value is None:
        return kind()
    if not isinstance(value, kind):
        what = "a list" if kind is list else "an object"
        raise ImportFileError(f"{name}: \"{key}\" should be {what}")
    return value


def read_compass(source: str) -> ImportBatch:
    name = shown(source)
    doc = load_json(source)
    _head(doc, name)
    batch = ImportBatch()
    refused = batch.refused
    batch.entries = each(EntryRecord, _part(doc, "entries", list, name), "entries", refused)
    batch.values = each(ValueRecord, _part(doc, "values", list, name), "values", refused)
    batch.value_history = each(RankRecord, _part(doc, "value_history", list, name),
                               "value_history", refused)
    _assessment(batch, _part(doc, "assessment", dict, name), name)
    batch.skill_history = each(LevelRecord, _part(doc, "skill_history", list, name),
                               "skill_history", refused)
    batch.goals = each(GoalRecord, _part(doc, "goals", list, name), "goals", refused)
    batch.timeline = each(EventRecord, _part(doc, "timeline", list, name), "timeline", refused)
    _vision(batch, _part(doc, "vision", dict, name), name)
    checkins = _part(doc, "checkins", dict, name)  # its "schedule" is the config file's
    batch.checkins = each(CheckinRecord, _part(checkins, "history", list, name),
                          "checkins.history", refused)
    check_references(batch)
    return batch


def _assessment(batch: ImportBatch, part: dict[str, Any], name: str) -> None:
    refused = batch.refused
    batch.skills = each(SkillRecord, _part(part, "skills", list, name),
                        "assessment.skills", refused)
    batch.feedback = each(FeedbackRecord, _part(part, "feedback", list, name),
                          "assessment.feedback", refused)
    batch.passions = each(PassionRecord, _part(part, "passions", list, name),
                          "assessment.passions", refused)
    for quadrant, texts in _part(part, "swot", dict, name).items():
        if not isinstance(texts, list):
            raise ImportFileError(f"{name}: \"assessment.swot.{quadrant}\" should be a list")
        items = [{"quadrant": quadrant, "text": text} for text in texts]
        batch.swot += each(SwotInput, items, f"assessment.swot.{quadrant}", refused)
    batch.personality = each(PersonalityInput, _part(part, "personality", list, name),
                             "assessment.personality", refused)


def _vision(batch: ImportBatch, part: dict[str, Any], name: str) -> None:
    purpose = part.get("purpose") or ""
    if isinstance(purpose, str):
        batch.purpose = purpose.strip()
    else:
        batch.refused.append(Refusal("vision.purpose", "expected text"))
    batch.cards = each(CardRecord, _part(part, "cards", list, name), "vision.cards",
                       batch.refused)
    batch.narrative = each(NarrativeRecord, _part(part, "narrative", list, name),
                           "vision.narrative", batch.refused)

