"""Copies of the database file made with SQLite's online backup API.

A live database in WAL mode is more than one file, and a plain file copy taken
while metodesk writes can catch it half-way; ``sqlite3.Connection.backup`` reads
one committed snapshot instead. The same API writes a backup back (restore): the
destination's own journal makes the replacement all-or-nothing.

This module knows files and SQLite only. Where backups live, when they are made
and how many are kept is decided in ``metodesk.services.backups``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from metodesk.domain.errors import StorageError
from metodesk.i18n import _

SUFFIX = ".sqlite3"
SIDECARS = ("-wal", "-shm", "-journal")
# Kinds a backup's file name can carry; None (no kind) is a backup made by hand.
DAILY, BEFORE_MIGRATION, BEFORE_RESTORE = "daily", "before-migration", "before-restore"
KINDS = (DAILY, BEFORE_MIGRATION, BEFORE_RESTORE)
_NAME = re.compile(
    r"^metodesk-(?P<date>\d{4}-\d{2}-\d{2})-(?P<time>\d{6})"
    r"(?:-(?P<kind>[a-z]+(?:-[a-z]+)*))?(?:-(?P<n>\d+))?\.sqlite3$"
)
# Tables whose rows a backup's summary counts; a table missing from an older
# backup is reported as None, not as an error.
COUNTED_TABLES = ("teacher", "association", "meeting", "plan")


@dataclass(frozen=True)
class BackupSummary:
    """What a database file holds, read without changing it. ``problem`` is a
    sentence when the file cannot be restored (not SQLite, damaged, not ours)."""

    path: Path
    made_at: dt.datetime
    kind: str | None
    revision: str | None
    counts: dict[str, int | None]
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def backup_name(when: dt.datetime, kind: str | None = None) -> str:
    """``metodesk-2025-10-14-083015-daily.sqlite3``: sorts by time, says why."""
    stamp = when.strftime("metodesk-%Y-%m-%d-%H%M%S")
    return f"{stamp}-{kind}{SUFFIX}" if kind else f"{stamp}{SUFFIX}"


def parse_backup_name(name: str) -> tuple[dt.datetime, str | None] | None:
    """(when, kind) from a name made by :func:`backup_name`; None for other names."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        when = dt.datetime.strptime(f"{match['date']} {match['time']}", "%Y-%m-%d %H%M%S")
    except ValueError:
        return None
    return when, match["kind"]


def free_path(folder: Path, when: dt.datetime, kind: str | None = None) -> Path:
    """A backup path in ``folder`` that no file takes yet (two backups may share a second)."""
    path = folder / backup_name(when, kind)
    number = 2
    while path.exists():
        path = path.with_name(f"{backup_name(when, kind)[: -len(SUFFIX)]}-{number}{SUFFIX}")
        number += 1
    return path


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # mode=ro: reading a backup (perhaps on a write-protected flash drive) never
    # writes to it.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """None when SQLite finds the file whole, else what it said."""
    rows = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
    return None if rows == ["ok"] else "; ".join(rows)[:200]


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def is_whole(path: Path) -> bool:
    """True when ``path`` is an SQLite file that passes SQLite's quick check."""
    if not looks_like_sqlite(path):
        return False
    try:
        conn = _connect_read_only(path)
        try:
            return _quick_check(conn) is None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def backup_database(source: Path, dest: Path) -> Path:
    """Copy the committed state of ``source`` to ``dest`` with the online backup
    API, safe while another connection writes. The copy is one self-contained
    file (rollback journal, no -wal beside it), written under a temporary name and
    renamed when whole, so a failed backup never leaves a half file behind."""
    if not looks_like_sqlite(source):
        raise StorageError(
            _("The file {path} is not a metodesk database or is damaged; no backup was made.").format(
                path=source
            )
        )
    partial = dest.with_name(dest.name + ".part")
    try:
        src = sqlite3.connect(source, timeout=10)
        try:
            out = sqlite3.connect(partial)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")
                problem = _quick_check(out)
            finally:
                out.close()
        finally:
            src.close()
        if problem:
            raise StorageError(
                _("The database {path} is damaged ({details}); no backup was made.").format(
                    path=source, details=problem
                )
            )
        _fsync(partial)
        os.replace(partial, dest)
    except sqlite3.Error as exc:
        raise StorageError(
            _("No backup was made of {path}: {reason}.").format(path=source, reason=str(exc))
        ) from exc
    finally:
        partial.unlink(missing_ok=True)
    return dest


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def restore_database(backup: Path, target: Path) -> None:
    """Write the backup over ``target`` with the backup API, inside the target's
    own transaction: a crash half-way leaves the old database, not a mixture.
    The caller has already kept a copy of the old database (or set it aside)."""
    try:
        src = _connect_read_only(backup)
        try:
            dst = sqlite3.connect(target, timeout=10)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise StorageError(
            _("The backup {path} could not be restored: {reason}.").format(path=backup, reason=str(exc))
        ) from exc


