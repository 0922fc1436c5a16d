"""Skills inventory: level, evidence, feedback from others, and the gaps goals need.

The table comes from one list query (feedback counts included); the feedback
itself is read only for the skill under the cursor, so 500 skills open fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import DataTable, Static

from compass_tui.domain.assessment import (
    SKILL_CATEGORIES,
    Feedback,
    Skill,
    SkillCategory,
    SkillSort,
)
from compass_tui.ui.common.section_tools import confirm_then, guard_actions
from compass_tui.ui.values.feedback_form import FeedbackForm
from compass_tui.ui.values.skill_form import LEVEL_WORDS, SkillForm, level_dots

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

SORTS: tuple[SkillSort, ...] = ("name", "level", "category")
CATEGORY_FILTERS: tuple[SkillCategory | None, ...] = (None, *SKILL_CATEGORIES)
LEVEL_FILTERS: tuple[int | None, ...] = (None, 2, 3, 4, 5)
SHORT_CATEGORY: dict[str, str] = {"technical": "tech", "soft": "soft", "transferable": "trans"}
GAP = "gap"

# Column widths (content only; the table adds cell padding on both sides).
LEVEL_W, GAP_W = 5, 3
NARROW = {"category": 5, "feedback": 3}  # "tech", "Fb"
WIDE = {"category": 12, "feedback": 8}  # "transferable", "Feedback"
MIN_WIDE_NAME = 24  # full category names only when the skill names keep this much room
DEFAULT_WIDTH = 43  # the table's width at 80 columns, used until it is laid out

EMPTY = ("No skills yet. Press n to add one: technical (tools, methods), soft (people, "
         "communication) or transferable (what carries from one role to the next). Rate it "
         "1-5, note where you showed it, and press f to keep what others said about it.")
FILTERED_OUT = "No skill matches the filter: c changes the category, l the minimum level."
KEYS_HINT = "f adds feedback · x deletes the newest · g marks or clears the gap"


def skill_row(skill: Skill, wide: bool) -> tuple[Text, ...]:
    category = skill.category if wide else SHORT_CATEGORY[skill.category]
    count = skill.feedback_count
    return (
        Text(skill.name, no_wrap=True, overflow="ellipsis"),
        Text(category),
        level_dots(skill.level),
        Text(GAP, style="bold") if skill.is_gap else Text(""),
        Text(str(count), style="" if count else "dim", justify="right"),
    )


def feedback_item(item: Feedback) -> Group:
    """Who and when on one line, the words indented below so they stand apart."""
    when = item.given_on.isoformat() if item.given_on else "undated"
    head = Text.assemble((f"{when}  ", "dim"), (item.giver, "bold"))
    return Group(Text(""), head, Padding(Text(f"“{item.said}”"), (0, 0, 0, 2)))


@guard_actions
class SkillsSection(Horizontal):
    app: CompassApp

    BINDINGS = [
        Binding("n", "add", "Add", id="skills.add"),
        Binding("e", "edit", "Edit", id="skills.edit"),
        Binding("f", "add_feedback", "Feedback", id="skills.feedback"),
        Binding("g", "toggle_gap", "Gap", id="skills.gap"),
        Binding("o", "cycle_sort", "Sort", id="skills.sort"),
        Binding("c", "cycle_category", "Cat.", id="skills.category"),
        Binding("l", "cycle_level", "Level", id="skills.level"),
        Binding("d", "delete", "Delete", id="skills.delete"),
        Binding("x", "delete_feedback", "Del feedback", id="skills.delete_feedback",
                show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.sort: SkillSort = "name"
        self.category: SkillCategory | None = None
        self.min_level: int | None = None
        self._skills: list[Skill] = []
        self._total = 0
        self._layout: tuple[int, bool] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="skills-pane", classes="section-list"):
            with Horizontal(id="skills-header"):
                yield Static(id="skills-filter")
                yield Static(id="skills-count")
            yield DataTable(id="skills-table", cursor_type="row", zebra_stripes=False)
        with VerticalScroll(id="skills-detail", classes="section-detail"):
            yield Static(id="skills-detail-text")

    def on_show(self) -> None:
        # Read on every showing, not at app start: the tab opens fresh, start-up stays fast.
        self.refresh_table()

    def on_resize(self, _event: Resize) -> None:
        self.call_after_refresh(self._fit_columns)

    @property
    def table(self) -> DataTable:
        return self.query_one("#skills-table", DataTable)

    def reload(self) -> None:
        self.refresh_table()

    def focus_default(self) -> None:
        self.table.focus()

    # -- the table ------------------------------------------------------------

    def refresh_table(self, select: int | None = None) -> None:
        """One query in the current order; the filter is applied here so the header
        can say how many skills it hides. Keeps the cursor on `select` when shown."""
        keep = select if select is not None else self.current_id
        everything = self.app.assessment.skills(sort=self.sort)
        self._total = len(everything)
        self._skills = [skill for skill in everything if self._passes(skill)]
        self._fill(keep)
        self._show_header()

    def _passes(self, skill: Skill) -> bool:
        return ((self.category is None or skill.category == self.category)
                and (self.min_level is None or skill.level >= self.min_level))

    def _fill(self, keep: int | None) -> None:
        table = self.table
        row = table.cursor_row
        name_width, wide = self._layout = self._measure()
        table.clear(columns=True)
        widths = WIDE if wide else NARROW
        table.add_column("Skill", width=name_width, key="name")
        table.add_column("Category" if wide else "Cat.", width=widths["category"], key="category")
        table.add_column("Level", width=LEVEL_W, key="level")
        table.add_column("Gap", width=GAP_W, key="gap")
        table.add_column("Feedback" if wide else "Fb", width=widths["feedback"], key="feedback")
        table.add_rows(skill_row(skill, wide) for skill in self._skills)
        ids = [skill.id for skill in self._skills]
        if keep in ids:
            row = ids.index(keep)
        if ids:
            table.move_cursor(row=min(row, len(ids) - 1), animate=False)
        self._show_detail()

    def _measure(self) -> tuple[int, bool]:
        """The skill column's width, and whether full category names fit beside it."""
        table = self.table
        width = DEFAULT_WIDTH
        if table.size.width:  # laid out: what is left beside the scrollbar
            width = table.size.width - table.styles.scrollbar_size_vertical
        padding = 2 * table.cell_padding * 5
        wide_name = width - padding - LEVEL_W - GAP_W - sum(WIDE.values())
        if wide_name >= MIN_WIDE_NAME:
            return wide_name, True
        return max(8, width - padding - LEVEL_W - GAP_W - sum(NARROW.values())), False

    def _fit_columns(self) -> None:
        if self.table.size.width and self._measure() != self._layout:
            self._fill(self.current_id)

    def _show_header(self) -> None:
        category = self.category or "any category"
        level = {None: "any level", 5: "level 5"}.get(self.min_level, f"level {self.min_level}+")
        self.query_one("#skills-filter", Static).update(
            Text(f"Sort: {self.sort} · {category} · {level}", no_wrap=True, overflow="ellipsis"))
        shown = len(self._skills)
        count = str(shown) if shown == self._total else f"{shown}/{self._total}"
        self.query_one("#skills-count", Static).update(count)

    @property
    def current(self) -> Skill | None:
        row = self.table.cursor_row
        return self._skills[row] if 0 <= row < len(self._skills) else None

    @property
    def current_id(self) -> int | None:
        skill = self.current
        return skill.id if skill is not None else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    # -- the detail -----------------------------------------------------------

    def _show_detail(self) -> None:
        detail = self.query_one("#skills-detail-text", Static)
        skill = self.current
        if skill is None:
            detail.update(Text(FILTERED_OUT if self._total else EMPTY, style="dim"))
            return
        detail.update(Group(self._summary(skill), *self._feedback(skill),
                            Text(f"\n{KEYS_HINT}", style="dim")))

    @staticmethod
    def _summary(skill: Skill) -> Text:
        text = Text()
        text.append(skill.name, style="bold")
        text.append(f"\n{skill.category} · ")
        text.append_text(level_dots(skill.level))
        text.append(f" {skill.level}/5 {LEVEL_WORDS[skill.level]}")
        if skill.is_gap:
            text.append("\n▲ gap: a goal needs it and I lack it", style="bold")
        text.append("\n\nEvidence\n", style="bold underline")
        text.append(skill.evidence or "nothing noted yet (e adds it)",
                    style="" if skill.evidence else "dim")
        return text

    def _feedback(self, skill: Skill) -> list[RenderableType]:
        # The count came with the list query: no feedback query for skills without any.
        feedback = self.app.assessment.feedback_for(skill.id) if skill.feedback_count else []
        if not feedback:
            return [Text.assemble("\n", ("Feedback", "bold underline"),
                                  ("\nnone yet (f adds what someone said)", "dim"))]
        title = Text.assemble("\n", (f"Feedback ({len(feedback)}), newest first",
                                     "bold underline"))
        return [title, *(feedback_item(item) for item in feedback)]

    # -- actions --------------------------------------------------------------

    def action_add(self) -> None:
        self.app.push_screen(SkillForm(), self._saved)

    def action_edit(self) -> None:
        if self.current is not None:
            self.app.push_screen(SkillForm(self.current), self._saved)

    def _saved(self, skill: Skill | None) -> None:
        if skill is not None:
            self.refresh_table(select=skill.id)
            if self.current_id != skill.id:
                self.app.notify(f"Saved “{skill.name}”; the filter hides it (c, l change it).",
                                timeout=4)
        self.table.focus()

    def action_add_feedback(self) -> None:
        skill = self.current
        if skill is None:
            return

        def saved(feedback: Feedback | None) -> None:
            if feedback is not None:
                self.refresh_table(select=skill.id)
            self.table.focus()

        self.app.push_screen(FeedbackForm(skill), saved)

    def action_toggle_gap(self) -> None:
        skill = self.current
        if skill is not None:
            self.app.assessment.set_skill_gap(skill.id, not skill.is_gap)
            self.refresh_table(select=skill.id)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_table()

    def action_cycle_category(self) -> None:
        index = CATEGORY_FILTERS.index(self.category)
        self.category = CATEGORY_FILTERS[(index + 1) % len(CATEGORY_FILTERS)]
        self.refresh_table()

    def action_cycle_level(self) -> None:
        index = LEVEL_FILTERS.index(self.min_level)
        self.min_level = LEVEL_FILTERS[(index + 1) % len(LEVEL_FILTERS)]
        self.refresh_table()

    def action_delete(self) -> None:
        skill = self.current
        if skill is None:
            return

        def delete() -> None:
            self.app.assessment.delete_skill(skill.id)
            self.refresh_table()

        count = skill.feedback_count
        notes = f" and its {count} feedback note{'s' if count > 1 else ''}" if count else ""
        confirm_then(self, f"Delete the skill “{skill.name}”{notes} for good?", "Delete", delete)

    def action_delete_feedback(self) -> None:
        skill = self.current
        if skill is None:
            return
        feedback = self.app.assessment.feedback_for(skill.id)
        if not feedback:
            self.app.notify(f"No feedback on “{skill.name}” to delete.", timeout=3)
            return
        newest = feedback[0]

        def delete() -> None:
            self.app.assessment.delete_feedback(newest.id)
            self.refresh_table(select=skill.id)

        when = newest.given_on.isoformat() if newest.given_on else "undated"
        confirm_then(self, f"Delete the newest feedback on “{skill.name}”?\n\n"
                           f"{newest.giver} ({when}): “{newest.said}”", "Delete", delete)
