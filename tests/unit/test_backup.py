"""Backups made with SQLite's online backup API, their rotation, what a backup
holds, restore (a copy of the current database first; refused for newer or
foreign files), damaged databases set aside and the newest good backup found,
the backup before a migration, and the log file."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from metodesk import logs, paths
from metodesk.domain.errors import StorageError
from metodesk.services import backups, settings, teachers
from metodesk.services.setup import prepare_database
from metodesk.storage import backup, migrate
from metodesk.storage.database import DamagedDatabase, open_database
from metodesk.storage.engine import make_engine

NOW = dt.datetime(2025, 10, 14, 8, 30, 15)


@pytest.fixture
def demo_db(demo_database):
    db = demo_database()  # what fill_demo(session) makes
    yield db
    db.close()


def _counts(path: Path) -> dict[str, int]:
    """Rows of every table, read with plain sqlite3."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        conn.close()


def _teacher_count(db) -> int:
    with db.reading() as session:
        return len(teachers.list_teachers(session, include_archived=True))


def _add_teacher(session, surname: str) -> int:
    from metodesk.services import organisations

    org = organisations.ours(session)
    return teachers.save_teacher(
        session, teachers.TeacherInput(surname=surname, first_name="Әлия", organisation_id=org.id)
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _written_at(db_path: Path, when: dt.datetime) -> None:
    """Date the database's files back to ``when`` (utime works on the name and
    opens nothing), as if they were last written then."""
    for each in (db_path, db_path.with_name(db_path.name + "-wal")):
        if each.exists():
            os.utime(each, (when.timestamp(), when.timestamp()))


def _corrupt(path: Path) -> None:
    """Garbage over the pages after the schema: the header still says SQLite."""
    with path.open("r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xde\xad\xbe\xef" * 4096)


# --- making a backup ---------------------------------------------------------


def test_backup_of_a_live_database_while_a_write_transaction_is_open(demo_db, tmp_path) -> None:
    committed = _teacher_count(demo_db)
    out = tmp_path / "live.sqlite3"
    with demo_db.transaction() as session:
        _add_teacher(session, "Жазылмаған")
        session.flush()  # the row is in the open transaction, not committed
        backup.backup_database(demo_db.path, out)
    assert _teacher_count(demo_db) == committed + 1
    summary = backup.read_summary(out)
    assert summary.ok, summary.problem
    assert summary.counts["teacher"] == committed  # a committed snapshot, not the open transaction
    assert not list(tmp_path.glob("*.part"))


def test_backup_holds_exactly_what_the_source_holds(demo_db, tmp_path) -> None:
    out = backup.backup_database(demo_db.path, tmp_path / "copy.sqlite3")
    source, copy = _counts(demo_db.path), _counts(out)
    assert copy == source
    assert copy["teacher"] > 0 and copy["meeting"] > 0
    # One self-contained file: nothing beside it, rollback journal mode.
    assert not out.with_name(out.name + "-wal").exists()
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_summary_says_date_version_and_counts(demo_db, tmp_path) -> None:
    out = backup.backup_database(demo_db.path, tmp_path / backup.backup_name(NOW, backup.DAILY))
    summary = backups.inspect(out)
    assert summary.made_at == NOW and summary.kind == backup.DAILY
    assert summary.revision == migrate.head_revision()
    counts = _counts(demo_db.path)
    assert summary.counts["teacher"] == counts["teacher"]
    assert summary.counts["association"] == counts["association"]
    assert summary.counts["meeting"] == counts["meeting"]
    lines = dict(backups.summary_lines(summary))
    assert lines["Made"] == "14.10.2025 08:30"
    assert lines["Teachers"] == str(counts["teacher"])


def test_summary_of_an_older_backup_without_the_plans_table(demo_db, tmp_path) -> None:
    out = backup.backup_database(demo_db.path, tmp_path / "old.sqlite3")
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA foreign_keys=OFF")
    for table in ("plan_activity_teacher", "plan_event", "plan_activity", "plan_task", "plan"):
        conn.execute(f'DROP TABLE IF EXISTS "{table}"')
    conn.commit()
    conn.close()
    summary = backup.read_summary(out)
    assert summary.ok
    assert summary.counts["plan"] is None
    assert summary.counts["teacher"] == _counts(demo_db.path)["teacher"]
    assert dict(backups.summary_lines(summary))["Plans"] == "none in this version"


def test_backup_of_a_damaged_database_is_refused_and_leaves_nothing(tmp_path) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StorageError, match="no backup was made"):
        backup.backup_database(path, tmp_path / "out.sqlite3")
    assert not (tmp_path / "out.sqlite3").exists()


