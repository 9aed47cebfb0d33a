"""Import: merge an exchange package into this database by the records' UUIDs.

- A record whose UUID is new here is added. A record identical to one here
  in every field (its links included), or with the same natural key as one
  here (the year's name, a meeting's number in its association and year, a
  member of an association), is taken as that record: the year, subjects and
  criteria every database seeds for itself are not doubled.
- A record both sides have is updated when the package's version is newer
  (its ``updated_at``) and differs; when the version here is newer and
  differs, it is kept and the conflict is listed.
- Nothing is ever deleted. Importing the same package again changes nothing.
- A record that would clash with a different record here (the same number or
  name) is left out with a sentence, and so are the records that need it.
- Everything happens in one transaction; a preview runs the same merge and
  rolls it back, so it says exactly what an import would add and change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, and_, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from metodesk.i18n import _, ngettext
from metodesk.services.exchange_format import TableInfo, exchange_tables, table_label
from metodesk.services.exchange_package import Package, read_package
from metodesk.services.progress import ProgressCallback, step
from metodesk.storage.database import Database

_CHUNK = 500
_DESCRIBING = ("name_kk", "name_ru", "name", "title", "topic", "text", "content", "activity", "text_kk")


@dataclass
class ImportReport:
    """What an import added, changed and kept, by table; conflicts as sentences."""

    added: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    left_out: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_changed(self) -> int:
        return sum(self.changed.values())


def describe(row: dict[str, Any]) -> str:
    """A few words that let a person find the record: a name, a title, a number."""
    if row.get("surname"):
        return f"{row['surname']} {row.get('first_name') or ''}".strip()
    for column in _DESCRIBING:
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 60 else text[:59] + "…"
    if row.get("number") is not None:
        return _("No. {number}").format(number=row["number"])
    if row.get("date") is not None:
        return str(row["date"])
    return str(row.get("uuid", ""))[:8]


class _Merger:
    def __init__(self, session: Session, package: Package, progress: ProgressCallback | None = None) -> None:
        self.session = session
        self.package = package
        self.report = ImportReport()
        self.ids: dict[str, dict[str, int]] = {}  # table -> UUID -> local id (a UUID left out has none)
        self.progress = progress
        self._step: tuple[int, int, str] = (0, 0, "")

    def _tick(self, index: int) -> None:
        """Between rows: every ``_CHUNK`` rows the progress callback hears the
        table's step again, so a cancel is not kept waiting for a long table."""
        if self.progress is not None and index and index % _CHUNK == 0:
            self.progress(*self._step)

    # --- lookups ---------------------------------------------------------------

    def _ids(self, info: TableInfo) -> dict[str, int]:
        if info.name not in self.ids:
            table = info.table
            self.ids[info.name] = dict(self.session.execute(select(table.c.uuid, table.c.id)).all())
        return self.ids[info.name]

    def _resolve(self, info: TableInfo, row: dict[str, Any]) -> dict[str, int | None] | None:
        """The row's foreign keys as local ids; None when a required one has no
        record here (it was left out, or neither side has it)."""
        by_name = self.by_name
        resolved: dict[str, int | None] = {}
        for fk in info.fks:
            value = row[fk.column]
            local = None if value is None else self._ids(by_name[fk.target]).get(value)
            if local is None and value is not None and not fk.nullable:
                return None
            resolved[fk.column] = local
        return resolved

    def _local_rows(self, info: TableInfo, uuids: list[str]) -> dict[str, dict[str, Any]]:
        table = info.table
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(uuids), _CHUNK):
            chunk = uuids[start : start + _CHUNK]
            for record in self.session.execute(select(table).where(table.c.uuid.in_(chunk))).mappings():
                found[record["uuid"]] = dict(record)
        return found

    def _same_record(
        self, info: TableInfo, values: dict[str, Any], package_uuids: set[str]
    ) -> dict[str, Any] | None:
        """A local record that is this one under another UUID: the same natural
        key, or the same content in every field (links included). Not one the
        package also holds under its own UUID (then the two are different records)."""
        table = info.table
        keys = [u for u in info.uniques if all(c in values and values[c] is not None for c in u)]
        keys.append(info.content_columns)  # "== None" is "IS NULL" here: content may hold NULLs
        for columns in keys:
            query = select(table).where(and_(*(table.c[c] == values[c] for c in columns))).limit(2)
            for record in self.session.execute(query).mappings():
                if record["uuid"] not in package_uuids:
                    return dict(record)
        return None

    # --- writing ---------------------------------------------------------------

    def _write(self, statement: Any) -> int | None:
        """Run one insert or update in a savepoint: the new id (or 0), or None
        when it clashes with a record here."""
        try:
            with self.session.begin_nested():
                # An insert or update: SQLAlchemy's result is a CursorResult, typed as a Result.
                result = cast("CursorResult[Any]", self.session.execute(statement))
        except IntegrityError:
            return None
        if not result.is_insert:
            return 0
        key = result.inserted_primary_key
        assert key is not None  # always there after a one-row insert
        return int(key[0])

    def _conflict(self, info: TableInfo, row: dict[str, Any], sentence: str) -> None:
        self.report.conflicts.append(sentence.format(table=table_label(info.name), record=describe(row)))

    def _leave_out(self, info: TableInfo) -> None:
        self.report.left_out[info.name] += 1

    # --- the merge -------------------------------------------------------------

    def run(self) -> ImportReport:
        self.tables = exchange_tables()
        self.by_name = {info.name: info for info in self.tables}
        present = [info for info in self.tables if self.package.rows.get(info.name)]
        for done, info in enumerate(present):
            rows = self.package.rows[info.name]
            self._step = (done, len(present), _("Merging: {table}…").format(table=table_label(info.name)))
            step(self.progress, *self._step)
            if info.is_link:
                self._links(info, rows)
            else:
                self._records(info, rows)
        # the last chance to stop: after this the caller commits
        step(self.progress, len(present), len(present), _("Finishing…"))
        for name, count in sorted(self.report.left_out.items()):
            self.report.conflicts.append(
                ngettext(
                    "{table}: {count} record was left out, because a record it needs was not imported.",
                    "{table}: {count} records were left out, because a record they need was not imported.",
                    count,
                ).format(table=table_label(name), count=count)
            )
        return self.report

    def _links(self, info: TableInfo, rows: list[dict[str, Any]]) -> None:
        table = info.table
        cols = info.fk_columns
        present = {tuple(r) for r in self.session.execute(select(*(table.c[c] for c in cols))).all()}
        for index, row in enumerate(rows):
            self._tick(index)
            resolved = self._resolve(info, row)
            if resolved is None or any(resolved[c] is None for c in cols):
                self._leave_out(info)
                continue
            pair = tuple(resolved[c] for c in cols)
            if pair in present:
                self.report.unchanged += 1
                continue
            if self._write(insert(table).values(**resolved)) is None:
                self._leave_out(info)
                continue
            present.add(pair)
            self.report.added[info.name] += 1

    def _records(self, info: TableInfo, rows: list[dict[str, Any]]) -> None:
        ids = self._ids(info)
        package_uuids = {row["uuid"] for row in rows}
        local_rows = self._local_rows(info, list(package_uuids))
        for index, row in enumerate(rows):
            self._tick(index)
            resolved = self._resolve(info, row)
            if resolved is None:
                self._leave_out(info)
                continue
            values = {c: row[c] for c in info.data_columns}
            values.update(resolved)
            local = local_rows.get(row["uuid"]) or self._same_record(info, values, package_uuids)
            if local is None:
                self._add(info, row, values, ids)
                continue
            ids[row["uuid"]] = local["id"]
            if all(values[c] == local[c] for c in info.content_columns):
                self.report.unchanged += 1
            elif row["updated_at"] > local["updated_at"]:
                statement = (
                    update(info.table)
                    .where(info.table.c.id == local["id"])
                    .values(**values, updated_at=row["updated_at"])
                )
                if self._write(statement) is None:
                    self._conflict(
                        info,
                        row,
                        _(
                            "{table}: the package's newer “{record}” clashes with another record here "
                            "(the same number or name); the version here was kept."
                        ),
                    )
                else:
                    self.report.changed[info.name] += 1
            else:
                self._conflict(
                    info,
                    local,
                    _(
                        "{table}: “{record}” was changed here after the package's version; the version here was kept."
                    ),
                )

    def _add(self, info: TableInfo, row: dict[str, Any], values: dict[str, Any], ids: dict[str, int]) -> None:
        statement = insert(info.table).values(
            uuid=row["uuid"], created_at=row["created_at"], updated_at=row["updated_at"], **values
        )
        new_id = self._write(statement)
        if new_id is None:
            self._conflict(
                info,
                row,
                _(
                    "{table}: “{record}” from the package clashes with a different record here "
                    "(the same number or name); it was not imported."
                ),
            )
            return
        ids[row["uuid"]] = new_id
        self.report.added[info.name] += 1


