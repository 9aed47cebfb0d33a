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

from sqlalchemy import CursorResult, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from metodesk.i18n import _, ngettext
from metodesk.services.exchange_format import (
    InvalidRecord,
    TableInfo,
    describe,
    exchange_tables,
    table_label,
)
from metodesk.services.exchange_package import Package, read_package
from metodesk.services.progress import ProgressCallback, step
from metodesk.storage.database import Database

_CHUNK = 500
_BATCH = 2000  # new records written in one statement


def _next_version(info: TableInfo) -> dict[str, Any]:
    """A record the import changes counts one more save (``storage/versions.py``):
    a screen still showing the version before is refused, not overwritten."""
    return {"version": info.table.c.version + 1} if "version" in info.table.c else {}


@dataclass
class ImportReport:
    """What an import added, changed and kept, by table; conflicts as sentences."""

    added: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    left_out: Counter[str] = field(default_factory=Counter)
    emptied: Counter[tuple[str, str]] = field(default_factory=Counter)  # (table, target) -> links left empty
    skipped: list[str] = field(default_factory=list)  # records left out for a wrong value, as sentences
    conflicts: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_changed(self) -> int:
        return sum(self.changed.values())


class _Twins:
    """The local records of one table that the package does not hold under
    their own UUID, indexed by natural key and by content, so finding "this
    record under another UUID" costs a dictionary look-up, not a scan of the
    table per package row (a district's year: 58,960 of them)."""

    def __init__(self, session: Session, info: TableInfo, package_uuids: set[str]) -> None:
        self.session = session
        self.info = info
        self.keys = [u for u in info.uniques if "uuid" not in u]
        self.by_key: dict[tuple[str, ...], dict[tuple[Any, ...], int]] = {u: {} for u in self.keys}
        self.by_content: dict[int, list[int]] = {}
        table = info.table
        wanted = set(info.content_columns).union(*self.keys) if self.keys else set(info.content_columns)
        columns = [table.c.id, table.c.uuid, *(table.c[c] for c in sorted(wanted))]
        for record in session.execute(select(*columns)).mappings():
            if record["uuid"] not in package_uuids:
                self.note(record["id"], record)

    def _content(self, values: Any) -> int:
        return hash(tuple(values[c] for c in self.info.content_columns))

    def note(self, record_id: int, values: Any) -> None:
        """Index a record (again, after an update changed it)."""
        for key in self.keys:
            if all(values[c] is not None for c in key):
                self.by_key[key].setdefault(tuple(values[c] for c in key), record_id)
        self.by_content.setdefault(self._content(values), []).append(record_id)

    def _fetch(self, record_id: int) -> dict[str, Any] | None:
        table = self.info.table
        found = self.session.execute(select(table).where(table.c.id == record_id)).mappings().first()
        return None if found is None else dict(found)

    def find(self, values: dict[str, Any]) -> dict[str, Any] | None:
        """A local record that is this one under another UUID: the same natural
        key, or the same content in every field (links included)."""
        for key in self.keys:
            if all(c in values and values[c] is not None for c in key):
                record_id = self.by_key[key].get(tuple(values[c] for c in key))
                if record_id is not None:
                    return self._fetch(record_id)
        for record_id in self.by_content.get(self._content(values), ()):
            record = self._fetch(record_id)
            if record is not None and all(record[c] == values[c] for c in self.info.content_columns):
                return record
        return None


