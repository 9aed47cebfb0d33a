"""The user's interface choices, kept in ``settings.ini`` in the data folder.

Read before Qt and before the database, so the window can speak the right
language from its first frame without paying for the SQLAlchemy import.
"""

from __future__ import annotations

import configparser
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from metodesk import files, paths

SECTION = "ui"


def _read(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return configparser.ConfigParser()
    return parser


def get(key: str, default: str = "", section: str = SECTION) -> str:
    parser = _read(paths.settings_path())
    return parser.get(section, key, fallback=default)


def put(key: str, value: str, section: str = SECTION) -> None:
    """Write one value; the file is written whole (``files.write_text``, only
    its owner may read it), so a full disk never spoils the settings there.
    A failure is a ``files.FileWriteError`` naming the file and the reason."""
    put_many({key: value}, section)


def put_many(values: dict[str, str], section: str = SECTION) -> None:
    """Write several values of one section at once (one file write)."""
    path = paths.settings_path()
    parser = _read(path)
    if not parser.has_section(section):
        parser.add_section(section)
    for key, value in values.items():
        parser.set(section, key, value)
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


# Settings → Database: which database the window opens (issue 20). The password is
# never written here: the system keyring keeps it where there is one, otherwise the
# window asks for it at start.
DATABASE_SECTION = "database"
KEYRING_SERVICE = "metodesk"


@dataclass(frozen=True)
class ServerChoice:
    """A PostgreSQL server database chosen in Settings → Database."""

    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> str:
        """``postgresql://user[:password]@host:port/database``, every part quoted."""
        login = quote(self.user, safe="")
        if password:
            login += ":" + quote(password, safe="")
        host = self.host if not self.host.startswith("/") else ""
        query = f"?host={quote(self.host, safe='/')}" if self.host.startswith("/") else ""
        return f"postgresql://{login}@{host}:{self.port}/{quote(self.database, safe='')}{query}"

    def key(self) -> str:
        """The name the keyring keeps this login's password under."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def saved_server() -> ServerChoice | None:
    """The server chosen in Settings → Database, or None for this computer's file."""
    if get("kind", "file", DATABASE_SECTION) != "server":
        return None
    port = get("port", "5432", DATABASE_SECTION)
    choice = ServerChoice(
        host=get("host", "", DATABASE_SECTION).strip(),
        port=int(port) if port.isdigit() and 0 < int(port) < 65536 else 5432,
        database=get("database", "", DATABASE_SECTION).strip(),
        user=get("user", "", DATABASE_SECTION).strip(),
    )
    return choice if choice.host and choice.database and choice.user else None


def save_server(choice: ServerChoice | None) -> None:
    """Remember the choice (None: this computer's file); no password is written."""
    if choice is None:
        put("kind", "file", DATABASE_SECTION)
        return
    put_many(
        {
            "kind": "server",
            "host": choice.host,
            "port": str(choice.port),
            "database": choice.database,
            "user": choice.user,
        },
        DATABASE_SECTION,
    )


def stored_password(choice: ServerChoice) -> str | None:
    """The login's password from the system keyring; None without one (or without keyring)."""
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]

        found = keyring.get_password(KEYRING_SERVICE, choice.key())
    except Exception:  # noqa: BLE001 - no keyring, or a keyring that fails: ask instead
        return None
    return found if isinstance(found, str) and found else None


def remember_password(choice: ServerChoice, password: str) -> bool:
    """Keep the password in the system keyring; False where there is none."""
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]

        keyring.set_password(KEYRING_SERVICE, choice.key(), password)
    except Exception:  # noqa: BLE001 - no keyring: the window asks at each start
        return False
    return True
