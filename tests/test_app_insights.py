"""Pilot tests: the Insights screen, the entries behind a figure, the review, and the
monthly check-in's lifts and drains."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from compass_tui.services.checkins import CheckinService
from compass_tui.store.repository import Repository
from compass_tui.ui.common.confirm import ConfirmScreen
from compass_tui.ui.insights.entries_behind import EntriesBehindScreen
from compass_tui.ui.insights.insights_screen import InsightsScreen
from compass_tui.ui.insights.ranking_list import RankingList
from compass_tui.ui.insights.review_screen import ReviewScreen
from compass_tui.ui.insights.trend_numbers import TrendNumbers
from compass_tui.ui.insights.year_heatmap import YearHeatmap
from compass_tui.ui.journal.search import SearchScreen
from compass_tui.ui.shell.commands import COMMANDS
from tests.conftest import fixed_clock
from tests.insights_seed import seed_ratings
from tests.pilot_helpers import make_app, screen_text, settle


def ranking_ids(screen: InsightsScreen) -> list[str]:
    ranking = screen.query_one(RankingList)
    return [ranking.get_option_at_index(i).id or ""
            for i in range(ranking.option_count) if ranking.get_option_at_index(i).id]


async def test_insights_rank_mentoring_above_status_meetings_from_any_tab(
        repo: Repository) -> None:
    seed_ratings(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("4")  # the Timeline tab: I still opens Insights
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        text = screen_text(app)
        assert "Insights · last 90 days (16 Dec 2025 – 15 Mar 2026)" in text
        assert "19 entries, 17 rated · fulfilment 3.53 · energy 3.18" in text
        ids = ranking_ids(screen)
        assert ids.index("tag:mentoring") < ids.index("tag:status-meetings")
        assert "tag:pottery" not in ids  # 3 rated entries: under the minimum
        ranking = screen.query_one(RankingList)
        lines = [str(ranking.get_option_at_index(i).prompt) for i in range(ranking.option_count)]
        assert lines[1].startswith("@mentoring") and "F 5.00  +1.47" in lines[1]
        assert "6 rated" in lines[1]
        drains = lines.index("What drains you (lowest first)")
        assert lines[drains + 1].startswith("@status-meetings")
        assert "5+ rated entries" in lines[0]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, InsightsScreen)


async def test_picking_a_ranking_lists_its_entries_and_opens_one_in_the_journal(
        repo: Repository) -> None:
    seed_ratings(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        await pilot.press("enter")  # the first lift: @mentoring
        await settle(pilot)
        behind = app.screen
        assert isinstance(behind, EntriesBehindScreen)
        assert behind.heading == "@mentoring · rated entries, last 90 days"
        assert len(behind.items) == 6 and all(i.fulfilment == 5 for i in behind.items)
        assert "F5 E4" in screen_text(app)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, InsightsScreen | EntriesBehindScreen)
        assert app.journal_tab.shown is not None
        assert app.journal_tab.shown.title == "Mentoring session 1"


async def test_the_entries_behind_a_ranking_open_as_the_journal_filtered(
        repo: Repository) -> None:
    """/ in the entries behind @mentoring: the journal's search for that tag over the
    period, every such entry listed there (rated or not), one shown on enter."""
    from tests.insights_seed import LAST_DAY, entry

    seed_ratings(repo)
    repo.entries.add_many([entry(LAST_DAY, "Unrated mentoring", ["mentoring"], hour=20)])
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        await pilot.press("enter")  # the first lift: @mentoring
        await settle(pilot)
        assert isinstance(app.screen, EntriesBehindScreen)
        assert "/ all of them in its search" in screen_text(app)
        await pilot.press("slash")
        await settle(pilot, 3)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.query_one("#search-tag", Input).value == "@mentoring"
        assert search.query_one("#search-from", Input).value == "2025-12-16"
        assert search.query_one("#search-to", Input).value == "2026-03-15"
        results = search.query_one("#search-results", OptionList)
        titles = [str(results.get_option_at_index(i).prompt).split("\n")[0]
                  for i in range(results.option_count)]
        assert len(titles) == 7  # six rated sessions and the unrated one; not "Long ago"
        assert "Unrated mentoring" in titles[0]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen | InsightsScreen)
        assert app.journal_tab.shown is not None
        assert app.journal_tab.shown.title == "Unrated mentoring"


async def test_a_day_of_the_year_has_no_tag_to_search_by(repo: Repository) -> None:
    seed_ratings(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        app.screen.query_one(YearHeatmap).focus()
        await pilot.press("enter")  # today
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot, 3)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.query_one("#search-tag", Input).value == ""
        assert search.query_one("#search-from", Input).value == "2026-03-15"
        assert search.query_one("#search-to", Input).value == "2026-03-15"


async def test_periods_change_with_p_and_brackets(repo: Repository) -> None:
    seed_ratings(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        title = app.screen.query_one("#insights-title", Static)
        assert "Insights · March 2026" in str(title.render())
        assert "14 entries, 14 rated" in screen_text(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "February 2026" in str(title.render())
        assert "5 entries, 3 rated" in screen_text(app)
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#period-from", Input).value = "2026-03-14"
        app.screen.query_one("#period-to", Input).value = "2026-03-13"
        await pilot.press("enter")
        await settle(pilot)
        assert "is after --to" in screen_text(app)
        app.screen.query_one("#period-to", Input).value = "2026-03-15"
        await pilot.press("enter")
        await settle(pilot)
        assert "14 Mar – 15 Mar 2026" in str(title.render())
        assert "2 entries, 2 rated" in screen_text(app)


async def test_the_year_and_the_trend_lead_to_their_entries(repo: Repository) -> None:
    seed_ratings(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        screen = app.screen
        screen.query_one(YearHeatmap).focus()
        await pilot.press("up")  # Saturday 14 March: a status meeting
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntriesBehindScreen)
        assert app.screen.heading == "Saturday 14 March 2026"
        assert [i.entry.title for i in app.screen.items] == ["Status meeting 0"]
        await pilot.press("escape")
        await settle(pilot)
        screen.query_one(TrendNumbers).focus()
        await pilot.press("enter")  # the last week: 9-15 March
        await settle(pilot)
        assert app.screen.heading == "Rated entries, 9 Mar – 15 Mar 2026"
        assert len(app.screen.items) == 8


async def test_a_moment_opens_in_the_journal(repo: Repository) -> None:
    seed_ratings(repo)
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        moments = app.screen.query_one("#insights-moments", OptionList)
        prompts = [str(moments.get_option_at_index(i).prompt)
                   for i in range(moments.option_count)]
        assert any("“lost track of time”" in p for p in prompts)
        moments.focus()
        moments.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert app.journal_tab.shown is not None
        assert app.journal_tab.shown.title == "Mentoring session 0"


async def test_the_review_saves_privately_and_asks_before_replacing(
        repo: Repository, tmp_path: Path) -> None:
    seed_ratings(repo)
    app = make_app(repo)
    target = tmp_path / "review.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.text.startswith("# Review: last 90 days")
        review.query_one("#review-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert target.read_text() == review.text
        assert target.stat().st_mode & 0o777 == 0o600
        target.write_text("mine")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert target.read_text() == "mine"


async def test_an_empty_journal_says_so(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        assert "Nothing to say yet: the journal is empty." in screen_text(app)


async def test_the_monthly_check_in_names_the_months_lifts_and_drains(
        repo: Repository) -> None:
    checkin = CheckinService(repo, fixed_clock).open_or_start("monthly")
    seed_ratings(repo, checkin.period_end)  # the ratings fall in the check-in's month
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, 3)
        app.action_start_checkin("monthly")
        await settle(pilot)
        assert app.screen.checkin.id == checkin.id  # type: ignore[attr-defined]
        said = str(app.screen.query_one("#checkin-lifts", Static).render())
        assert said.startswith("Lifted you: @mentoring 5.00 (6), @ana-lima 5.00 (5)")
        assert "Drained you: @status-meetings 2.00 (7)" in said


def test_the_palette_offers_insights_and_the_review() -> None:
    actions = {action for _name, _help, action in COMMANDS}
    assert {"insights", "review_period"} <= actions


async def test_the_review_opens_in_the_editor_and_saves_what_came_back(
        repo: Repository, tmp_path: Path) -> None:
    seed_ratings(repo)
    script = tmp_path / "editor.sh"
    script.write_text('#!/bin/sh\nprintf "\\nMy own words for the mentor.\\n" >> "$1"\n')
    script.chmod(0o700)
    app = make_app(repo, editor=str(script))
    target = tmp_path / "edited.md"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, 3)
        await pilot.press("I")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        first = review.text
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert review.text == first + "\nMy own words for the mentor.\n"
        review.query_one("#review-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert target.read_text() == review.text
