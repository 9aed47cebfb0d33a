"""What a database file is, found out without changing it.

Two rules hold here (issue 13):

- The file is only ever opened through SQLite. On POSIX, closing *any*
  descriptor of a file drops every fcntl lock the process holds on it, so a
  plain ``open()``/``close()`` of the live database in a process that has
  connections to it makes the next process believe it is the last user: that
  one checkpoints and deletes the ``-wal`` from under the first. SQLite's own
  opens share their locks within the process and are safe.
- The file is opened read-only (``mode=ro``), so a file that is then refused
  (damaged, empty, newer, foreign) keeps every byte: nothing switches it to WAL
  or rolls anything back until it is accepted.

A read-only look at a WAL database that no one has open may leave an empty
``-wal`` and a ``-shm`` beside it (SQLite needs them to read); they belong to
the database and the next metodesk that opens it tidies them away.
"""

from __future__ import annotations

import enum
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from metodesk.i18n import _

SIDECARS = ("-wal", "-shm", "-journal")
# SQLite's result codes for a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB).
DAMAGE_CODES = (11, 26)
_NOT_A_DATABASE, _FULL = 26, 13
# Python's sqlite3 says this when a TEXT value is not valid UTF-8.
_DECODE_ERROR = "Could not decode to UTF-8"
# Declared column types whose values are never text (SQLite's affinity rules:
# "INT" anywhere means INTEGER affinity).
_NOT_TEXT = ("INT", "BOOL", "REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL", "BLOB")


class State(enum.Enum):
    MISSING = "missing"
    EMPTY = "empty"  # the file is there with 0 bytes: no database, but not "none"
    WHOLE = "whole"
    DAMAGED = "damaged"  # not SQLite, or SQLite finds it damaged
    UNREADABLE = "unreadable"  # it could not be read (full disk, permissions, busy): not damage


@dataclass(frozen=True)
class Probe:
    """What :func:`probe` found. ``details`` says why a file is DAMAGED or
    UNREADABLE; ``revision`` and ``tables`` are filled for a WHOLE file."""

    path: Path
    state: State
    details: str = ""
    revision: str | None = None
    tables: frozenset[str] = field(default_factory=frozenset)
    not_sqlite: bool = False  # DAMAGED because it is no SQLite file at all

    @property
    def whole(self) -> bool:
        return self.state is State.WHOLE


