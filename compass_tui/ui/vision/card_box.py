"""How one vision card reads on screen: a fixed-height box of plain lines.

Every mark says its meaning without colour: the kind by its symbol and name, a pin
in words, the cursor card by a heavy border; colour only repeats it.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from compass_tui.domain.vision import CARD_SYMBOLS, Card

CARD_HEIGHT = 6  # border, kind, three lines of words, border
CELL_WIDTH = 36  # about one card and the gap after it: how many fit decides the columns
GAP = 1  # columns between two cards
TEXT_LINES = 3
PIN_MARK = "▲ pinned"
KIND_STYLE = {"aspiration": "bold cyan", "quote": "bold magenta", "affirmation": "bold yellow",
              "image": "bold green"}
LIGHT = "┌─┐│└┘"
HEAVY = "┏━┓┃┗┛"  # the cursor card
MIN_INNER = 4


def columns_for(width: int) -> int:
    """Cards per row at this width: at least one."""
    return max(1, width // CELL_WIDTH)


def card_width_for(width: int) -> int:
    """Cards stretch to share the row, so the board fills the width it has."""
    return max(MIN_INNER + 4, width // columns_for(width) - GAP)


def styled(text: str, style: str) -> Text:
    """Text whose style is a span, not the base style: the grid draws lines with
    Text.render, which leaves a base style out when there are no spans."""
    return Text().append(text, style=style) if style else Text(text)


def one_line(text: str) -> str:
    """Newlines and runs of spaces (imported cards may have them) as single spaces."""
    return " ".join(text.split())


def wrapped(text: str, width: int, lines: int, console: Console) -> list[Text]:
    """At most `lines` lines; a cut last line ends in an ellipsis."""
    if lines <= 0:
        return []
    parts = list(Text(one_line(text)).wrap(console, width, overflow="fold"))
    if len(parts) > lines:
        parts = parts[:lines]
        last = parts[-1]
        last.rstrip()
        last.append(" …")
        last.truncate(width, overflow="ellipsis")
    return parts


def tail(text: str, width: int) -> str:
    """The end of a path or URL (the file name is what tells it apart)."""
    text = one_line(text)
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1):] if width > 1 else "…"


def card_body(card: Card, inner: int, console: Console) -> list[Text]:
    """The three lines under the kind: words, quote and author, or caption and path."""
    footer: list[Text] = []
    if card.kind == "quote":
        if card.author:
            author = styled(f"— {one_line(card.author)}", "italic")
            author.truncate(inner, overflow="ellipsis")
            author.align("right", inner)
            footer.append(author)
        words = wrapped(f"“{card.text}”", inner, TEXT_LINES - len(footer), console)
    elif card.kind == "image":
        footer.append(styled(tail(card.image, inner), "dim"))
        words = wrapped(card.caption, inner, TEXT_LINES - 1, console)
    else:
        words = wrapped(card.text, inner, TEXT_LINES, console)
    # The footer keeps to the bottom line, so authors and paths line up across a row.
    return words + [Text() for _ in range(TEXT_LINES - len(words) - len(footer))] + footer


def kind_line(card: Card, inner: int) -> Text:
    line = styled(f"{CARD_SYMBOLS[card.kind]} {card.kind}", KIND_STYLE[card.kind])
    if card.pinned:
        room = inner - line.cell_len - len(PIN_MARK)
        line.append(" " * max(1, room))
        line.append(PIN_MARK, style="bold")
    return line


def card_box(card: Card, width: int, console: Console, *, cursor: bool = False) -> list[Text]:
    """CARD_HEIGHT lines, each exactly `width` cells wide."""
    top_left, across, top_right, side, bottom_left, bottom_right = HEAVY if cursor else LIGHT
    border = "bold" if cursor else "dim"
    inner = max(MIN_INNER, width - 4)
    lines = [styled(top_left + across * (inner + 2) + top_right, border)]
    for content in [kind_line(card, inner), *card_body(card, inner, console)]:
        content.truncate(inner, overflow="ellipsis", pad=True)
        line = styled(f"{side} ", border)
        line.append_text(content)
        line.append(f" {side}", style=border)
        lines.append(line)
    lines.append(styled(bottom_left + across * (inner + 2) + bottom_right, border))
    return lines
