"""Each import format read into validated records, refusals named, before anything is
written (no database in these tests)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from compass_tui.services.importers import ImportFileError, read_batch
from compass_tui.services.importers.front_matter import FrontMatterError, split_front_matter
from compass_tui.services.importers.jrnl_text import parse_jrnl_text

DATA = Path(__file__).parent / "data"


def shape(batch) -> list[tuple]:
    return [(e.entry_date, e.title, e.body, e.tags, e.starred) for e in batch.entries]


def test_jrnl_json_export() -> None:
    batch = read_batch("jrnl", str(DATA / "jrnl-export.json"))
    assert batch.refused == []
    assert shape(batch) == [
        (datetime(2024, 3, 11, 8, 30),
         "Kick-off with the platform team. Agreed on the scope for Q2 @work @planning.", "",
         ["work", "planning"], False),
        (datetime(2024, 3, 12, 18, 5), "Mentor lunch with Ana!",
         "We talked about leading without the title.\n"
         "She said: \"write the decision down before the meeting\".\n\n"
         "Things to try:\n- keep a decision log\n- ask for feedback after demos @growth",
         ["growth"], True),
        (datetime(2024, 3, 13, 21, 40), "Évaluation trimestrielle — 全角 notes 📈.",
         "Le retour était bon, mais @feedback: \"parle plus tôt\". Ünïcödé everywhere.",
         ["feedback"], False),
        (datetime(2024, 3, 14, 7, 15),
         "Why do I avoid the hard conversations? Maybe fear of conflict @reflection @growth",
         "Wrote three pages this morning.", ["reflection", "growth"], False),
        (datetime(2024, 3, 15, 12, 0), "Shipped the billing migration", "No incident. @work",
         ["work"], True),
    ]


def test_jrnl_json_refuses_records_by_index(tmp_path: Path) -> None:
    doc = json.loads((DATA / "jrnl-export.json").read_text())
    doc["entries"][1]["date"] = "2024-02-30"
    doc["entries"][3] = {"title": "", "body": "  ", "date": "2024-03-14", "time": "07:15"}
    doc["entries"].append("not an entry")
    (tmp_path / "bad.json").write_text(json.dumps(doc))
    batch = read_batch("jrnl", str(tmp_path / "bad.json"))
    assert len(batch.entries) == 3
    assert [str(r) for r in batch.refused] == [
        "entries[1] (2024-02-30 18:05 'Mentor lunch with Ana!'): date: Input should be a "
        "valid date or datetime, day value is outside expected range",
        "entries[3] (2024-03-14 07:15): the entry is empty (no title, no text)",
        "entries[5]: expected an object, found str",
    ]


def test_jrnl_tags_it_cannot_hold_stay_in_the_text(tmp_path: Path) -> None:
    doc = {"tags": {"@c++": 1, "@rust": 1}, "entries": [
        {"title": "Learning @rust and @c++.", "body": "", "date": "2024-01-02",
         "time": "09:00", "tags": ["@c++", "@rust"], "starred": False, "uuid": "x"}]}
    (tmp_path / "j.json").write_text(json.dumps(doc))
    [entry] = read_batch("jrnl", str(tmp_path / "j.json")).entries
    assert entry.tags == ["rust"]
    assert entry.title == "Learning @rust and @c++."


def test_jrnl_text_journal_reads_as_jrnl_does() -> None:
    """The journal file and jrnl's JSON export of it (both written by jrnl) give the
    same entries: titles, bodies, tags and stars alike."""
    text = read_batch("jrnl-text", str(DATA / "jrnl-journal.txt"))
    exported = read_batch("jrnl", str(DATA / "jrnl-export.json"))
    assert text.refused == []
    assert shape(text) == shape(exported)
    assert len(text.entries) == 5


def test_jrnl_text_stamps_stars_and_refusals() -> None:
    text = (
        "[2024-05-01 07:05:09] Seconds are read.\n"
        "[2024-05-02 09:15 PM] Evening, twelve-hour clock! * Then the body.\n"
        "[2024-05-03] A bare date is 09:00\n"
        "[2024-13-01 10:00] Not a month.\n"
        "   this line belongs to the refused entry\n"
        "[2024-05-04 10:00] *\n"
        "[2024-05-05 10:00] Ends with e.g. a question? Yes *\n"
    )
    batch = parse_jrnl_text(text)
    assert [(e.entry_date, e.title, e.body, e.starred) for e in batch.entries] == [
        (datetime(2024, 5, 1, 7, 5), "Seconds are read.", "", False),
        # jrnl stars only a header line that ends in "*". With another header right under
        # it, the entry's text holds no newline: the title is its first sentence.
        (datetime(2024, 5, 2, 21, 15), "Evening, twelve-hour clock!", "* Then the body.",
         False),
        (datetime(2024, 5, 3, 9, 0), "A bare date is 09:00", "", False),
        (datetime(2024, 5, 5, 10, 0), "Ends with e.g. a question? Yes", "", True),
    ]
    assert [str(r) for r in batch.refused] == [
        "line 4 ([2024-13-01 10:00]): '2024-13-01 10:00' is not a date and time "
        "(expected YYYY-MM-DD HH:MM)",
        "line 6 ([2024-05-04 10:00]): the entry is empty (no title, no text)",
    ]


def test_jrnl_text_before_the_first_entry_and_no_entries_at_all() -> None:
    batch = parse_jrnl_text("stray words\n\n[2024-05-01 07:05] Fine.\n")
    assert [e.title for e in batch.entries] == ["Fine."]
    assert [str(r) for r in batch.refused] == [
        "line 1: text before the first entry (entries start with [YYYY-MM-DD HH:MM])"]
    with pytest.raises(ImportFileError, match="no jrnl entries"):
        parse_jrnl_text("just a note\nwith no headers\n")
    assert parse_jrnl_text("").entries == []


def write_notes(folder: Path) -> None:
    notes = {
        "2024-03-14.md": "---\ntitle: Quarterly review\ntags:\n  - Career\n  - '#growth'\n"
                         "aliases:\n  - q1\n---\n# Quarterly review\n\nWent well. #not-a-tag\n",
        "2024-03-15 Team offsite.md": "# Team offsite\n\nWe planned Q2 in Lisbon 🇵🇹.\n",
        "Daily/2024/2024-03-16.md": "## Retro\nWent well, 全角 notes.\n\nMore.\n",
        "2024-03-17.md": "---\ntitle: \"Quoted: title\"\ntags: [career, \"deep-work\"]\n---\n"
                         "Body only.\n",
        "2024-03-18.md": "---\ntags: [project/alpha]\n---\nNested tags are not ours.\n",
        "2024-03-19.md": "---\ntitle: never closed\nBody?\n",
        "2024-02-30.md": "Not a day.\n",
        "Ideas.md": "Not named by date.\n",
        ".obsidian/2024-03-20.md": "hidden\n",
        "attachments/photo.png": "not a note",
    }
    for name, text in notes.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_markdown_folder_of_daily_notes(tmp_path: Path) -> None:
    write_notes(tmp_path)
    batch = read_batch("markdown", str(tmp_path))
    assert shape(batch) == [
        (datetime(2024, 3, 14, 9, 0), "Quarterly review", "Went well. #not-a-tag",
         ["career", "growth"], False),
        (datetime(2024, 3, 15, 9, 0), "Team offsite", "We planned Q2 in Lisbon 🇵🇹.", [], False),
        (datetime(2024, 3, 16, 9, 0), "Retro", "Went well, 全角 notes.\n\nMore.", [], False),
        (datetime(2024, 3, 17, 9, 0), "Quoted: title", "Body only.", ["career", "deep-work"],
         False),
    ]
    assert sorted(str(r) for r in batch.refused) == [
        "2024-02-30.md: 2024-02-30 is not a date on the calendar",
        "2024-03-18.md: tag 'project/alpha' cannot be a journal tag (letters, digits, - and _)",
        "2024-03-19.md: the front matter has no closing '---' line",
        "Ideas.md: the name does not start with a date (YYYY-MM-DD, as in 2024-03-14.md)",
    ]


def test_markdown_needs_a_folder() -> None:
    with pytest.raises(ImportFileError, match="not standard input"):
        read_batch("markdown", "-")
    with pytest.raises(ImportFileError, match="no such folder"):
        read_batch("markdown", "/no/such/notes")


def test_front_matter_reader() -> None:
    meta, body = split_front_matter(
        "---\ntitle: A: b # comment\ntags: one, two\nnested:\n  key: value\n---\nText\n")
    assert meta == {"title": "A: b", "tags": "one, two", "nested": []}
    assert body == "Text\n"
    assert split_front_matter("No front matter\n---\n") == ({}, "No front matter\n---\n")
    with pytest.raises(FrontMatterError):
        split_front_matter("---\ntitle: x\n")


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe not text", "not UTF-8"),
    (b"{nope", "is not JSON (line 1, column 2"),
    (b"[1, 2]", "not a compass-tui export"),
    (b'{"format": "compass-tui", "version": 2}', "made by a newer compass-tui (version 2); "
                                                 "this one reads up to 1"),
    (b'{"format": "compass-tui", "version": "one"}', "no readable version"),
    (b'{"format": "compass-tui", "version": 1, "entries": {}}', '"entries" should be a list'),
    (b'{"tags": {}, "entries": []}', "for jrnl's JSON use --format jrnl"),
])
def test_compass_file_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "export.json"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_batch("compass", str(path))


def test_compass_references_refuse_what_does_not_resolve(tmp_path: Path) -> None:
    doc = {
        "format": "compass-tui", "version": 1,
        "values": [{"name": "Growth", "rank": 1}, {"name": "growth", "rank": 2},
                   {"name": "Work-Life", "rank": 3}, {"name": "Work Life", "rank": 4}],
        "value_history": [{"name": "Nope", "rank": 1, "at": "2026-01-01T09:00:00"}],
        "assessment": {"skills": [{"name": "Rust", "category": "technical", "level": 9}]},
        "goals": [
            {"ref": 1, "title": "Root", "horizon": "long"},
            {"ref": 2, "title": "Child", "parent": 1, "values": ["GROWTH"]},
            {"ref": 3, "title": "Orphan", "parent": 99},
            {"ref": 4, "title": "Under the orphan", "parent": 3},
            {"ref": 5, "title": "Loop A", "parent": 6},
            {"ref": 6, "title": "Loop B", "parent": 5},
            {"ref": 7, "title": "Needs Rust", "tasks": [{"title": "Learn", "skill": "Rust"}]},
            {"ref": 1, "title": "Same ref"},
        ],
        "timeline": [{"date": "2019", "precision": "month", "title": "Mismatch"},
                     {"date": "2020", "title": "Fine", "values": ["Growth"]}],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc))
    batch = read_batch("compass", str(path))
    assert [v.name for v in batch.values] == ["Growth", "Work-Life"]
    assert [g.title for g in batch.goals] == ["Root", "Child"]
    assert [e.title for e in batch.timeline] == ["Fine"]
    refused = {str(r) for r in batch.refused}
    assert refused == {
        "assessment.skills[0] ('Rust'): level: Input should be less than or equal to 5",
        "timeline[0] (2019 'Mismatch'): date: '2019' names a year, not a month",
        "value 'growth': another value in the file has this name",
        "value 'Work Life': another value in the file has the journal tag @work-life",
        "value_history ('Nope' at 2026-01-01 09:00): no value of that name in the file",
        "goal 'Needs Rust' (ref 7): task 'Learn' names a skill the file does not hold: 'Rust'",
        "goal 'Same ref' (ref 1): another goal in the file has ref 1",
        "goal 'Loop A' (ref 5): its chain of parents loops back on itself",
        "goal 'Loop B' (ref 6): its chain of parents loops back on itself",
        "goal 'Orphan' (ref 3): its parent (ref 99) is not in the file, or was refused",
        "goal 'Under the orphan' (ref 4): its parent (ref 3) is not in the file, or was "
        "refused",
    }


def test_jrnl_text_without_a_newline_splits_at_the_first_sentence() -> None:
    """jrnl cuts an entry's text up to the newline before the next stamp: a header line
    with another right under it (or at a file's unended end) has no newline, and jrnl
    then takes its first sentence as the title. Checked against jrnl 4.6's own parser."""
    first, second, last = parse_jrnl_text(
        "[2024-05-06 08:00] First one. Rest\n"
        "[2024-05-07 08:00] \"Quoted.\" Then more\n\n"
        "[2024-05-08 08:00] 日本語。続き").entries
    assert (first.title, first.body) == ("First one.", "Rest")
    assert (second.title, second.body) == ("\"Quoted.\" Then more", "")  # a blank line after
    assert (last.title, last.body) == ("日本語。", "続き")  # CJK ends need no space
    [kept] = parse_jrnl_text("[2024-05-06 08:00] Short title. Then the body\n").entries
    assert (kept.title, kept.body) == ("Short title. Then the body", "")