def connect_read_only(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` (a backup on a write-protected
    flash drive, or a database that may yet be refused)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def is_damage(exc: BaseException) -> bool:
    """True for SQLite errors that mean the file's content is broken: corrupt,
    not a database, or a text value that is not UTF-8. A full disk, a locked or
    unreadable file is not damage."""
    original = getattr(exc, "orig", None) or exc
    code = (getattr(original, "sqlite_errorcode", None) or 0) & 0xFF
    return code in DAMAGE_CODES or _DECODE_ERROR in str(original)


def _failed(path: Path, exc: sqlite3.Error) -> Probe:
    """What an SQLite error met while looking says about the file."""
    if not is_damage(exc):
        return Probe(path, State.UNREADABLE, reason(exc))
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return Probe(path, State.DAMAGED, reason(exc), not_sqlite=code == _NOT_A_DATABASE)


def reason(exc: BaseException) -> str:
    """SQLite's complaint as a clause for a sentence (a full disk in the user's words)."""
    original = getattr(exc, "orig", None) or exc
    code = (getattr(original, "sqlite_errorcode", None) or 0) & 0xFF
    if code == _FULL:
        return _("the disk is full")
    text = str(original).splitlines()[0] if str(original) else type(original).__name__
    if _DECODE_ERROR in text:
        column = re.search(r"column '([^']*)'", text)
        return _("a value of {column} is not valid text").format(column=column[1] if column else "?")
    return text[:200]


def sidecar_paths(path: Path) -> list[Path]:
    """The files SQLite keeps beside a database: -wal, -shm, -journal."""
    return [path.with_name(path.name + suffix) for suffix in SIDECARS]


def _tables(conn: sqlite3.Connection) -> frozenset[str]:
    return frozenset(row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


def quick_check(conn: sqlite3.Connection) -> str | None:
    """None when SQLite's quick check finds the file whole, else what it said."""
    rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    return None if rows == ["ok"] else "; ".join(rows)[:200]


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [
        row[1]
        for row in conn.execute(f'PRAGMA table_info("{table}")')
        if not any(word in (row[2] or "").upper() for word in _NOT_TEXT)
    ]


def text_problem(conn: sqlite3.Connection) -> str | None:
    """Read every text value once: None when all of them are valid UTF-8, else
    where the first bad one is. SQLite's checks do not look inside values, so a
    flipped byte that breaks a name passes them and fails only when a screen or
    an export reads it. Each table is read in one pass of its text columns
    joined (1-2 s for a district's 200 MB, so it runs in ``check`` and on the
    start's background thread, never on the way to the window)."""
    for table in sorted(_tables(conn)):
        if table.startswith("sqlite_"):
            continue
        columns = _text_columns(conn, table)
        if not columns:
            continue
        joined = " || ".join(f"coalesce(CAST(\"{name}\" AS TEXT), '')" for name in columns)
        try:
            for _row in conn.execute(f'SELECT {joined} FROM "{table}"'):
                pass
        except sqlite3.OperationalError as exc:
            if _DECODE_ERROR not in str(exc):
                raise
            return _find_bad_text(conn, table, columns)
    return None


def _find_bad_text(conn: sqlite3.Connection, table: str, columns: list[str]) -> str:
    """Which column of which row of ``table`` holds the value that is not UTF-8."""
    for name in columns:
        query = f'SELECT rowid, CAST("{name}" AS BLOB) FROM "{table}" WHERE typeof("{name}") = \'text\''
        for rowid, value in conn.execute(query):
            try:
                bytes(value).decode("utf-8")
            except UnicodeDecodeError:
                return _("the value of {column} in row {row} of {table} is not valid text").format(
                    column=name, row=rowid, table=table
                )
    return _("a value in {table} is not valid text").format(table=table)


def probe(path: Path, *, deep: bool = False, read_text: bool = False) -> Probe:
    """Look at the file at ``path`` without changing it: MISSING, EMPTY (0
    bytes), DAMAGED (not SQLite, or SQLite's quick check fails with ``deep``, or
    a text value is not UTF-8 with ``read_text``), UNREADABLE (the look itself
    failed for another reason: that is not damage), or WHOLE with its schema
    revision and tables. Never raises for a bad file."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Probe(path, State.MISSING)
    except OSError as exc:
        return Probe(path, State.UNREADABLE, exc.strerror or str(exc))
    if size == 0:
        return Probe(path, State.EMPTY)
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        return _failed(path, exc)
    try:
        tables = _tables(conn)  # reads the header and the schema: "not a database" shows here
        if deep:
            damage = quick_check(conn)
            if damage:
                return Probe(path, State.DAMAGED, damage)
        if read_text:
            bad = text_problem(conn)
            if bad:
                return Probe(path, State.DAMAGED, bad)
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return Probe(path, State.WHOLE, revision=revision, tables=tables)
    except sqlite3.Error as exc:
        return _failed(path, exc)
    finally:
        conn.close()


def tighten(path: Path) -> None:
    """Make the database and its sidecars readable by their owner only (POSIX):
    they hold teachers' personal data. ``chmod`` works on the name and opens
    nothing, so it is safe beside open connections. Failures are ignored (a
    file of another user, a file system without modes)."""
    if os.name != "posix":
        return
    for each in (path, *sidecar_paths(path)):
        try:
            if each.stat().st_mode & 0o077:
                os.chmod(each, 0o600)
        except OSError:
            pass
