"""The user's interface choices, kept in ``settings.ini`` in the data folder.

Read before Qt and before the database, so the window can speak the right
language from its first frame without paying for the SQLAlchemy import.
"""

from __future__ import annotations

import configparser
import io
from pathlib import Path

from metodesk import files, paths

SECTION = "ui"


def _read(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return configparser.ConfigParser()
    return parser


def get(key: str, default: str = "") -> str:
    parser = _read(paths.settings_path())
    return parser.get(SECTION, key, fallback=default)


def put(key: str, value: str) -> None:
    """Write one value; the file is written whole (``files.write_text``, only
    its owner may read it), so a full disk never spoils the settings there.
    A failure is a ``files.FileWriteError`` naming the file and the reason."""
    path = paths.settings_path()
    parser = _read(path)
    if not parser.has_section(SECTION):
        parser.add_section(SECTION)
    parser.set(SECTION, key, value)
    try:
        paths.ensure_data_dir()  # settings.ini lives in the data folder (0700)
    except OSError as exc:
        raise files.as_write_error(exc, path) from exc
    text = io.StringIO()
    parser.write(text)
    files.write_text(path, text.getvalue(), mode=files.PRIVATE)


def saved_language() -> str | None:
    value = get("language")
    return value if value in ("kk", "ru", "en") else None


def resolve_language(cli_choice: str | None) -> str:
    """--lang, then METODESK_LANG, then the saved choice, then Kazakh."""
    from metodesk.i18n import DEFAULT_LANGUAGE, language_from_env

    return cli_choice or language_from_env() or saved_language() or DEFAULT_LANGUAGE
