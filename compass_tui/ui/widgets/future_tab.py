"""What a tab not built yet will hold, said plainly."""

from __future__ import annotations

from textual.widgets import Markdown

PLANS = {
    "values": """\
## Values

Name the values you will not trade away, and **rank** them: rank 1 is the one that
wins when two pull apart. Next to them: a skills inventory, feedback from others,
a SWOT grid, personality results, and the things you would do unpaid.

*Not built yet.*""",
    "timeline": """\
## Timeline

The road so far: roles, milestones, setbacks and pivots, each with the lesson it
left you, drawn year by year.

*Not built yet.*""",
    "vision": """\
## Vision

Your purpose in a few lines, a board of aspirations and quotes, the *why* behind
every active goal, and the career story you are writing.

*Not built yet.*""",
}


class FutureTab(Markdown, can_focus=True):
    def __init__(self, area: str) -> None:
        super().__init__(PLANS[area], id=f"{area}-plan", classes="future-tab")
