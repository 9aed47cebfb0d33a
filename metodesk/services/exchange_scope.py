"""Which records an exchange package holds, worked out from the foreign keys.

A package is about one academic year, or one association of it. Nothing here
names a table: the rules read the models' foreign keys, so a table a later
version adds travels as soon as it points at something that travels.

- **Year tables** are those with a required (NOT NULL) foreign-key path to
  ``academic_year``: terms, associations, members, meetings and everything in
  their protocols, plans, lessons and observation sheets, mentoring pairs …
  A row of a year table is in the package when every required key it has to a
  year table points into the package, and at least one of them points at a
  *parent*: for a whole year the year itself, the associations and every year
  row after them; for one association that association and the rows under it
  (so the year's terms and mentoring pairs stay out of a one-association package).
- **Shared tables** are the rest. Their rows come along when a packed row
  points at them (any foreign key: members' teachers, their organisations,
  subjects, the criteria a sheet was filled with …), and, for rows that are
  not plain lists (tables that have foreign keys of their own, such as
  teachers), the rows that belong to them: a required key to them and none to
  anything outside the package (a teacher's subjects, category awards,
  attestation cases and courses).
- A nullable key to a year row outside the package (a decision closed at a
  meeting of another association) travels as that row's UUID; the importing
  side links it when it has that record and leaves it empty otherwise.

Settings and other tables without a UUID stay on their computer.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.services.exchange_format import TableInfo

YEAR_TABLE = "academic_year"
ROOT_TABLE = "association"

Key = int | tuple[int, ...]  # a record's id, or the ids a link row pairs


def year_tables(infos: list[TableInfo]) -> set[str]:
    """Tables with a chain of required foreign keys down to the year table."""
    found = {YEAR_TABLE}
    changed = True
    while changed:
        changed = False
        for info in infos:
            if info.name in found:
                continue
            if any(not fk.nullable and fk.target in found for fk in info.fks):
                found.add(info.name)
                changed = True
    return found


def _rows(session: Session, info: TableInfo) -> list[tuple[Key, dict[str, int | None]]]:
    """(key, foreign keys) of every row: the key is the id, or the pair for a link."""
    table = info.table
    if info.is_link:
        cols = [table.c[c] for c in info.fk_columns]
        result = session.execute(select(*cols)).all()
        return [(tuple(r), dict(zip(info.fk_columns, r, strict=True))) for r in result]
    cols = [table.c.id, *(table.c[c] for c in info.fk_columns)]
    result = session.execute(select(*cols)).all()
    return [(r[0], dict(zip(info.fk_columns, r[1:], strict=True))) for r in result]


def collect(
    session: Session,
    infos: list[TableInfo],
    year_id: int,
    association_id: int | None = None,
    tick: Callable[[], None] | None = None,
) -> dict[str, set[Key]]:
    """The keys of every row in the package, by table (see the module's rules).
    ``tick`` is called between tables (a district database takes seconds
    here), so a progress callback can stop the export."""
    by_name = {info.name: info for info in infos}
    scoped = year_tables(infos)
    dictionaries = {info.name for info in infos if not info.fks}  # plain lists: no keys of their own
    rows = {}
    for info in infos:
        if tick is not None:
            tick()
        rows[info.name] = _rows(session, info)
    included: dict[str, set[Key]] = {info.name: set() for info in infos}
    included[YEAR_TABLE].add(year_id)
    # Tables whose included rows bring in the year rows that hang under them.
    if association_id is None:
        parents_of = set(scoped)
    else:
        included[ROOT_TABLE].add(association_id)
        parents_of = scoped - {YEAR_TABLE}

    def inside(target: str, value: int | None) -> bool:
        return value is not None and value in included[target]

    changed = True
    while changed:
        changed = False
        for info in infos:
            if tick is not None:
                tick()
            bucket = included[info.name]
            if info.name in scoped:
                if info.name == YEAR_TABLE:
                    continue
                required = [fk for fk in info.fks if not fk.nullable and fk.target in scoped]
                for key, fks in rows[info.name]:
                    if key in bucket:
                        continue
                    if all(inside(fk.target, fks[fk.column]) for fk in required) and any(
                        fk.target in parents_of for fk in required
                    ):
                        bucket.add(key)
                        changed = True
            else:
                owners = [fk for fk in info.fks if not fk.nullable and fk.target not in dictionaries]
                if not owners:
                    continue
                for key, fks in rows[info.name]:
                    if key not in bucket and all(inside(fk.target, fks[fk.column]) for fk in owners):
                        bucket.add(key)
                        changed = True
        # Shared rows the packed rows point at (and what those point at).
        for info in infos:
            keys = included[info.name]
            for key, fks in rows[info.name]:
                if key not in keys:
                    continue
                for fk in info.fks:
                    value = fks[fk.column]
                    if value is None or fk.target in scoped or value in included[fk.target]:
                        continue
                    if fk.target in by_name:
                        included[fk.target].add(value)
                        changed = True
    return included
