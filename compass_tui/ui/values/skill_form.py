"""Add a skill to the inventory or edit one: category, self-rated level, evidence, gap."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Label, Select, Static

from compass_tui.domain.assessment import SKILL_CATEGORIES, Skill, SkillCategory, SkillInput
from compass_tui.domain.text_rules import required_text
from compass_tui.ui.common.form_screen import FormScreen
from compass_tui.ui.common.tick_box import TickBox

MAX_LEVEL = 5
# What each self-rated level means, so two ratings months apart mean the same thing.
LEVEL_WORDS = {1: "beginner", 2: "basic", 3: "capable", 4: "strong", 5: "expert"}
CATEGORY_LABELS: dict[SkillCategory, str] = {
    "technical": "Technical (tools, methods, know-how)",
    "soft": "Soft (people, communication)",
    "transferable": "Transferable (carries across roles)",
}
LEVEL_PROBLEM = "the level is a whole number from 1 (beginner) to 5 (expert)"


def level_dots(level: int) -> Text:
    """●●●○○: the level as filled and empty dots, readable without colour."""
    return Text.assemble(("●" * level, "bold"), ("○" * (MAX_LEVEL - level), "dim"))


def gap_label(is_gap: bool) -> str:
    # Said in words: a ticked and an empty box look alike in 16 colours.
    return ("▲ gap: a goal needs it and I lack it" if is_gap
            else "no gap (space: a goal needs it and I lack it)")


def parse_level(text: str) -> int:
    text = text.strip()
    # Only ASCII digits: "²".isdigit() is true, yet int("²") fails.
    if not (text.isascii() and text.isdecimal()) or not 1 <= int(text) <= MAX_LEVEL:
        raise ValueError(LEVEL_PROBLEM)
    return int(text)


class SkillForm(FormScreen[Skill]):
    TITLE = "Skill"

    def __init__(self, skill: Skill | None = None) -> None:
        super().__init__()
        self.skill = skill

    def heading(self) -> str:
        # The heading is markup; a name may hold "[".
        return "Add a skill" if self.skill is None else f"Edit “{self.skill.name}”"

    def compose_fields(self) -> ComposeResult:
        skill = self.skill
        with Horizontal(classes="form-row"):
            yield Label("Skill", classes="field-label")
            yield Input(skill.name if skill else "", id="skill-name", compact=True,
                        placeholder="e.g. SQL, negotiation, public speaking")
        with Horizontal(classes="form-row"):
            yield Label("Category", classes="field-label")
            yield Select([(CATEGORY_LABELS[c], c) for c in SKILL_CATEGORIES],
                         value=skill.category if skill else "technical",
                         allow_blank=False, id="skill-category", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Level (1-5)", classes="field-label")
            yield Input(str(skill.level) if skill else "", id="skill-level", compact=True,
                        placeholder="1-5")
            yield Static(id="skill-level-dots")
        with Horizontal(classes="form-row"):
            yield Label("Evidence", classes="field-label")
            yield Input(skill.evidence if skill else "", id="skill-evidence", compact=True,
                        placeholder="Where I showed it")
        with Horizontal(classes="form-row"):
            yield Label("", classes="field-label")
            is_gap = skill.is_gap if skill else False
            yield TickBox(gap_label(is_gap), is_gap, id="skill-gap", compact=True)

    def on_mount(self) -> None:
        self._show_level(self.query_one("#skill-level", Input).value)
        self.query_one("#skill-name").focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "skill-level":
            self._show_level(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()  # enter walks the form; ctrl+s saves from anywhere

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = gap_label(event.value)

    def _show_level(self, text: str) -> None:
        dots = self.query_one("#skill-level-dots", Static)
        try:
            level = parse_level(text)
        except ValueError:
            dots.update(Text("1 beginner … 5 expert", style="dim"))
            return
        dots.update(Text.assemble(level_dots(level), f" {LEVEL_WORDS[level]}"))

    def save(self) -> Skill:
        name = required_text(self.query_one("#skill-name", Input).value, "the skill's name")
        data = SkillInput.model_validate({
            "name": name,
            "category": self.query_one("#skill-category", Select).value,  # never blank
            "level": parse_level(self.query_one("#skill-level", Input).value),
            "evidence": self.query_one("#skill-evidence", Input).value.strip(),
            "is_gap": self.query_one("#skill-gap", Checkbox).value,
        })
        if self.skill is None:
            return self.app.assessment.add_skill(data)
        return self.app.assessment.update_skill(self.skill.id, data, self.skill.version)
