"""ctrl+c quits nothing (it copies in a text field): the app says how to quit, in words."""

from compass_tui.store.repository import Repository
from tests.pilot_helpers import make_app, settle


async def test_ctrl_c_says_how_to_quit_without_markup(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        [notice] = [n for n in app._notifications if "quit" in n.message]
        assert notice.message == "Press ctrl+q to quit; open drafts are kept."
        assert "[" not in notice.message and "[" not in notice.title
