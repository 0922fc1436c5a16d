"""Everything as one readable Markdown document: the vision and narrative first, then
values, goals, the timeline with its lessons, and the journal (streamed, oldest
first, so a long journal never sits in memory whole)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from compass_tui.domain.timeline import KIND_SYMBOLS, PartialDate
from compass_tui.domain.vision import CARD_SYMBOLS
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals
from compass_tui.services.goals import GoalsService
from compass_tui.services.timeline import TimelineService
from compass_tui.services.vision import VisionService

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines())


@plain_refusals
class MarkdownExport:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._repo = repo
        self._clock = clock

    def write(self, out: TextIO) -> int:
        """Writes the document; returns the number of journal entries in it."""
        out.write(f"# My career journal\n\n_Exported {self._clock():%Y-%m-%d %H:%M}._\n\n")
        self._vision(out)
        self._values(out)
        self._goals(out)
        self._timeline(out)
        return self._journal(out)

    def _vision(self, out: TextIO) -> None:
        vision = VisionService(self._repo, self._clock)
        purpose = vision.purpose()
        out.write("## Purpose\n\n" + (purpose or "_Not written yet._") + "\n\n")
        narrative = vision.narrative()
        if narrative is not None:
            text = narrative.text
            # The narrative's own headings sit one level below the document's.
            text = "\n".join(f"#{line}" if line.startswith("#") else line
                             for line in text.splitlines())
            out.write(f"## Career narrative\n\n_Version of {narrative.created_at:%Y-%m-%d}._"
                      f"\n\n{text}\n\n")
        cards = vision.cards()
        if cards:
            out.write("## Vision board\n\n")
            for card in cards:
                pin = " (pinned)" if card.pinned else ""
                if card.kind == "quote":
                    by = f"\n>\n> — {card.author}" if card.author else ""
                    out.write(f"{_quote(card.text)}{by}\n\n")
                elif card.kind == "image":
                    out.write(f"- {CARD_SYMBOLS['image']} {card.caption}{pin} "
                              f"(<{card.image}>)\n\n")
                else:
                    out.write(f"- {CARD_SYMBOLS[card.kind]} **{card.kind}**{pin}: "
                              f"{card.text}\n\n")
        whys = vision.goal_whys()
        if whys:
            out.write("## Why behind the goals\n\n")
            for why in whys:
                out.write(f"- **{why.title}** ({why.horizon} term): "
                          f"{why.why or '_no why written yet_'}\n")
            out.write("\n")

    def _values(self, out: TextIO) -> None:
        values = self._repo.values.active()
        if not values:
            return
        out.write("## Core values\n\n")
        for value in values:
            meaning = f": {value.meaning}" if value.meaning else ""
            out.write(f"{value.rank}. **{value.name}**{meaning}\n")
        out.write("\n")

    def _goals(self, out: TextIO) -> None:
        goals = GoalsService(self._repo, self._clock)
        tree = goals.tree()
        if not tree:
            return
        tasks = self._repo.goals.all_tasks()
        out.write("## Goals\n\n")
        for item in tree:
            goal = item.goal
            due = f", due {goal.due_date:%Y-%m-%d}" if goal.due_date else ""
            indent = "  " * item.depth
            out.write(f"{indent}- **{goal.title}** ({goal.horizon} term, {goal.status}{due}, "
                      f"{item.progress:.0f}%)\n")
            for task in tasks.get(goal.id, []):
                box = "x" if task.done else " "
                when = f" (due {task.due:%Y-%m-%d})" if task.due else ""
                out.write(f"{indent}  - [{box}] {task.title}{when}\n")
        out.write("\n")

    def _timeline(self, out: TextIO) -> None:
        timeline = TimelineService(self._repo, self._clock)
        events = timeline.events()
        if not events:
            return
        out.write("## Timeline\n\n")
        year: int | None = None
        for event in events:
            if event.occurred_on.year != year:
                out.write("\n" if year is not None else "")  # a list ends before a heading
                year = event.occurred_on.year
                out.write(f"### {year}\n\n")
            when = PartialDate.of(event.occurred_on, event.precision).label()
            # The list's own bullet is enough where the kind's symbol is a bullet too.
            symbol = KIND_SYMBOLS.get(event.kind, "")
            mark = f"{symbol} " if symbol and symbol != "•" else ""
            out.write(f"- {mark}**{when}** {event.title} _({event.kind})_\n")
            if event.what:
                out.write(f"  {event.what}\n")
            if event.lesson:
                out.write(f"  Lesson: {event.lesson}\n")
        out.write("\n")
        lessons = timeline.lessons()
        if lessons:
            out.write("## Lessons learned\n\n")
            for event in lessons:
                when = PartialDate.of(event.occurred_on, event.precision).label()
                out.write(f"- {event.lesson} ({when}, {event.title})\n")
            out.write("\n")

    def _journal(self, out: TextIO) -> int:
        count = 0
        day: datetime | None = None
        for entry in self._repo.entries.iter_all():
            if count == 0:
                out.write("## Journal\n\n")
            if day is None or entry.entry_date.date() != day.date():
                day = entry.entry_date
                out.write(f"### {day:%A %d %B %Y}\n\n")
            star = " ★" if entry.starred else ""
            out.write(f"#### {entry.entry_date:%H:%M} {entry.title}{star}\n\n")
            meta = [" ".join(f"@{t}" for t in entry.tags)] if entry.tags else []
            if entry.energy:
                meta.append(f"energy {entry.energy}/5")
            if entry.fulfilment:
                meta.append(f"fulfilment {entry.fulfilment}/5")
            if meta:
                out.write(f"_{' · '.join(meta)}_\n\n")
            if entry.body.strip():
                out.write(entry.body.rstrip() + "\n\n")
            count += 1
        return count