def test_backup_to_a_folder_names_the_file_by_date(demo_db, tmp_path) -> None:
    stick = tmp_path / "flash"
    stick.mkdir()
    made = backups.backup_to(demo_db.path, stick, now=NOW)
    assert made == stick / "metodesk-2025-10-14-083015.sqlite3"
    again = backups.backup_to(demo_db.path, stick, now=NOW)  # same second: a new name
    assert again != made and again.exists() and made.exists()
    with pytest.raises(StorageError, match="does not exist"):
        backups.backup_to(demo_db.path, tmp_path / "nowhere" / "x.sqlite3")
    with pytest.raises(StorageError, match="over the database itself"):
        backups.backup_to(demo_db.path, demo_db.path)


# --- names and rotation --------------------------------------------------------


def test_backup_names_round_trip() -> None:
    for kind in (None, *backup.KINDS):
        assert backup.parse_backup_name(backup.backup_name(NOW, kind)) == (NOW, kind)
    assert backup.parse_backup_name("metodesk-2025-10-14-083015-daily-2.sqlite3") == (NOW, "daily")
    assert backup.parse_backup_name("metodesk.sqlite3") is None
    assert backup.parse_backup_name("metodesk-2025-13-40-083015.sqlite3") is None


def _synthetic(folder: Path, start: dt.datetime, days: int, kind: str = backup.DAILY) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(days):
        (folder / backup.backup_name(start + dt.timedelta(days=n), kind)).write_bytes(b"")


def test_rotation_keeps_14_daily_and_12_monthly(tmp_path) -> None:
    folder = tmp_path / "backups"
    first = dt.datetime(2024, 1, 1, 9, 0)
    _synthetic(folder, first, (dt.date(2025, 10, 14) - first.date()).days + 1)  # through 14.10.2025
    (folder / backup.backup_name(dt.datetime(2023, 5, 1), backup.BEFORE_MIGRATION)).write_bytes(b"")
    (folder / backup.backup_name(dt.datetime(2023, 5, 2))).write_bytes(b"")  # made by hand
    (folder / "notes.txt").write_text("not a backup")
    removed = backups.rotate(folder, 14, 12)
    left = {f.made_at.date() for f in backup.backup_files(folder) if f.kind == backup.DAILY}
    last_14 = {dt.date(2025, 10, 14) - dt.timedelta(days=n) for n in range(14)}
    month_ends = {dt.date(2025, 9, 30), dt.date(2025, 8, 31), dt.date(2025, 7, 31), dt.date(2025, 6, 30)}
    month_ends |= {dt.date(2025, 5, 31), dt.date(2025, 4, 30), dt.date(2025, 3, 31), dt.date(2025, 2, 28)}
    month_ends |= {dt.date(2025, 1, 31), dt.date(2024, 12, 31), dt.date(2024, 11, 30)}
    assert left == last_14 | month_ends  # October's newest is a daily one already: 14 + 11
    assert len(removed) == (dt.date(2025, 10, 14) - dt.date(2024, 1, 1)).days + 1 - 25
    # Never touched: backups before a migration, by hand, and other files.
    assert (folder / backup.backup_name(dt.datetime(2023, 5, 1), backup.BEFORE_MIGRATION)).exists()
    assert (folder / backup.backup_name(dt.datetime(2023, 5, 2))).exists()
    assert (folder / "notes.txt").exists()


def test_rotation_counts_days_that_have_backups_not_calendar_days(tmp_path) -> None:
    folder = tmp_path / "backups"
    for when in (dt.datetime(2025, 1, 5), dt.datetime(2025, 6, 1, 8), dt.datetime(2025, 6, 1, 17)):
        (folder / backup.backup_name(when, backup.DAILY)).parent.mkdir(exist_ok=True)
        (folder / backup.backup_name(when, backup.DAILY)).write_bytes(b"")
    backups.rotate(folder, 2, 1)
    left = [f.made_at for f in backup.backup_files(folder)]
    # Two days with backups: the newest of 1 June, and 5 January (months away, still kept).
    assert left == [dt.datetime(2025, 6, 1, 17), dt.datetime(2025, 1, 5)]


def test_daily_backup_once_a_day_with_rotation_from_settings(db) -> None:
    with db.transaction() as session:
        settings.put(session, backups.KEEP_DAILY_KEY, "3")
        settings.put(session, backups.KEEP_MONTHLY_KEY, "1")
    assert backups.keep_counts(db) == (3, 1)
    made = [backups.daily_backup(db, now=NOW + dt.timedelta(days=n)) for n in range(6)]
    assert all(path is not None for path in made)
    _written_at(db.path, NOW + dt.timedelta(days=5, hours=2))  # the test's clock is in the past
    assert backups.daily_backup(db, now=NOW + dt.timedelta(days=5, hours=3)) is None  # already today
    left = backup.backup_files(backups.backups_dir(db.path))
    assert [f.made_at.date() for f in left] == [(NOW + dt.timedelta(days=n)).date() for n in (5, 4, 3)]
    assert backup.read_summary(left[0].path).ok


