"""`?`: the keys, and a few lines on how the journal is meant to be used."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# Keys

## Anywhere (no text field focused)

| Key | Does |
|---|---|
| `1` … `5` | Journal, Values, Goals, Timeline, Vision |
| `n` | new item in this tab |
| `/` | search the journal |
| `?` | this help |
| `ctrl+k` | start the check-in that is due (or resume one left half done) |
| `ctrl+y` | snooze the due check-in (until tomorrow, or a day you type) |
| `I` | Insights: what lifts and drains you, trends, the year, a review of the period |
| `ctrl+p` | command palette (check-in history and schedule are there too) |
| `ctrl+q` | quit (an open draft is kept) |

## In a check-in

| Key | Does |
|---|---|
| `tab` / `shift+tab` | next / previous field |
| `space` | tick a task (the measure's new value goes in the field above it) |
| `K` `J` (or `shift+↑` `shift+↓`) | move a value in the monthly re-ranking |
| `ctrl+s` | complete: the changes are applied and the answers go to the journal |
| `escape` | leave; the answers are kept for later |
| `ctrl+g` | discard the check-in and its answers (asks first); it stays due |

## Journal list

| Key | Does |
|---|---|
| `↑` `↓` / `j` `k` | move |
| `N` | new entry from a template (yours: Markdown files in the config folder's `templates/`) |
| `e` | edit the selected entry |
| `s` | star or unstar |
| `d` | move to trash (asks first) |
| `u` | undo the last trash |
| `o` | entries from this day in earlier years |
| `t` | the trash: put a deleted entry back |
| `tab` | read the entry (scroll with arrows) |

## Values tab

| Key | Does |
|---|---|
| `[` `]` | previous / next section: core values, skills, passions, SWOT, personality |
| `n` / `e` / `d` | add / edit / delete (asks first) in the section |
| `K` `J` (or `shift+↑` `shift+↓`) | move a value up or down the ranking; saved at once |
| `r` | retire a value (asks first; its history stays), or bring it back |
| `h` | how the ranking moved over time |

## Goals tab

| Key | Does |
|---|---|
| `v` | view: tree (long-term goals over their short-term ones), by due date, this week |
| `f` / `h` / `r` | filter by status, by horizon (short, long), by the value a goal serves |
| `n` / `c` | new goal / new sub-goal under the selected one |
| `e` / `d` | edit / delete (asks first) the goal, or the task in "this week" |
| `t` | add a task to the selected goal |
| `enter` / `tab` | to the goal's tasks |
| `space` | mark a task done or open ("this week" and task list) |
| `u` / `ctrl+z` | undo the last done/open |
| `K` `J` | move a task up or down (task list) |
| `n` `e` `d` | new / edit / delete a task (task list) |
| `escape` | from the tasks back to the goals |

Badges `S M A R T`: a capital letter is fine, a small one is weak, `·` is missing;
the detail on the right says what to add.

## Timeline tab

| Key | Does |
|---|---|
| `n` / `e` / `d` | add / edit / delete an event (delete asks first) |
| `y` | go to a year |
| `f` | one kind: role change ◆, milestone ★, achievement ▲, setback ▼, pivot ↻, learning ✎ |
| `a` | show or hide what the app recorded (goals done, check-in lessons, re-rankings: ·app) |
| `l` | every lesson learned, newest first (again: back to the timeline) |
| `i` | paste a career history, one line per event: `2015-09: First job, junior analyst` |

A date can be a year (`2019`), a month (`May 2019`) or a day; a year heads its events.

## Vision tab

| Key | Does |
|---|---|
| `[` `]` | previous / next section: board, the why of your goals, narrative |
| `p` | edit your purpose statement (top of the board) |
| arrows, `n` / `e` / `d` | move on the board; add / edit / delete a card (delete asks) |
| `K` `J` (or `shift+←` `shift+→`) | move a card earlier or later |
| `space` / `P` | pin a card to the front, or unpin it |
| `v` (board) | the card in full; an image card's picture, where the terminal can draw it |
| `e`, `o`, `v` (narrative) | edit (`ctrl+o`: `$EDITOR`); draft an outline from data; versions |

## Insights (`I`)

| Key | Does |
|---|---|
| `tab` / `shift+tab` | between the numbers of the trend, the rankings, the year and the moments |
| `enter` | the entries behind the figure under the cursor; enter again shows one in the journal |
| `←` `→` (trend numbers, year) `↑` `↓` (year) | move between weeks or months, or days |
| `p` | period: last 90 days, this month, this quarter, this year, all time |
| `[` `]` | the period before / after (same length) |
| `f` | any period, in words: `last month`, `2025-Q1`, `2025-03-14` |
| `r` | a review of the period (`ctrl+s` saves it, `ctrl+o` opens it in your editor) |
| `escape` | close |

A tag is ranked once at least 5 of its entries are rated, so a few good days do not
make a passion; the means are of fulfilment (F) and energy (E), 1-5, against your mean.

## Writing

| Key | Does |
|---|---|
| `ctrl+s` | save |
| `escape` | leave; the text stays as a draft |
| `ctrl+o` | open the text in `$VISUAL` / `$EDITOR` |
| `ctrl+t` | insert today's reflection prompt |

## Search

| Key | Does |
|---|---|
| type | results as you type; every word must match (prefixes count) |
| Tag / From / To | `@mentor`, `last month`, `2025-03`, `2025-03-14`, `3 weeks ago` |
| `↓`, `enter` | go to the results; show one in the journal, selected in the list |

# Using the journal

Write a few lines most days: what you did, what gave you energy, what drained
it. Rate **energy** and **fulfilment** when you can; over months the ratings show
which kinds of work feed you. Tag people, projects and themes with `@words` so
they can be found again. When you are stuck, `ctrl+t` brings in the day's prompt.

Rank your values so that **1 is the one that wins** when two pull apart. The
Values tab shows, for each, how many active goals serve it and how often it
appears in your journal (tag entries with the value's name, e.g. `@integrity`):
a value ranked high and served by nothing is worth a goal.

*Drafts are saved every few seconds and when the connection drops; you will be
offered any unsaved text the next time you start.*
"""


class KeyHelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()
