"""Opening the data folder's database: check it, migrate it, hand out transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.storage import migrate
from metodesk.storage.engine import integrity_ok, make_engine, make_session_factory


class DamagedDatabase(StorageError):
    """The file is there but damaged or truncated: a backup may be offered."""


# SQLite's result codes for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB); a
# busy or unopenable file is another matter and must not be taken for damage.
_DAMAGE_CODES = (11, 26)
# SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL: the change could not be written.
_READONLY, _IOERR, _FULL = 8, 10, 13


def _not_written(exc: OperationalError) -> StorageError | None:
    """A sentence for a write the disk refused (full, read-only, failing); None
    for other errors, which stay what they are. SQLite rolls the whole
    transaction back on a full disk, so the savepoint SQLAlchemy then rolls back
    to is gone: the error behind that one (its context) is the one that counts."""
    code, seen = 0, exc
    while isinstance(seen, OperationalError):
        code = (getattr(seen.orig, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (_READONLY, _IOERR, _FULL):
            exc = seen
            break
        seen = seen.__context__  # type: ignore[assignment]
    if code == _FULL:
        return StorageError(
            _("The disk is full, so the change was not saved. Free some space and try again.")
        )
    if code == _READONLY:
        return StorageError(
            _(
                "The database cannot be written (the file or its folder is read-only), so the change was not saved."
            )
        )
    if code == _IOERR:
        return StorageError(
            _("The disk failed while saving ({details}), so the change was not saved.").format(
                details=str(exc.orig)[:200]
            )
        )
    return None


class Database:
    """An open metodesk database. ``transaction()`` is the unit of one user action."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.sessions: sessionmaker[Session] = make_session_factory(engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all.
        A disk that is full or read-only is a StorageError with a sentence."""
        try:
            with self.sessions.begin() as session:
                yield session
        except OperationalError as exc:
            problem = _not_written(exc)
            if problem is None:
                raise
            raise problem from exc

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


def damage_found(path: Path, details: str) -> DamagedDatabase:
    """The error for a database whose integrity check failed."""
    return DamagedDatabase(
        _("The database {path} is damaged ({details}); it was left untouched.").format(
            path=path, details=details[:200]
        )
    )


def open_database(
    path: Path,
    *,
    upgrade: bool = True,
    before_upgrade: Callable[[Path], None] | None = None,
    deep_check: bool = True,
) -> Database:
    """Open (or create) the database at ``path``: refuse a damaged or newer file
    without writing to it, then migrate to the newest schema. ``before_upgrade``
    runs (a backup) when an existing database is about to be migrated.

    ``deep_check=False`` skips SQLite's quick_check, which reads the whole file
    (0.3 s for a district's 230 MB): the window runs it in the background once
    it is shown (ui/startup.py). The header and the schema version are still read."""
    exists = path.exists() and path.stat().st_size > 0
    if exists and not _looks_like_sqlite(path):
        raise DamagedDatabase(
            _("The file {path} is not a metodesk database or is damaged; it was left untouched.").format(
                path=path
            )
        )
    engine = make_engine(path)
    try:
        if exists:
            if deep_check:
                ok, said = integrity_ok(engine)
                if not ok:
                    raise damage_found(path, said)
            if upgrade and migrate.at_newest_schema(engine):
                return Database(path, engine)
            migrate.check_not_newer(engine)
            if upgrade and before_upgrade is not None and migrate.needs_upgrade(engine):
                before_upgrade(path)
        if upgrade:
            migrate.upgrade(engine)
    except StorageError:
        engine.dispose()
        raise
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        engine.dispose()
        code = (getattr(getattr(exc, "orig", exc), "sqlite_errorcode", None) or 0) & 0xFF
        error = DamagedDatabase if code in _DAMAGE_CODES else StorageError
        raise error(
            _("The database {path} cannot be read ({details}); it was left untouched.").format(
                path=path, details=str(exc).splitlines()[0][:200]
            )
        ) from exc
    return Database(path, engine)