def test_keep_counts_fall_back_on_bad_settings(db) -> None:
    assert backups.keep_counts(db) == (14, 12)
    with db.transaction() as session:
        settings.put(session, backups.KEEP_DAILY_KEY, "many")
        settings.put(session, backups.KEEP_MONTHLY_KEY, "0")
    assert backups.keep_counts(db) == (14, 1)


# --- restore -------------------------------------------------------------------------


def test_restore_keeps_a_copy_of_the_current_database_first(demo_db, tmp_path) -> None:
    saved = backup.backup_database(demo_db.path, tmp_path / "saved.sqlite3")
    before = _teacher_count(demo_db)
    with demo_db.transaction() as session:
        _add_teacher(session, "Кейінгі")
    demo_db.close()
    result = backups.restore(saved, demo_db.path, now=NOW)
    assert not result.damaged
    assert result.kept == backups.backups_dir(demo_db.path) / backup.backup_name(NOW, backup.BEFORE_RESTORE)
    assert backup.read_summary(result.kept).counts["teacher"] == before + 1  # the replaced state
    reopened = prepare_database(demo_db.path)
    try:
        assert _teacher_count(reopened) == before
        with reopened.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        reopened.close()


def test_restore_into_a_new_data_folder(demo_db, tmp_path) -> None:
    saved = backup.backup_database(demo_db.path, tmp_path / "saved.sqlite3")
    target = tmp_path / "new-computer" / "metodesk.sqlite3"
    target.parent.mkdir()
    result = backups.restore(saved, target)
    assert result.kept is None
    assert _counts(target)["teacher"] == _counts(demo_db.path)["teacher"]


def _newer(demo_db, tmp_path) -> Path:
    out = backup.backup_database(demo_db.path, tmp_path / "newer.sqlite3")
    conn = sqlite3.connect(out)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    return out


def test_restore_of_a_newer_backup_is_refused_and_changes_nothing(demo_db, tmp_path) -> None:
    newer = _newer(demo_db, tmp_path)
    before, counts = _sha(newer), _counts(demo_db.path)
    with pytest.raises(StorageError, match="newer version"):
        backups.restore(newer, demo_db.path)
    assert _sha(newer) == before
    assert _counts(demo_db.path) == counts
    assert not backups.backups_dir(demo_db.path).exists()  # not even a copy was needed


@pytest.mark.parametrize("kind", ["text", "foreign", "empty", "missing"])
def test_restore_of_a_file_that_is_not_a_metodesk_database_is_refused(demo_db, tmp_path, kind) -> None:
    path = tmp_path / "other.sqlite3"
    if kind == "text":
        path.write_text("Dear colleagues, the meeting is on Friday." * 50)
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.commit()
        conn.close()
    elif kind == "empty":
        path.write_bytes(b"")
    counts = _counts(demo_db.path)
    with pytest.raises(StorageError, match=r"not a metodesk database|no file"):
        backups.restore(path, demo_db.path)
    assert _counts(demo_db.path) == counts


def test_restore_of_a_damaged_backup_is_refused(demo_db, tmp_path) -> None:
    broken = backup.backup_database(demo_db.path, tmp_path / "broken.sqlite3")
    _corrupt(broken)
    summary = backup.read_summary(broken)
    assert not summary.ok
    assert "damaged" in summary.problem or "cannot be read" in summary.problem
    with pytest.raises(StorageError):
        backups.restore(broken, demo_db.path)


# --- damaged database on open ----------------------------------------------------------


def test_damaged_database_is_refused_as_damaged(demo_db) -> None:
    path = demo_db.path
    demo_db.close()
    _checkpoint(path)
    _corrupt(path)
    before = _sha(path)
    with pytest.raises(DamagedDatabase):
        open_database(path)
    assert _sha(path) == before
    path.write_bytes(b"\0" * 8192)  # zeros: not even an SQLite header
    with pytest.raises(DamagedDatabase):
        prepare_database(path)


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_newest_good_backup_skips_damaged_newer_and_foreign_ones(demo_db, tmp_path) -> None:
    folder = backups.backups_dir(demo_db.path)
    folder.mkdir()
    good = backup.backup_database(demo_db.path, folder / backup.backup_name(NOW, backup.DAILY))
    older = backup.backup_database(
        demo_db.path, folder / backup.backup_name(NOW - dt.timedelta(days=1), backup.DAILY)
    )
    damaged = backup.backup_database(demo_db.path, folder / backup.backup_name(NOW + dt.timedelta(days=1)))
    _corrupt(damaged)
    _newer(demo_db, tmp_path).rename(folder / backup.backup_name(NOW + dt.timedelta(days=2), backup.DAILY))
    (folder / backup.backup_name(NOW + dt.timedelta(days=3), backup.DAILY)).write_text("junk")
    found = backups.newest_good_backup(demo_db.path)
    assert found is not None and found.path == good and found.path != older
    assert len(backups.list_backups(demo_db.path)) == 5


