"""The one place that knows where things live.

Data folder (the SQLite file, settings, backups) comes from ``--data-dir``,
``METODESK_DATA_DIR`` or the per-user data folder of platformdirs, in that order.
Read-only resources (fonts, style sheet, catalogs, migrations) are found next to
the source tree, or inside a frozen bundle (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "metodesk"
DB_FILENAME = "metodesk.sqlite3"
SETTINGS_FILENAME = "settings.ini"

_data_dir_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Point the program at another data folder (``--data-dir``); None resets."""
    global _data_dir_override
    _data_dir_override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """The folder that holds the database and the user's settings."""
    if _data_dir_override is not None:
        return _data_dir_override
    env = os.environ.get("METODESK_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


# The data folder holds teachers' personal data: on POSIX it is made readable
# by its owner only (files inside it are written 0600, see metodesk.files).
PRIVATE_FOLDER = 0o700


def ensure_data_dir() -> Path:
    """The data folder, created if missing (0700: its owner's only)."""
    path = data_dir()
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    return data_dir() / DB_FILENAME


def is_database_file(path: Path) -> bool:
    """True for the data folder's database and the -wal/-shm/-journal beside
    it, by name or (for a link) by identity; found with ``stat`` only, so that
    a reader can refuse them without opening them (closing any descriptor of
    the live database drops the locks SQLite holds on it in this process)."""
    database = database_path()
    try:
        wanted = Path(path).resolve()
    except OSError:
        return False
    for each in (database, *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal"))):
        if wanted == each.resolve():
            return True
        try:
            if os.path.samefile(wanted, each):
                return True
        except OSError:
            continue
    return False


_database_url_override: str | None = None


def set_database_url(url: str | None) -> None:
    """Use the PostgreSQL server at ``url`` instead of the data folder's file
    (``--database URL``); None resets."""
    global _database_url_override
    _database_url_override = url.strip() if url and url.strip() else None


def database_url() -> str | None:
    """The server database in use (``--database``, then ``METODESK_DATABASE_URL``),
    or None for the data folder's SQLite file. The data folder still holds the
    settings and the log."""
    if _database_url_override is not None:
        return _database_url_override
    env = os.environ.get("METODESK_DATABASE_URL", "").strip()
    return env or None


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILENAME


def _bundle_root() -> Path:
    """Root holding ``resources/`` and ``translations/``: source tree or frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return _bundle_root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    return _bundle_root() / "translations"


def migrations_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "metodesk" / "storage" / "migrations"
    return Path(__file__).resolve().parent / "storage" / "migrations"
