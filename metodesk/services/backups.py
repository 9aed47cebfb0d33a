"""Backups of the data folder's database: once a day, before every migration, by
hand to any folder; restore with a copy of the current database kept first;
after a damaged file is found, the newest good backup.

Backups live in ``backups`` beside the database. Daily ones rotate (the last 14
days and the last 12 months by default; the ``backup_keep_daily`` and
``backup_keep_monthly`` settings change that); those made before a migration or
a restore stay until the user removes them.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from metodesk import files, paths
from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.logs import get_logger
from metodesk.storage import backup, probe
from metodesk.storage.backup import BackupSummary as BackupSummary  # the window names it from here
from metodesk.storage.database import Database, damage_found

log = get_logger(__name__)

BACKUPS_DIRNAME = "backups"
KEEP_DAILY_KEY, KEEP_MONTHLY_KEY = "backup_keep_daily", "backup_keep_monthly"
DEFAULT_KEEP_DAILY, DEFAULT_KEEP_MONTHLY = 14, 12


def backups_dir(db_path: Path | None = None) -> Path:
    """The folder of automatic backups: ``backups`` beside the database."""
    return (db_path.parent if db_path is not None else paths.data_dir()) / BACKUPS_DIRNAME


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else dt.datetime.now()


def keep_counts(db: Database) -> tuple[int, int]:
    """How many daily and monthly backups to keep, from the settings (at least one each)."""
    from metodesk.services import settings

    def number(text: str, default: int) -> int:
        return max(1, int(text)) if text.strip().isdigit() else default

    with db.reading() as session:
        daily = settings.get(session, KEEP_DAILY_KEY)
        monthly = settings.get(session, KEEP_MONTHLY_KEY)
    return number(daily, DEFAULT_KEEP_DAILY), number(monthly, DEFAULT_KEEP_MONTHLY)


def rotate(folder: Path, keep_daily: int, keep_monthly: int, now: dt.datetime | None = None) -> list[Path]:
    """Delete daily backups the rotation no longer keeps; the paths deleted."""
    removed = []
    for old in backup.to_remove(backup.backup_files(folder, now), keep_daily, keep_monthly, now):
        try:
            old.path.unlink()
        except OSError as exc:
            log.warning("Could not remove old backup %s: %s", old.path, exc)
            continue
        removed.append(old.path)
    return removed


# A temporary file this much older than now belongs to a writer that was killed
# (a backup of a district's 200 MB takes seconds); a younger one may still be
# written by a command running beside the window.
STALE_AFTER = 15 * 60


def remove_stale_files(db_path: Path, now: float | None = None) -> list[Path]:
    """Delete what killed writers left in the data folder and the backups
    folder: ``files.writing``'s temporary files (and the journal SQLite keeps
    beside one), and the ``*.part`` files of older versions. Only files older
    than ``STALE_AFTER``; the paths deleted. Never the database or its
    -wal/-shm: their names do not match."""
    now = time.time() if now is None else now
    removed = []
    for folder in (db_path.parent, backups_dir(db_path)):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            ours = name.startswith(files.TEMP_PREFIX) and name.endswith(
                (files.TEMP_SUFFIX, files.TEMP_SUFFIX + "-journal")
            )
            if not (ours or name.endswith(".part")):
                continue
            try:
                if now - entry.stat().st_mtime < STALE_AFTER or not entry.is_file():
                    continue
                entry.unlink()
            except OSError as exc:
                log.warning("Could not remove the stale file %s: %s", entry, exc)
                continue
            removed.append(entry)
    if removed:
        log.info("Removed %d files left by interrupted writes: %s", len(removed), removed)
    return removed


@dataclass(frozen=True)
class StartChecks:
    """What the checks after the window opened found: a damaged database (the
    sentence), or a daily backup that could not be made (the sentence)."""

    damage: str | None = None
    backup_problem: str | None = None


def start_checks(
    db_path: Path, keep: tuple[int, int], now: dt.datetime | None = None, *, check_integrity: bool = True
) -> StartChecks:
    """For a window that is already open: what killed writers left behind is
    removed; the whole file is checked (SQLite's quick check unless the opening
    did it, and every text value read once); then today's backup. Needs no
    Session and opens its own connections, through SQLite only, so it can run
    on a background thread beside the window's; a damaged file gets no backup
    (it would push a good one out of the rotation)."""
    remove_stale_files(db_path)
    found = probe.probe(db_path, deep=check_integrity, read_text=True)
    if found.state is probe.State.DAMAGED or found.state is probe.State.EMPTY:
        log.error("Damaged database found after start: %s", found.details)
        return StartChecks(damage=str(damage_found(db_path, found.details or _("the file is empty"))))
    if found.state is not probe.State.WHOLE:
        log.warning("Database not checked after start: %s", found.details)
        return StartChecks(
            backup_problem=_("The database could not be checked, and no backup was made: {reason}").format(
                reason=found.details
            )
        )
    try:
        daily_backup(db_path, now, keep=keep)
    except (StorageError, OSError) as exc:
        log.warning("Daily backup failed: %s", exc)
        return StartChecks(backup_problem=_("Today's backup could not be made: {reason}").format(reason=exc))
    return StartChecks()


def _changed_after(db_path: Path, now: dt.datetime) -> bool:
    """True when the database or its -wal was written after ``now``: the clock
    went back or is stuck on one date (a computer whose clock resets at every
    start), so "a backup dated today exists" says nothing about today's work."""
    limit = now.timestamp() + backup.FUTURE_SLACK.total_seconds()
    for each in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            if each.stat().st_mtime > limit:
                return True
        except OSError:
            continue
    return False


