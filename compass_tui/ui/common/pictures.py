"""Pictures of image cards, drawn in the terminal when the `images` extra is installed.

textual-image asks the terminal what it can draw (Sixel, the Kitty graphics
protocol, else coloured half cells) the moment it is imported, and that question
cannot be asked while Textual reads the keyboard. So the import waits until the
first picture is wanted and happens with the app suspended for a moment.
Nothing here is needed to run the app: without the extra a card shows its
caption and path, as it always does on the board.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING
from urllib.parse import urlparse
from urllib.request import url2pathname

from textual.app import App, SuspendNotSupported
from textual.widget import Widget

if TYPE_CHECKING:
    from PIL import Image as PILImage

EXTRA_HINT = "pip install 'compass-tui[images]'"
MAX_PIXELS = (1600, 1600)  # far more than any terminal cell grid shows
PICTURE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff"}


@dataclass(frozen=True)
class PictureSource:
    """Where an image card's picture is, or in words why it cannot be drawn."""

    path: Path | None
    reason: str = ""


def locate(image: str, home: Path | None = None) -> PictureSource:
    """A card's path or URL as a local file to draw.

    Web addresses are never fetched: the board is read on a home server over
    SSH and a picture link should not call out on its own.
    """
    address = image.strip()
    parsed = urlparse(address)
    if parsed.scheme in {"http", "https"}:
        return PictureSource(None, f"A web address: pictures are not downloaded. Open {address} "
                                   "in a browser, or save the picture and give its path.")
    if parsed.scheme == "file":
        address = url2pathname(parsed.path)  # file:///My%20Pictures/a.png
    try:
        path = Path(address).expanduser()  # "~nobody/a.png" raises RuntimeError
        if not path.is_absolute():
            path = (home or Path.home()) / path
        found = path.is_file()  # a name too long, a folder not ours: OSError
    except (OSError, RuntimeError, ValueError) as exc:
        return PictureSource(None, f"{address} cannot be opened here ({exc}).")
    if not found:
        return PictureSource(None, f"No file at {path}.")
    if path.suffix.lower() not in PICTURE_SUFFIXES:
        return PictureSource(None, f"{path.name} is not a picture file "
                                   f"({', '.join(sorted(PICTURE_SUFFIXES))}).")
    return PictureSource(path)


def images_installed() -> bool:
    return importlib.util.find_spec("textual_image") is not None


def picture_module(app: App[object]) -> ModuleType | str:
    """textual-image's widget module, or a sentence saying why pictures are not drawn.

    Call on the event loop: the first import may suspend the app.
    """
    if not images_installed():
        return f"Pictures are drawn when the images extra is installed: {EXTRA_HINT}"
    if app.no_color:  # half blocks without colour draw nothing but stripes
        return "Colour is off (NO_COLOR), so the picture is not drawn."
    name = "textual_image.widget"
    try:
        if name in sys.modules or app.is_headless:
            return importlib.import_module(name)
        try:
            with app.suspend():
                return importlib.import_module(name)
        except SuspendNotSupported:
            return importlib.import_module(name)
    except Exception as exc:  # third-party code asking the terminal: never fatal
        return f"Pictures could not be set up here ({exc})."


def read_picture(path: Path) -> PILImage.Image | str:
    """The decoded picture, shrunk to what a terminal can show; slow, so off the event loop."""
    from PIL import Image  # comes with the images extra

    try:
        with Image.open(path) as picture:
            picture.thumbnail(MAX_PIXELS)
            return picture.copy()
    except Exception as error:  # Pillow fails in many ways on a bad file
        return f"{path.name} could not be read as a picture ({error})."


def picture_widget(module: ModuleType, picture: PILImage.Image) -> Widget:
    widget: Widget = module.Image(picture, classes="picture")
    return widget
