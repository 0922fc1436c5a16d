"""What lifts and what drains: tags, people and goals ranked by the mean fulfilment of
the rated entries that carry them, against the overall mean, with the count beside
each. Enter on a row asks for the entries behind it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from compass_tui.domain.insights import Tally, difference
from compass_tui.services.insights import Insights

NAME_WIDTH = 26


def ranking_row(label: str, tally: Tally, base: float | None) -> Text:
    """`@mentoring   4.80 +1.38  E 4.20  6 rated`, sign and letters saying what colour would."""
    name = label if len(label) <= NAME_WIDTH else label[: NAME_WIDTH - 1] + "…"
    delta = difference(tally.fulfilment, base)
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{name:<{NAME_WIDTH}} ")
    line.append(f"F {tally.fulfilment:.2f} " if tally.fulfilment is not None else "F  –   ",
                style="bold")
    line.append(f"{delta:>6}", style="green" if delta.startswith("+") else
                "red" if delta.startswith("-") else "")
    energy = f"{tally.energy:.2f}" if tally.energy is not None else " –  "
    line.append(f"  E {energy}  {tally.rated} rated", style="dim")
    return line


class RankingList(OptionList):
    """Headings are disabled rows; a row's id says what it stands for ("tag:NAME")."""

    def show(self, insights: Insights) -> None:
        base = insights.overall.fulfilment
        split = insights.split
        minimum = insights.min_entries
        options: list[Option] = []

        def part(title: str, rows: list[tuple[str, str, Tally]], empty: str) -> None:
            options.append(Option(Text(title, style="bold underline"), disabled=True))
            if not rows:
                options.append(Option(Text(empty, style="dim"), disabled=True))
            for key, label, tally in rows:
                options.append(Option(ranking_row(label, tally, base), id=key))

        few = (f"No tag has {minimum} rated entries in this period yet." if not insights.by_tag
               else "Nothing above your mean." if not split.lifts else "")
        part(f"What lifts you (fulfilment above your {_figure(base)}; tags with {minimum}+ "
             "rated entries)", [(f"tag:{t.key}", f"@{t.key}", t) for t in split.lifts],
             few or "Nothing above your mean.")
        part("What drains you (lowest first)",
             [(f"tag:{t.key}", f"@{t.key}", t) for t in split.drains],
             few or "Nothing below your mean.")
        part("People", [(f"tag:{n.tally.key}", f"{n.name} @{n.tally.key}", n.tally)
                        for n in insights.by_person],
             f"No person's tag has {minimum} rated entries in this period.")
        part("Goals", [(f"tag:{n.tally.key}", f"{n.name} @{n.tally.key}", n.tally)
                       for n in insights.by_goal],
             f"No goal's tag has {minimum} rated entries in this period.")
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self.clear_options()
        self.add_options(options)
        ids = [o.id for o in options if o.id]
        if ids:
            self.highlighted = next((i for i, o in enumerate(options)
                                     if o.id == (highlighted if highlighted in ids
                                                 else ids[0])), None)


def _figure(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "–"
