"""`?`: the keys, and a few lines on how the journal is meant to be used."""

from __future__ import annotations

import re
from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from compass_tui.ui.common.keymap import KEY_PLACE, shown

HELP = """\
# Keys

## Anywhere (no text field focused)

| Key | Does |
|---|---|
| {app.tab.journal} … {app.tab.vision} | Journal, Values, Goals, Timeline, Vision |
| {app.new} | new item in this tab |
| {app.search} | search the journal |
| {app.help} | this help |
| {app.checkin} | start the check-in that is due (or resume one left half done) |
| {app.snooze} | snooze the due check-in (until tomorrow, or a day you type) |
| {app.insights} | Insights: what lifts and drains you, trends, the year, a review of the period |
| `ctrl+p` | command palette (check-in history and schedule are there too) |
| {app.quit} | quit (an open draft is kept) |

## In a check-in

| Key | Does |
|---|---|
| `tab` / `shift+tab` | next / previous field |
| {checkin.tick} | tick a task (the measure's new value goes in the field above it) |
| {checkin.rank.up}; {checkin.rank.down} | move a value up; down in the monthly re-ranking |
| {checkin.complete} | complete: the changes are applied and the answers go to the journal |
| {checkin.leave} | leave; the answers are kept for later |
| {checkin.discard} | discard the check-in and its answers (asks first); it stays due |

## Journal list

| Key | Does |
|---|---|
| `↑` `↓` / {journal.down} {journal.up} | move |
| {journal.new_template} | new entry from a template (yours: Markdown files in the config folder's `templates/`) |
| {journal.edit} | edit the selected entry |
| {journal.star} | star or unstar |
| {journal.delete} | move to trash (asks first) |
| {journal.undo} | undo the last trash |
| {journal.on_this_day} | entries from this day in earlier years |
| {journal.trash} | the trash: put a deleted entry back |
| `tab` | read the entry (scroll with arrows) |

## Values tab

| Key | Does |
|---|---|
| {values.prev} {values.next} | previous / next section: core values, skills, passions, SWOT, personality |
| {values.add} / {values.edit} / {values.delete} | add / edit / delete (asks first) in the section |
| {values.up}; {values.down} | move a value up; down the ranking; saved at once |
| {values.retire} | retire a value (asks first; its history stays), or bring it back |
| {values.history} | how the ranking moved over time |

## Goals tab

| Key | Does |
|---|---|
| {goals.prev} {goals.next} | previous / next section of the tab |
| {goals.view} | view: tree (long-term goals over their short-term ones), by due date, this week |
| {goals.status} / {goals.horizon} / {goals.value} | filter by status, by horizon (short, long), by the value a goal serves |
| {goals.add} / {goals.child} | new goal / new sub-goal under the selected one |
| {goals.edit} / {goals.delete} | edit / delete (asks first) the goal, or the task in "this week" |
| {goals.task} | add a task to the selected goal |
| `enter` / {goals.tasks} | to the goal's tasks |
| {goals.toggle} | mark a task done or open ("this week" and task list) |
| {goals.undo} | undo the last done/open |
| {goals.task.up}; {goals.task.down} | move a task up; down (task list) |
| {goals.task.add} / {goals.task.edit} / {goals.task.delete} | new / edit / delete a task (task list) |
| {goals.task.back} | from the tasks back to the goals |

Badges `S M A R T`: a capital letter is fine, a small one is weak, `·` is missing;
the detail on the right says what to add.

## Timeline tab

| Key | Does |
|---|---|
| {timeline.add} / {timeline.edit} / {timeline.delete} | add / edit / delete an event (delete asks first) |
| {timeline.year} | go to a year |
| {timeline.kind} | one kind: role change ◆, milestone ★, achievement ▲, setback ▼, pivot ↻, learning ✎ |
| {timeline.app} | show or hide what the app recorded (goals done, check-in lessons, re-rankings: ·app) |
| {timeline.lessons} | every lesson learned, newest first (again: back to the timeline) |
| {timeline.import} | paste a career history, one line per event: `2015-09: First job, junior analyst` |

A date can be a year (`2019`), a month (`May 2019`) or a day; a year heads its events.

## Vision tab

| Key | Does |
|---|---|
| {vision.prev} {vision.next} | previous / next section: board, the why of your goals, narrative |
| {vision.purpose} | edit your purpose statement (top of the board) |
| arrows, {vision.add} / {vision.edit} / {vision.delete} | move on the board; add / edit / delete a card (delete asks) |
| {vision.earlier}; {vision.later} | move a card earlier; later |
| {vision.pin} | pin a card to the front, or unpin it |
| {vision.view} (board) | the card in full; an image card's picture, where the terminal can draw it |
| {narrative.edit}, {narrative.outline}, {narrative.versions} (narrative) | edit ({narrative-editor.external}: `$EDITOR`); draft an outline from data; versions |

## Insights ({app.insights})

| Key | Does |
|---|---|
| `tab` / `shift+tab` | between the numbers of the trend, the rankings, the year and the moments |
| `enter` | the entries behind the figure under the cursor; enter again shows one in the journal |
| {entries-behind.journal} | (in those entries) the journal's search, filtered to their tag and days |
| {insights-trend.earlier} {insights-trend.later} | the week or month before / after, in the trend's numbers |
| {insights-year.left} {insights-year.right} {insights-year.up} {insights-year.down} | a week or a day before / after, in the year |
| {insights.period} | period: last 90 days, this month, this quarter, this year, all time |
| {insights.earlier} {insights.later} | the period before / after (same length) |
| {insights.custom} | any period, in words: `last month`, `2025-Q1`, `2025-03-14` |
| {insights.review} | a review of the period ({review.save} saves it, {review.editor} opens it in your editor) |
| {insights.close} | close |

A tag is ranked once at least 5 of its entries are rated, so a few good days do not
make a passion; the means are of fulfilment (F) and energy (E), 1-5, against your mean.

## Writing

| Key | Does |
|---|---|
| {editor.save} | save |
| {editor.leave} | leave; the text stays as a draft |
| {editor.external} | open the text in `$VISUAL` / `$EDITOR` |
| {editor.prompt} | insert today's reflection prompt |

## Search

| Key | Does |
|---|---|
| type | results as you type; every word must match (prefixes count) |
| Tag / From / To | `@mentor`, `last month`, `2025-03`, `2025-03-14`, `3 weeks ago` |
| {search.results}, `enter` | go to the results; show one in the journal, selected in the list |

# Using the journal

Write a few lines most days: what you did, what gave you energy, what drained
it. Rate **energy** and **fulfilment** when you can; over months the ratings show
which kinds of work feed you. Tag people, projects and themes with `@words` so
they can be found again. When you are stuck, {editor.prompt} brings in the day's prompt.

Rank your values so that **1 is the one that wins** when two pull apart. The
Values tab shows, for each, how many active goals serve it and how often it
appears in your journal (tag entries with the value's name, e.g. `@integrity`):
a value ranked high and served by nothing is worth a goal.

*Drafts are saved every few seconds and when the connection drops; you will be
offered any unsaved text the next time you start.*
"""


def help_text(keys_of: Callable[[str], tuple[str, ...]]) -> str:
    """HELP with each {binding.id} as the keys that binding answers to now."""
    def keys(match: re.Match[str]) -> str:
        found = keys_of(match.group(1))
        return " or ".join(f"`{shown(key)}`" for key in found) if found else "(no key)"

    return KEY_PLACE.sub(keys, HELP)


class KeyHelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="key-help.close")]

    def __init__(self, keys_of: Callable[[str], tuple[str, ...]]) -> None:
        super().__init__()
        self._keys_of = keys_of

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(help_text(self._keys_of))

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()
