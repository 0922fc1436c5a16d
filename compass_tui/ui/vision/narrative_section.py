"""The career narrative as it stands, with its editor, the outline and the versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Markdown, Static

from compass_tui.domain.vision import NarrativeVersion
from compass_tui.ui.common.latest_read import LatestRead
from compass_tui.ui.vision.narrative_editor import NarrativeEditorScreen
from compass_tui.ui.vision.narrative_versions import NarrativeVersionsScreen

if TYPE_CHECKING:
    from compass_tui.ui.app import CompassApp

WHEN_FORMAT = "%Y-%m-%d %H:%M"
NO_NARRATIVE = """\
*No career story yet.*

Press **o** to draft an outline from what the app knows (your purpose, your ranked
values, the milestones and lessons of your timeline, the why of your goals), then
**e** to rewrite it in your own words. Or start from a blank page with **e**.

Every save is kept as a version: **v** lists them."""
DRAFTED = ("Outline drafted from your data and saved as the newest version; earlier "
           "versions stay (v lists them). e rewrites it in your own words.")


def version_line(version: NarrativeVersion | None) -> str:
    if version is None:
        return "Career narrative · no version yet"
    note = f" · {version.note}" if version.note else ""
    return f"Career narrative · saved {version.created_at:{WHEN_FORMAT}}{note}"


class NarrativeSection(LatestRead, VerticalScroll):
    app: CompassApp

    BINDINGS = [
        Binding("e", "edit", "Edit", id="narrative.edit"),
        Binding("o", "outline", "Draft outline", id="narrative.outline"),
        Binding("v", "versions", "Versions", id="narrative.versions"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(Content(version_line(None)), id="narrative-version")
        yield Markdown(NO_NARRATIVE, id="narrative-text")

    def on_mount(self) -> None:
        self.current: NarrativeVersion | None = None

    def on_show(self) -> None:
        self.reload()

    def focus_default(self) -> None:
        self.focus()

    # -- reading ----------------------------------------------------------------

    def reload(self) -> None:
        self.read_latest()

    def _fetch(self) -> NarrativeVersion | None:
        return self.app.vision.narrative()

    def _show_read(self, version: NarrativeVersion | None, _select: None) -> None:
        self.show(version)

    def show(self, version: NarrativeVersion | None) -> None:
        if version == self.current and version is not None:
            return  # showing the section again unchanged parses nothing
        self.current = version
        self.query_one("#narrative-version", Static).update(Content(version_line(version)))
        self.query_one("#narrative-text", Markdown).update(
            version.text if version is not None else NO_NARRATIVE)

    @property
    def text(self) -> str:
        """The Markdown shown (the saved narrative, or the empty page's help)."""
        return self.query_one("#narrative-text", Markdown).source

    # -- actions ------------------------------------------------------------------

    def action_edit(self) -> None:
        # Read now, not from what is shown: a read in flight would start the editor blank.
        current = self.app.vision.narrative()
        self.app.push_screen(NarrativeEditorScreen(current.text if current else "",
                                                   current.id if current else None),
                             self._returned)

    def action_outline(self) -> None:
        self._draft_outline()

    @work(thread=True, exclusive=True, group="vision-outline", exit_on_error=False)
    def _draft_outline(self) -> None:
        """It reads every part of the journal's data: off the event loop."""
        version = self.app.vision.draft_outline_version()
        self.app.call_from_thread(self._drafted, version)

    def _drafted(self, version: NarrativeVersion) -> None:
        self.app.notify(DRAFTED, timeout=6)
        self._changed(version)

    def action_versions(self) -> None:
        self.app.push_screen(NarrativeVersionsScreen(self.app.vision.versions()),
                             self._returned)

    def _returned(self, version: NarrativeVersion | None) -> None:
        """Back from the editor or the versions, with the new version if one was saved."""
        self._changed(version)
        self.focus()

    def _changed(self, version: NarrativeVersion | None) -> None:
        if version is not None:
            self.overtake_reads()  # a read begun before this change is stale
            self.show(version)
