"""Restoring a backup holds its values to the exchange's rules (issue 14): a
text too long or with a forbidden character, a code not among its column's,
a number out of range, a date out of bounds, or a file far too large is
refused with one sentence naming the table, the record and the field, before
anything of the current database is touched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from metodesk import paths
from metodesk.domain.errors import StorageError
from metodesk.i18n import set_language
from metodesk.services import backup_rules, backups, demo
from metodesk.services.setup import prepare_database
from metodesk.storage import backup


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A backup of the demo database, made once for the module."""
    folder = tmp_path_factory.mktemp("pristine")
    database = prepare_database(folder / "metodesk.sqlite3")
    try:
        with database.transaction() as session:
            demo.fill_demo(session)
        return backup.backup_database(database.path, folder / "demo.sqlite3")
    finally:
        database.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _edited(pristine: Path, tmp_path: Path, sql: str, params: tuple[object, ...] = ()) -> Path:
    """A copy of the demo backup changed by ``sql`` (another tool's edit)."""
    out = tmp_path / "edited.sqlite3"
    shutil.copy(pristine, out)
    conn = sqlite3.connect(out)
    try:
        assert conn.execute(sql, params).rowcount == 1
        conn.commit()
    finally:
        conn.close()
    return out


CASES = [
    ("UPDATE teacher SET surname = ? WHERE id = 3", ("Ә" * 101,), "teacher", 3, "surname", "longer than 100"),
    ("UPDATE teacher SET first_name = ? WHERE id = 2", ("Гүл\x07нар",), "teacher", 2, "first_name", "U+0007"),
    (
        "UPDATE meeting SET place = CAST(? AS TEXT) WHERE id = 1",
        (b"room \xed\xa0\x80",),
        "meeting",
        1,
        "place",
        "U+D800",
    ),
    ("UPDATE lesson SET note = ? WHERE id = 2", ("a\x00b",), "lesson", 2, "note", "U+0000"),
    ("UPDATE teacher SET position = 'boss' WHERE id = 4", (), "teacher", 4, "position", "“boss”"),
    ("UPDATE meeting SET status = 'lost' WHERE id = 2", (), "meeting", 2, "status", "codes"),
    ("UPDATE term SET number = 99 WHERE id = 1", (), "term", 1, "number", "99 is outside 1…12"),
    ("UPDATE term SET number = 'two' WHERE id = 2", (), "term", 2, "number", "whole number"),
    ("UPDATE meeting SET date = '1812-09-07' WHERE id = 1", (), "meeting", 1, "date", "1940-01-01"),
    ("UPDATE lesson SET date = '2025-02-30' WHERE id = 1", (), "lesson", 1, "date", "not a date"),
    ("UPDATE teacher SET created_at = '1999-12-31 10:00:00' WHERE id = 1", (), "teacher", 1, "created_at", "2000"),
    ("UPDATE teacher SET updated_at = 'soon' WHERE id = 6", (), "teacher", 6, "updated_at", "date and time"),
]


def test_the_demo_backup_keeps_every_rule(pristine: Path) -> None:
    assert backup_rules.first_broken(pristine) is None


@pytest.mark.parametrize(("sql", "params", "table", "record", "column", "words"), CASES)
def test_a_backup_with_a_broken_value_is_refused_before_anything_is_touched(
    db, pristine: Path, tmp_path: Path, sql: str, params: tuple, table: str, record: int, column: str, words: str
) -> None:
    edited = _edited(pristine, tmp_path, sql, params)
    db.close()
    before = _sha(db.path)
    with pytest.raises(StorageError) as refused:
        backups.restore(edited, db.path)
    message = str(refused.value)
    assert f"record {record} " in message and f"“{column}”" in message and words in message
    assert message.count(".") >= 1 and "\n" not in message
    broken = backup_rules.first_broken(edited)
    assert broken is not None and (broken.table, broken.record, broken.column) == (table, record, column)
    assert _sha(db.path) == before
    assert not backups.backups_dir(db.path).exists() or not any(backups.backups_dir(db.path).iterdir())


def test_the_refusal_is_in_the_users_language(db, pristine: Path, tmp_path: Path) -> None:
    edited = _edited(pristine, tmp_path, "UPDATE teacher SET position = 'boss' WHERE id = 4")
    db.close()
    set_language("kk")
    with pytest.raises(StorageError) as refused:
        backups.restore(edited, db.path)
    assert "Педагог" in str(refused.value) and "«boss»" in str(refused.value)
    assert "was not restored" not in str(refused.value)


def test_a_file_larger_than_any_database_is_refused_unread(
    db, pristine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "MAX_BYTES", pristine.stat().st_size - 1)
    summary = backup.read_summary(pristine)
    assert summary.problem is not None and "larger" in summary.problem
    db.close()
    before = _sha(db.path)
    with pytest.raises(StorageError):
        backups.restore(pristine, db.path)
    assert _sha(db.path) == before


def test_a_good_backup_is_still_restored_and_the_check_is_quick(db, pristine: Path) -> None:
    started = time.perf_counter()
    assert backup_rules.first_broken(pristine) is None
    assert time.perf_counter() - started < 1.0
    db.close()
    backups.restore(pristine, paths.database_path())
    conn = sqlite3.connect(paths.database_path())
    try:
        assert conn.execute("SELECT count(*) FROM teacher").fetchone()[0] > 0
    finally:
        conn.close()