def make_backups_dir(db_path: Path) -> Path:
    """The backups folder, made when missing (readable by its owner only)."""
    folder = backups_dir(db_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def daily_backup(
    db: Database | Path, now: dt.datetime | None = None, keep: tuple[int, int] | None = None
) -> Path | None:
    """Back the database up unless today's daily backup exists, then rotate
    (keeping ``keep`` daily and monthly backups, read from the settings when
    not given). The new backup's path, or None when there was one already.
    A backup dated today does not count when the database was written after
    the clock's "now" (a clock stuck on one date would stop backups forever)."""
    now = _now(now)
    db_path = db if isinstance(db, Path) else db.path
    if keep is None:
        assert isinstance(db, Database), "the settings are read through an open database"
        keep = keep_counts(db)
    folder = backups_dir(db_path)
    made_today = any(
        f.kind == backup.DAILY and f.made_at.date() == now.date() for f in backup.backup_files(folder, now)
    )
    if made_today and not _changed_after(db_path, now):
        return None
    make_backups_dir(db_path)
    made = backup.backup_database(db_path, backup.free_path(folder, now, backup.DAILY))
    log.info("Daily backup made: %s", made)
    removed = rotate(folder, *keep, now=now)
    if removed:
        log.info("Rotation removed %d old backups", len(removed))
    return made


def before_migration(db_path: Path) -> None:
    """Hook for ``open_database``: a backup of the database as it is, before its
    schema is upgraded. A failure stops the upgrade (the file stays as it was)."""
    try:
        folder = make_backups_dir(db_path)
        made = backup.backup_database(db_path, backup.free_path(folder, _now(None), backup.BEFORE_MIGRATION))
    except OSError as exc:
        raise StorageError(
            _(
                "No backup could be made before upgrading the database ({reason}); it was left untouched."
            ).format(reason=files.reason_for(exc))
        ) from exc
    log.info("Backup before migration made: %s", made)


def backup_to(db_path: Path, out: Path, now: dt.datetime | None = None, *, folder: bool = False) -> Path:
    """Back up to ``out``: a file, or a folder (e.g. a flash drive) where a
    file named by the date is made. With ``folder`` (a path typed with a
    trailing slash) ``out`` is a folder, made when its parent exists. The path
    written."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise StorageError(_("There is no metodesk database in {path}.").format(path=db_path.parent))
    if folder and out.exists() and not out.is_dir():  # "name/" never means the file "name"
        raise files.as_write_error(NotADirectoryError(errno.ENOTDIR, "", str(out)), out / "")
    if folder and not out.exists():
        if not out.parent.is_dir():
            raise StorageError(_("The folder {path} does not exist.").format(path=out.parent))
        try:
            out.mkdir()
        except OSError as exc:
            raise files.as_write_error(exc, out) from exc
    if out.is_dir():
        out = backup.free_path(out, _now(now))
    elif not out.parent.is_dir():
        raise StorageError(_("The folder {path} does not exist.").format(path=out.parent))
    if _same_file(out, db_path) or any(_same_file(out, extra) for extra in probe.sidecar_paths(db_path)):
        raise StorageError(_("A backup cannot be written over the database itself."))
    made = backup.backup_database(db_path, out)
    log.info("Backup made by hand: %s", made)
    return made


def _same_file(one: Path, other: Path) -> bool:
    """The same file by name or, when both exist, by identity (a link): stat only."""
    if one.resolve() == other.resolve():
        return True
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def set_aside(db_path: Path, now: dt.datetime | None = None) -> Path:
    """Move a database that cannot be used (an empty file, say) out of the way,
    with its -wal/-shm, under a new name beside it, byte for byte; the new name."""
    return backup.set_aside(db_path, _now(now))


def inspect(path: Path) -> BackupSummary:
    """What a backup holds (see ``BackupSummary.problem`` for why it cannot be restored)."""
    return backup.read_summary(path)


def list_backups(db_path: Path | None = None) -> list[BackupSummary]:
    """The backups beside the database, newest first, each with what it holds."""
    return [backup.read_summary(f.path) for f in backup.backup_files(backups_dir(db_path))]


def newest_good_backup(db_path: Path | None = None) -> BackupSummary | None:
    """The newest backup beside the database that is whole, metodesk's, and not
    newer than this metodesk: the one to offer when the database is damaged.
    One dated in the future (a wrong clock) comes after all the others."""
    for found in backup.backup_files(backups_dir(db_path)):
        summary = backup.read_summary(found.path)
        if summary.ok:
            return summary
    return None


@dataclass(frozen=True)
class RestoreResult:
    """What was restored, and where the database it replaced now is (None when
    there was none): a copy in the backups folder, or a damaged file set aside."""

    summary: BackupSummary
    kept: Path | None
    damaged: bool


def restore(source: Path, db_path: Path, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the database with a backup. Refused (StorageError, nothing
    changed) for a file that is not a whole metodesk database or is newer than
    this metodesk, holds a value its column's rules refuse, or is larger than
    a metodesk database can be, and when the current database cannot be read
    (a full disk is not damage). A whole current database is first copied to the backups
    folder, then written over inside its own transaction; a missing, empty or
    damaged one is replaced by a whole copy made beside it first, and set aside
    under a new name, never written over. Whatever fails, the current database
    is where and as it was."""
    now = _now(now)
    if _same_file(source, db_path) or any(_same_file(source, extra) for extra in probe.sidecar_paths(db_path)):
        raise StorageError(_("This file is the database itself; choose a backup to restore."))
    summary = inspect(source)
    if summary.problem:
        raise StorageError(summary.problem)
    refused = value_problem(source)
    if refused:
        raise StorageError(refused)
    current = probe.probe(db_path, deep=True, read_text=True)
    if current.state is probe.State.UNREADABLE:
        raise StorageError(
            _(
                "The current database {path} cannot be read ({reason}), so nothing was restored; "
                "it was left as it was."
            ).format(path=db_path, reason=current.details)
        )
    kept: Path | None
    if current.state is probe.State.WHOLE:
        folder = make_backups_dir(db_path)
        kept = backup.backup_database(db_path, backup.free_path(folder, now, backup.BEFORE_RESTORE))
        backup.restore_database(source, db_path)
        damaged = False
    else:
        kept = backup.restore_in_place_of(source, db_path, now)
        damaged = kept is not None
        if damaged:
            log.warning("Damaged database (%s) set aside as %s", current.details or current.state.value, kept)
    probe.tighten(db_path)
    log.info("Restored %s over %s (previous database kept as %s)", source, db_path, kept)
    return RestoreResult(summary, kept, damaged)


def value_problem(source: Path) -> str | None:
    """The sentence refusing a backup that holds a value the exchange's rules
    refuse (see ``metodesk.services.backup_rules``), or None when every value
    keeps its rule. Reads the backup only; the window asks it before offering
    the restore, and :func:`restore` asks it again before touching anything."""
    from metodesk.services import backup_rules  # the rules import every service: load them when restoring

    started = time.monotonic()
    try:
        broken = backup_rules.first_broken(source)
    except sqlite3.Error as exc:
        return _("The file {path} cannot be read ({details}).").format(path=source, details=probe.reason(exc))
    log.info("Values of %s checked in %.2f s", source, time.monotonic() - started)
    return backup_rules.refusal(source, broken) if broken is not None else None


def kind_label(kind: str | None) -> str:
    labels = {
        backup.DAILY: _("daily"),
        backup.BEFORE_MIGRATION: _("before an upgrade"),
        backup.BEFORE_RESTORE: _("before a restore"),
    }
    return labels.get(kind or "", _("by hand"))


def made_at_text(summary: BackupSummary) -> str:
    return f"{short_date(summary.made_at.date())} {summary.made_at:%H:%M}"


def summary_lines(summary: BackupSummary) -> list[tuple[str, str]]:
    """(label, value) pairs saying what a backup holds, for the window and the CLI."""

    def count(table: str) -> str:
        value = summary.counts.get(table)
        return str(value) if value is not None else _("none in this version")

    return [
        (_("Made"), made_at_text(summary)),
        (_("Schema version"), summary.revision or "-"),
        (_("Teachers"), count("teacher")),
        (_("Associations"), count("association")),
        (_("Meetings"), count("meeting")),
        (_("Plans"), count("plan")),
    ]
