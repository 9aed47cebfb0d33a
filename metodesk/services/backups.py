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
from dataclasses import dataclass
from pathlib import Path

from metodesk import paths
from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.logs import get_logger
from metodesk.storage import backup
from metodesk.storage.backup import BackupSummary
from metodesk.storage.database import Database, damage_found
from metodesk.storage.engine import file_integrity

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


def rotate(folder: Path, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Delete daily backups the rotation no longer keeps; the paths deleted."""
    removed = []
    for old in backup.to_remove(backup.backup_files(folder), keep_daily, keep_monthly):
        try:
            old.path.unlink()
        except OSError as exc:
            log.warning("Could not remove old backup %s: %s", old.path, exc)
            continue
        removed.append(old.path)
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
    """The whole-file integrity check (unless the opening did it), then today's
    backup, for a window that is already open. Needs no Session and opens its
    own connections, so it can run on a background thread; a damaged file gets
    no backup (it would push a good one out of the rotation)."""
    ok, said = True, ""
    if check_integrity:
        try:
            ok, said = file_integrity(db_path)
        except Exception as exc:  # noqa: BLE001 - any failure to read the file is damage to report
            ok, said = False, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not ok:
        log.error("Damaged database found after start: %s", said)
        return StartChecks(damage=str(damage_found(db_path, said)))
    try:
        daily_backup(db_path, now, keep=keep)
    except (StorageError, OSError) as exc:
        log.warning("Daily backup failed: %s", exc)
        return StartChecks(backup_problem=_("Today's backup could not be made: {reason}").format(reason=exc))
    return StartChecks()


def daily_backup(
    db: Database | Path, now: dt.datetime | None = None, keep: tuple[int, int] | None = None
) -> Path | None:
    """Back the database up unless today's daily backup exists, then rotate
    (keeping ``keep`` daily and monthly backups, read from the settings when
    not given). The new backup's path, or None when there was one already."""
    now = _now(now)
    db_path = db if isinstance(db, Path) else db.path
    if keep is None:
        assert isinstance(db, Database), "the settings are read through an open database"
        keep = keep_counts(db)
    folder = backups_dir(db_path)
    if any(f.kind == backup.DAILY and f.made_at.date() == now.date() for f in backup.backup_files(folder)):
        return None
    folder.mkdir(parents=True, exist_ok=True)
    made = backup.backup_database(db_path, backup.free_path(folder, now, backup.DAILY))
    log.info("Daily backup made: %s", made)
    removed = rotate(folder, *keep)
    if removed:
        log.info("Rotation removed %d old backups", len(removed))
    return made


def before_migration(db_path: Path) -> None:
    """Hook for ``open_database``: a backup of the database as it is, before its
    schema is upgraded. A failure stops the upgrade (the file stays as it was)."""
    folder = backups_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        made = backup.backup_database(db_path, backup.free_path(folder, _now(None), backup.BEFORE_MIGRATION))
    except OSError as exc:
        raise StorageError(
            _(
                "No backup could be made before upgrading the database ({reason}); it was left untouched."
            ).format(reason=exc.strerror or exc)
        ) from exc
    log.info("Backup before migration made: %s", made)


def backup_to(db_path: Path, out: Path, now: dt.datetime | None = None) -> Path:
    """Back up to ``out``: a file, or a folder (e.g. a flash drive) where a
    file named by the date is made. The path written."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise StorageError(_("There is no metodesk database in {path}.").format(path=db_path.parent))
    if out.is_dir():
        out = backup.free_path(out, _now(now))
    elif not out.parent.is_dir():
        raise StorageError(_("The folder {path} does not exist.").format(path=out.parent))
    if out.resolve() == db_path.resolve():
        raise StorageError(_("A backup cannot be written over the database itself."))
    made = backup.backup_database(db_path, out)
    log.info("Backup made by hand: %s", made)
    return made


def inspect(path: Path) -> BackupSummary:
    """What a backup holds (see ``BackupSummary.problem`` for why it cannot be restored)."""
    return backup.read_summary(path)


def list_backups(db_path: Path | None = None) -> list[BackupSummary]:
    """The backups beside the database, newest first, each with what it holds."""
    return [backup.read_summary(f.path) for f in backup.backup_files(backups_dir(db_path))]


def newest_good_backup(db_path: Path | None = None) -> BackupSummary | None:
    """The newest backup beside the database that is whole, metodesk's, and not
    newer than this metodesk: the one to offer when the database is damaged."""
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
    this metodesk. A whole current database is first copied to the backups
    folder; a damaged one is renamed aside, never written over."""
    now = _now(now)
    summary = inspect(source)
    if summary.problem:
        raise StorageError(summary.problem)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise StorageError(_("This file is the database itself; choose a backup to restore."))
    kept, damaged = None, False
    if db_path.exists() and db_path.stat().st_size > 0:
        if backup.is_whole(db_path):
            folder = backups_dir(db_path)
            folder.mkdir(parents=True, exist_ok=True)
            kept = backup.backup_database(db_path, backup.free_path(folder, now, backup.BEFORE_RESTORE))
        else:
            kept, damaged = backup.set_aside(db_path, now), True
            log.warning("Damaged database set aside as %s", kept)
    backup.restore_database(source, db_path)
    log.info("Restored %s over %s (previous database kept as %s)", source, db_path, kept)
    return RestoreResult(summary, kept, damaged)


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