class _Merger:
    def __init__(self, session: Session, package: Package, progress: ProgressCallback | None = None) -> None:
        self.session = session
        self.package = package
        self.rows = dict(package.rows)  # what is merged: less what a lenient read leaves out
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
        emptied = []
        for fk in info.fks:
            value = row[fk.column]
            local = None if value is None else self._ids(by_name[fk.target]).get(value)
            if local is None and value is not None:
                if not fk.nullable:
                    return None
                emptied.append(fk.target)
            resolved[fk.column] = local
        for target in emptied:
            self.report.emptied[(info.name, target)] += 1
        return resolved

    def _check_required_links(self) -> None:
        """Before anything is written: every required link points at a record
        of the package or of this database. One that points nowhere refuses
        the package (naming the record and the field), or, when the package
        is read leniently, leaves the record out (and what needs it)."""
        package = self.package
        uuids = {
            name: {row["uuid"] for row in rows} | package.skipped_uuids.get(name, set())
            for name, rows in self.rows.items()
            if not self.by_name[name].is_link
        }
        for info in self.tables:
            rows = self.rows.get(info.name)
            if not rows:
                continue
            for fk in info.fks:
                if fk.nullable:
                    continue
                inside = uuids.get(fk.target, set())
                wanted = {row[fk.column] for row in rows} - inside
                if not wanted:
                    continue
                target = self.by_name[fk.target].table
                here: set[str] = set()
                ordered = sorted(wanted)
                for start in range(0, len(ordered), _CHUNK):
                    chunk = ordered[start : start + _CHUNK]
                    here.update(self.session.scalars(select(target.c.uuid).where(target.c.uuid.in_(chunk))))
                missing = wanted - here
                if not missing:
                    continue
                bad = [row for row in rows if row[fk.column] in missing]
                if not package.skip_invalid:
                    raise InvalidRecord(
                        _(
                            "The package cannot be imported: in “{table}”, the record “{record}” points in "
                            "“{column}” to a record of “{target}” that neither the package nor this database "
                            "holds. Nothing was imported."
                        ).format(
                            table=table_label(info.name),
                            record=describe(bad[0]),
                            column=fk.column,
                            target=table_label(fk.target),
                        )
                    )
                for row in bad:
                    self.report.skipped.append(
                        _(
                            "“{table}”: the record “{record}” points in “{column}” to a record of "
                            "“{target}” that neither the package nor this database holds."
                        ).format(
                            table=table_label(info.name),
                            record=describe(row),
                            column=fk.column,
                            target=table_label(fk.target),
                        )
                    )
                rows = self.rows[info.name] = [row for row in rows if row[fk.column] not in missing]

    def _local_rows(self, info: TableInfo, uuids: list[str]) -> dict[str, dict[str, Any]]:
        table = info.table
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(uuids), _CHUNK):
            chunk = uuids[start : start + _CHUNK]
            for record in self.session.execute(select(table).where(table.c.uuid.in_(chunk))).mappings():
                found[record["uuid"]] = dict(record)
        return found

    # --- writing ---------------------------------------------------------------

    def _write(self, statement: Any) -> int | None:
        """Run one insert or update in a savepoint: the new id (or 0), or None
        when it clashes with a record here."""
        try:
            with self.session.begin_nested():
                # an insert or update statement: its result is a cursor's
                result = cast("CursorResult[Any]", self.session.execute(statement))
        except IntegrityError:
            return None
        if not result.is_insert:
            return 0
        key = result.inserted_primary_key
        assert key is not None  # one row inserted (not executemany): its key row is there
        new_id: int = key[0]
        return new_id

    def _conflict(self, info: TableInfo, row: dict[str, Any], sentence: str) -> None:
        self.report.conflicts.append(sentence.format(table=table_label(info.name), record=describe(row)))

    def _leave_out(self, info: TableInfo) -> None:
        self.report.left_out[info.name] += 1

    # --- the merge -------------------------------------------------------------

    def run(self) -> ImportReport:
        self.tables = exchange_tables()
        self.by_name = {info.name: info for info in self.tables}
        self.report.skipped.extend(self.package.skipped)
        self._check_required_links()
        present = [info for info in self.tables if self.rows.get(info.name)]
        for done, info in enumerate(present):
            rows = self.rows[info.name]
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
        for (name, target), count in sorted(self.report.emptied.items()):
            self.report.conflicts.append(
                ngettext(
                    "{table}: {count} link to “{target}” points to a record that is neither in the package "
                    "nor here; it was left empty.",
                    "{table}: {count} links to “{target}” point to records that are neither in the package "
                    "nor here; they were left empty.",
                    count,
                ).format(table=table_label(name), count=count, target=table_label(target))
            )
        return self.report

    def _links(self, info: TableInfo, rows: list[dict[str, Any]]) -> None:
        table = info.table
        cols = info.fk_columns
        present = {tuple(r) for r in self.session.execute(select(*(table.c[c] for c in cols))).all()}
        queued: list[dict[str, Any]] = []
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
            present.add(pair)
            queued.append(resolved)
        self._insert_links(info, queued)

    def _insert_links(self, info: TableInfo, queued: list[dict[str, Any]]) -> None:
        """The new pairs in one statement per chunk; should one clash after
        all, each is written on its own and a clashing one left out."""
        for start in range(0, len(queued), _BATCH):
            chunk = queued[start : start + _BATCH]
            try:
                with self.session.begin_nested():
                    self.session.execute(insert(info.table), chunk)
            except IntegrityError:
                for resolved in chunk:
                    if self._write(insert(info.table).values(**resolved)) is None:
                        self._leave_out(info)
                    else:
                        self.report.added[info.name] += 1
                continue
            self.report.added[info.name] += len(chunk)

    def _records(self, info: TableInfo, rows: list[dict[str, Any]]) -> None:
        ids = self._ids(info)
        package_uuids = {row["uuid"] for row in rows}
        local_rows = self._local_rows(info, list(package_uuids))
        twins: _Twins | None = None
        queued: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for index, row in enumerate(rows):
            self._tick(index)
            resolved = self._resolve(info, row)
            if resolved is None:
                self._leave_out(info)
                continue
            values = {c: row[c] for c in info.data_columns}
            values.update(resolved)
            local = local_rows.get(row["uuid"])
            if local is None:
                if twins is None:  # only a table with new UUIDs needs it
                    twins = _Twins(self.session, info, package_uuids)
                local = twins.find(values)
            if local is None:
                queued.append((row, values))
                if len(queued) >= _BATCH:
                    self._add_all(info, queued, ids)
                    queued = []
                continue
            ids[row["uuid"]] = local["id"]
            if all(values[c] == local[c] for c in info.content_columns):
                self.report.unchanged += 1
            elif row["updated_at"] > local["updated_at"]:
                statement = (
                    update(info.table)
                    .where(info.table.c.id == local["id"])
                    .values(**values, updated_at=row["updated_at"], **_next_version(info))
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
                    if twins is not None:
                        twins.note(local["id"], values)
            else:
                self._conflict(
                    info,
                    local,
                    _(
                        "{table}: “{record}” was changed here after the package's version; the version here was kept."
                    ),
                )
        self._add_all(info, queued, ids)

    def _add_all(
        self, info: TableInfo, queued: list[tuple[dict[str, Any], dict[str, Any]]], ids: dict[str, int]
    ) -> None:
        """The new records in one statement (their new ids come back with
        RETURNING); should one clash after all, each is written on its own
        and the clashing one named as a conflict."""
        if not queued:
            return
        table = info.table
        params = [
            {"uuid": row["uuid"], "created_at": row["created_at"], "updated_at": row["updated_at"], **values}
            for row, values in queued
        ]
        try:
            with self.session.begin_nested():
                returned = self.session.execute(insert(table).returning(table.c.uuid, table.c.id), params)
                new: dict[str, int] = {uuid: record_id for uuid, record_id in returned.all()}
        except IntegrityError:
            for row, values in queued:
                self._add(info, row, values, ids)
            return
        ids.update(new)
        self.report.added[info.name] += len(new)

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
    db: Database,
    path: Path,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
    skip_invalid: bool = False,
) -> ImportReport:
    """Check the package (refused with one sentence, the database untouched),
    then merge it in one transaction, or only preview it. ``skip_invalid``
    leaves out records with a wrong value (listed in the report) instead."""
    package = read_package(path, skip_invalid)
    return preview(db, package, progress) if dry_run else apply(db, package, progress)