def set_aside(path: Path, when: dt.datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm files, which belong to it and
    must not be replayed into a restored file) to a new name in the same folder.
    Nothing is overwritten: the bytes stay as they were, under the new name."""
    stem = when.strftime("metodesk-damaged-%Y-%m-%d-%H%M%S")
    aside = path.with_name(stem + SUFFIX)
    number = 2
    while aside.exists():
        aside = path.with_name(f"{stem}-{number}{SUFFIX}")
        number += 1
    os.replace(path, aside)
    for sidecar in SIDECARS:
        extra = path.with_name(path.name + sidecar)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + sidecar))
    return aside


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def read_summary(path: Path, known_revisions: Iterable[str] | None = None) -> BackupSummary:
    """Date, schema revision and row counts of a database file, and whether it can
    be restored here: it must be whole, be metodesk's, and not be newer than the
    revisions this metodesk knows. Never raises for a bad file: ``problem`` says."""
    parsed = parse_backup_name(path.name)
    if parsed is not None:
        made_at, kind = parsed
    else:
        try:
            made_at = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            made_at = dt.datetime.fromtimestamp(0)
        kind = None
    counts: dict[str, int | None] = dict.fromkeys(COUNTED_TABLES)

    def summary(revision: str | None, problem: str | None) -> BackupSummary:
        return BackupSummary(path, made_at, kind, revision, counts, problem)

    if not path.is_file():
        return summary(None, _("There is no file {path}.").format(path=path))
    if not looks_like_sqlite(path):
        return summary(None, _("The file {path} is not a metodesk database or is damaged.").format(path=path))
    try:
        conn = _connect_read_only(path)
        try:
            damage = _quick_check(conn)
            tables = _tables(conn)
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            for table in COUNTED_TABLES:
                if table in tables:
                    counts[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return summary(None, _("The file {path} cannot be read ({details}).").format(path=path, details=exc))
    if known_revisions is None:
        from metodesk.storage import migrate

        known_revisions = migrate.known_revisions()
    problem = None
    if damage:
        problem = _("The file {path} is damaged ({details}).").format(path=path, details=damage)
    elif revision is None or not {"teacher", "organisation"} <= tables:
        problem = _("The file {path} is not a metodesk database.").format(path=path)
    elif revision not in set(known_revisions):
        problem = _(
            "The file {path} was written by a newer version of metodesk (schema {revision}); "
            "install the newer version to restore it."
        ).format(path=path, revision=revision)
    return summary(revision, problem)


@dataclass(frozen=True)
class BackupFile:
    """A file in the backups folder whose name says when and why it was made."""

    path: Path
    made_at: dt.datetime
    kind: str | None


def backup_files(folder: Path) -> list[BackupFile]:
    """metodesk's backups in ``folder``, newest first (other files are ignored)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = parse_backup_name(path.name)
        if parsed is not None and path.is_file():
            found.append(BackupFile(path, parsed[0], parsed[1]))
    return sorted(found, key=lambda f: (f.made_at, f.path.name), reverse=True)


def to_remove(files: Iterable[BackupFile], keep_daily: int, keep_monthly: int) -> list[BackupFile]:
    """Daily backups the rotation deletes: kept are the newest backup of each of
    the ``keep_daily`` most recent days that have one, and the newest of each of
    the ``keep_monthly`` most recent months. Backups made before a migration or a
    restore, and those made by hand, are never removed here."""
    daily = sorted((f for f in files if f.kind == DAILY), key=lambda f: f.made_at, reverse=True)
    keep = _newest_per_period(daily, "%Y-%m-%d", keep_daily)
    keep |= _newest_per_period(daily, "%Y-%m", keep_monthly)
    return [f for f in daily if f.path not in keep]


def _newest_per_period(newest_first: list[BackupFile], period_format: str, limit: int) -> set[Path]:
    """The first (newest) backup of each of the ``limit`` most recent periods."""
    periods: set[str] = set()
    kept: set[Path] = set()
    for backup in newest_first:
        period = backup.made_at.strftime(period_format)
        if period in periods:
            continue
        if len(periods) >= limit:
            break
        periods.add(period)
        kept.add(backup.path)
    return kept
