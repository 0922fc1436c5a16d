"""Entry templates: the app's, the user's own, placeholders filled by a fixed clock, and
files that cannot be used."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from compass_tui.domain.entries import Draft, EntryInput
from compass_tui.domain.entry_templates import TemplateError, fill_template, parse_template
from compass_tui.services.entry_templates import (
    TemplateLibrary,
    TemplateNotFound,
    TemplateService,
    user_dir,
)
from compass_tui.services.journal import JournalService
from compass_tui.services.prompts import prompt_of_the_day
from compass_tui.store.repository import Repository
from tests.conftest import NOW, fixed_clock

BUILT_IN = {"one-to-one", "informational-interview", "job-interview", "weekly-wins",
            "learning-log", "setback"}


def own_template(name: str, text: str) -> Path:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_app_ships_six_templates_each_usable() -> None:
    shelf = TemplateLibrary().shelf()
    assert shelf.problems == []
    assert {t.name for t in shelf.templates} == BUILT_IN
    for template in shelf.templates:
        assert template.title and template.body and template.tags and template.description
        assert not template.own


def test_placeholders_are_filled_from_the_clock() -> None:
    library = TemplateLibrary()
    wins = fill_template(library.get("weekly-wins"), NOW, "unused")
    assert wins.title == "Weekly wins, week ending Sunday 2026-03-15"
    assert wins.tags == ["wins", "weekly"]
    prompt = prompt_of_the_day(NOW.date()).text
    log = TemplateService.filled(library.get("learning-log"), NOW)
    assert log.title == "Learning log, 2026-03-15"
    assert f"*{prompt}*" in log.body
    assert "{" not in log.body + log.title


def test_your_own_template_from_the_config_folder_replaces_or_adds() -> None:
    own_template("weekly-wins", "---\ntitle: My wins for {weekday}\ntags: mine\n---\nOne win:\n")
    own_template("Retro", "---\ntitle: Retro {date}\ntags:\n  - team\n  - '@retro'\n"
                          "description: Team retro\n---\nKeep {{doing}} this: {prompt}\n")
    shelf = TemplateLibrary().shelf()
    by_name = {t.name: t for t in shelf.templates}
    assert set(by_name) == BUILT_IN | {"Retro"}
    assert by_name["weekly-wins"].own and by_name["Retro"].own
    assert not by_name["setback"].own
    wins = fill_template(by_name["weekly-wins"], NOW, "p")
    assert (wins.title, wins.body, wins.tags) == ("My wins for Sunday", "One win:", ["mine"])
    retro = fill_template(TemplateLibrary().get("retro"), NOW, "What lifted you?")
    assert retro.title == "Retro 2026-03-15"
    assert retro.body == "Keep {doing} this: What lifted you?"  # a doubled brace is one brace
    assert retro.tags == ["team", "retro"]


def test_a_template_without_front_matter_is_all_body() -> None:
    template = parse_template("plain", "Just {weekday}.\n", "plain.md")
    assert (template.title, template.tags) == ("", ())
    assert fill_template(template, NOW, "p").body == "Just Sunday."


@pytest.mark.parametrize(("text", "line", "words"), [
    ("---\ntitle: x\n", 1, "no closing '---'"),
    ("---\ntitle: x\nthis is not a setting\n---\n", 3, "key: value"),
    ("---\ntitle: x\ncolour: blue\n---\n", 3, "unknown setting 'colour'"),
    ("---\ntitle: x\ntitle: y\n---\n", 3, "set twice"),
    ("---\ntags: [fine, not a/tag]\n---\n", 2, "not a tag"),
    ("---\ntitle: Talk with {manager}\n---\n", 2, "unknown placeholder {manager}"),
    ("---\ntitle: ok\n---\nFirst line\n\nDear {name},\n", 6, "unknown placeholder {name}"),
    ("Costs { 3 }\n", 1, "unknown placeholder { 3 }"),
    ("---\n---\nfine\na lone } here\n", 4, "a lone '}'; write '}}'"),
    ("an open { brace\n", 1, "a lone '{'"),
])
def test_a_broken_template_names_its_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template("broken", text, "/t/broken.md")
    assert str(caught.value).startswith(f"/t/broken.md, line {line}: ")
    assert words in str(caught.value)


def test_a_bad_file_is_left_out_with_one_warning_and_the_rest_still_work() -> None:
    bad = own_template("bad", "---\ntitle: Hello {name}\n---\n")
    worse = own_template("worse", "---\ntitle: no end\n")
    shelf = TemplateLibrary().shelf()
    assert {t.name for t in shelf.templates} == BUILT_IN
    warning = shelf.warning()
    assert warning is not None and warning.startswith("2 templates left out: ")
    assert f"{bad}, line 2" in warning and f"{worse}, line 1" in warning
    with pytest.raises(TemplateError, match="line 2"):
        TemplateLibrary().get("bad")


def test_an_unknown_name_lists_the_known_ones_and_where_yours_go() -> None:
    with pytest.raises(TemplateNotFound) as caught:
        TemplateLibrary().get("standup")
    message = str(caught.value)
    assert "'standup'" in message and "weekly-wins" in message
    assert str(user_dir()) in message


def test_add_with_a_template_dates_fills_and_keeps_the_text_after_it(repo: Repository) -> None:
    service = TemplateService(repo, fixed_clock)
    template = service.library.get("setback")
    entry = service.capture(template, "yesterday: Lost the bid. Pricing was the issue @acme")
    assert entry.entry_date == datetime(2026, 3, 14, 9, 0)
    assert entry.title == "A setback, and what it taught me (2026-03-14)"
    assert entry.body.startswith("## What happened")
    assert entry.body.endswith("\n\nLost the bid. Pricing was the issue @acme")
    assert entry.tags == ["setback", "lesson", "acme"]
    assert entry.template == "setback"


def test_a_template_without_a_title_takes_the_texts_first_sentence(repo: Repository) -> None:
    service = TemplateService(repo, fixed_clock)
    template = parse_template("notes", "Notes:\n", "notes.md")
    entry = service.capture(template, "Coffee with Ana. She knows the team.")
    assert (entry.title, entry.body) == ("Coffee with Ana.", "Notes:\n\nShe knows the team.")
    assert entry.entry_date == NOW.replace(second=0)


def test_an_entry_keeps_its_template_through_edits_and_drafts(repo: Repository) -> None:
    journal = JournalService(repo, fixed_clock)
    service = TemplateService(repo, fixed_clock)
    draft = service.draft("new:t", service.library.get("one-to-one"))
    assert draft.title == "One-to-one with my manager, 2026-03-15"
    assert draft.tags_text == "@one-to-one @manager" and draft.template == "one-to-one"
    repo.drafts.save(draft)
    assert repo.drafts.get("new:t") == draft.model_copy(
        update={"updated_at": repo.drafts.get("new:t").updated_at})
    saved = journal.save_draft(draft, None).entry
    assert saved.template == "one-to-one" and saved.tags == ["one-to-one", "manager"]
    # An edit made from a draft that knows nothing of templates keeps where it came from.
    edited = journal.save_draft(Draft(key=f"entry:{saved.id}", entry_id=saved.id,
                                      entry_version=saved.version, title="Renamed"), saved)
    assert edited.entry.template == "one-to-one"
    again = journal.update(saved.id, EntryInput(entry_date=NOW, title="Again"),
                           expected_version=edited.entry.version)
    assert again.template == "one-to-one"
