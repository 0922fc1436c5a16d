"""Every saved version of the narrative: read one, or bring it back as the newest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from compass_tui.domain.vision import NarrativeVersion

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

WHEN_FORMAT = "%Y-%m-%d %H:%M"
CURRENT_MARK = "current"
NO_VERSIONS = "No versions yet: o drafts an outline, e writes your own."


def first_words(text: str, width: int = 50) -> str:
    words = " ".join(line.strip("#*_> ") for line in text.splitlines() if line.strip())
    return words if len(words) <= width else words[:width - 1] + "…"


def version_option(version: NarrativeVersion, current: bool) -> Option:
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{version.created_at:{WHEN_FORMAT}}  ", style="bold")
    line.append(version.note or "saved")
    if current:
        line.append(f"  ({CURRENT_MARK})", style="bold")
    line.append(f"  {first_words(version.text)}", style="dim")
    return Option(line, id=str(version.id))


def restore(app: CompassApp, version: NarrativeVersion) -> NarrativeVersion | None:
    """The old text saved again as the newest version (the versions between stay)."""
    restored = app.vision.save_narrative(
        version.text, note=f"restored the version of {version.created_at:{WHEN_FORMAT}}")
    if restored is None:
        app.notify("That version is the current text already.", timeout=3)
    else:
        app.notify(f"The version of {version.created_at:{WHEN_FORMAT}} is the current text "
                   "again, saved as a new version.", timeout=4)
    return restored


class NarrativeVersionsScreen(ModalScreen[NarrativeVersion | None]):
    """Dismissed with the version a restore saved, else None."""

    app: CompassApp

    BINDINGS = [
        Binding("escape,q,v", "close", "Close", id="narrative-versions.close"),
        Binding("r", "restore", "Restore", id="narrative-versions.restore",
                tooltip="Make the highlighted version the current text again"),
    ]

    def __init__(self, versions: list[NarrativeVersion]) -> None:
        super().__init__()
        self.versions = {str(v.id): v for v in versions}
        self.newest = versions[0].id if versions else None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="narrative-versions"):
            yield Static("Narrative versions, newest first · enter reads · r restores",
                         classes="dialog-title")
            if self.versions:
                yield OptionList(*(version_option(v, v.id == self.newest)
                                   for v in self.versions.values()),
                                 id="narrative-version-list")
            else:
                yield Static(NO_VERSIONS, classes="form-hint")

    def on_mount(self) -> None:
        if self.versions:
            listing = self.query_one("#narrative-version-list", OptionList)
            listing.highlighted = 0
            listing.focus()

    @property
    def highlighted(self) -> NarrativeVersion | None:
        if not self.versions:
            return None
        option = self.query_one("#narrative-version-list", OptionList).highlighted_option
        return self.versions.get(option.id or "") if option is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        version = self.versions.get(event.option.id or "")
        if version is None:
            return

        def closed(restored: NarrativeVersion | None) -> None:
            if restored is not None:
                self.dismiss(restored)

        self.app.push_screen(VersionScreen(version, current=version.id == self.newest),
                             closed)

    def action_restore(self) -> None:
        version = self.highlighted
        if version is not None and (restored := restore(self.app, version)) is not None:
            self.dismiss(restored)

    def action_close(self) -> None:
        self.dismiss(None)


class VersionScreen(ModalScreen[NarrativeVersion | None]):
    """One version, read-only."""

    app: CompassApp

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="narrative-version.close"),
        Binding("r", "restore", "Restore", id="narrative-version.restore",
                tooltip="Make this version the current text again"),
    ]

    def __init__(self, version: NarrativeVersion, current: bool) -> None:
        super().__init__()
        self.version = version
        self.current = current

    def compose(self) -> ComposeResult:
        version = self.version
        title = f"Saved {version.created_at:{WHEN_FORMAT}}"
        if version.note:
            title += f" · {version.note}"
        title += f" ({CURRENT_MARK})" if self.current else " · r restores it"
        with Vertical(classes="dialog wide", id="narrative-version-view"):
            yield Static(Content(title), classes="dialog-title")
            with VerticalScroll(id="narrative-version-scroll"):
                yield Markdown(version.text, id="narrative-version-text")

    def on_mount(self) -> None:
        self.query_one("#narrative-version-scroll").focus()

    def action_restore(self) -> None:
        restored = restore(self.app, self.version)
        if restored is not None:
            self.dismiss(restored)

    def action_close(self) -> None:
        self.dismiss(None)