def test_no_good_backup_is_none(db) -> None:
    assert backups.newest_good_backup(db.path) is None


def test_restore_over_a_damaged_database_sets_it_aside_unchanged(demo_db, tmp_path) -> None:
    saved = backup.backup_database(demo_db.path, tmp_path / "saved.sqlite3")
    path = demo_db.path
    demo_db.close()
    wal = path.with_name(path.name + "-wal")
    _corrupt(path)
    wal.write_bytes(b"stale wal frames")
    damaged_bytes = _sha(path)
    result = backups.restore(saved, path, now=NOW)
    assert result.damaged
    assert result.kept == path.with_name("metodesk-damaged-2025-10-14-083015.sqlite3")
    assert _sha(result.kept) == damaged_bytes  # moved, byte for byte
    assert result.kept.with_name(result.kept.name + "-wal").read_bytes() == b"stale wal frames"
    assert not wal.exists() or wal.read_bytes() != b"stale wal frames"
    db = prepare_database(path)
    try:
        assert _teacher_count(db) == _counts(saved)["teacher"]
    finally:
        db.close()


# --- before a migration ------------------------------------------------------------------


def test_an_older_database_is_backed_up_before_it_is_migrated(tmp_path) -> None:
    path = paths.ensure_data_dir() / paths.DB_FILENAME
    engine = make_engine(path)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
    engine.dispose()
    db = prepare_database(path)
    db.close()
    found = backup.backup_files(backups.backups_dir(path))
    assert [f.kind for f in found] == [backup.BEFORE_MIGRATION]
    summary = backup.read_summary(found[0].path)
    assert summary.revision == "0001" and summary.counts["meeting"] is None
    # Opening the now current database again backs nothing up.
    prepare_database(path).close()
    assert len(backup.backup_files(backups.backups_dir(path))) == 1


def test_a_fresh_database_needs_no_backup_before_migration(db) -> None:
    assert not backups.backups_dir(db.path).exists()


# --- logs --------------------------------------------------------------------------------


def test_logs_go_to_the_data_folder_when_it_was_chosen(_isolated_data_dir) -> None:
    path = logs.setup_logging()
    try:
        assert path == _isolated_data_dir / "logs" / "metodesk.log"
        logs.get_logger("metodesk.test").info("a line to find")
        logs.get_logger("elsewhere").warning("named %s", "failure")
    finally:
        logs.stop_logging()
    text = path.read_text(encoding="utf-8")
    assert "a line to find" in text and "metodesk.elsewhere" in text and "named failure" in text


def test_logs_use_the_per_user_log_folder_by_default(monkeypatch) -> None:
    from platformdirs import user_log_dir

    monkeypatch.delenv("METODESK_DATA_DIR")
    paths.set_data_dir(None)
    assert logs.log_dir() == Path(user_log_dir("metodesk", appauthor=False))


def test_logging_to_a_folder_that_cannot_be_written_fails_quietly(monkeypatch, tmp_path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setattr(logs, "log_dir", lambda: blocker / "logs")
    assert logs.setup_logging() is None
    logging.getLogger("metodesk").warning("goes nowhere, and does not fail")


def test_start_checks_back_up_a_sound_database_once_a_day(demo_db) -> None:
    assert backups.start_checks(demo_db.path, (14, 12), NOW) == backups.StartChecks()
    assert backups.start_checks(demo_db.path, (14, 12), NOW + dt.timedelta(hours=2)) == backups.StartChecks()
    daily = [f for f in backup.backup_files(backups.backups_dir(demo_db.path)) if f.kind == backup.DAILY]
    assert len(daily) == 1


def test_start_checks_find_damage_and_make_no_backup(tmp_path) -> None:
    path = tmp_path / "metodesk.sqlite3"
    db = open_database(path)
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'teacher'").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek(4096 * (root - 1))
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    found = backups.start_checks(path, (14, 12), NOW)
    assert found.damage and str(path) in found.damage and found.backup_problem is None
    assert not backups.backups_dir(path).exists() or not list(backups.backups_dir(path).iterdir())


def test_start_checks_say_when_the_backup_cannot_be_made(demo_db, monkeypatch) -> None:
    def full_disk(source, dest):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "backup_database", full_disk)
    found = backups.start_checks(demo_db.path, (14, 12), NOW)
    assert found.damage is None and "No space left on device" in (found.backup_problem or "")
