"""Insights as `compass insights` prints them: plain text, or JSON for scripts."""

from __future__ import annotations

from typing import Any

from compass_tui.domain.insights import Tally, difference, span_words
from compass_tui.services.insights import Insights, Named

EMPTY_JOURNAL = ("Nothing to say yet: the journal is empty. Write an entry (`compass add`, "
                 "or n in the app) and rate its fulfilment and energy.")
TOP = 10  # lifts and drains listed in text


def nothing_rated(insights: Insights) -> str:
    return (f"No rated entries in {insights.period.words()}: rate an entry's fulfilment "
            "and energy (1-5) in the editor, and this will show what lifts and what "
            "drains you.")


def period_dict(insights: Insights) -> dict[str, str | None]:
    start = insights.start
    return {"from": start.isoformat() if start else None,
            "to": insights.period.end.isoformat()}


def tally_dict(tally: Tally, key: str | None = None) -> dict[str, Any]:
    named = {key: tally.key} if key else {}
    return {**named, "entries": tally.entries, "rated": tally.rated,
            "fulfilment": tally.fulfilment, "energy": tally.energy}


def insights_json(insights: Insights) -> dict[str, Any]:
    overall = insights.overall
    return {
        "period": period_dict(insights),
        "min_entries": insights.min_entries,
        "overall": {"entries": overall.entries, "rated": overall.rated,
                    "fulfilment": overall.fulfilment, "energy": overall.energy},
        "by_tag": [tally_dict(t, "tag") for t in insights.by_tag],
        "by_person": [{"name": n.name, **tally_dict(n.tally, "tag")}
                      for n in insights.by_person],
        "by_goal": [{"goal": n.name, **tally_dict(n.tally, "tag")} for n in insights.by_goal],
        "by_month": [{"month": t.key, **tally_dict(t)} for t in insights.by_month],
        "streak": {"current": insights.streaks.current, "best": insights.streaks.best},
        "moments": [{"id": m.entry.id, "date": m.entry.entry_date.date().isoformat(),
                     "title": m.entry.title, "fulfilment": m.fulfilment,
                     "energy": m.energy, "why": m.reason} for m in insights.moments],
    }


def _figure(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "–"


def ranking_line(label: str, tally: Tally, base: float | None, width: int = 24) -> str:
    name = label if len(label) <= width else label[: width - 1] + "…"
    return (f"  {name:<{width}} {_figure(tally.fulfilment):>5} "
            f"{difference(tally.fulfilment, base):>6}   energy {_figure(tally.energy):>5}"
            f"   {tally.rated} rated")


def _ranking(title: str, items: list[tuple[str, Tally]], base: float | None) -> list[str]:
    if not items:
        return []
    return ["", title, *(ranking_line(label, t, base) for label, t in items)]


def _named(items: list[Named]) -> list[tuple[str, Tally]]:
    return [(f"{n.name} (@{n.tally.key})", n.tally) for n in items]


def insights_text(insights: Insights) -> str:
    overall = insights.overall
    start = insights.start
    span = span_words(start, insights.period.end) if start else "no entries"
    lines = [f"Insights · {insights.period.words()} ({span})",
             f"{overall.entries} entries, {overall.rated} rated · fulfilment "
             f"{_figure(overall.fulfilment)} · energy {_figure(overall.energy)} (1-5)",
             f"Streak: {insights.streaks.current} days now, best {insights.streaks.best} "
             "in the period"]
    if not overall.rated:
        return "\n".join([*lines, "", nothing_rated(insights)]) + "\n"
    base = overall.fulfilment
    split = insights.split
    minimum = (f"tags with at least {insights.min_entries} rated entries, against your "
               f"fulfilment of {_figure(base)}")
    lines += _ranking(f"What lifts you ({minimum})",
                      [(f"@{t.key}", t) for t in split.lifts[:TOP]], base)
    lines += _ranking("What drains you (lowest first)",
                      [(f"@{t.key}", t) for t in split.drains[:TOP]], base)
    if not insights.by_tag:
        lines += ["", f"No tag has {insights.min_entries} rated entries yet in this period: "
                      "a few more, and what lifts and drains you will show."]
    elif insights.tags_below_minimum:
        lines.append(f"  ({insights.tags_below_minimum} more tags have fewer than "
                     f"{insights.min_entries} rated entries)")
    lines += _ranking("People", _named(insights.by_person), base)
    lines += _ranking("Goals", _named(insights.by_goal), base)
    by_year = insights.trend_unit == "year"  # decades of months would not be read
    lines += ["", "By year" if by_year else "By month"]
    lines += [f"  {t.key:<7}  fulfilment {_figure(t.fulfilment):>5}  energy "
              f"{_figure(t.energy):>5}   {t.entries} entries, {t.rated} rated"
              for t in (insights.trend if by_year else insights.by_month)]
    if insights.moments:
        lines += ["", "Moments worth rereading"]
        lines += [f"  {m.entry.entry_date:%Y-%m-%d}  {m.entry.title or '(untitled)'}  "
                  f"({m.reason})" for m in insights.moments]
    return "\n".join(lines) + "\n"
