"""Export: the records of an academic year (or of one association in it) as an
exchange package, written to a file in one step (through ``files.write_file``:
a temporary file renamed when whole, so a pulled flash drive or a full one never
leaves half a package under the name, nor spoils a package already there).

What the package holds is decided in ``exchange_scope``; its layout in
``exchange_format``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk import __version__, files
from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.text import clean
from metodesk.i18n import _
from metodesk.services import exchange_scope
from metodesk.services.exchange_format import TableInfo, encode_rows, exchange_tables, table_label
from metodesk.services.exchange_package import FORMAT, FORMAT_VERSION, package_bytes
from metodesk.services.progress import ProgressCallback, step
from metodesk.storage.base import utcnow
from metodesk.storage.models import AcademicYear, Association


@dataclass(frozen=True)
class ExportResult:
    path: Path
    counts: dict[str, int]  # rows per table, only tables with rows

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _year(session: Session, year_name: str) -> AcademicYear:
    year = session.scalar(select(AcademicYear).where(AcademicYear.name == clean(year_name)))
    if year is None:
        raise NotFound(_("There is no academic year {name}.").format(name=clean(year_name)), field="year")
    return year


def _association(session: Session, association_id: int, year: AcademicYear) -> Association:
    assoc = session.get(Association, association_id)
    if assoc is None:
        raise NotFound(
            _("There is no association with the number {id}.").format(id=association_id), field="association"
        )
    if assoc.year_id != year.id:
        raise DomainError(
            _("The association {id} belongs to another academic year, not {year}.").format(
                id=association_id, year=year.name
            ),
            field="association",
        )
    return assoc


def _uuid_maps(session: Session, infos: list[TableInfo]) -> dict[str, dict[int, str]]:
    """id -> UUID of every record table (foreign keys travel as UUIDs)."""
    maps = {}
    for info in infos:
        if not info.is_link:
            table = info.table
            maps[info.name] = dict(session.execute(select(table.c.id, table.c.uuid)).all())
    return maps


def _table_rows(
    session: Session, info: TableInfo, keys: set[Any], uuids: dict[str, dict[int, str]]
) -> list[dict[str, Any]]:
    """The rows of ``keys`` with their foreign keys as UUIDs, in id order (a
    school's table is small: it is read whole and filtered here, which keeps
    clear of SQLite's limit on bound parameters)."""
    if info.is_link:
        return [
            {fk.column: uuids[fk.target][v] for fk, v in zip(info.fks, values, strict=True)}
            for values in sorted(keys)
        ]
    table = info.table
    rows = []
    for record in session.execute(select(table).order_by(table.c.id)).mappings():
        if record["id"] not in keys:
            continue
        row = {column: record[column] for column in info.columns if column not in info.fk_columns}
        for fk in info.fks:
            value = record[fk.column]
            row[fk.column] = None if value is None else uuids[fk.target][value]
        rows.append(row)
    return rows


def _steps(infos: list[TableInfo]) -> int:
    """Finding the records, reading each table, packing, writing."""
    return len(infos) + 3


def build_package(
    session: Session,
    year_name: str,
    association_id: int | None = None,
    now: dt.datetime | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[bytes, dict[str, int]]:
    """The package's bytes and its rows per table, read in ``session``.
    ``progress`` hears of each table read (and may stop the export there)."""
    year = _year(session, year_name)
    assoc = _association(session, association_id, year) if association_id is not None else None
    infos = exchange_tables()
    total = _steps(infos)
    finding = _("Finding the records of {year}…").format(year=year.name)
    step(progress, 0, total, finding)
    keys = exchange_scope.collect(
        session, infos, year.id, assoc.id if assoc else None, tick=lambda: step(progress, 0, total, finding)
    )
    uuids = _uuid_maps(session, infos)
    tables = {}
    for done, info in enumerate(infos, start=1):
        step(progress, done, total, _("Reading: {table}…").format(table=table_label(info.name)))
        if keys[info.name]:
            tables[info.name] = encode_rows(info, _table_rows(session, info, keys[info.name], uuids))
    step(progress, total - 2, total, _("Packing the records…"))
    from metodesk.storage import migrate

    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema": migrate.head_revision(),
        "created_at": (now or utcnow()).isoformat(timespec="seconds"),
        "scope": {
            "year": year.name,
            "year_uuid": year.uuid,
            "association": assoc.uuid if assoc else None,
            "association_name": (assoc.name_kk or assoc.name_ru) if assoc else None,
        },
    }
    return package_bytes(manifest, tables), {name: len(rows) for name, rows in tables.items()}


def default_name(year_name: str, now: dt.datetime | None = None) -> str:
    """``metodesk-2025-2026-2025-10-14.zip``: the year and the day it was made."""
    return f"metodesk-{year_name}-{(now or dt.datetime.now()):%Y-%m-%d}.zip"


def package_target(out: Path, year_name: str) -> Path:
    """The file a package for ``out`` goes to: ``out`` itself, or a dated name
    in it when it is a folder. Refused (``files.ProtectedTargetError``) when it
    is metodesk's own data, a DomainError when its folder is missing."""
    if out.is_dir():
        out = out / default_name(year_name)
    elif not out.parent.is_dir():
        raise DomainError(_("The folder {path} does not exist.").format(path=out.parent), field="out")
    return files.check_target(out)


def write_package(data: bytes, out: Path, year_name: str) -> Path:
    """Write the package whole to ``out`` (a file, or a folder where a dated
    name is made); the path written. On any failure a package already there
    is left as it was, and the error names the file and the reason."""
    out = package_target(out, year_name)
    files.write_file(out, data)
    return out


def export_package(
    session: Session,
    year_name: str,
    out: Path,
    association_id: int | None = None,
    progress: ProgressCallback | None = None,
) -> ExportResult:
    """Export a year (or one association of it) to ``out``. A cancel through
    ``progress`` comes before anything is written; a target that is metodesk's
    own data is refused before anything is read."""
    package_target(out, year_name)
    data, counts = build_package(session, year_name, association_id, progress=progress)
    total = _steps(exchange_tables())
    step(progress, total - 1, total, _("Writing the package…"))
    return ExportResult(write_package(data, out, year_name), counts)
