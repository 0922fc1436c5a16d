"""At 80 columns the key bar holds each tab's main keys, key help and the palette key:
it chooses what fits instead of cutting the line wherever it ends."""

import pytest

from compass_tui.store.repository import Repository
from compass_tui.ui.common.key_bar import KeyBar
from tests.pilot_helpers import make_app, settle

# tab key -> the keys that must show there (as the bar names them)
MAIN_KEYS = {
    "1": [" n New", " N Template", " e Edit", " s Star", " d Delete", " / Search"],
    "2": [" n Add", " e Edit", " K Up", " J Down", " r Retire", " d Delete", " h History"],
    "3": [" n New", " c Sub-goal", " e Edit", " d Delete", " t Task", " v View"],
    "4": [" n New", " e Edit", " d Delete", " y Year", " f Kind"],
    "5": [" n Add card", " e Edit", " v View", " d Delete"],
}


@pytest.mark.parametrize("tab", sorted(MAIN_KEYS))
async def test_each_tab_shows_its_main_keys_at_80_columns(repo: Repository, tab: str) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(tab)
        await settle(pilot, rounds=3)
        line = app.screen.query_one(KeyBar).line()
        assert line.cell_len <= 80
        text = line.plain
        for key in MAIN_KEYS[tab]:
            assert f"{key} " in text, f"{key.strip()!r} missing from {text!r}"
        assert " ? Keys " in text and text.rstrip().endswith("^p palette")


async def test_a_narrow_terminal_keeps_the_first_keys_and_the_way_to_the_rest(
    repo: Repository,
) -> None:
    app = make_app(repo)
    async with app.run_test(size=(50, 24)) as pilot:
        await pilot.press("3")
        await settle(pilot, rounds=3)
        text = app.screen.query_one(KeyBar).line().plain
        assert text.startswith(" n New  c Sub-goal ")  # the first of the tab's own keys
        assert " ? Keys " in text and "Horizon" not in text
