"""The timeline's rows: a line per year, then its events, each marked by a symbol
(which alone tells the kind in a terminal without colour) and its date as known."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from compass_tui.domain.timeline import KIND_STYLES, KIND_SYMBOLS, PartialDate, TimelineEvent

APP_MARK = "·app"


@dataclass(frozen=True)
class YearRow:
    year: int
    count: int


Row = YearRow | TimelineEvent


def row_id(row: Row) -> str:
    return f"y{row.year}" if isinstance(row, YearRow) else f"e{row.id}"


def with_years(events: list[TimelineEvent]) -> list[Row]:
    """Events (in their order) with a year line before each year's first event."""
    counts: dict[int, int] = {}
    for event in events:
        counts[event.occurred_on.year] = counts.get(event.occurred_on.year, 0) + 1
    rows: list[Row] = []
    year: int | None = None
    for event in events:
        if event.occurred_on.year != year:
            year = event.occurred_on.year
            rows.append(YearRow(year, counts[year]))
        rows.append(event)
    return rows


def year_line(row: YearRow) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"━━ {row.year} ", style="bold")
    text.append(f"· {row.count} event{'s' if row.count != 1 else ''}", style="dim")
    return text


def event_line(event: TimelineEvent, *, lesson: bool = False) -> Text:
    """"  ◆ Mar 2019   Joined Acme as analyst ·app"; in the lessons view the lesson."""
    when = PartialDate.of(event.occurred_on, event.precision).label()
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(" │ ", style="dim")
    text.append(KIND_SYMBOLS.get(event.kind, "•"), style=KIND_STYLES.get(event.kind, ""))
    text.append(f" {when:<11} ", style="dim")
    text.append(event.lesson.splitlines()[0] if lesson and event.lesson else event.title)
    if event.by_app:
        text.append(f" {APP_MARK}", style="dim italic")
    return text