def merge(session: Session, package: Package, progress: ProgressCallback | None = None) -> ImportReport:
    """Merge ``package`` into the database in ``session``'s transaction (the
    caller commits, or rolls back for a preview). ``progress`` hears of each
    table (a step) and, within a long one, every few hundred rows; whatever
    it raises (``Cancelled``) leaves the transaction to roll back."""
    return _Merger(session, package, progress).run()


def preview(db: Database, package: Package, progress: ProgressCallback | None = None) -> ImportReport:
    """What importing ``package`` would do; nothing is kept."""
    with db.sessions() as session:
        try:
            report = merge(session, package, progress)
        finally:
            session.rollback()
    report.dry_run = True
    return report


def apply(db: Database, package: Package, progress: ProgressCallback | None = None) -> ImportReport:
    """Merge ``package`` in one transaction: all of it, or (on any error or a
    cancel through ``progress``) nothing."""
    with db.transaction() as session:
        return merge(session, package, progress)


def import_file(
    db: Database, path: Path, dry_run: bool = False, progress: ProgressCallback | None = None
) -> ImportReport:
    """Check the package (refused with one sentence, the database untouched),
    then merge it in one transaction, or only preview it."""
    package = read_package(path)
    return preview(db, package, progress) if dry_run else apply(db, package, progress)
