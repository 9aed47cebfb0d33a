"""A metodesk database on a PostgreSQL server: a district cabinet's shared one.

SQLite stays the school's database (``engine.py``); this module is the only
other place that knows a dialect. A server is named by a URL such as
``postgresql://user@host:5432/district`` (``postgres://`` and
``postgresql+psycopg://`` too); metodesk always talks to it through psycopg 3.
The same Alembic migrations create and upgrade it; there is no data-folder lock
and no file: the server keeps its own locks, and its backups are pg_dump's.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from metodesk.domain.errors import StorageError
from metodesk.i18n import _

if TYPE_CHECKING:
    from metodesk.storage.database import Database

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DRIVER = "postgresql+psycopg"
# How long a connection attempt may wait before the user is told the server cannot be reached.
CONNECT_TIMEOUT_S = 10
# This process's name on the server (pg_stat_activity, and the sender of a change notice:
# storage/notices.py passes over the process's own changes).
APPLICATION = f"metodesk-{os.getpid()}"


def is_server_url(text: str) -> bool:
    """True for a text naming a PostgreSQL server (a URL with a PostgreSQL scheme)."""
    scheme, sep, _rest = text.strip().partition("://")
    return bool(sep) and scheme.lower() in SCHEMES


def engine_url(url: str) -> URL:
    """The SQLAlchemy URL for ``url``, always with the psycopg 3 driver. A text
    that is not a PostgreSQL URL is refused with a sentence."""
    if not is_server_url(url):
        raise StorageError(
            _("“{url}” is not a database server address; it looks like postgresql://user@host/database.").format(
                url=url[:120]
            )
        )
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise StorageError(
            _("“{url}” is not a database server address; it looks like postgresql://user@host/database.").format(
                url=url[:120]
            )
        ) from None
    return parsed.set(drivername=DRIVER)


def shown(url: str) -> str:
    """The URL as it may be shown or logged: the password never appears."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        return url[:120]
    # URL.set() takes None for "unchanged": the URL is made again without the password.
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query)
    text = unquote(bare.render_as_string(hide_password=True))
    scheme, _sep, rest = text.partition("://")
    return f"postgresql://{rest}" if scheme.startswith("postgres") else text


def make_server_engine(url: str) -> Engine:
    """An engine on the server: connections checked before use (a server
    restarted overnight does not fail the first click), a bounded connect wait."""
    return create_engine(
        engine_url(url),
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION},
    )


def unreachable(url: str, exc: BaseException) -> StorageError:
    """The sentence for a server that refused or could not be reached."""
    details = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return StorageError(
        _("The database server {url} cannot be used ({details}).").format(
            url=shown(url), details=(details[0] if details else type(exc).__name__)[:200]
        )
    )


def open_server(url: str, *, upgrade: bool = True) -> Database:
    """Connect to the server database at ``url``, refuse one written by a newer
    metodesk, and bring it to the newest schema (creating it when empty).
    Every failure is a StorageError with one sentence."""
    from metodesk.storage import migrate
    from metodesk.storage.database import Database

    engine = make_server_engine(url)
    try:
        if upgrade and migrate.at_newest_schema(engine):
            return Database(None, engine, url=url)
        migrate.check_not_newer(engine)
        if upgrade:
            migrate.upgrade(engine)
    except StorageError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise unreachable(url, exc) from exc
    return Database(None, engine, url=url)
