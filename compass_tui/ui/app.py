"""The application shell: tabs, global keys, drafts kept on quit and on hang-up."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.notifications import SeverityLevel
from textual.widgets import TabbedContent, TabPane

from compass_tui import IMPORTED_AT
from compass_tui.config import Settings, resource_dir
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.drafts import new_draft_key
from compass_tui.services.schedule_file import backup_keep
from compass_tui.services.start_settings import load_start_settings
from compass_tui.ui.common.key_bar import KeyBar
from compass_tui.ui.common.keymap import CheckedKeys, app_scopes, check_keys, shown
from compass_tui.ui.common.list_ends import stop_lists_at_ends
from compass_tui.ui.common.scheduler_bar import SchedulerBar
from compass_tui.ui.shell.commands import CompassCommands
from compass_tui.ui.shell.opening_view import OpeningView
from compass_tui.ui.shell.ordered_keys import OrderedKeysApp
from compass_tui.ui.shell.steady_columns import SteadyColumnsDriver
from compass_tui.ui.shell.theme_keeper import ThemeKeeper

# The tabs, their screens and the database stack load once the shell is on screen
# (ui/shell/areas.py), so these are imported where they are used.
if TYPE_CHECKING:
    from compass_tui.domain.entry_line import EntryLine
    from compass_tui.domain.insights import Period
    from compass_tui.domain.schedule import Kind
    from compass_tui.services.checkins import Completed
    from compass_tui.services.due import DueReport
    from compass_tui.services.insights import Insights
    from compass_tui.services.workspace import Repository, Workspace
    from compass_tui.ui.goals.goals_tab import GoalsTab
    from compass_tui.ui.journal.draft_recovery import Choice
    from compass_tui.ui.journal.journal_tab import JournalTab

# Opens the journal in a worker, saying in words what it is doing on the way (an
# upgrade); raises, with the reason as its text, when the journal cannot be opened.
Opener = Callable[[Callable[[str], None]], "Repository"]

stop_lists_at_ends()

TABS = ("journal", "values", "goals", "timeline", "vision")
STYLES = resource_dir("styles")
SIXTEEN_COLOUR_SYSTEMS = ("standard", "windows")
HANGUP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
HEAP_SETTLE_SECONDS = 1.0  # after the first paint and the tabs' read-ahead (0.5 s)
DAILY_BACKUP_DELAY = 3.0  # seconds after start-up: well after the first paint
DUE_CHECK_SECONDS = 60  # the day turns, a ritual's hour comes: the widget follows
CHANGE_CHECK_SECONDS = 3.0  # another window's writes show within this
INSIGHTS_READ_AHEAD = 2.0  # seconds after start-up: Insights then opens on figures at once


class CompassApp(OrderedKeysApp[int]):
    TITLE = "compass"
    CSS_PATH: ClassVar = [STYLES / name for name in (
        "app.tcss", "journal.tcss", "values.tcss", "common.tcss", "goals.tcss",
        "checkins.tcss", "timeline.tcss", "vision.tcss", "insights.tcss", "focus.tcss",
    )]
    # What the first frame draws (the shell, the Journal's frame): the first files, so
    # the rest read once the journal is open still come in the same order.
    SHELL_STYLES: ClassVar = 2
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
        Binding("I", "insights", "Insights", id="app.insights", show=False,
                tooltip="What lifts and drains you, trends, the year, a review"),
        *(Binding(str(i), f"show_tab('{tab}')", tab.title(), show=False, id=f"app.tab.{tab}")
          for i, tab in enumerate(TABS, start=1)),
    ]

    def __init__(self, repo: Repository | None, settings: Settings | None = None,
                 clock: Clock = system_clock, *, opener: Opener | None = None,
                 first_page: Sequence[EntryLine] | None = None) -> None:
        """With a repository, the app starts on it as it is. With none, `opener` opens
        one in a worker once the shell is on screen, the Journal showing `first_page`
        (its newest entries, read ahead without the database stack) meanwhile."""
        super().__init__()
        # Over SSH every animation frame is bytes on the wire and a delay before the
        # screen settles; TEXTUAL_ANIMATIONS=full brings them back.
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"
        self.settings = settings or Settings.load()
        self.clock = clock
        # A file that cannot be used: start anyway, on the defaults, and say why.
        self.start_settings = load_start_settings()
        self._keys: CheckedKeys | None = None
        self._opener = opener
        self._first_page = first_page
        # Why the journal could not be opened (the opener's error), for the caller.
        self.open_error: Exception | None = None
        self.workspace: Workspace | None = None
        # The figures Insights showed last: painted at once when it opens on them again.
        self.insights_cache: Insights | None = None
        if repo is not None:
            from compass_tui.services.workspace import Workspace

            self._use(Workspace(repo, clock, self.start_settings.schedule))
        else:
            self.opening = True  # keys wait for the journal (see OrderedKeysApp)
            self.css_path, self._area_styles = (self.css_path[:self.SHELL_STYLES],
                                                self.css_path[self.SHELL_STYLES:])
        self.theme_keeper = ThemeKeeper(self)
        self._changes_waiting = False  # seen while something was being edited
        # This instance's key for a new entry's draft (see new_draft_key).
        self.new_draft_key = new_draft_key()
        self.startup_seconds: float | None = None

    def _use(self, workspace: Workspace) -> None:
        """The journal is open: its services, and the keys as config.toml moves them."""
        from compass_tui.ui.shell import areas  # noqa: F401  (every binding, for the key check)

        self.workspace = workspace
        self.journal = workspace.journal
        self.drafts = workspace.drafts
        self.values = workspace.values
        self.assessment = workspace.assessment
        self.goals = workspace.goals
        self.timeline = workspace.timeline
        self.vision = workspace.vision
        self.templates = workspace.templates
        self.checkins = workspace.checkins
        self.changes = workspace.changes
        self.insights = workspace.insights
        self.review = workspace.review
        if self.start_settings.keys:  # the defaults need no checking
            self.set_keymap(self.keys.keymap)

    def get_driver_class(self) -> type[Driver]:
        """On a Unix terminal, one whose columns hold past an emoji of uncertain width."""
        driver = super().get_driver_class()
        return SteadyColumnsDriver if driver is LinuxDriver else driver

    def compose(self) -> ComposeResult:
        yield SchedulerBar(id="scheduler")
        with TabbedContent(id="tabs", initial="journal"):
            for tab in TABS:
                with TabPane(tab.title(), id=tab):
                    if self.workspace is not None:
                        from compass_tui.ui.shell.areas import tab_widget

                        yield tab_widget(tab)
                    elif tab == "journal":
                        yield OpeningView(self._first_page, self.clock().date())
        yield KeyBar()

    @property
    def keys(self) -> CheckedKeys:
        """The [keys] of config.toml as applied, beside every binding's defaults."""
        if self._keys is None:
            from compass_tui.ui.shell import areas  # noqa: F401  (every binding to check)

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
        for problem in self.start_settings.problems:
            self.notify(problem, severity="warning", timeout=15)
        self._install_hangup_handlers()
        if self.workspace is not None:
            self._journal_ready()
        else:
            self.call_after_refresh(self._open_journal)

    # -- opening the journal after the first frame ----------------------------------

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_journal(self) -> None:
        """The database stack, the tabs' modules and the journal itself, off the event
        loop; a journal that cannot be opened ends the app with its reason."""
        assert self._opener is not None
        try:
            repo = self._opener(self._say_opening)
            from compass_tui.services.workspace import Workspace
            from compass_tui.ui.shell import areas  # noqa: F401  (loaded here, off the loop)

            workspace = Workspace(repo, self.clock, self.start_settings.schedule)
        except Exception as exc:  # the caller says it, or shows the bug (see open_error)
            self.call_from_thread(self._cannot_open, exc)
            return
        self.call_from_thread(self._journal_opened, workspace)

    def _say_opening(self, message: str) -> None:
        """From the opener's thread: what it is doing (an upgrade), shown at once."""
        self.call_from_thread(self._show_opening, message)

    def _show_opening(self, message: str) -> None:
        for view in self.query(OpeningView):
            view.say(message)
        self.notify(message, timeout=10)

    def _cannot_open(self, exc: Exception) -> None:
        self.open_error = exc
        self.exit(return_code=2)

    async def _journal_opened(self, workspace: Workspace) -> None:
        from compass_tui.ui.shell.areas import tab_widget

        self._use(workspace)
        self.stylesheet.read_all(self._area_styles)
        self.css_path += self._area_styles
        self.refresh_css(animate=False)
        with self.batch_update():
            for tab in TABS:
                pane = self.query_one(f"#{tab}", TabPane)
                await pane.remove_children()
                await pane.mount(tab_widget(tab))
        self._focus_tab(self.query_one("#tabs", TabbedContent).active)  # one shown meanwhile
        self._journal_ready()
        self._after_first_paint()
        self.set_timer(HEAP_SETTLE_SECONDS, self._freeze_heap)
        self.opened()

    def _journal_ready(self) -> None:
        """What needs the journal's services, once they are there."""
        assert self.workspace is not None
        if loose := self.workspace.privacy_warning():
            self.notify(loose, severity="warning", timeout=20)
        for problem in self._keys.problems if self._keys else ():
            self.notify(problem, severity="warning", timeout=15)
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
        if self.workspace is not None:
            self._after_first_paint()

    def _after_first_paint(self) -> None:
        self.set_timer(DAILY_BACKUP_DELAY, self._daily_backup)
        self.set_timer(INSIGHTS_READ_AHEAD, self._read_insights_ahead)
        self._check_templates()

    @work(thread=True, exclusive=True, group="template-check", exit_on_error=False)
    def _check_templates(self) -> None:
        """A template file that cannot be used is said once at start, not when N is."""
        warning = self.templates.library.shelf().warning()
        if warning:
            self.call_from_thread(self.notify, warning, severity="warning", timeout=15)

    @work(thread=True, exclusive=True, group="insights-ahead", exit_on_error=False)
    def _read_insights_ahead(self) -> None:
        """The default period's figures, and the screen's code, ready before the key: the
        screen paints them at once and reads them again behind them."""
        import compass_tui.ui.insights.trend_chart  # noqa: F401  (Plotext, before the key)
        from compass_tui.domain.insights import named_period

        period = named_period("days", self.clock().date())
        insights = self.insights.insights(period)
        self.call_from_thread(self._insights_read_ahead, insights)

    def _insights_read_ahead(self, insights: Insights) -> None:
        if self.insights_cache is None:
            self.insights_cache = insights

    @work(thread=True, exclusive=True, group="backup", exit_on_error=False)
    def _daily_backup(self) -> None:
        """The first start of a day keeps a copy of the database (off the event loop)."""
        from compass_tui.services.daily_backup import BackupFailed

        assert self.workspace is not None
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
        if self.workspace is None:
            return  # still opening: no editor can be open
        from compass_tui.ui.shell.areas import CheckinScreen, EntryEditorScreen

        for screen in self.screen_stack:
            if isinstance(screen, EntryEditorScreen):
                screen.save_draft(force=True)
            elif isinstance(screen, CheckinScreen):
                screen.save_answers()

    def _offer_drafts(self) -> None:
        from compass_tui.ui.shell.areas import DraftRecoveryScreen

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
        from compass_tui.ui.shell.areas import JournalTab

        return self.query_one(JournalTab)

    @property
    def goals_tab(self) -> GoalsTab:
        from compass_tui.ui.shell.areas import GoalsTab

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
        if self.workspace is None:
            return  # still opening: the tabs are not there yet
        content = self.query_one(f"#{tab}", TabPane).children[0]
        if hasattr(content, "focus_default"):
            content.focus_default()
        else:
            content.focus()

    # -- other windows' writes ----------------------------------------------------

    def on_app_focus(self, _event: events.AppFocus) -> None:
        """Back in this window (the terminal says so): whatever was done elsewhere shows."""
        if self.workspace is not None:
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
        if self._exit:  # a look that ends while the app closes: its screens are going
            return
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
        from compass_tui.ui.shell.areas import CheckinScreen

        if any(isinstance(screen, CheckinScreen) for screen in self.screen_stack):
            return
        report = self.scheduler_bar.report or self.checkins.report()
        due = report.actionable
        if due:
            self.action_start_checkin(due[0].kind)
        else:
            self.action_checkin_history()

    def action_start_checkin(self, kind: Kind) -> None:
        from compass_tui.ui.shell.areas import CheckinScreen

        checkin = self.checkins.open_or_start(kind)
        self.push_screen(CheckinScreen(checkin), self._checkin_closed)

    def _checkin_closed(self, completed: Completed | None) -> None:
        from compass_tui.domain.schedule import LABELS
        from compass_tui.ui.shell.areas import TimelineTab, VisionTab

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
        from compass_tui.ui.shell.areas import SnoozeScreen

        def chosen(until: date | None) -> None:
            if until is not None:
                self.checkins.snooze(item.kind, until)
                self.notify(f"{item.label} snoozed until {until:%a %d %b}.", timeout=3)
                self.refresh_due()

        self.push_screen(SnoozeScreen(item.label, report.today), chosen)

    def action_import_timeline(self) -> None:
        from compass_tui.ui.shell.areas import TimelineTab

        self.action_show_tab("timeline")
        self.query_one(TimelineTab).action_import_lines()

    def action_checkin_history(self) -> None:
        from compass_tui.ui.shell.areas import CheckinsScreen

        self.push_screen(CheckinsScreen(), lambda _result: self.refresh_due())

    def action_insights(self) -> None:
        from compass_tui.ui.insights.insights_screen import InsightsScreen

        if not any(isinstance(screen, InsightsScreen) for screen in self.screen_stack):
            self.push_screen(InsightsScreen())

    def action_review_period(self) -> None:
        """From the palette: the period first, then its review."""
        from compass_tui.ui.insights.period_form import PeriodForm
        from compass_tui.ui.insights.review_screen import ReviewScreen

        def chosen(period: Period | None) -> None:
            if period is not None:
                self.push_screen(ReviewScreen(period))

        self.push_screen(PeriodForm(), chosen)

    def action_key_help(self) -> None:
        from compass_tui.ui.shell.key_help import KeyHelpScreen

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
