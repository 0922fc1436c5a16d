"""An event in full: when, what kind, what happened, the lesson, what it touched."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from compass_tui.domain.timeline import (
    KIND_STYLES,
    KIND_SYMBOLS,
    SOURCES,
    PartialDate,
    TimelineEvent,
)
from compass_tui.ui.timeline.rows import YearRow

HINTS = ("n new · e edit · d delete · y jump to a year · f kind · a app events · "
         "l lessons · i import lines")


def event_text(event: TimelineEvent, values: dict[int, str], skills: dict[int, str]) -> Group:
    when = PartialDate.of(event.occurred_on, event.precision).label()
    head = Text()
    head.append(f"{KIND_SYMBOLS.get(event.kind, '•')} {event.kind}",
                style=KIND_STYLES.get(event.kind, "") or "bold")
    head.append(f" · {when}", style="dim")
    if event.by_app:
        head.append(f" · recorded by the app ({SOURCES.get(event.source, event.source)})",
                    style="dim italic")
    parts: list[Text] = [head, Text(event.title, style="bold"), Text("")]
    if event.what:
        parts += [Text("What happened", style="underline"), Text(event.what), Text("")]
    if event.lesson:
        parts += [Text("Lesson learned", style="underline"), Text(event.lesson), Text("")]
    linked_values = [values[v] for v in event.value_ids if v in values]
    linked_skills = [skills[s] for s in event.skill_ids if s in skills]
    if linked_values:
        parts.append(Text("Values: " + ", ".join(linked_values)))
    if linked_skills:
        parts.append(Text("Skills: " + ", ".join(linked_skills)))
    if not (event.what or event.lesson or linked_values or linked_skills):
        parts.append(Text("e adds what happened, the lesson it taught, and the values "
                          "and skills it touched.", style="dim"))
    parts += [Text(""), Text(HINTS, style="dim")]
    return Group(*parts)


def year_text(row: YearRow) -> Text:
    text = Text(f"{row.year}\n", style="bold")
    text.append(f"{row.count} event{'s' if row.count != 1 else ''} this year.\n\n")
    text.append(HINTS, style="dim")
    return text
