"""The quick ways the search text and the tags are found agree with the rules as
written: the ASCII word pattern with the general one, the "@"-first tag pattern with
the look-behind-first one."""

from __future__ import annotations

import random
import re
import string

from compass_tui.domain import search_text, tags

# The tag pattern as first written: the look-behind tried at every character.
LOOK_BEHIND_FIRST = re.compile(rf"(?<![\w@./:+-])@({tags.TAG_NAME})", re.UNICODE)
ALPHABET = string.printable + "éüß東@@@@..//::__--++"


def texts(count: int, seed: int) -> list[str]:
    chance = random.Random(seed)
    return ["".join(chance.choice(ALPHABET) for _ in range(chance.randint(0, 40)))
            for _ in range(count)]


def test_ascii_words_are_the_general_rules_words() -> None:
    for text in [t for t in texts(20_000, 1) if t.isascii()] + ["Don't co-found snake_case"]:
        assert search_text.words(text) == search_text._WORDS.findall(search_text.fold(text))


def test_tags_are_found_as_the_look_behind_finds_them() -> None:
    for text in [*texts(20_000, 2), "ana@example.com @Ana", "https://x/@y **@ana**", "@@a"]:
        assert [m.group(1) for m in tags.TAG_RE.finditer(text)] == [
            m.group(1) for m in LOOK_BEHIND_FIRST.finditer(text)]


def test_an_entrys_search_text_is_its_words_as_the_rules_find_them() -> None:
    general = search_text._WORDS
    samples = [*texts(20_000, 3), "Don't co-found snake_case", "ÉTÉ à Zürich", "\t\n x  "]
    for title, body, tag in zip(samples, samples[1:], samples[2:], strict=False):
        expected = " ¶ ".join(" ".join(general.findall(search_text.fold(part)))
                              for part in (title, tag, body))
        assert search_text.search_text(title, body, [tag]) == expected


def test_tags_found_the_quick_way_are_those_the_rules_find() -> None:
    for text in [*texts(20_000, 4), "@Work and @work, @WORK-x @c++ a@b", "@İstanbul @Ünal"]:
        expected = tags.unique_tags(m.group(1) for m in LOOK_BEHIND_FIRST.finditer(text))
        assert tags.extract_tags(text) == expected
