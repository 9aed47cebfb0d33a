"""`metodesk check`: is the database whole, and is its schema ours and current?

Everything here reads, read-only and through SQLite only, so a check never
changes the file it may find damaged and is safe beside an open window.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from metodesk.domain.errors import StorageError
from metodesk.i18n import _


@dataclass
class HealthReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def fail(self, line: str) -> None:
        self.ok = False
        self.lines.append(line)


def _offer_backup(report: HealthReport, path: Path) -> None:
    """After damage: say which backup would bring the data back, if there is one."""
    from metodesk.services import backups

    newest = backups.newest_good_backup(path)
    if newest is not None:
        report.lines.append(
            _("The newest good backup is {path} ({date}); restore it with: metodesk restore {path}").format(
                path=newest.path, date=backups.made_at_text(newest)
            )
        )


def check_database(path: Path) -> HealthReport:
    """Read-only checks: the file exists and is not empty, is SQLite, passes
    integrity_check and the foreign-key check, every text value can be read,
    and its schema revision is the newest this metodesk knows. When the file is
    damaged or empty, the newest good backup is named."""
    from metodesk.storage import migrate, probe

    report = HealthReport()
    had_wal = path.with_name(path.name + "-wal").exists()
    found = probe.probe(path)
    if found.state is probe.State.MISSING:
        report.fail(_("There is no database at {path}.").format(path=path))
        return report
    if found.state is probe.State.EMPTY:
        report.fail(_("The database file {path} is empty (0 bytes).").format(path=path))
        _offer_backup(report, path)
        return report
    if found.state is probe.State.UNREADABLE:
        report.fail(_("The database {path} cannot be read ({details}).").format(path=path, details=found.details))
        return report
    if found.state is probe.State.DAMAGED:
        report.fail(_("The database {path} is damaged ({details}).").format(path=path, details=found.details))
        _offer_backup(report, path)
        return report
    try:
        migrate.refuse_unknown(found.revision)
    except StorageError as exc:
        report.fail(str(exc))
        return report
    try:
        conn = probe.connect_read_only(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            fk_problems = conn.execute("PRAGMA foreign_key_check").fetchall() if rows == ["ok"] else []
            bad_text = probe.text_problem(conn) if rows == ["ok"] else None
        finally:
            conn.close()
    except sqlite3.Error as exc:
        report.fail(
            _("The database {path} cannot be read ({details}).").format(path=path, details=probe.reason(exc))
        )
        if probe.is_damage(exc):
            _offer_backup(report, path)
        return report
    if rows != ["ok"]:
        report.fail(_("Integrity check failed: {details}").format(details="; ".join(rows)[:500]))
    elif bad_text:
        report.fail(_("Integrity check failed: {details}").format(details=bad_text))
    else:
        report.lines.append(_("Integrity: ok."))
    if fk_problems:
        report.fail(_("{count} records point to records that do not exist.").format(count=len(fk_problems)))
    head = migrate.head_revision()
    if found.revision is None and "teacher" not in found.tables:
        report.fail(_("The file {path} is not a metodesk database.").format(path=path))
    elif found.revision != head:
        report.fail(_("Schema version {current}, expected {head}.").format(current=found.revision or "-", head=head))
    else:
        report.lines.append(_("Schema version {current}: current.").format(current=found.revision))
    if not report.ok and (rows != ["ok"] or bad_text):
        _offer_backup(report, path)
    elif report.ok and not had_wal:
        _tidy(path)
    return report


def _tidy(path: Path) -> None:
    """The read-only look at a WAL database nobody had open left an empty -wal
    and a -shm beside it; now that the file is accepted, one ordinary
    connection opened and closed lets SQLite remove them (it does only when no
    other process has the database open)."""
    try:
        conn = sqlite3.connect(path, timeout=1)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass
