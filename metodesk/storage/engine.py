"""The SQLite engine: WAL, foreign keys on every connection, full sync.

This is the only module that knows the database is SQLite; the models and the
services use portable SQL so a district cabinet can run them on PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine.interfaces import DBAPIConnection
    from sqlalchemy.pool import ConnectionPoolEntry


def _on_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # pysqlite opens a transaction only before INSERT/UPDATE/DELETE, so a SAVEPOINT
    # that comes first starts the transaction itself and its RELEASE commits it:
    # a later failure of the same action could not undo the work. SQLAlchemy says
    # BEGIN instead (see _on_begin), as its SQLite dialect documentation advises.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit that returned survives the plug being pulled, not just a crash.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _on_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(db_path: Path | str) -> Engine:
    """An engine on a SQLite file (created when missing)."""
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit, so rows can be handed to the UI."""
    return sessionmaker(bind=engine, expire_on_commit=False, future=True)


def file_integrity(db_path: Path) -> tuple[bool, str]:
    """SQLite's quick check of the whole file and one read of every text value,
    on a read-only connection of its own (through SQLite, so safe beside the
    window's connections, also on a background thread): (ok, what was found)."""
    from metodesk.storage import probe

    found = probe.probe(db_path, deep=True, read_text=True)
    return found.whole, found.details
