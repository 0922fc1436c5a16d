"""A review as Markdown (to bring to a performance review, a mentor, the narrative) or
JSON. Each part shows only when the period holds something for it."""

from __future__ import annotations

from typing import Any

from compass_tui.domain.entries import EntrySummary
from compass_tui.domain.insights import span_words
from compass_tui.domain.review import GoalProgress, Review, ValueMove

NOTHING = "Nothing was recorded in this period."


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _mean(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def _measure(goal: GoalProgress) -> str:
    if not goal.metric and goal.target_value is None:
        return ""
    unit = f" {goal.unit}" if goal.unit else ""
    return (f"; {goal.metric or 'measure'}: started at {_num(goal.start_value)}, now "
            f"{_num(goal.current_value)} of {_num(goal.target_value)}{unit}")


def _value_line(move: ValueMove) -> str:
    if move.rank_start is None:
        return f"- {move.name}: new at #{move.rank_end}"
    if move.rank_end is None:
        return f"- {move.name}: #{move.rank_start}, retired"
    if move.moved:
        return f"- {move.name}: #{move.rank_start} → #{move.rank_end}"
    return f"- {move.name}: #{move.rank_end}, held"


def _entry_line(entry: EntrySummary) -> str:
    tags = " ".join("@" + t for t in entry.tags)
    return f"- {entry.entry_date:%Y-%m-%d} {entry.title or '(untitled)'}" + (
        f" {tags}" if tags else "")


def _quote(text: str) -> str:
    return "\n".join("  " + line if line.strip() else "" for line in text.splitlines())


def heading(review: Review) -> str:
    period = review.period
    span = span_words(period.start, period.end) if period.start else "all time"
    return f"Review: {period.words()}" + (f" ({span})" if span != period.words() else "")


def review_markdown(review: Review) -> str:
    out: list[str] = [f"# {heading(review)}", ""]
    if review.is_empty():
        return "\n".join([*out, NOTHING, ""])

    def part(title: str, lines: list[str]) -> None:
        if lines:
            out.extend([f"## {title}", "", *lines, ""])

    part("Goals completed", [f"- {g.title} ({g.horizon}-term), done {g.done_on:%Y-%m-%d}"
                             + (f", due {g.due:%Y-%m-%d}" if g.due else "")
                             for g in review.goals_done])
    part("Progress made", [f"- {g.title}: {_percent(g.percent_start)} → "
                           f"{_percent(g.percent_end)}{_measure(g)}" for g in review.progress])
    part("Tasks done", [f"- {t.done_on:%Y-%m-%d} {t.title} ({t.goal})"
                        for t in review.tasks_done])
    wins = [f"- {e.on:%Y-%m-%d} {e.title}" + (f": {e.what}" if e.what else "")
            + (f"\n  Lesson: {e.lesson}" if e.lesson else "") for e in review.wins]
    wins += [_entry_line(e) for e in review.win_entries]
    wins += [f"- {c.kind.title()} check-in to {c.period_end:%Y-%m-%d}:\n{_quote(c.wins)}"
             for c in review.checkins if c.wins]
    part("Wins", wins)
    setbacks = [f"- {e.on:%Y-%m-%d} {e.title}" + (f": {e.what}" if e.what else "")
                + (f"\n  Lesson: {e.lesson}" if e.lesson else "") for e in review.setbacks]
    setbacks += [_entry_line(e) for e in review.setback_entries]
    setbacks += [f"- {c.kind.title()} check-in to {c.period_end:%Y-%m-%d}:\n"
                 f"{_quote(c.setbacks)}" for c in review.checkins if c.setbacks]
    part("Setbacks", setbacks)
    lessons = [f"- {e.on:%Y-%m-%d} {e.title}" + (f": {e.lesson}" if e.lesson != e.title
                                                 else "") for e in review.lessons]
    lessons += [f"- {c.kind.title()} check-in to {c.period_end:%Y-%m-%d}: {c.lesson}"
                for c in review.checkins if c.lesson and not review.lessons]
    lessons += [_entry_line(e) for e in review.lesson_entries]
    part("Lessons", lessons)
    part("Feedback received", [f"- {f.on:%Y-%m-%d} {f.giver}"
                               + (f" on {f.skill}" if f.skill else "") + f":\n{_quote(f.said)}"
                               for f in review.feedback])
    part("Skills", [f"- {s.name} ({s.category}): " + ("added" if s.added else "changed")
                    + f" {s.changed_on:%Y-%m-%d}, level now {s.level}/5"
                    + (f"; {s.learning_done} learning task{'s' if s.learning_done != 1 else ''}"
                       " done" if s.learning_done else "") for s in review.skills])
    part("Skills whose level changed", [
        f"- {m.name}: {m.level_start}/5 → {m.level_end}/5" for m in review.skill_levels])
    part("People", [f"- {p.name}" + (f" (@{p.tag})" if p.tag else "") + ": "
                    + ", ".join(bit for bit in (
                        f"{p.entries} entr{'ies' if p.entries != 1 else 'y'}" if p.entries
                        else "", f"{p.feedback} feedback note{'s' if p.feedback != 1 else ''}"
                        if p.feedback else "") if bit) for p in review.people])
    if any(v.rank_start != v.rank_end for v in review.values):
        part("Values", [_value_line(v) for v in review.values])
    overall = review.overall
    if overall.rated:
        part("Energy and fulfilment", [
            f"{overall.rated} of {overall.entries} entries rated: fulfilment "
            f"{_mean(overall.fulfilment)}, energy {_mean(overall.energy)} (1-5).", "",
            "| month | entries | fulfilment | energy |", "|---|---|---|---|",
            *(f"| {t.key} | {t.entries} | {_mean(t.fulfilment)} | {_mean(t.energy)} |"
              for t in review.months)])
    elif overall.entries:
        part("Energy and fulfilment", [f"{overall.entries} entries, none rated."])
    part("Starred entries", [_entry_line(e) for e in review.starred])
    return "\n".join(out).rstrip() + "\n"


def _entry_dict(entry: EntrySummary) -> dict[str, Any]:
    return {"id": entry.id, "date": entry.entry_date.date().isoformat(),
            "title": entry.title, "tags": entry.tags}


def review_json(review: Review) -> dict[str, Any]:
    period = review.period
    return {
        "period": {"from": period.start.isoformat() if period.start else None,
                   "to": period.end.isoformat()},
        "goals_completed": [{"title": g.title, "horizon": g.horizon,
                             "done": g.done_on.isoformat(),
                             "due": g.due.isoformat() if g.due else None}
                            for g in review.goals_done],
        "progress": [{"title": g.title, "status": g.status, "percent_start": g.percent_start,
                      "percent_end": g.percent_end, "metric": g.metric, "unit": g.unit,
                      "start_value": g.start_value, "current_value": g.current_value,
                      "target_value": g.target_value} for g in review.progress],
        "tasks_done": [{"title": t.title, "goal": t.goal, "done": t.done_on.isoformat()}
                       for t in review.tasks_done],
        "wins": [{"date": e.on.isoformat(), "title": e.title, "what": e.what,
                  "lesson": e.lesson} for e in review.wins],
        "setbacks": [{"date": e.on.isoformat(), "title": e.title, "what": e.what,
                      "lesson": e.lesson} for e in review.setbacks],
        "lessons": [{"date": e.on.isoformat(), "title": e.title, "lesson": e.lesson}
                    for e in review.lessons],
        "checkins": [{"kind": c.kind, "period_start": c.period_start.isoformat(),
                      "period_end": c.period_end.isoformat(), "wins": c.wins,
                      "setbacks": c.setbacks, "lesson": c.lesson} for c in review.checkins],
        "win_entries": [_entry_dict(e) for e in review.win_entries],
        "setback_entries": [_entry_dict(e) for e in review.setback_entries],
        "lesson_entries": [_entry_dict(e) for e in review.lesson_entries],
        "feedback": [{"giver": f.giver, "date": f.on.isoformat(), "said": f.said,
                      "skill": f.skill} for f in review.feedback],
        "skills": [{"name": s.name, "category": s.category, "level": s.level,
                    "added": s.added, "changed": s.changed_on.isoformat(),
                    "learning_tasks_done": s.learning_done} for s in review.skills],
        "skill_levels": [{"name": m.name, "from": m.level_start, "to": m.level_end}
                         for m in review.skill_levels],
        "people": [{"name": p.name, "tag": p.tag, "entries": p.entries,
                    "feedback": p.feedback} for p in review.people],
        "values": [{"name": v.name, "rank_start": v.rank_start, "rank_end": v.rank_end}
                   for v in review.values],
        "ratings": {"entries": review.overall.entries, "rated": review.overall.rated,
                    "fulfilment": review.overall.fulfilment,
                    "energy": review.overall.energy,
                    "by_month": [{"month": t.key, "entries": t.entries, "rated": t.rated,
                                  "fulfilment": t.fulfilment, "energy": t.energy}
                                 for t in review.months]},
        "starred": [_entry_dict(e) for e in review.starred],
    }
