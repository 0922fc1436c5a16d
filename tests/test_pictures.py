"""Where an image card's picture comes from, and what is said when it cannot be drawn."""

from pathlib import Path

import pytest
from PIL import Image
from textual.app import App

from compass_tui.ui.common import pictures
from compass_tui.ui.common.pictures import locate, read_picture


def png(path: Path, size: tuple[int, int] = (40, 20)) -> Path:
    Image.new("RGB", size, (200, 30, 30)).save(path)
    return path


def test_a_local_picture_is_found_by_absolute_home_relative_and_file_url(
        tmp_path: Path) -> None:
    picture = png(tmp_path / "summit.png")
    assert locate(str(picture)).path == picture
    assert locate("summit.png", home=tmp_path).path == picture
    assert locate(f"file://{picture}").path == picture


def test_odd_addresses_are_said_not_raised(tmp_path: Path) -> None:
    spaced = png(tmp_path / "my summit.png")
    assert locate(f"file://{tmp_path}/my%20summit.png").path == spaced
    assert "cannot be opened here" in locate("~nosuchuser1234/a.png").reason
    assert locate(str(tmp_path / ("x" * 300 + ".png"))).path is None  # name too long


def test_web_addresses_are_never_fetched() -> None:
    source = locate("https://example.org/summit.jpg")
    assert source.path is None
    assert "not downloaded" in source.reason and "https://example.org/summit.jpg" in source.reason


def test_a_missing_file_or_a_file_that_is_not_a_picture_is_named(tmp_path: Path) -> None:
    assert locate(str(tmp_path / "gone.png")).reason == f"No file at {tmp_path / 'gone.png'}."
    notes = tmp_path / "notes.txt"
    notes.write_text("words")
    assert "notes.txt is not a picture file" in locate(str(notes)).reason


def test_a_picture_is_shrunk_for_the_terminal_and_a_broken_one_explained(
        tmp_path: Path) -> None:
    big = read_picture(png(tmp_path / "big.png", (4000, 1000)))
    assert not isinstance(big, str)
    assert big.size == (1600, 400)  # proportions kept
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    said = read_picture(broken)
    assert isinstance(said, str) and said.startswith("broken.png could not be read as a picture")


def test_without_the_extra_the_card_says_how_to_get_pictures(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pictures, "images_installed", lambda: False)
    said = pictures.picture_module(App())
    assert isinstance(said, str) and "pip install 'compass-tui[images]'" in said
