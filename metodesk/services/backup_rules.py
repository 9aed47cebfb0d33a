"""The exchange's value rules applied to a backup before it is restored (issue 14).

A backup can be made by hand or edited by another tool, so the values in it
are held to the same rules as a value that comes in through an exchange
package (``metodesk.services.exchange_rules``, one definition for both): text
within its column's length and without characters no document can hold, a
code among its column's codes, a whole number in its range, a date within the
domain's bounds. A backup that breaks one is refused, naming the table, the
record and the field, before anything of the current database is touched.

The check is SQL over the backup opened read-only: per table one scan whose
condition is every column's rule joined with OR, so no value is loaded into
Python except those of the first offending row (to say what is wrong with it
in words). Columns a backup of an older schema lacks are skipped (the
migration after the restore fills them); keys are not checked (any id is a
valid local id).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer

from metodesk.domain import limits
from metodesk.i18n import _
from metodesk.services import exchange_rules
from metodesk.services.exchange_format import STAMPS, TableInfo, exchange_tables, table_label
from metodesk.services.exchange_rules import BadValue
from metodesk.storage import probe

# Characters text may not hold, as a GLOB class: C0 controls other than tab and
# line breaks, and U+FFFD, which SQLite's GLOB reads in place of a surrogate or
# of U+FFFE/U+FFFF (a real U+FFFD is removed before the GLOB; NUL is looked for
# separately, as SQLite's text functions stop at it).
_FORBIDDEN_GLOB = "*[\x01-\x08\x0b\x0c\x0e-\x1f\ufffd]*"
# How SQLAlchemy stores a date and time in SQLite: 2025-10-14 08:30:15.000000.
_TIME_GLOB = "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]*"
# A time far enough ahead that no stored record time is clamped to it.
_NO_LATEST = dt.datetime(9999, 1, 1)


@dataclass(frozen=True)
class Broken:
    """The first value of a backup that breaks its column's rule."""

    table: str
    record: int
    column: str
    reason: str


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _condition(info: TableInfo, column: str, kind: Any, params: list[Any]) -> str | None:
    """SQL true for a value of ``column`` that breaks its rule (None: no rule);
    its parameters are appended to ``params``."""
    col = _quote(column)
    if isinstance(kind, Boolean):
        return None
    if isinstance(kind, Integer):
        low, high = exchange_rules.int_range(info.name, column)
        params.extend((low, high))
        bad = f"typeof({col}) != 'integer' OR {col} < ? OR {col} > ?"
    elif isinstance(kind, DateTime):
        params.append(limits.TIME_MIN.isoformat(" "))
        # An anchored GLOB of the stored form: a tenth of datetime()'s cost, on every table's stamps.
        bad = f"typeof({col}) != 'text' OR {col} NOT GLOB '{_TIME_GLOB}' OR {col} < ?"
    elif isinstance(kind, Date):
        params.extend((limits.DATE_MIN.isoformat(), limits.DATE_MAX.isoformat()))
        bad = f"typeof({col}) != 'text' OR date({col}, '+0 days') IS NOT {col} OR {col} < ? OR {col} > ?"
    else:
        codes = exchange_rules.codes_of(info.name, column)
        if codes is not None:  # a code is short and clean: being one of them is the whole rule
            params.extend(sorted(codes))
            return f"({col} IS NOT NULL AND {col} NOT IN ({', '.join('?' * len(codes))}))"
        limit = exchange_rules.text_limit(info.name, column, kind)
        params.extend((limit, _FORBIDDEN_GLOB, _FORBIDDEN_GLOB))
        # The GLOB is the costly part; the replace() runs only where it matched.
        bad = (
            f"typeof({col}) != 'text' OR length({col}) > ? OR instr(CAST({col} AS BLOB), X'00') > 0"
            f" OR ({col} GLOB ? AND replace({col}, char(65533), '') GLOB ?)"
        )
    return f"({col} IS NOT NULL AND ({bad}))"


def _reason(info: TableInfo, column: str, kind: Any, kind_of: str, raw: bytes | int | float | None) -> str | None:
    """What is wrong with one value read back from the backup (None: nothing)."""
    try:
        if raw is None or isinstance(kind, Boolean):
            return None
        if isinstance(kind, Integer):
            if kind_of != "integer":
                raise BadValue(column, _("not a whole number"))
            value: Any = int(raw)
        elif kind_of != "text" or not isinstance(raw, bytes):
            raise BadValue(column, _("not text"))
        else:
            text = raw.decode("utf-8", "surrogatepass")
            if isinstance(kind, DateTime):
                try:
                    value = dt.datetime.fromisoformat(text)
                except ValueError as exc:
                    raise BadValue(column, _("not a date and time")) from exc
            elif isinstance(kind, Date):
                try:
                    value = dt.date.fromisoformat(text)
                except ValueError as exc:
                    raise BadValue(column, _("not a date")) from exc
                if value.isoformat() != text:
                    raise BadValue(column, _("not a date"))
            else:
                value = text
        exchange_rules.check_value(info.name, column, kind, value, _NO_LATEST)
    except UnicodeDecodeError:
        return _("not text")
    except BadValue as exc:
        return exc.reason
    return None


def _columns(conn: sqlite3.Connection, info: TableInfo) -> list[tuple[str, Any]]:
    """The columns of ``info`` that carry values (no keys) and that the backup's table has."""
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({_quote(info.name)})")}
    wanted = (*STAMPS, *info.data_columns) if not info.is_link else ()
    return [
        (name, info.table.c[name].type)
        for name in wanted
        if name in present and name in info.table.c and not info.table.c[name].foreign_keys
    ]


def _first_broken(conn: sqlite3.Connection, info: TableInfo) -> Broken | None:
    columns = _columns(conn, info)
    params: list[Any] = []
    conditions = []
    for name, kind in columns:
        condition = _condition(info, name, kind, params)
        if condition is not None:
            conditions.append(condition)
    if not conditions:
        return None
    table = _quote(info.name)
    found = conn.execute(f"SELECT rowid FROM {table} WHERE {' OR '.join(conditions)} LIMIT 1", params).fetchone()
    if found is None:
        return None
    rowid = found[0]
    for name, kind in columns:
        col = _quote(name)
        kind_of, raw = conn.execute(
            f"SELECT typeof({col}), CASE typeof({col}) WHEN 'text' THEN CAST({col} AS BLOB) ELSE {col} END"
            f" FROM {table} WHERE rowid = ?",
            (rowid,),
        ).fetchone()
        reason = _reason(info, name, kind, kind_of, raw)
        if reason is not None:
            return Broken(info.name, rowid, name, reason)
    return Broken(info.name, rowid, columns[0][0], _("not text"))  # SQL saw what Python let pass


def first_broken(path: Path) -> Broken | None:
    """The first value of the backup at ``path`` that breaks its column's rule,
    or None when every value keeps its rule. Raises sqlite3.Error when the
    file cannot be read."""
    conn = probe.connect_read_only(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for info in exchange_tables():
            if info.name in tables:
                broken = _first_broken(conn, info)
                if broken is not None:
                    return broken
    finally:
        conn.close()
    return None


def refusal(path: Path, broken: Broken) -> str:
    """The sentence that refuses the restore of ``path`` because of ``broken``."""
    return _(
        "The backup {path} was not restored: in “{table}” the record {record} has a wrong value in "
        "“{column}” ({reason}); the current database was left as it was."
    ).format(
        path=path,
        table=table_label(broken.table),
        record=broken.record,
        column=broken.column,
        reason=broken.reason,
    )
