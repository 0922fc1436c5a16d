"""Add a value (from the catalogue or in your own words) or edit one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from compass_tui.domain.values import CatalogueValue, CoreValue, ValueInput, value_key
from compass_tui.ui.common.form_screen import FormScreen


def catalogue_option(value: CatalogueValue) -> Option:
    return Option(Text.assemble((value.name, "bold"), "  ", (value.meaning, "dim")),
                  id=value.name)


class ValueForm(FormScreen[CoreValue]):
    TITLE = "Core value"

    def __init__(self, value: CoreValue | None = None,
                 taken: frozenset[str] = frozenset()) -> None:
        """taken: the keys of names already used, which the catalogue leaves out."""
        super().__init__()
        self.value = value
        self._taken = taken

    def heading(self) -> str:
        return "Add a core value" if self.value is None else f"Edit “{self.value.name}”"

    def compose_fields(self) -> ComposeResult:
        if self.value is None:
            yield Input(placeholder="Filter the catalogue (enter picks the marked one), "
                        "or type your own and press tab",
                        id="value-filter", compact=True)
            yield OptionList(id="value-catalogue")
        with Horizontal(classes="form-row"):
            yield Label("Name", classes="field-label")
            yield Input(id="value-name", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Means to me", classes="field-label")
            yield Input(id="value-meaning", compact=True)
        with Horizontal(classes="form-row"):
            yield Label("Why it matters", classes="field-label")
            yield Input(id="value-why", compact=True)

    def on_mount(self) -> None:
        if self.value is None:
            self._fill_catalogue("")
            self.query_one("#value-filter").focus()
            return
        self.query_one("#value-name", Input).value = self.value.name
        self.query_one("#value-meaning", Input).value = self.value.meaning
        self.query_one("#value-why", Input).value = self.value.why
        self.query_one("#value-name").focus()

    def _fill_catalogue(self, text: str) -> None:
        wanted = text.strip().lower()
        catalogue = self.query_one("#value-catalogue", OptionList)
        catalogue.clear_options()
        matches = [v for v in self.app.values.catalogue()
                   if value_key(v.name) not in self._taken
                   and (wanted in v.name.lower() or wanted in v.meaning.lower())]
        # Names that match come before values that only mention the word.
        matches.sort(key=lambda v: not v.name.lower().startswith(wanted))
        catalogue.add_options(catalogue_option(value) for value in matches)
        # The best match stands marked while typing: the one Enter takes.
        catalogue.highlighted = 0 if wanted and matches else None

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "value-filter":
            self._fill_catalogue(event.value)
            # The name as typed: "Craftsmanship of conversations" stays so.
            self.query_one("#value-name", Input).value = event.value.strip()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "value-filter":
            catalogue = self.query_one("#value-catalogue", OptionList)
            if catalogue.highlighted is not None:
                catalogue.action_select()  # one Enter picks the marked match
            elif catalogue.option_count:  # nothing typed: choose in the catalogue
                catalogue.focus()
                catalogue.highlighted = 0
            else:
                self.query_one("#value-meaning").focus()
        else:
            self.action_submit()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = next(v for v in self.app.values.catalogue() if v.name == event.option.id)
        self.query_one("#value-name", Input).value = chosen.name
        self.query_one("#value-meaning", Input).value = chosen.meaning
        self.query_one("#value-why").focus()

    def save(self) -> CoreValue:
        data = ValueInput(
            name=self.query_one("#value-name", Input).value,
            meaning=self.query_one("#value-meaning", Input).value.strip(),
            why=self.query_one("#value-why", Input).value.strip(),
        )
        if self.value is None:
            return self.app.values.add(data)
        return self.app.values.update(self.value.id, data, self.value.version)
