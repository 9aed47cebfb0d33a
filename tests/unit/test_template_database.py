"""The suite's databases are copies of templates made once per test process
(tests/conftest.py): a copy must be what ``prepare_database`` (and
``fill_demo``) make of a new file, or every test using ``db`` or
``demo_database`` would prove things about the wrong database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from metodesk.services import demo
from metodesk.services.setup import prepare_database

# Made anew for every record whatever the database (a plan event's "at" is the
# moment it was written): they differ between any two.
_PER_RECORD = {"uuid", "created_at", "updated_at", "at"}


def _clauses(sql: str | None) -> list[str]:
    """A CREATE statement's clauses in sorted order: Alembic's batch migrations
    rebuild tables with their constraints in an order that differs between any
    two runs of ``prepare_database``, which SQLite does not care about."""
    return sorted(line.strip().rstrip(",").strip() for line in (sql or "").splitlines())


def _contents(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        found: dict[str, object] = {
            pragma: conn.execute(f"PRAGMA {pragma}").fetchall()
            for pragma in ("journal_mode", "page_size", "auto_vacuum", "user_version", "encoding")
        }
        found["schema"] = [
            (kind, name, table, _clauses(sql))
            for kind, name, table, sql in conn.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
            )
        ]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] not in _PER_RECORD]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[table] = sorted(map(repr, conn.execute(f'SELECT {listed} FROM "{table}"')))
        return found
    finally:
        conn.close()


def test_the_test_database_is_what_prepare_database_makes(db, tmp_path: Path) -> None:
    new = prepare_database(tmp_path / "new.sqlite3")
    new.close()
    db.close()
    made, copied = _contents(tmp_path / "new.sqlite3"), _contents(db.path)
    assert made.keys() == copied.keys()
    for key in made:
        assert copied[key] == made[key], key
    assert len(made) > 20 and made["subject"] and made["academic_year"]


def test_the_demo_copy_is_what_fill_demo_makes(demo_database, tmp_path: Path) -> None:
    today = dt.date(2026, 2, 10)
    new = prepare_database(tmp_path / "new.sqlite3")
    with new.transaction() as session:
        demo.fill_demo(session, today=today)
    new.close()
    copied = demo_database(today)
    copied.close()
    made, copy = _contents(tmp_path / "new.sqlite3"), _contents(copied.path)
    assert made.keys() == copy.keys()
    for key in made:
        assert copy[key] == made[key], key
    assert made["teacher"] and made["meeting"] and made["lesson"]
