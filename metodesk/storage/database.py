"""Opening the data folder's database: check it, migrate it, hand out transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from metodesk.domain.errors import DamagedDatabase as DamagedDatabase
from metodesk.domain.errors import EmptyDatabase as EmptyDatabase
from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.storage import migrate, probe, versions
from metodesk.storage.engine import make_engine, make_session_factory

# SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL: the change could not be written.
_READONLY, _IOERR, _FULL = 8, 10, 13
# SQLITE_BUSY_SNAPSHOT: this transaction's snapshot is older than another's commit.
_BUSY_SNAPSHOT = 517


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


def _damage(path: Path, exc: BaseException) -> DamagedDatabase | None:
    """A sentence for a read that found the file damaged (corrupt, not a
    database, a text value that is not UTF-8: SQLite's own checks miss the
    last); None for other errors."""
    if not probe.is_damage(exc):
        return None
    return damage_found(path, probe.reason(exc))


class Database:
    """An open metodesk database. ``transaction()`` is the unit of one user action.

    Either a SQLite file (``path``) or a PostgreSQL server (``url``, with no
    path: see ``storage/server.py``)."""

    def __init__(self, path: Path | None, engine: Engine, *, url: str | None = None) -> None:
        self._path = path
        self.url = url
        self.engine = engine
        self.sessions: sessionmaker[Session] = make_session_factory(engine)
        versions.install(self.sessions, self.author)

    @property
    def author(self) -> str:
        """Who saves through this database: the server login, or this computer's user."""
        if self.url:
            from sqlalchemy.engine import make_url

            login = make_url(self.url).username
            if login:
                return login
        return versions.os_author()

    @property
    def is_server(self) -> bool:
        """True for a database on a PostgreSQL server."""
        return self._path is None

    @property
    def path(self) -> Path:
        """The SQLite file; a server database has none, and what needs a file
        (a SQLite backup, a restore) gets a sentence instead."""
        if self._path is None:
            raise StorageError(
                _("The database is on a server ({url}); this needs a database file on this computer.").format(
                    url=self.location
                )
            )
        return self._path

    @property
    def address(self) -> Path | str:
        """What ``prepare_database`` opens this database again from: the file,
        or the server's URL."""
        return self._path if self._path is not None else self.url or ""

    @property
    def location(self) -> str:
        """Where the database is, as it may be shown (a server's password never is)."""
        if self._path is not None:
            return str(self._path)
        from metodesk.storage import server

        return server.shown(self.url or "")

    def _problem(self, exc: DatabaseError, *, writing: bool) -> StorageError | None:
        """The sentence for an error of the database itself (a full disk, a
        damaged file, a server out of reach); None for the others."""
        if self._path is None:
            from metodesk.storage import server

            return server.unreachable(self.url or "", exc) if isinstance(exc, OperationalError) else None
        written = _not_written(exc) if writing and isinstance(exc, OperationalError) else None
        return written or _damage(self._path, exc)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all.
        A disk that is full or read-only, or a damaged file, is a StorageError
        with a sentence."""
        try:
            with self.sessions() as session:
                try:
                    with session.begin():
                        yield session
                except StaleDataError as exc:  # someone else saved one of these records meanwhile
                    raise versions.refusal(self.engine, session) from exc
                except OperationalError as exc:
                    # SQLite's own guard: a transaction that read before another one
                    # wrote may not write (SQLITE_BUSY_SNAPSHOT); the same refusal.
                    if getattr(exc.orig, "sqlite_errorcode", None) != _BUSY_SNAPSHOT:
                        raise
                    raise versions.refusal(self.engine, session) from exc
        except DatabaseError as exc:
            problem = self._problem(exc, writing=True)
            if problem is None:
                raise
            raise problem from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; nothing is committed. A damaged file is a
        DamagedDatabase with a sentence."""
        try:
            with self.sessions() as session:
                yield session
        except DatabaseError as exc:
            problem = self._problem(exc, writing=False)
            if problem is None:
                raise
            raise problem from exc

    def close(self) -> None:
        self.engine.dispose()


def damage_found(path: Path, details: str) -> DamagedDatabase:
    """The error for a database whose integrity check failed."""
    return DamagedDatabase(
        _("The database {path} is damaged ({details}); it was left untouched.").format(
            path=path, details=details[:200]
        )
    )


def _refuse_before_opening(path: Path, deep_check: bool) -> probe.Probe:
    """Look at an existing file read-only and refuse it, unchanged, when it is
    empty, damaged, unreadable, not metodesk's, or from a newer metodesk."""
    found = probe.probe(path, deep=deep_check)
    if found.state is probe.State.EMPTY:
        raise EmptyDatabase(
            _("The database file {path} is empty (0 bytes); it was left untouched.").format(path=path)
        )
    if found.state is probe.State.DAMAGED:
        if found.not_sqlite:
            raise DamagedDatabase(
                _("The file {path} is not a metodesk database or is damaged; it was left untouched.").format(
                    path=path
                )
            )
        raise damage_found(path, found.details)
    if found.state is probe.State.UNREADABLE:
        raise StorageError(
            _("The database {path} cannot be read ({details}); it was left untouched.").format(
                path=path, details=found.details
            )
        )
    if found.revision is None and found.tables - {"sqlite_sequence"}:
        raise DamagedDatabase(
            _("The file {path} is not a metodesk database; it was left untouched.").format(path=path)
        )
    if found.revision is not None and found.revision != migrate.latest_revision_by_name():
        migrate.refuse_unknown(found.revision)
    return found


def open_database(
    path: Path,
    *,
    upgrade: bool = True,
    before_upgrade: Callable[[Path], None] | None = None,
    deep_check: bool = True,
) -> Database:
    """Open (or create) the database at ``path``: refuse an empty, damaged,
    foreign or newer file without writing a byte to it (it is looked at
    read-only first, before the engine switches it to WAL), then migrate to the
    newest schema. ``before_upgrade`` runs (a backup) when an existing database
    is about to be migrated.

    ``deep_check=False`` skips SQLite's quick_check, which reads the whole file
    (0.3 s for a district's 230 MB): the window runs it in the background once
    it is shown (ui/startup.py). The header and the schema version are still read."""
    exists = path.exists()
    if exists:
        _refuse_before_opening(path, deep_check)
    engine = make_engine(path)
    try:
        if exists:
            if upgrade and migrate.at_newest_schema(engine):
                probe.tighten(path)
                return Database(path, engine)
            migrate.check_not_newer(engine)
            if upgrade and before_upgrade is not None and migrate.needs_upgrade(engine):
                before_upgrade(path)
        if upgrade:
            migrate.upgrade(engine)
        probe.tighten(path)
    except StorageError:
        engine.dispose()
        raise
    except (sqlite3.DatabaseError, DatabaseError) as exc:
        engine.dispose()
        error = DamagedDatabase if probe.is_damage(exc) else StorageError
        raise error(
            _("The database {path} cannot be read ({details}); it was left untouched.").format(
                path=path, details=probe.reason(exc)
            )
        ) from exc
    return Database(path, engine)
