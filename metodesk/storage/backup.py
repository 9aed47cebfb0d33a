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

from metodesk import files
from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.storage import probe

SUFFIX = ".sqlite3"
SIDECARS = probe.SIDECARS
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
# The largest file restored. A school's database is tens of MB, a district's
# about 230 MB; 2 GB leaves room for years of growth and scanned evidence, and a
# larger file is not one of ours: copying it in would fill a school computer's
# disk and stop the window for minutes.
MAX_BYTES = 2 * 1024**3
# A backup named more than this after the clock's "now" was made by a wrong clock.
FUTURE_SLACK = dt.timedelta(minutes=5)


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
    return probe.connect_read_only(path)


def _copy_into(src: sqlite3.Connection, dest: Path) -> str | None:
    """The backup API from ``src`` into the file ``dest``, made a self-contained
    rollback-journal file; what SQLite's quick check of the copy says (None: whole)."""
    out = sqlite3.connect(dest)
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")
        return probe.quick_check(out)
    finally:
        out.close()


def backup_database(source: Path, dest: Path) -> Path:
    """Copy the committed state of ``source`` to ``dest`` with the online backup
    API, safe while another connection writes. The copy is one self-contained
    file (rollback journal, no -wal beside it, readable by its owner only),
    written to a temporary file beside ``dest`` and renamed when whole
    (``files.writing``), so a failed backup never leaves a half file behind.
    ``source`` is opened through SQLite only (see ``metodesk.storage.probe``)."""
    try:
        with files.writing(dest, mode=files.PRIVATE) as partial:
            src = sqlite3.connect(source, timeout=10)
            try:
                problem = _copy_into(src, partial)
            finally:
                src.close()
            if problem:
                raise StorageError(
                    _("The database {path} is damaged ({details}); no backup was made.").format(
                        path=source, details=problem
                    )
                )
    except sqlite3.Error as exc:
        if probe.is_damage(exc):
            raise StorageError(
                _("The file {path} is not a metodesk database or is damaged; no backup was made.").format(
                    path=source
                )
            ) from exc
        raise StorageError(
            _("No backup was made of {path}: {reason}.").format(path=source, reason=probe.reason(exc))
        ) from exc
    return dest


def _not_restored(backup: Path, exc: sqlite3.Error) -> StorageError:
    return StorageError(
        _(
            "The backup {path} could not be restored ({reason}); the current database was left as it was."
        ).format(path=backup, reason=probe.reason(exc))
    )


def restore_database(backup: Path, target: Path) -> None:
    """Write the backup over the whole database at ``target`` with the backup
    API, inside the target's own transaction: a failure half-way (a full disk)
    leaves the old database as it was, and another process that has it open
    sees the change through SQLite's locks, as any other write."""
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
        raise _not_restored(backup, exc) from exc


def restore_in_place_of(backup: Path, target: Path, when: dt.datetime) -> Path | None:
    """Put a copy of ``backup`` where ``target`` is missing, empty or damaged.
    The copy is made whole under a temporary name beside ``target`` first; only
    then is the old file (with its -wal/-shm) renamed aside and the copy renamed
    into place. If anything fails, the old file is where and as it was. Where
    the old file was set aside to (None when there was none)."""
    aside: Path | None = None
    try:
        with files.writing(target, mode=files.PRIVATE) as partial:
            src = _connect_read_only(backup)
            try:
                _copy_into(src, partial)
            finally:
                src.close()
            if target.exists():
                aside = set_aside(target, when)
    except BaseException as exc:
        if aside is not None and not target.exists():
            _put_back(aside, target)
        if isinstance(exc, sqlite3.Error):
            raise _not_restored(backup, exc) from exc
        raise
    return aside


def _put_back(aside: Path, target: Path) -> None:
    """Undo :func:`set_aside` (the restore that followed it failed)."""
    for suffix in ("", *SIDECARS):
        moved = aside.with_name(aside.name + suffix)
        if moved.exists():
            os.replace(moved, target.with_name(target.name + suffix))


