"""The line over the journal list: how many entries this day had in earlier years, and
the prompt of the day."""

from __future__ import annotations

from rich.text import Text


def today_line(prompt: str, earlier: int = 0) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    if earlier:
        line.append(f"o: {earlier} from this day in earlier years · ", style="bold")
    line.append("Prompt: ", style="bold")
    line.append(prompt, style="italic")
    return line
