"""The exchange format: which tables travel and how a row is written.

A row is its columns by name. Records travel by their UUID and never by their
local ``id``: a foreign key holds the UUID of the row it points to. A link table
without a UUID of its own (``teacher_subject`` …) travels as its pairs of UUIDs.
Dates are ISO strings (``2025-09-01``), times ISO without a zone (UTC).

Which tables travel is read from the models (``Base.metadata``), so a table a
later version adds is carried without a change here: every table with a
``uuid`` column, and every table whose columns are all foreign keys. The zip
around the rows is ``exchange_package``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Table, UniqueConstraint
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from metodesk.domain import limits
from metodesk.domain.errors import DomainError
from metodesk.i18n import N_, _
from metodesk.services import exchange_rules
from metodesk.services.exchange_rules import BadValue
from metodesk.storage import models  # noqa: F401  (registers every table)
from metodesk.storage.base import Base

# Columns that describe this installation, not the record: they never travel,
# a new record gets the column's default, an updated one keeps its own value.
LOCAL_COLUMNS: dict[str, frozenset[str]] = {
    "organisation": frozenset({"is_ours"}),
    "academic_year": frozenset({"is_current"}),
}
# Record bookkeeping that is compared by the merge itself, not as content.
STAMPS = ("created_at", "updated_at")
# Record bookkeeping of this database alone (who saved it last here, how many
# times): never in a package (issue 20, several methodists at once).
HERE_ONLY = frozenset({"version", "updated_by"})


# Names of tables for people (the count lines of an export or an import).
TABLE_LABELS: dict[str, str] = {
    "organisation": N_("Organisations"),
    "academic_year": N_("Academic years"),
    "term": N_("Terms"),
    "subject": N_("Subjects"),
    "teacher": N_("Teachers"),
    "teacher_subject": N_("Subjects of teachers"),
    "association": N_("Associations"),
    "membership": N_("Members of associations"),
    "meeting": N_("Meetings"),
    "meeting_attendance": N_("Attendance marks"),
    "meeting_guest": N_("Meeting guests"),
    "agenda_item": N_("Agenda items"),
    "agenda_speech": N_("Speeches"),
    "decision": N_("Decisions"),
    "reviewed_document": N_("Reviewed documents"),
    "plan": N_("Plans"),
    "plan_task": N_("Plan tasks"),
    "plan_activity": N_("Plan activities"),
    "plan_activity_teacher": N_("Responsible for plan activities"),
    "plan_event": N_("Plan history entries"),
    "criteria_set": N_("Criteria sets"),
    "criterion": N_("Criteria"),
    "lesson": N_("Open lessons"),
    "lesson_move": N_("Lesson moves"),
    "observation": N_("Observation sheets"),
    "observation_score": N_("Observation scores"),
    "agenda_item_lesson": N_("Lessons discussed at meetings"),
    "mentoring_pair": N_("Mentoring pairs"),
    "mentoring_activity": N_("Mentoring plan rows"),
    "mentoring_log_entry": N_("Mentoring log entries"),
    "attestation_case": N_("Attestation cases"),
    "case_observation": N_("Attestation lesson observations"),
    "category_award": N_("Category awards"),
    "pd_course": N_("Professional development courses"),
    "self_education": N_("Self-education topics"),
    "experience": N_("Generalised experience"),
    "experience_teacher": N_("Teachers of generalised experience"),
    "growth_event": N_("Methodical events"),
    "event_participant": N_("Participants of events"),
    "olympiad_result": N_("Olympiad results"),
    "council_basis": N_("Orders on the methodical council"),
    "school_plan": N_("School plans of methodical work"),
    "school_plan_row": N_("School plan rows"),
    "year_analysis": N_("Analyses of the year's methodical work"),
}


_DESCRIBING = ("name_kk", "name_ru", "name", "title", "topic", "text", "content", "activity", "text_kk", "pupil")


def describe(row: dict[str, Any]) -> str:
    """A few words that let a person find the record: a name, a title, a
    number. Safe for any row, a package's raw one included: text is cut
    short and stripped of characters a sentence cannot carry."""
    surname, first_name = row.get("surname"), row.get("first_name")
    if isinstance(surname, str) and surname.strip():
        first = first_name[:60] if isinstance(first_name, str) else ""
        return limits.printable(f"{surname[:60]} {first}")
    for column in _DESCRIBING:
        value = row.get(column)
        if isinstance(value, str) and value.strip():
            return limits.printable(value)
    number = row.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        return _("No. {number}").format(number=number)
    date = row.get("date")
    if isinstance(date, (str, dt.date)):
        return limits.printable(str(date), 20)
    uuid = row.get("uuid")
    return limits.printable(uuid, 8) if isinstance(uuid, str) else "?"


def table_label(name: str) -> str:
    """A table's name for people; a table without one shows its own name."""
    label = TABLE_LABELS.get(name)
    return _(label) if label else name


class PackageRefused(DomainError):
    """The file is not a package this metodesk can take; nothing was written."""


class InvalidRecord(PackageRefused):
    """The package is sound but a record in it has a wrong value (or points
    nowhere): refused, unless the user chooses to import without such records."""


# --- the tables ----------------------------------------------------------------


@dataclass(frozen=True)
class ForeignKeyInfo:
    column: str
    target: str
    nullable: bool


@dataclass(frozen=True)
class TableInfo:
    """What the exchange needs to know of one table, read from its model."""

    name: str
    table: Table
    is_link: bool  # no UUID: a pair (or more) of foreign keys, nothing else
    fks: tuple[ForeignKeyInfo, ...]
    data_columns: tuple[str, ...]  # travelling columns that are not keys or stamps
    uniques: tuple[tuple[str, ...], ...] = field(default=())  # natural keys, not the UUID

    @property
    def fk_columns(self) -> tuple[str, ...]:
        return tuple(fk.column for fk in self.fks)

    @property
    def content_columns(self) -> tuple[str, ...]:
        """Columns compared to tell whether two versions of a record differ."""
        return self.data_columns + self.fk_columns

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column a row of the package holds, in order."""
        if self.is_link:
            return self.fk_columns
        return ("uuid", *STAMPS, *self.data_columns, *self.fk_columns)


def _travels(table: Table) -> bool:
    """A record table (it has a UUID), or a link table (nothing but foreign keys)."""
    names = {c.name for c in table.columns}
    return "uuid" in names or all(c.foreign_keys for c in table.columns)


def _info(table: Table, travelling: set[str]) -> TableInfo | None:
    names = [c.name for c in table.columns]
    fks = []
    for column in table.columns:
        targets = {fk.column.table.name for fk in column.foreign_keys}
        if len(targets) == 1 and targets <= travelling:  # a key to what stays home is plain data
            fks.append(ForeignKeyInfo(column.name, targets.pop(), bool(column.nullable)))
    fk_names = {fk.column for fk in fks}
    if "uuid" in names:
        is_link = False
    elif fk_names and fk_names == set(names):
        is_link = True
    else:
        return None  # local only (settings)
    local = LOCAL_COLUMNS.get(table.name, frozenset())
    data = tuple(
        n for n in names if n not in fk_names and n not in {"id", "uuid", *STAMPS, *HERE_ONLY} and n not in local
    )
    uniques = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            uniques.append(tuple(c.name for c in constraint.columns))
    for column in table.columns:
        if column.unique and column.name != "uuid":
            uniques.append((column.name,))
    return TableInfo(table.name, table, is_link, tuple(fks), data, tuple(uniques))


def exchange_tables() -> list[TableInfo]:
    """Every table that travels, parents before children (foreign-key order)."""
    tables = Base.metadata.sorted_tables
    travelling = {table.name for table in tables if _travels(table)}
    found = []
    for table in tables:
        info = _info(table, travelling)
        if info is not None:
            found.append(info)
    return found


__all__ = ["BadValue", "InvalidRecord", "PackageRefused", "TableInfo", "decode_row", "exchange_tables", "table_label"]


# --- values --------------------------------------------------------------------


def encode_value(value: Any) -> Any:
    """A column value as JSON: dates and times as ISO strings."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_KEY = re.compile(r"^[0-9A-Za-z_.:-]{1,64}$")


def decode_value(info: TableInfo, column: str, value: Any, latest: dt.datetime | None = None) -> Any:
    """A JSON value back to the column's Python type, checked against the
    column's rule (``exchange_rules``): BadValue when it is not one or breaks
    the rule. A record time after ``latest`` (default: now and a day) is
    taken as ``latest``."""
    if column in info.fk_columns or column == "uuid":
        if value is None:
            if column == "uuid" or not info.table.c[column].nullable:
                raise BadValue(column, _("missing"))
            return None
        if not isinstance(value, str) or not _KEY.match(value):
            raise BadValue(column, _("not a record's identifier"))
        return value
    col = info.table.c[column]
    if value is None:
        if not col.nullable:
            raise BadValue(column, _("missing"))
        return None
    kind = col.type
    try:
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise BadValue(column, _("not yes or no"))
            decoded: Any = value
        elif isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise BadValue(column, _("not a whole number"))
            decoded = value
        elif isinstance(kind, DateTime):
            if not isinstance(value, str) or len(value) > 40:
                raise BadValue(column, _("not a date and time"))
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
            decoded = moment
        elif isinstance(kind, Date):
            if not isinstance(value, str) or len(value) > 20:
                raise BadValue(column, _("not a date"))
            decoded = dt.date.fromisoformat(value)
        elif not isinstance(value, str):
            raise BadValue(column, _("not text"))
        else:
            decoded = value
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, BadValue):
            raise
        raise BadValue(column, _("not a date")) from exc
    return exchange_rules.check_value(info.name, column, kind, decoded, latest or limits.latest_time())


def _default(info: TableInfo, column: str) -> Any:
    """The value of a column an older package lacks; BadValue when there is none."""
    col = info.table.c[column]
    default = col.default
    if isinstance(default, ScalarElementColumnDefault):
        return default.arg
    if col.nullable:
        return None
    raise BadValue(column, _("missing"))


def decode_row(info: TableInfo, raw: Any, latest: dt.datetime | None = None) -> dict[str, Any]:
    """A package row checked against the table: known columns of the right
    types (a column an older version did not have takes its default)."""
    if not isinstance(raw, dict) or any(not isinstance(k, str) for k in raw):
        raise BadValue(info.name, _("not a record"))
    unknown = set(raw) - set(info.columns)
    if unknown:
        raise BadValue(limits.printable(sorted(unknown)[0], 40), _("not a field of this table"))
    row = {}
    for column in info.columns:
        if column in raw:
            row[column] = decode_value(info, column, raw[column], latest)
        elif column in ("uuid", *STAMPS) or (column in info.fk_columns and not info.table.c[column].nullable):
            raise BadValue(column, _("missing"))
        else:
            row[column] = _default(info, column)
    exchange_rules.check_row(info.name, row)
    return row


def encode_rows(info: TableInfo, rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{column: encode_value(row[column]) for column in info.columns} for row in rows]