def set_aside(path: Path, when: dt.datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm files, which belong to it and
    must not be replayed into a restored file) to a new name in the same folder.
    Nothing is overwritten: the bytes stay as they were, under the new name.
    Renaming opens nothing, so no lock of this process is lost."""
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


def read_summary(path: Path, known_revisions: Iterable[str] | None = None) -> BackupSummary:
    """Date, schema revision and row counts of a database file, and whether it can
    be restored here: it must be whole, be metodesk's, and not be newer than the
    revisions this metodesk knows. Never raises for a bad file: ``problem`` says.
    The file is read through SQLite only, read-only, so this is safe on the live
    database too; a database's -wal or -shm is refused by its name, unopened."""
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

    if path.name.endswith(SIDECARS):
        return summary(None, _("The file {path} is not a metodesk database or is damaged.").format(path=path))
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # the probe says what is wrong with the file
    if size > MAX_BYTES:
        return summary(
            None,
            _("The file {path} is larger ({size} MB) than a metodesk database can be ({limit} MB).").format(
                path=path, size=size // 2**20, limit=MAX_BYTES // 2**20
            ),
        )
    found = probe.probe(path, deep=True)
    if found.state is probe.State.MISSING or (found.state is not probe.State.UNREADABLE and not path.is_file()):
        return summary(None, _("There is no file {path}.").format(path=path))
    if found.state is probe.State.EMPTY or found.not_sqlite:
        return summary(None, _("The file {path} is not a metodesk database or is damaged.").format(path=path))
    if found.state is probe.State.DAMAGED:
        return summary(None, _("The file {path} is damaged ({details}).").format(path=path, details=found.details))
    if found.state is probe.State.UNREADABLE:
        return summary(
            None, _("The file {path} cannot be read ({details}).").format(path=path, details=found.details)
        )
    try:
        conn = _connect_read_only(path)
        try:
            for table in COUNTED_TABLES:
                if table in found.tables:
                    counts[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return summary(
            None, _("The file {path} cannot be read ({details}).").format(path=path, details=probe.reason(exc))
        )
    revision = found.revision
    if revision is None or not {"teacher", "organisation"} <= found.tables:
        return summary(None, _("The file {path} is not a metodesk database.").format(path=path))
    if known_revisions is None:
        from metodesk.storage import migrate

        known_revisions = migrate.known_revisions()
    if revision not in set(known_revisions):
        return summary(
            revision,
            _(
                "The file {path} was written by a newer version of metodesk (schema {revision}); "
                "install the newer version to restore it."
            ).format(path=path, revision=revision),
        )
    return summary(revision, None)


@dataclass(frozen=True)
class BackupFile:
    """A file in the backups folder whose name says when and why it was made."""

    path: Path
    made_at: dt.datetime
    kind: str | None


def _newest_first(found: Iterable[BackupFile], now: dt.datetime | None) -> list[BackupFile]:
    """Newest first by the time in the name; a name dated after ``now`` (made
    while the clock was wrong) ranks below every other, so it is not "the
    newest" forever and the rotation removes it in its turn."""
    limit = (now or dt.datetime.now()) + FUTURE_SLACK
    return sorted(found, key=lambda f: (f.made_at <= limit, f.made_at, _number(f.path.name)), reverse=True)


def _number(name: str) -> int:
    """The ``-2``, ``-3``… that :func:`free_path` adds to a name already taken (1 without)."""
    match = _NAME.match(name)
    return int(match["n"]) if match and match["n"] else 1


def backup_files(folder: Path, now: dt.datetime | None = None) -> list[BackupFile]:
    """metodesk's backups in ``folder``, newest first (see :func:`_newest_first`;
    other files are ignored)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = parse_backup_name(path.name)
        if parsed is not None and path.is_file():
            found.append(BackupFile(path, parsed[0], parsed[1]))
    return _newest_first(found, now)


def to_remove(
    found: Iterable[BackupFile], keep_daily: int, keep_monthly: int, now: dt.datetime | None = None
) -> list[BackupFile]:
    """Daily backups the rotation deletes: kept are the newest backup of each of
    the ``keep_daily`` most recent days that have one, and the newest of each of
    the ``keep_monthly`` most recent months. Backups made before a migration or a
    restore, and those made by hand, are never removed here. Backups dated after
    ``now`` count as the oldest."""
    daily = _newest_first((f for f in found if f.kind == DAILY), now)
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
