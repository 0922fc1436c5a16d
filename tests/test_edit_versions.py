"""Skills, passions, SWOT items, personality results, tasks, timeline events, vision
cards and the purpose statement are saved only over the version read: a save over a
stale copy is refused and changes nothing, and it is the database's UPDATE (its WHERE
names the version) that refuses, even when the row changes after the store read it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event

from compass_tui.store.errors import ChangedElsewhereError
from compass_tui.store.repository import Repository
from tests.conftest import NOW
from tests.edit_kinds import KINDS

EACH_KIND = pytest.mark.parametrize("kind", list(KINDS))


@contextmanager
def just_before(engine: Engine, prefix: str, action: Callable[[], Any]) -> Iterator[None]:
    """Run action once, on its own connection, just before the first statement starting
    with prefix: another window saving between this write's read and its UPDATE."""
    done = False

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal done
        if not done and statement.lstrip().upper().startswith(prefix.upper()):
            done = True
            action()

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", before)
    assert done, f"no statement starting {prefix!r}"


@EACH_KIND
def test_a_save_over_a_stale_version_is_refused_and_changes_nothing(
        repo: Repository, kind: str) -> None:
    case = KINDS[kind]
    key, version = case.make(repo)
    assert case.save(repo, key, version, "Mine") == version + 1
    with pytest.raises(ChangedElsewhereError, match=f"this {kind} was changed in another "
                                                    "window meanwhile"):
        case.save(repo, key, version, "Theirs")
    assert case.words(repo, key) == "Mine"
    assert case.save(repo, key, version + 1, "Mine again") == version + 2  # the fresh copy


@EACH_KIND
def test_the_database_refuses_a_row_changed_after_it_was_read(repo: Repository,
                                                               kind: str) -> None:
    case = KINDS[kind]
    key, version = case.make(repo)
    # The Python check passes (the store read the version asked for); the other
    # window's save lands before this UPDATE, whose WHERE then matches no row.
    with just_before(repo.engine, f"UPDATE {case.table}",
                     lambda: case.save(repo, key, version, "Theirs")), \
            pytest.raises(ChangedElsewhereError):
        case.save(repo, key, version, "Mine")
    assert case.words(repo, key) == "Theirs"
    assert case.save(repo, key, version + 1, "Mine, over theirs") == version + 2


@EACH_KIND
def test_a_save_without_a_version_still_moves_the_version_on(repo: Repository,
                                                             kind: str) -> None:
    """Imports, the app's own writes and old callers name no version; a form open
    elsewhere must still see that the row changed."""
    case = KINDS[kind]
    key, version = case.make(repo)
    case.save(repo, key, None, "Written without a version")  # type: ignore[arg-type]
    with pytest.raises(ChangedElsewhereError):
        case.save(repo, key, version, "Mine")
    assert case.words(repo, key) == "Written without a version"


def test_the_first_purpose_statement_is_written_once(repo: Repository) -> None:
    """Two windows that opened the form before any statement existed (version 0)."""
    repo.vision.set_text("purpose", "Mine", NOW, 0)
    with pytest.raises(ChangedElsewhereError):
        repo.vision.set_text("purpose", "Theirs", NOW, 0)
    assert repo.vision.text_as_saved("purpose").text == "Mine"
