"""A whole database copied between a SQLite file and a PostgreSQL server.

``metodesk copy --to URL`` moves a school's file to the district server;
``--from URL`` brings a server's database back into a file (a school leaving
the district server). The target is migrated to the newest schema first and
must hold no records (a new file, a new server database): every table is then
copied row by row with its ids, in foreign-key order, in one transaction on the
target, so a copy that fails leaves the target as empty as it was. On a server
each table's id sequence is moved past the copied ids afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from metodesk.domain.errors import StorageError
from metodesk.i18n import _

# Rows written in one INSERT (clear of SQLite's limit on bound parameters for the widest table).
BATCH = 500


def tables() -> list[Table]:
    """Every table metodesk keeps, parents before children."""
    from metodesk.storage import models
    from metodesk.storage.base import Base

    del models  # imported to register every table
    return list(Base.metadata.sorted_tables)


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


def _empty_except_seeds(conn: Connection) -> str | None:
    """The first table of ``conn`` that holds rows, or None when all are empty."""
    for table in tables():
        if _count(conn, table):
            return table.name
    return None


def _move_sequences(conn: Connection) -> None:
    """On PostgreSQL: each id sequence continues after the largest copied id."""
    for table in tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def copy_all(
    source: Engine, target: Engine, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of every table from ``source`` into ``target`` (both at
    the newest schema; the target without records). Returns the rows copied per table."""
    counts: dict[str, int] = {}
    with source.connect() as reader, target.begin() as writer:
        busy = _empty_except_seeds(writer)
        if busy is not None:
            raise StorageError(
                _("The target database already holds records (table {table}); copy only into a new, empty one.").format(
                    table=busy
                )
            )
        for table in tables():
            order = [c for c in table.primary_key.columns] or list(table.c)
            result = reader.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
            copied = 0
            for rows in result.mappings().partitions(BATCH):
                writer.execute(insert(table), [dict(row) for row in rows])
                copied += len(rows)
            counts[table.name] = copied
            if progress is not None:
                progress(table.name, copied)
        if writer.dialect.name == "postgresql":
            _move_sequences(writer)
    return counts
