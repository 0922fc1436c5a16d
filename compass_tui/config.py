"""Where things live and which database to use."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "compass-tui"
DB_ENV = "COMPASS_DB"
PACKAGE_DIR = Path(__file__).parent


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / "compass.db"


def resolve_db_url(arg: str | None = None, passphrase: str | None = None) -> str:
    """--db wins over COMPASS_DB, which wins over the default file.

    Anything with "://" is a SQLAlchemy URL; anything else is a SQLite path, opened
    with SQLCipher when a passphrase is given (the URL then holds it, in memory only).
    """
    chosen = arg or os.environ.get(DB_ENV) or str(default_db_path())
    if "://" in chosen:
        return chosen
    path = str(Path(chosen).expanduser().resolve())
    if passphrase is None:
        return "sqlite:///" + path
    from urllib.parse import quote

    # SQLAlchemy's form for SQLCipher: an empty user, the passphrase as the password.
    return f"sqlite+pysqlcipher://:{quote(passphrase, safe='')}@/{path}"


def db_file(arg: str | None = None) -> Path | None:
    """The SQLite file --db / COMPASS_DB / the default names, or None for other URLs."""
    chosen = arg or os.environ.get(DB_ENV) or str(default_db_path())
    return None if "://" in chosen else Path(chosen).expanduser().resolve()


def resource_dir(name: str) -> Path:
    """seeds/ or styles/: inside the installed package, or beside it in a checkout."""
    packaged = PACKAGE_DIR / name
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / name


@dataclass(frozen=True)
class Settings:
    db_url: str
    editor: str | None = None
    theme: str | None = None

    @classmethod
    def load(cls, db_arg: str | None = None) -> Settings:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        return cls(db_url=resolve_db_url(db_arg), editor=editor,
                   theme=os.environ.get("COMPASS_THEME"))
