"""The application shell: tabs, global keys, drafts kept on quit and on hang-up."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import time
from datetime import date
from typing import ClassVar

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.notifications import SeverityLevel
from textual.widgets import TabbedContent, TabPane

from compass_tui import IMPORTED_AT
from compass_tui.config import Settings, resource_dir
from compass_tui.domain.schedule import LABELS, Kind
from compass_tui.services.checkins import Completed
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.daily_backup import BackupFailed
from compass_tui.services.drafts import new_draft_key
from compass_tui.services.due import DueReport
from compass_tui.services.schedule_file import backup_keep
from compass_tui.services.start_settings import load_start_settings
from compass_tui.services.workspace import Repository, Workspace
from compass_tui.ui.checkins.checkin_screen import CheckinScreen
from compass_tui.ui.checkins.checkins_screen import CheckinsScreen
from compass_tui.ui.checkins.snooze import SnoozeScreen
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.keymap import CheckedKeys, app_scopes, check_keys, shown
from compass_tui.ui.common.list_ends import stop_lists_at_ends
from compass_tui.ui.common.scheduler_bar import SchedulerBar
from compass_tui.ui.goals.goals_tab import GoalsTab
from compass_tui.ui.journal.draft_recovery import Choice, DraftRecoveryScreen
from compass_tui.ui.journal.entry_editor import EntryEditorScreen
from compass_tui.ui.journal.journal_tab import JournalTab
from compass_tui.ui.shell.commands import CompassCommands
from compass_tui.ui.shell.key_help import KeyHelpScreen
from compass_tui.ui.shell.ordered_keys import OrderedKeysApp
from compass_tui.ui.shell.steady_columns import SteadyColumnsDriver
from compass_tui.ui.shell.theme_keeper import ThemeKeeper
from compass_tui.ui.timeline.timeline_tab import TimelineTab
from compass_tui.ui.values.values_tab import ValuesTab
from compass_tui.ui.vision.vision_tab import VisionTab

stop_lists_at_ends()

TABS = ("journal", "values", "goals", "timeline", "vision")
STYLES = resource_dir("styles")
SIXTEEN_COLOUR_SYSTEMS = ("standard", "windows")
HANGUP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
HEAP_SETTLE_SECONDS = 1.0  # after the first paint and the tabs' read-ahead (0.5 s)
DAILY_BACKUP_DELAY = 3.0  # seconds after start-up: well after the first paint
DUE_CHECK_SECONDS = 60  # the day turns, a ritual's hour comes: the widget follows
CHANGE_CHECK_SECONDS = 3.0  # another window's writes show within this


class CompassApp(OrderedKeysApp[int]):
    TITLE = "compass"
    CSS_PATH: ClassVar = [STYLES / name for name in (
        "app.tcss", "journal.tcss", "values.tcss", "common.tcss", "goals.tcss",
        "checkins.tcss", "timeline.tcss", "vision.tcss", "focus.tcss",
    )]
    COMMANDS = App.COMMANDS | {CompassCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit",
                tooltip="Quit; an open draft is kept"),
        Binding("question_mark", "key_help", "Keys", id="app.help"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("n", "new_item", "New", id="app.new", show=False),
        Binding("ctrl+k", "open_checkin", "Check-in", id="app.checkin",
                tooltip="Start (or resume) the check-in that is due"),
        Binding("ctrl+y", "snooze_checkin", "Snooze", id="app.snooze", show=False,
                tooltip="Snooze the due check-in until tomorrow or a chosen day"),
        *(Binding(str(i), f"show_tab('{tab}')", tab.title(), show=False, id=f"app.tab.{tab}")
          for i, tab in enumerate(TABS, start=1)),
    ]

    def __init__(self, repo: Repository, settings: Settings | None = None,
                 clock: Clock = system_clock) -> None:
        super().__init__()
        # Over SSH every animation frame is bytes on the wire and a delay before the
        # screen settles; TEXTUAL_ANIMATIONS=full brings them back.
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"
        self.settings = settings or Settings.load()
        self.clock = clock
        # A file that cannot be used: start anyway, on the defaults, and say why.
        self.start_settings = load_start_settings()
        self.workspace = Workspace(repo, clock, self.start_settings.schedule)
        self._keys: CheckedKeys | None = None
        if self.start_settings.keys:  # the defaults need no checking
            self.set_keymap(self.keys.keymap)
        self.journal = self.workspace.journal
        self.drafts = self.workspace.drafts
        self.values = self.workspace.values
        self.assessment = self.workspace.assessment
        self.goals = self.workspace.goals
        self.timeline = self.workspace.timeline
        self.vision = self.workspace.vision
        self.templates = self.workspace.templates
        self.checkins = self.workspace.checkins
        self.changes = self.workspace.changes
        self.theme_keeper = ThemeKeeper(self)
        self._changes_waiting = False  # seen while something was being edited
        # This instance's key for a new entry's draft (see new_draft_key).
        self.new_draft_key = new_draft_key()
        self.startup_seconds: float | None = None

    def get_driver_class(self) -> type[Driver]:
        """On a Unix terminal, one whose columns hold past an emoji of uncertain width."""
        driver = super().get_driver_class()
        return SteadyColumnsDriver if driver is LinuxDriver else driver

    def compose(self) -> ComposeResult:
        yield SchedulerBar(id="scheduler")
        with TabbedContent(id="tabs", initial="journal"):
            with TabPane("Journal", id="journal"):
                yield JournalTab(id="journal-tab")
            with TabPane("Values", id="values"):
                yield ValuesTab(id="values-tab")
            with TabPane("Goals", id="goals"):
                yield GoalsTab(id="goals-tab")
            with TabPane("Timeline", id="timeline"):
                yield TimelineTab(id="timeline-tab")
            with TabPane("Vision", id="vision"):
                yield VisionTab(id="vision-tab")
        yield KeyBar()

    @property
    def keys(self) -> CheckedKeys:
        """The [keys] of config.toml as applied, beside every binding's defaults."""
        if self._keys is None:
            self._keys = check_keys(self.start_settings.keys, app_scopes())
        return self._keys

    def key_of(self, binding_id: str) -> str:
        """The first key a binding answers to now, as help shows it: for hints in text."""
        keys = self.keys.keys_of(binding_id)
        return shown(keys[0]) if keys else binding_id

    @property
    def scheduler_bar(self) -> SchedulerBar:
        return self.query_one(SchedulerBar)

    def on_mount(self) -> None:
        self.theme_keeper.start(sixteen_colours=self.console.color_system
                                in SIXTEEN_COLOUR_SYSTEMS)
        self.scheduler_bar.today = self.clock().date()
        if loose := self.workspace.privacy_warning():
            self.notify(loose, severity="warning", timeout=20)
        for problem in self.start_settings.problems:
            self.notify(problem, severity="warning", timeout=15)
        for problem in self._keys.problems if self._keys else ():
            self.notify(problem, severity="warning", timeout=15)
        self._install_hangup_handlers()
        self._offer_drafts()
        self.call_after_refresh(self.refresh_due)
        self.set_interval(DUE_CHECK_SECONDS, self.refresh_due)
        self.look_for_changes()  # the first look notes where the database stands
        self.set_interval(CHANGE_CHECK_SECONDS, self.look_for_changes)

    def on_ready(self) -> None:
        self.startup_seconds = time.perf_counter() - IMPORTED_AT
        self.log.info(f"started in {self.startup_seconds * 1000:.0f} ms")
        # Now, so a key pressed in the first second does not pay for a full sweep of
        # start-up's objects; and again once the tabs' read-ahead has settled.
        self._freeze_heap()
        self.set_timer(HEAP_SETTLE_SECONDS, self._freeze_heap)
        self.set_timer(DAILY_BACKUP_DELAY, self._daily_backup)
        self._check_templates()

    @work(thread=True, exclusive=True, group="template-check", exit_on_error=False)
    def _check_templates(self) -> None:
        """A template file that cannot be used is said once at start, not when N is."""
        warning = self.templates.library.shelf().warning()
        if warning:
            self.call_from_thread(self.notify, warning, severity="warning", timeout=15)

    @work(thread=True, exclusive=True, group="backup", exit_on_error=False)
    def _daily_backup(self) -> None:
        """The first start of a day keeps a copy of the database (off the event loop)."""
        try:
            self.workspace.daily_backup(self.clock().date(), keep=backup_keep())
        except BackupFailed as exc:
            self.call_from_thread(self.notify, f"Daily backup failed: {exc}",
                                  severity="warning", timeout=10)

    def _freeze_heap(self) -> None:
        """What start-up built lives as long as the app: once it has settled, keep
        it out of the collector's full sweeps, which otherwise stall a keystroke
        for a tenth of a second now and then. (No collect first: that would be the
        very stall this avoids, and start-up leaves little garbage.)"""
        gc.freeze()

    def on_unmount(self) -> None:
        self.save_open_drafts()  # any other way out (an error, App.exit from code)
        loop = asyncio.get_running_loop()
        for sig in HANGUP_SIGNALS:
            loop.remove_signal_handler(sig)

    def action_help_quit(self) -> None:
        """ctrl+c (a reflex) quits nothing: say how to leave, in plain words. Textual's own
        notice is written in markup, which this app's notices never read."""
        keys = [key for key, active in self.active_bindings.items()
                if active.binding.action in ("quit", "app.quit")]
        self.notify(f"Press {keys[0] if keys else 'ctrl+q'} to quit; open drafts are kept.",
                    title="Do you want to quit?")

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Plain text unless asked: notices quote titles and names the user typed."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- drafts ---------------------------------------------------------------

    def _install_hangup_handlers(self) -> None:
        """A dropped SSH connection sends SIGHUP: keep the words, then leave."""
        loop = asyncio.get_running_loop()
        for sig in HANGUP_SIGNALS:
            loop.add_signal_handler(sig, self._hang_up, sig)

    def _hang_up(self, sig: signal.Signals) -> None:
        self.save_open_drafts()
        self.exit(return_code=128 + sig)

    def save_open_drafts(self) -> None:
        """Write every open editor's text (and check-in's answers) now, changed or not."""
        for screen in self.screen_stack:
            if isinstance(screen, EntryEditorScreen):
                screen.save_draft(force=True)
            elif isinstance(screen, CheckinScreen):
                screen.save_answers()

    def _offer_drafts(self) -> None:
        pending = self.drafts.pending()
        if not pending:
            return
        draft = pending[0]

        def chosen(choice: Choice | None) -> None:
            if choice == "resume":
                self.action_show_tab("journal")
                self.journal_tab.resume_draft(draft)
            elif choice == "discard":
                self.drafts.discard(draft.key)
                self.notify("Draft discarded.", timeout=2)
                self._offer_drafts()

        self.push_screen(DraftRecoveryScreen(draft, len(pending) - 1), chosen)

    # -- actions --------------------------------------------------------------

    @property
    def journal_tab(self) -> JournalTab:
        return self.query_one(JournalTab)

    @property
    def goals_tab(self) -> GoalsTab:
        return self.query_one(GoalsTab)

    async def action_quit(self) -> None:
        self.save_open_drafts()
        self.exit(return_code=0)

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        self._focus_tab(tab)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._focus_tab(event.pane.id or "journal")

    def _focus_tab(self, tab: str) -> None:
        """Focus inside the shown tab, or Textual moves it to a hidden one and switches back."""
        content = self.query_one(f"#{tab}", TabPane).children[0]
        if hasattr(content, "focus_default"):
            content.focus_default()
        else:
            content.focus()

    # -- other windows' writes ----------------------------------------------------

    def on_app_focus(self, _event: events.AppFocus) -> None:
        """Back in this window (the terminal says so): whatever was done elsewhere shows."""
        self.look_for_changes()

    def _editing(self) -> bool:
        """An editor, form, question or search is open over the tabs: nothing under the
        user's hands is redrawn, and what changed is shown once it closes."""
        return len(self.screen_stack) > 1

    def look_for_changes(self) -> None:
        if self._changes_waiting and not self._editing():
            self._show_changes()  # seen while an editor was open, which is closed now
        else:
            self._look_for_changes()

    @work(thread=True, exclusive=True, group="changes", exit_on_error=False)
    def _look_for_changes(self) -> None:
        """A cheap look at the database's version, off the event loop."""
        if self.changes.changed():
            self.call_from_thread(self._show_changes)

    def _show_changes(self) -> None:
        """Read again the tab on screen (the others read when shown) and the strip."""
        if self._editing():  # opened while the look was under way
            self._changes_waiting = True
            return
        self._changes_waiting = False
        active = self.query_one("#tabs", TabbedContent).active
        if active != "journal":
            self.journal_tab.stale = True
        self.query_one(f"#{active}", TabPane).children[0].refresh_from_store()
        self.refresh_due()

    # -- check-ins ------------------------------------------------------------

    @work(thread=True, exclusive=True, group="due", exit_on_error=False)
    def refresh_due(self) -> None:
        """Read what is due off the event loop; the widget shows it."""
        report = self.checkins.report()
        self.call_from_thread(self._show_due, report)

    def _show_due(self, report: DueReport) -> None:
        self.scheduler_bar.today = report.today
        self.scheduler_bar.report = report

    def action_open_checkin(self) -> None:
        """The due check-in (resumed if begun); with nothing due, the check-ins screen."""
        if any(isinstance(screen, CheckinScreen) for screen in self.screen_stack):
            return
        report = self.scheduler_bar.report or self.checkins.report()
        due = report.actionable
        if due:
            self.action_start_checkin(due[0].kind)
        else:
            self.action_checkin_history()

    def action_start_checkin(self, kind: Kind) -> None:
        checkin = self.checkins.open_or_start(kind)
        self.push_screen(CheckinScreen(checkin), self._checkin_closed)

    def _checkin_closed(self, completed: Completed | None) -> None:
        self.refresh_due()
        if completed is None:
            return
        self.journal_tab.reload()
        self.goals_tab.reload()
        self.query_one(TimelineTab).reload()
        self.query_one(VisionTab).reload()
        changes = len(completed.changes)
        self.notify(f"{LABELS[completed.checkin.kind]} done and saved to the journal"
                    + (f"; {changes} change{'s' if changes != 1 else ''} made to the plan."
                       if changes else "."), timeout=5)

    def action_snooze_checkin(self) -> None:
        report = self.scheduler_bar.report or self.checkins.report()
        if not report.actionable:
            self.notify("Nothing due to snooze.", timeout=3)
            return
        item = report.actionable[0]

        def chosen(until: date | None) -> None:
            if until is not None:
                self.checkins.snooze(item.kind, until)
                self.notify(f"{item.label} snoozed until {until:%a %d %b}.", timeout=3)
                self.refresh_due()

        self.push_screen(SnoozeScreen(item.label, report.today), chosen)

    def action_import_timeline(self) -> None:
        self.action_show_tab("timeline")
        self.query_one(TimelineTab).action_import_lines()

    def action_checkin_history(self) -> None:
        self.push_screen(CheckinsScreen(), lambda _result: self.refresh_due())

    def action_key_help(self) -> None:
        self.push_screen(KeyHelpScreen(self.keys.keys_of))

    def action_search(self) -> None:
        self.action_show_tab("journal")
        self.journal_tab.action_search()

    def action_new_item(self) -> None:
        """`n` outside the journal list: new item in whichever tab is showing."""
        active = self.query_one("#tabs", TabbedContent).active
        if active == "journal":
            self.journal_tab.action_new_entry()
            return
        content = self.query_one(f"#{active}", TabPane).children[0]
        add = getattr(content, "action_add", None)
        if add is not None:
            add()
        else:
            self.notify(f"The {active.title()} tab is not built yet.", timeout=3)

    def action_new_entry(self) -> None:
        self.action_show_tab("journal")
        self.journal_tab.action_new_entry()

    def action_on_this_day(self) -> None:
        self.action_show_tab("journal")
        self.journal_tab.action_on_this_day()

    def action_undo_trash(self) -> None:
        self.action_show_tab("journal")
        self.journal_tab.action_undo_trash()

    def action_open_trash(self) -> None:
        self.action_show_tab("journal")
        self.journal_tab.action_open_trash()

    def action_use_theme(self, name: str) -> None:
        self.theme = name
