"""Imports: each format read into validated records (compass_tui.domain.import_records)
before anything is written, then written in one transaction by ImportService.

    batch = read_batch("jrnl", "journal.json")   # ImportFileError: the input as a whole
    summary = ImportService(repo).write(batch, skip_bad=False)  # ImportRefusedError
"""

from __future__ import annotations

from collections.abc import Callable

from compass_tui.domain.import_records import ImportBatch
from compass_tui.services.importers.compass import read_compass
from compass_tui.services.importers.jrnl_json import read_jrnl_json
from compass_tui.services.importers.jrnl_text import read_jrnl_text
from compass_tui.services.importers.markdown import read_markdown
from compass_tui.services.importers.service import (
    ImportRefusedError,
    ImportService,
    ImportSummary,
)
from compass_tui.services.importers.source import ImportFileError

READERS: dict[str, Callable[[str], ImportBatch]] = {
    "compass": read_compass,
    "jrnl": read_jrnl_json,
    "jrnl-text": read_jrnl_text,
    "markdown": read_markdown,
}


def read_batch(fmt: str, source: str) -> ImportBatch:
    """Read and validate; `source` is a path, "-" for standard input, or (markdown) a
    folder. Raises ImportFileError when the input as a whole cannot be imported."""
    return READERS[fmt](source)


__all__ = ["READERS", "ImportBatch", "ImportFileError", "ImportRefusedError",
           "ImportService", "ImportSummary", "read_batch"]
