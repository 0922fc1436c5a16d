"""Imported values (with their rank history) and self-assessment: skills and feedback,
passions, SWOT, personality. Each returns what later parts link to by name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from compass_tui.domain.import_records import (
    FeedbackRecord,
    ImportBatch,
    ImportCounts,
    RankRecord,
    ValueRecord,
)
from compass_tui.domain.values import value_key, value_tag
from compass_tui.store.import_entries import find_entry
from compass_tui.store.import_rows import existing, insert_all, insert_ids, lookup
from compass_tui.store.tables import (
    FeedbackRow,
    PassionRow,
    PersonalityRow,
    SkillLevelRow,
    SkillRow,
    SwotRow,
    ValueRankRow,
    ValueRow,
    passion_entries,
)

_UNSET = object()


def _creation_order(values: list[ValueRecord], history: Sequence[RankRecord]
                    ) -> list[ValueRecord]:
    """The order the values were first added, as their rank history tells it (each got a
    rank on the day it was added), else the file's. Ids then follow the same order as in
    the journal the file came from, and lists sorted by id read the same."""
    first_seen: dict[str, int] = {}
    for line in history:
        first_seen.setdefault(value_key(line.name), len(first_seen))
    return sorted(values, key=lambda v: first_seen.get(value_key(v.name), len(first_seen)))


def write_values(conn: Connection, batch: ImportBatch, now: datetime,
                 counts: ImportCounts) -> dict[str, int]:
    """New values and their history; a value already there (same name whatever the
    capitals, or the same journal tag, which the app allows once) keeps its rank.
    Returns value ids by value_key of every name in the file."""
    ids: dict[str, int] = {}
    by_tag: dict[str, int] = {}
    top = 0
    for value_id, name, rank in conn.execute(select(ValueRow.id, ValueRow.name, ValueRow.rank)):
        ids[value_key(name)] = by_tag[value_tag(name)] = value_id
        top = max(top, rank or 0)
    new: list[ValueRecord] = []
    for value in batch.values:
        key = value_key(value.name)
        found = ids.get(key) or by_tag.get(value_tag(value.name))
        if found is not None:
            ids[key] = found
        else:
            new.append(value)
    # New ranked values follow the ones already ranked, in the file's order of rank.
    ranked = sorted((v for v in new if v.rank is not None), key=lambda v: v.rank or 0)
    ranks = {value_key(v.name): top + n for n, v in enumerate(ranked, start=1)}
    ordered = _creation_order(new, batch.value_history)
    rows = [{"name": v.name, "name_key": value_key(v.name), "meaning": v.meaning,
             "why": v.why, "rank": ranks.get(value_key(v.name)),
             "retired_at": None if v.rank is not None else (v.retired or now),
             "created_at": now, "updated_at": now} for v in ordered]
    new_ids = dict(zip((value_key(v.name) for v in ordered),
                       insert_ids(conn, ValueRow.__table__, rows), strict=True))
    ids.update(new_ids)
    # The new values' history as written, then their rank now where it differs.
    history: list[dict[str, Any]] = []
    last: dict[str, object] = {}
    for line in batch.value_history:
        key = value_key(line.name)
        if key in new_ids:
            history.append({"value_id": new_ids[key], "rank": line.rank,
                            "recorded_at": line.at})
            last[key] = line.rank
    for key, value_id in new_ids.items():
        if last.get(key, _UNSET) != ranks.get(key):
            history.append({"value_id": value_id, "rank": ranks.get(key), "recorded_at": now})
    insert_all(conn, ValueRankRow.__table__, history)
    counts.add("values", len(new), len(batch.values) - len(new))
    return ids


def write_skills(conn: Connection, batch: ImportBatch, now: datetime,
                 counts: ImportCounts) -> dict[str, int]:
    """New skills and feedback not yet noted. Returns skill ids by value_key of name."""
    ids: dict[str, int] = lookup(conn, SkillRow.name_key, SkillRow.id)
    new = [s for s in batch.skills if value_key(s.name) not in ids]
    rows = [{"name": s.name, "name_key": value_key(s.name), "category": s.category,
             "level": s.level, "evidence": s.evidence.strip(), "is_gap": s.is_gap,
             "created_at": now, "updated_at": now} for s in new]
    new_ids = dict(zip((value_key(s.name) for s in new),
                       insert_ids(conn, SkillRow.__table__, rows), strict=True))
    ids.update(new_ids)
    counts.add("skills", len(new), len(batch.skills) - len(new))
    # The new skills' level history as written, then their level now where it differs
    # (or where the file kept none): a skill's history ends at the level it holds.
    levels = {value_key(s.name): s.level for s in new}
    history: list[dict[str, Any]] = []
    last: dict[str, int] = {}
    for line in batch.skill_history:
        key = value_key(line.name)
        if key in new_ids:
            history.append({"skill_id": new_ids[key], "level": line.level,
                            "recorded_at": line.at})
            last[key] = line.level
    for key, skill_id in new_ids.items():
        if last.get(key) != levels[key]:
            history.append({"skill_id": skill_id, "level": levels[key], "recorded_at": now})
    insert_all(conn, SkillLevelRow.__table__, history)

    known = existing(conn, FeedbackRow.skill_id, FeedbackRow.giver, FeedbackRow.given_on,
                     FeedbackRow.said)
    groups: list[tuple[int | None, list[FeedbackRecord]]] = [
        (ids[value_key(s.name)], s.feedback) for s in batch.skills]
    groups.append((None, batch.feedback))
    feedback: list[dict[str, Any]] = []
    total = 0
    for skill_id, items in groups:
        total += len(items)
        # Newest first in the file; the list sorts equal days newest-added first, so
        # adding them oldest first keeps the order.
        for item in reversed(items):
            key = (skill_id, item.giver, item.given_on, item.said)
            if key not in known:
                feedback.append({"skill_id": skill_id, "giver": item.giver,
                                 "given_on": item.given_on, "said": item.said,
                                 "created_at": now})
    insert_all(conn, FeedbackRow.__table__, feedback)
    counts.add("feedback", len(feedback), total - len(feedback))
    return ids


def write_reflections(conn: Connection, batch: ImportBatch, now: datetime,
                      counts: ImportCounts) -> None:
    """Passions (with their hand-picked entries), SWOT items and personality results
    not there yet, each list appended to in the file's order."""
    known_passions = existing(conn, PassionRow.kind, PassionRow.text)
    next_position = _next_positions(conn, PassionRow.kind, PassionRow.position)
    added = 0
    for passion in batch.passions:
        if (passion.kind, passion.text) in known_passions:
            continue
        [passion_id] = insert_ids(conn, PassionRow.__table__, [{
            "kind": passion.kind, "text": passion.text, "tag": passion.tag,
            "position": next_position[passion.kind], "created_at": now}])
        next_position[passion.kind] += 1
        added += 1
        # Entries the file does not hold (trashed ones) cannot be linked again.
        linked = (find_entry(conn, link.date, link.title) for link in passion.entries)
        insert_all(conn, passion_entries, [{"passion_id": passion_id, "entry_id": entry_id}
                                           for entry_id in dict.fromkeys(linked) if entry_id])
    counts.add("passions", added, len(batch.passions) - added)

    known_swot = existing(conn, SwotRow.quadrant, SwotRow.text)
    next_position = _next_positions(conn, SwotRow.quadrant, SwotRow.position)
    swot: list[dict[str, Any]] = []
    for item in batch.swot:
        if (item.quadrant, item.text) not in known_swot:
            swot.append({"quadrant": item.quadrant, "text": item.text,
                         "position": next_position[item.quadrant], "created_at": now})
            next_position[item.quadrant] += 1
    insert_all(conn, SwotRow.__table__, swot)
    counts.add("swot", len(swot), len(batch.swot) - len(swot))

    known_results = existing(conn, PersonalityRow.framework, PersonalityRow.result,
                             PersonalityRow.taken_on)
    results = [{**r.model_dump(), "created_at": now} for r in reversed(batch.personality)
               if (r.framework, r.result, r.taken_on) not in known_results]
    insert_all(conn, PersonalityRow.__table__, results)  # oldest first, as for feedback
    counts.add("personality", len(results), len(batch.personality) - len(results))


def _next_positions(conn: Connection, group: Any, position: Any) -> defaultdict[str, int]:
    """Per group (kind, quadrant): the position after the last one."""
    found = conn.execute(select(group, func.max(position)).group_by(group))
    return defaultdict(lambda: 1, {name: last + 1 for name, last in found})
