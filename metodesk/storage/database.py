"""Opening the data folder's database: check it, migrate it, hand out transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.storage import migrate
from metodesk.storage.engine import integrity_ok, make_engine, make_session_factory


class Database:
    """An open metodesk database. ``transaction()`` is the unit of one user action."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.sessions: sessionmaker[Session] = make_session_factory(engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; nothing is committed."""
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def open_database(path: Path, *, upgrade: bool = True) -> Database:
    """Open (or create) the database at ``path``: refuse a damaged or newer file
    without writing to it, then migrate to the newest schema."""
    exists = path.exists() and path.stat().st_size > 0
    if exists and not _looks_like_sqlite(path):
        raise StorageError(
            _("The file {path} is not a metodesk database or is damaged; it was left untouched.").format(
                path=path
            )
        )
    engine = make_engine(path)
    try:
        if exists:
            ok, said = integrity_ok(engine)
            if not ok:
                raise StorageError(
                    _("The database {path} is damaged ({details}); it was left untouched.").format(
                        path=path, details=said[:200]
                    )
                )
            migrate.check_not_newer(engine)
        if upgrade:
            migrate.upgrade(engine)
    except StorageError:
        engine.dispose()
        raise
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        engine.dispose()
        raise StorageError(
            _("The database {path} cannot be read ({details}); it was left untouched.").format(
                path=path, details=str(exc).splitlines()[0][:200]
            )
        ) from exc
    return Database(path, engine)
