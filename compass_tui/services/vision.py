"""The vision: purpose, the board, the why of every active goal, and the career
narrative with every version kept (an outline drafted from the data is one more
version, never an overwrite)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from compass_tui.domain.timeline import PartialDate
from compass_tui.domain.vision import Card, CardInput, GoalWhy, NarrativeVersion, VisionText
from compass_tui.services.clock import Clock, system_clock
from compass_tui.services.errors import plain_refusals

if TYPE_CHECKING:
    from compass_tui.store.repository import Repository

PURPOSE = "purpose"
OUTLINE_MILESTONES = 12
OUTLINE_LESSONS = 8
STORY_KINDS = ("role change", "milestone", "achievement", "pivot", "setback")


@plain_refusals
class VisionService:
    def __init__(self, repo: Repository, clock: Clock = system_clock) -> None:
        self._repo = repo
        self._clock = clock

    # -- purpose ---------------------------------------------------------------------

    def purpose(self) -> str:
        return self._repo.vision.text(PURPOSE)

    def purpose_as_saved(self) -> VisionText:
        """The statement with the version a form saves over."""
        return self._repo.vision.text_as_saved(PURPOSE)

    def set_purpose(self, text: str, expected_version: int | None = None) -> None:
        """With expected_version (what purpose_as_saved said when the form opened), a
        statement saved meanwhile in another window is not overwritten:
        ChangedElsewhereError."""
        self._repo.vision.set_text(PURPOSE, text.strip(), self._clock(), expected_version)

    # -- the board ----------------------------------------------------------------------

    def cards(self) -> list[Card]:
        return self._repo.vision.cards()

    def add_card(self, data: CardInput) -> Card:
        return self._repo.vision.add_card(data, self._clock())

    def update_card(self, card_id: int, data: CardInput,
                    expected_version: int | None = None) -> Card:
        """With expected_version (the version the form opened), a card changed in
        another window meanwhile is not overwritten: ChangedElsewhereError."""
        return self._repo.vision.update_card(card_id, data, self._clock(), expected_version)

    def delete_card(self, card_id: int) -> None:
        self._repo.vision.delete_card(card_id)

    def move_card(self, card_id: int, delta: int) -> Card:
        return self._repo.vision.move_card(card_id, delta)

    def toggle_pin(self, card: Card) -> Card:
        return self._repo.vision.set_pinned(card.id, not card.pinned, self._clock())

    def affirmations(self) -> list[str]:
        """The board's affirmations and quotes (pinned first): what the morning
        ritual shows."""
        said = []
        for card in self.cards():
            if card.kind == "affirmation":
                said.append(card.text)
            elif card.kind == "quote":
                said.append(f"{card.text} ({card.author})" if card.author else card.text)
        return said

    # -- the why of the plan ------------------------------------------------------------

    def goal_whys(self) -> list[GoalWhy]:
        """Active goals, long-term first, each with its why and the values it serves."""
        values = {v.id: v.name for v in self._repo.values.active()}
        goals = [g for g in self._repo.goals.all_goals() if g.status == "active"]
        goals.sort(key=lambda g: (g.horizon != "long", g.due_date is None, g.due_date,
                                  g.title.casefold()))
        return [GoalWhy(goal_id=g.id, title=g.title, horizon=g.horizon, why=g.why,
                        values=[values[v] for v in g.value_ids if v in values])
                for g in goals]

    # -- narrative ----------------------------------------------------------------------

    def narrative(self) -> NarrativeVersion | None:
        return self._repo.vision.narrative()

    def versions(self) -> list[NarrativeVersion]:
        return self._repo.vision.versions()

    def save_narrative(self, text: str, note: str = "edited",
                       over: int | Literal["newest"] | None = "newest"
                       ) -> NarrativeVersion | None:
        """A new version, unless the text is what the current one says (None then).

        over: the id of the version the editor opened (None: there was none). A newer
        version saved meanwhile in another window is not buried under this one:
        ChangedElsewhereError, whose `current` is that newer version."""
        current = self.narrative()
        if current is not None and current.text == text:
            return None
        if over == "newest":
            over = current.id if current is not None else None
        return self._repo.vision.add_version(text, note, self._clock(),
                                             follows=over if over is not None else 0)

    def draft_outline(self) -> str:
        """An outline from what the app knows, in Markdown, for the user to rewrite."""
        purpose = self.purpose()
        values = self._repo.values.active()
        events = self._repo.timeline.events()
        story = [e for e in events if e.kind in STORY_KINDS][-OUTLINE_MILESTONES:]
        lessons = self._repo.timeline.lessons()[:OUTLINE_LESSONS]
        whys = [w for w in self.goal_whys() if w.horizon == "long"] or self.goal_whys()
        lines = ["# My career story", "",
                 "_An outline drafted from your journal's data: rewrite every line in your "
                 "own words, then cut what does not serve the story._", "",
                 "## Why I do this work", ""]
        lines.append(purpose or "(No purpose written yet: say it on the Vision tab, "
                                "then draft again.)")
        lines += ["", "## What matters most to me", ""]
        if values:
            for value in values[:5]:
                meaning = f": {value.meaning}" if value.meaning else ""
                why = f" ({value.why})" if value.why else ""
                lines.append(f"{value.rank}. **{value.name}**{meaning}{why}")
        else:
            lines.append("(No values ranked yet: the Values tab.)")
        lines += ["", "## Where I come from", ""]
        if story:
            for event in story:
                when = PartialDate.of(event.occurred_on, event.precision).label()
                lines.append(f"- {when}: {event.title}"
                             + (f". {event.what}" if event.what else ""))
        else:
            lines.append("(No milestones yet: the Timeline tab.)")
        lines += ["", "## What it taught me", ""]
        lines += [f"- {e.lesson}" for e in lessons] or ["(No lessons recorded yet.)"]
        lines += ["", "## Where I am going", ""]
        if whys:
            for why in whys:
                because = f", because {why.why}" if why.why else ""
                serves = f" (serves {', '.join(why.values)})" if why.values else ""
                lines.append(f"- {why.title}{because}{serves}")
        else:
            lines.append("(No active goals yet: the Goals tab.)")
        lines += ["", "## The thread", "",
                  "What connects the turns of this story? Which value kept showing up, "
                  "even before you had a name for it? How do the next steps follow from "
                  "the ones behind you?", ""]
        return "\n".join(lines)

    def draft_outline_version(self) -> NarrativeVersion:
        """The outline saved as the newest version (the previous ones stay)."""
        current = self.narrative()
        return self._repo.vision.add_version(self.draft_outline(),
                                             "outline drafted from your data", self._clock(),
                                             follows=current.id if current else 0)

    # -- export ----------------------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        return {
            "purpose": self.purpose(),
            "cards": [{"kind": c.kind, "text": c.text, "author": c.author,
                       "image": c.image, "caption": c.caption, "pinned": c.pinned}
                      for c in self.cards()],
            "narrative": [{"text": v.text, "note": v.note,
                           "at": v.created_at.isoformat(timespec="seconds")}
                          for v in reversed(self.versions())],
        }
