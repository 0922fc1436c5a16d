"""Personality results (MBTI, Enneagram, ...) and what each says about the work that suits you."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.assessment import PersonalityResult
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.values.personality_form import PersonalityForm

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

EMPTY = ("No results yet. Press n to record one: the framework (MBTI, Enneagram, Big Five, "
         "StrengthsFinder or other), your result, when you took it, and what it says about "
         "the kind of work and team that suit you.")


def result_line(result: PersonalityResult) -> Text:
    """'MBTI · INTJ · 2024-05-01'; an undated result just leaves the date off."""
    parts = [result.framework, result.result]
    if result.taken_on:
        parts.append(result.taken_on.isoformat())
    return Text(" · ".join(parts), no_wrap=True, overflow="ellipsis")


@guard_actions
class PersonalitySection(Horizontal):
    app: CompassApp

    BINDINGS = [
        Binding("n", "add", "Add result", id="personality.add"),
        Binding("e", "edit", "Edit", id="personality.edit"),
        Binding("d", "delete", "Delete", id="personality.delete"),
    ]

    def compose(self) -> ComposeResult:
        yield OptionList(id="personality-list", classes="section-list")
        with VerticalScroll(id="personality-detail", classes="section-detail"):
            yield Static(id="personality-detail-text")

    def on_mount(self) -> None:
        self._results: dict[int, PersonalityResult] = {}
        self._shown_lines: list[tuple[str | None, str]] = []

    def on_show(self) -> None:
        """Read when shown, not at start-up."""
        self.refresh_list()

    @property
    def result_list(self) -> OptionList:
        return self.query_one("#personality-list", OptionList)

    def reload(self) -> None:
        self.refresh_list()

    def focus_default(self) -> None:
        self.result_list.focus()

    def refresh_list(self, select: int | None = None) -> None:
        self._results = {r.id: r for r in self.app.assessment.personality()}
        results = self.result_list
        keep = select if select is not None else self.current_id
        options = [Option(result_line(r), id=str(r.id)) for r in self._results.values()]
        lines = [(o.id, str(o.prompt)) for o in options]
        if lines != self._shown_lines:  # showing the section again unchanged redraws nothing
            self._shown_lines = lines
            results.clear_options()
            results.add_options(options)
        if keep is not None and keep in self._results:
            results.highlighted = results.get_option_index(str(keep))
        elif self._results and results.highlighted is None:
            results.highlighted = 0
        self._show_detail()

    @property
    def current_id(self) -> int | None:
        option = self.result_list.highlighted_option
        return int(option.id) if option is not None and option.id else None

    @property
    def current(self) -> PersonalityResult | None:
        result_id = self.current_id
        return self._results.get(result_id) if result_id is not None else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#personality-detail-text", Static)
        result = self.current
        if result is None:
            detail.update(Text(EMPTY, style="dim"))
            return
        text = Text()
        text.append(f"{result.framework}: ", style="dim")
        text.append(result.result, style="bold")
        taken = result.taken_on.isoformat() if result.taken_on else "date not recorded"
        text.append(f"\nTaken: {taken}", style="dim")
        text.append("\n\nWhat it means for the work and team that suit me\n", style="bold")
        text.append(result.meaning or "Not written yet: e adds it.",
                    style="" if result.meaning else "dim")
        detail.update(text)

    # -- actions --------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(PersonalityForm(), self._saved)

    def action_edit(self) -> None:
        if self.current is not None:
            self.app.push_screen(PersonalityForm(self.current), self._saved)

    def _saved(self, result: PersonalityResult | None) -> None:
        if result is not None:
            self.refresh_list(select=result.id)
        self.result_list.focus()

    def action_delete(self) -> None:
        result = self.current
        if result is None:
            return

        def delete() -> None:
            self.app.assessment.delete_personality(result.id)
            self.refresh_list()

        confirm_then(self, f"Delete the {result.framework} result “{result.result}”?",
                     "Delete", delete, after=self.result_list.focus)
