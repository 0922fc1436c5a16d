"""`compass insights` and `compass report` through the installed command."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from compass_tui.store.repository import Repository
from tests.databases import Target, url_of
from tests.insights_seed import seed_ratings
from tests.test_cli import compass, db  # noqa: F401 (the fixture)

TODAY = date.today()


def seeded(target: Target) -> Target:
    """The known ratings, ending today (the command runs on today's clock)."""
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    repo = Repository.open(url_of(target))
    try:
        seed_ratings(repo, TODAY)
    finally:
        repo.close()
    return target


def test_text_ranks_mentoring_above_status_meetings(db: Target) -> None:  # noqa: F811
    result = compass("insights", db=seeded(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Insights · last 90 days")
    assert "19 entries, 17 rated · fulfilment 3.53 · energy 3.18" in lines[1]
    lifts = result.stdout.split("What lifts you")[1].split("What drains you")[0]
    drains = result.stdout.split("What drains you")[1]
    assert lifts.index("@mentoring") < lifts.index("@ana-lima")
    assert "@mentoring                5.00  +1.47   energy  4.00   6 rated" in lifts
    assert "@status-meetings" in drains.splitlines()[1]
    assert "@pottery" not in result.stdout.split("By month")[0]
    assert "(2 more tags have fewer than 5 rated entries)" in result.stdout


def test_json_ranks_them_too(db: Target) -> None:  # noqa: F811
    result = compass("insights", "--format", "json", db=seeded(db))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"period", "overall", "by_tag", "by_month", "streak", "min_entries"}
    assert [t["tag"] for t in data["by_tag"]] == ["mentoring", "ana-lima", "status-meetings"]
    assert data["by_tag"][0]["fulfilment"] == 5.0 and data["by_tag"][-1]["fulfilment"] == 2.0
    assert data["overall"]["rated"] == 17
    assert data["period"]["to"] == TODAY.isoformat()
    assert data["streak"]["current"] == 12


def test_min_entries_and_all_time(db: Target) -> None:  # noqa: F811
    seeded(db)
    data = json.loads(compass("insights", "--all", "--min-entries", "3", "--format", "json",
                              db=db).stdout)
    assert data["min_entries"] == 3 and data["by_tag"][0]["tag"] == "pottery"


def test_an_empty_journal_and_a_period_with_no_ratings_say_so(db: Target) -> None:  # noqa: F811
    result = compass("insights", db=db)
    assert result.returncode == 0
    assert result.stdout.startswith("Nothing to say yet: the journal is empty.")
    empty = json.loads(compass("insights", "--format", "json", db=db).stdout)
    assert empty["overall"] == {"entries": 0, "rated": 0, "fulfilment": None, "energy": None}
    seeded(db)
    day = (TODAY - timedelta(days=30)).isoformat()
    quiet = compass("insights", "--from", day, "--to", day, db=db)
    assert quiet.returncode == 0
    assert "No rated entries in" in quiet.stdout


@pytest.mark.parametrize(("args", "said"), [
    (("--from", "2026-05", "--to", "2026-03"), "is after --to"),
    (("--from", "the other day"), "not a date"),
    (("--all", "--from", "2026-01"), "--all goes without"),
    (("--min-entries", "0"), "--min-entries must be 1 or more"),
])
def test_bad_input_is_one_line_and_exit_2(db: Target, args: tuple[str, ...],  # noqa: F811
                                          said: str) -> None:
    for command in ("insights", "report"):
        if command == "report" and args[0] == "--min-entries":
            continue
        result = compass(command, *args, db=db)
        assert result.returncode == 2, result
        assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert result.stdout == ""


def test_report_to_a_file_is_private_and_never_replaces_one(db: Target,  # noqa: F811
                                                           tmp_path: Path) -> None:
    seeded(db)
    out = tmp_path / "review.md"
    result = compass("report", "--from", "last month", "-o", str(out), db=db)
    assert result.returncode == 0, result.stderr
    assert out.read_text().startswith("# Review: ")
    assert out.stat().st_mode & 0o777 == 0o600
    out.write_text("mine")
    again = compass("report", "-o", str(out), db=db)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert out.read_text() == "mine"
    forced = compass("report", "--format", "json", "-o", str(out), "--force", db=db)
    assert forced.returncode == 0, forced.stderr
    data = json.loads(out.read_text())
    assert data["ratings"]["rated"] == 17 and data["period"]["to"] == TODAY.isoformat()


def test_report_to_stdout(db: Target) -> None:  # noqa: F811
    seeded(db)
    result = compass("report", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Review: last 90 days")
    assert "## Energy and fulfilment" in result.stdout


def test_a_report_on_an_empty_journal_says_so(db: Target) -> None:  # noqa: F811
    result = compass("report", "--from", "2026-Q1", "--to", "2026-Q1", db=db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("Nothing was recorded in this period.\n")
    data = json.loads(compass("report", "--format", "json", db=db).stdout)
    assert data["skill_levels"] == [] and data["ratings"]["entries"] == 0
