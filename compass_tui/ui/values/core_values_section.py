"""Ranked core values with what serves them; reorder, retire and restore by keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.values import (
    RECENT_DAYS,
    Alignment,
    CoreValue,
    RankChange,
    ValuesOverview,
    value_key,
    value_tag,
)
from compass_tui.ui.common.latest_read import LatestRead
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.values.rank_history import RankHistoryScreen
from compass_tui.ui.values.value_form import ValueForm

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

RETIRED_HEADING = "retired"
PREFETCH_DELAY = 0.5  # seconds after start-up
EMPTY = ("No core values yet. Press n and pick from the catalogue, or name your own; "
         "then rank them with K and J (1 = the one that wins when two pull apart).")


def served_text(alignment: Alignment | None) -> Text:
    if alignment is None:
        return Text("")
    if alignment.unserved:
        return Text("served by nothing", style="bold red")
    goals = "goal" if alignment.active_goals == 1 else "goals"
    return Text(f"{alignment.active_goals} {goals}", style="green")


def value_line(value: CoreValue, alignment: Alignment | None) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    if value.rank is None:
        line.append("  –  ", style="dim")
        line.append(value.name, style="dim strike")
        return line
    line.append(f"{value.rank:>3}  ", style="bold")
    line.append(value.name, style="bold")
    line.append("  ")
    line.append_text(served_text(alignment))
    if alignment is not None and alignment.recent_entries:
        line.append(f" · {alignment.recent_entries} entries", style="dim")
    return line


def history_text(changes: list[RankChange]) -> str:
    steps = [f"#{c.rank}" if c.rank else "retired" for c in changes]
    dates = [c.recorded_at.strftime("%Y-%m-%d") for c in changes]
    return "  →  ".join(f"{s} ({d})" for s, d in zip(steps, dates, strict=True))


@guard_actions
class CoreValuesSection(LatestRead, Horizontal):
    app: CompassApp

    BINDINGS = [
        Binding("n", "add", "Add", id="values.add"),
        Binding("e", "edit", "Edit", id="values.edit"),
        Binding("K,shift+up", "move(-1)", "Up", id="values.up"),
        Binding("J,shift+down", "move(1)", "Down", id="values.down"),
        Binding("r", "retire", "Retire", id="values.retire",
                tooltip="Retire the value (asks first), or bring a retired one back"),
        Binding("d", "delete", "Delete", id="values.delete"),
        Binding("h", "history", "History", id="values.history"),
    ]

    def compose(self) -> ComposeResult:
        yield OptionList(id="values-list", classes="section-list")
        with VerticalScroll(id="values-detail", classes="section-detail"):
            yield Static(id="values-detail-text")

    def on_mount(self) -> None:
        self._values: dict[int, CoreValue] = {}
        self._alignment: dict[int, Alignment] = {}
        self._shown_lines: list[tuple[str | None, str]] = []
        # Read ahead once start-up has painted, so the first visit draws at once.
        self.set_timer(PREFETCH_DELAY, self.read_latest)

    def on_show(self) -> None:
        """Fresh on every visit (goals and tags change elsewhere), read off the event loop."""
        self.read_latest()

    def _fetch(self) -> ValuesOverview:
        return self.app.values.overview()

    @property
    def value_list(self) -> OptionList:
        return self.query_one("#values-list", OptionList)

    def focus_default(self) -> None:
        self.value_list.focus()

    def reload(self) -> None:
        self.refresh_list()

    def refresh_list(self, select: int | None = None) -> None:
        """Read now (after a change made here), and show it."""
        self.overtake_reads()
        self._show_read(self.app.values.overview(), select)

    def _show_read(self, overview: ValuesOverview, select: int | None) -> None:
        self._alignment = {a.value_id: a for a in overview.alignment}
        self._values = {v.id: v for v in [*overview.active, *overview.retired]}
        options: list[Option] = []
        for value in overview.active:
            options.append(Option(value_line(value, self._alignment.get(value.id)),
                                  id=str(value.id)))
        if overview.retired:
            options.append(Option(Text(RETIRED_HEADING, style="italic dim"), id="heading",
                                  disabled=True))
            options.extend(Option(value_line(value, None), id=str(value.id))
                           for value in overview.retired)
        values = self.value_list
        keep = select if select is not None else self.current_id
        lines = [(o.id, str(o.prompt)) for o in options]
        if lines != self._shown_lines:  # showing the tab again with nothing changed is free
            self._shown_lines = lines
            values.clear_options()
            values.add_options(options)
        if keep is not None and str(keep) in {o.id for o in options}:
            values.highlighted = values.get_option_index(str(keep))
        elif values.highlighted is None or values.highlighted_option is None:
            # The first value, never the "retired" heading (all may be retired).
            selectable = [i for i, o in enumerate(options) if not o.disabled]
            values.highlighted = selectable[0] if selectable else None
        self._show_detail()

    @property
    def current(self) -> CoreValue | None:
        value_id = self.current_id
        return self._values.get(value_id) if value_id is not None else None

    @property
    def current_id(self) -> int | None:
        option = self.value_list.highlighted_option
        return int(option.id) if option is not None and option.id and option.id.isdigit() else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#values-detail-text", Static)
        value = self.current
        if value is None:
            detail.update(Text(EMPTY, style="dim"))
            return
        text = Text()
        text.append(value.name, style="bold")
        text.append(f"   rank {value.rank}" if value.rank else "   retired", style="dim")
        if value.meaning:
            text.append(f"\n\n{value.meaning}")
        if value.why:
            text.append("\n\nWhy it matters: ", style="bold")
            text.append(value.why)
        alignment = self._alignment.get(value.id)
        if alignment is not None:
            text.append("\n\nActive goals serving it: ", style="bold")
            if alignment.unserved:
                text.append("none yet", style="bold red")
            else:
                text.append(str(alignment.active_goals))
            text.append(f"\nEntries tagged @{value_tag(value.name)}, last {RECENT_DAYS} days: ",
                        style="bold")
            text.append(str(alignment.recent_entries))
        changes = self.app.values.history(value.id)
        if changes:
            text.append("\n\nRank over time: ", style="bold")
            text.append(history_text(changes[-6:]), style="dim")
        detail.update(text)

    # -- actions --------------------------------------------------------------

    def action_add(self) -> None:
        # The section holds every value already: the form needs no read of its own.
        taken = frozenset(value_key(v.name) for v in self._values.values())
        self.app.push_screen(ValueForm(taken=taken), self._saved)

    def action_edit(self) -> None:
        if self.current is not None:
            self.app.push_screen(ValueForm(self.current), self._saved)

    def _saved(self, value: CoreValue | None) -> None:
        if value is not None:
            self.refresh_list(select=value.id)
        self.value_list.focus()

    def action_move(self, delta: int) -> None:
        value = self.current
        if value is None or value.rank is None:
            return
        moved = self.app.values.move(value, delta)
        self.refresh_list(select=moved.id)

    def action_retire(self) -> None:
        value = self.current
        if value is None:
            return
        if value.rank is None:
            self.app.values.restore(value.id)
            self.app.notify(f"{value.name} is back in the ranking, at the bottom.", timeout=3)
            self.refresh_list(select=value.id)
            return

        def retire() -> None:
            self.app.values.retire(value.id)
            self.app.notify(f"{value.name} retired; its history is kept. r brings it back.",
                            timeout=4)
            self.refresh_list(select=value.id)

        # Asked, because a ranking is the user's considered judgement: one stray key
        # must not take their #1 out of it.
        confirm_then(self, f"Retire “{value.name}” (#{value.rank})?\nIt leaves the ranking; "
                           "its history is kept and r brings it back.", "Retire", retire)

    def action_delete(self) -> None:
        value = self.current
        if value is None:
            return

        def delete() -> None:
            self.app.values.delete(value.id)
            self.refresh_list()

        confirm_then(self, f"Delete “{value.name}” and its rank history for good?\n"
                           "(r retires it instead, keeping the history.)", "Delete", delete)

    def action_history(self) -> None:
        self.app.push_screen(RankHistoryScreen(self.app.values.history()))
