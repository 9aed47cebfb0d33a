"""`metodesk check`: is the database whole, and is its schema ours and current?"""

from __future__ import annotations

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


def check_database(path: Path) -> HealthReport:
    """Read-only checks: the file exists, is SQLite, passes integrity_check, and
    its schema revision is the newest this metodesk knows."""
    from metodesk.storage import migrate
    from metodesk.storage.database import open_database

    report = HealthReport()
    if not path.exists() or path.stat().st_size == 0:  # opening an empty file would write to it
        report.fail(_("There is no database at {path}.").format(path=path))
        return report
    try:
        db = open_database(path, upgrade=False)
    except StorageError as exc:
        report.fail(str(exc))
        return report
    try:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            fk_problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if rows != ["ok"]:
            report.fail(_("Integrity check failed: {details}").format(details="; ".join(rows)[:500]))
        else:
            report.lines.append(_("Integrity: ok."))
        if fk_problems:
            report.fail(
                _("{count} records point to records that do not exist.").format(count=len(fk_problems))
            )
        current, head = migrate.current_revision(db.engine), migrate.head_revision()
        if current != head:
            report.fail(
                _("Schema version {current}, expected {head}.").format(current=current or "-", head=head)
            )
        else:
            report.lines.append(_("Schema version {current}: current.").format(current=current))
    finally:
        db.close()
    return report
