"""The floor for start-up: a bare Textual app with the shell's shape and nothing else.

Five `TabbedContent` tabs, a list (an `OptionList`, as the journal's) of 100 rows in
the first, and a footer; no database, no styles of its own. `bench_startup.py` runs
it beside `compass` and waits for FIRST_ROW, as it waits for the journal's newest
entry.

    .venv/bin/python benchmarks/bare_app.py
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane

TABS = ("Journal", "Values", "Goals", "Timeline", "Vision")
FIRST_ROW = "09:30 Bare app, first row"


class BareApp(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        with TabbedContent():
            for name in TABS:
                with TabPane(name, id=name.lower()):
                    if name == "Journal":
                        yield OptionList(FIRST_ROW, *(f"09:{n % 60:02} row {n}"
                                                      for n in range(1, 100)))
                    else:
                        yield Static(name)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
