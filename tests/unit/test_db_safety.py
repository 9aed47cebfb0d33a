"""Nothing silently lost (issue 13, parts 1 and 3): the live database is
opened by SQLite only; what may be refused is looked at read-only and keeps
every byte; a restore that cannot finish leaves the database where and as it
was (also on a really full disk); an empty file is not "no database"; a text
value that is not UTF-8 is damage; stale temporary files go, wrong clocks do
not stop or confuse backups; the data folder is its owner's only."""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import io
import os
import sqlite3
import stat
import subprocess
import time
from pathlib import Path

import pytest

from metodesk import files, logs, paths
from metodesk.domain.errors import StorageError
from metodesk.services import backups, demo, exchange_package, teachers
from metodesk.services.health import check_database
from metodesk.services.setup import prepare_database
from metodesk.storage import backup, probe
from metodesk.storage.database import DamagedDatabase, EmptyDatabase, open_database

NOW = dt.datetime(2025, 10, 14, 8, 30, 15)


@pytest.fixture
def demo_db(db):
    with db.transaction() as session:
        demo.fill_demo(session)
    return db


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _teachers(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM teacher").fetchone()[0]
    finally:
        conn.close()


def _break_a_name(path: Path) -> None:
    """A flipped byte in a teacher's surname: the value is no longer UTF-8.
    SQLite stores text as given, and its quick check does not look inside."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(
            "UPDATE teacher SET surname = CAST(X'C3284E75726C616E' AS TEXT) "
            "WHERE id = (SELECT min(id) FROM teacher)"
        )
        conn.commit()
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def _written_at(db_path: Path, when: dt.datetime) -> None:
    """Date the database's files to ``when`` (utime opens nothing)."""
    for each in (db_path, db_path.with_name(db_path.name + "-wal")):
        if each.exists():
            os.utime(each, (when.timestamp(), when.timestamp()))


def _rollback_mode_copy(db, path: Path) -> Path:
    """A copy of the database in rollback-journal mode (as a backup is)."""
    out = backup.backup_database(db.path, path)
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    return out


# --- part 1: the live database is opened by SQLite only ---------------------------------


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Every path opened outside SQLite (Python's open, io.open, os.open)."""
    seen: list[str] = []
    real_open, real_io_open, real_os_open = builtins.open, io.open, os.open

    def record(target) -> None:
        if isinstance(target, (str, os.PathLike)):
            seen.append(os.path.abspath(os.fspath(target)))

    def fake_open(file, *args, **kwargs):
        record(file)
        return real_open(file, *args, **kwargs)

    def fake_io_open(file, *args, **kwargs):
        record(file)
        return real_io_open(file, *args, **kwargs)

    def fake_os_open(file, *args, **kwargs):
        record(file)
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_io_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    return seen


def _live_files(db_path: Path) -> set[str]:
    return {os.path.abspath(p) for p in (db_path, *probe.sidecar_paths(db_path))}


def test_nothing_opens_the_live_database_outside_sqlite(demo_db, opened, tmp_path) -> None:
    """Closing a descriptor of the live file would drop this process's locks
    on it (see tests/slow/test_side_by_side.py for what that costs)."""
    path = demo_db.path
    with demo_db.reading() as session:  # the window's connections are open
        teachers.list_teachers(session)
        assert backups.start_checks(path, (14, 12), NOW) == backups.StartChecks()
        backups.backup_to(path, tmp_path)
        assert backups.inspect(path).ok
        backups.list_backups(path)
        assert backups.newest_good_backup(path) is not None
        assert check_database(path).ok
        for each in (path, *probe.sidecar_paths(path)):
            with pytest.raises(exchange_package.PackageRefused):
                exchange_package.read_package(each)
        for each in probe.sidecar_paths(path):
            assert not backups.inspect(each).ok
    touched = _live_files(path) & set(opened)
    assert not touched, f"opened outside SQLite: {sorted(touched)}"


# --- part 3: a restore that cannot finish changes nothing ---------------------------------


def _tmpfs(folder: Path, size: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    return result.returncode == 0


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` but for about ``leave`` bytes."""
    filler = folder / "filler"
    with open(filler, "wb") as handle:
        chunk = b"\0" * 65536
        try:
            while True:
                handle.write(chunk)
                handle.flush()
        except OSError:
            pass
    if leave:
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - leave))


@pytest.mark.parametrize("leave", [0, 96 * 1024, 1200 * 1024])
def test_restore_on_a_full_disk_leaves_the_database_where_and_as_it_was(demo_db, tmp_path, leave) -> None:
    """The issue's case: the data folder on a (really) full disk. The current
    database cannot be looked at, or copied, or written over; whichever step
    fails, it is not taken for damaged, not renamed, not emptied."""
    source = backup.backup_database(demo_db.path, tmp_path / "source.sqlite3")
    demo_db.close()
    disk = tmp_path / "disk"
    if not _tmpfs(disk, "3m"):
        pytest.skip("needs root and tmpfs for a real full disk (test_restore_when_… simulates it)")
    try:
        data = disk / "data"
        data.mkdir()
        db_path = data / paths.DB_FILENAME
        db_path.write_bytes(demo_db.path.read_bytes())
        before, teachers_before = _sha(db_path), _teachers(db_path)
        for extra in probe.sidecar_paths(db_path):
            extra.unlink(missing_ok=True)
        _fill(disk, leave)
        try:
            result = backups.restore(source, db_path, NOW)
        except (StorageError, OSError) as exc:
            sentence = str(exc)
            assert "Traceback" not in sentence and sentence.endswith(".")
            assert db_path.exists() and _sha(db_path) == before
        else:
            assert not result.damaged
        assert not list(data.glob("metodesk-damaged-*"))
        assert db_path.stat().st_size > 0
        (disk / "filler").unlink()
        assert _teachers(db_path) == teachers_before
        assert check_database(db_path).ok
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_restore_when_the_current_database_cannot_be_read_is_refused(demo_db, tmp_path, monkeypatch) -> None:
    """Without a tmpfs: the read-only look fails as on a full disk (SQLITE_FULL)."""
    source = backup.backup_database(demo_db.path, tmp_path / "source.sqlite3")
    demo_db.close()
    before = _sha(demo_db.path)
    real_connect = probe.connect_read_only

    def full(path, timeout=10.0):
        if Path(path).resolve() == demo_db.path.resolve():
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = 13  # type: ignore[attr-defined]
            raise error
        return real_connect(path, timeout)

    monkeypatch.setattr(probe, "connect_read_only", full)
    with pytest.raises(StorageError, match="the disk is full.*left as it was"):
        backups.restore(source, demo_db.path, NOW)
    assert _sha(demo_db.path) == before
    assert not list(demo_db.path.parent.glob("metodesk-damaged-*"))


def test_restore_over_a_damaged_database_that_fails_puts_it_back(demo_db, tmp_path, monkeypatch) -> None:
    source = backup.backup_database(demo_db.path, tmp_path / "source.sqlite3")
    demo_db.close()
    demo_db.path.write_bytes(b"")  # empty: set aside on restore
    monkeypatch.setattr(files, "_fsync_file", _raise_enospc)
    with pytest.raises(OSError, match="disk is full"):
        backups.restore(source, demo_db.path, NOW)
    assert demo_db.path.exists() and demo_db.path.stat().st_size == 0
    assert not list(demo_db.path.parent.glob("metodesk-damaged-*"))
    assert not list(demo_db.path.parent.glob(files.TEMP_PREFIX + "*"))


def _raise_enospc(path: Path) -> None:
    raise OSError(28, "No space left on device")


# --- an empty file is not "no database" ---------------------------------------------------


def test_an_empty_database_file_is_refused_not_replaced(demo_db, tmp_path) -> None:
    good = backups.daily_backup(demo_db, NOW)
    assert good is not None
    path = demo_db.path
    demo_db.close()
    for extra in (path, *probe.sidecar_paths(path)):
        extra.unlink(missing_ok=True)
    path.write_bytes(b"")
    with pytest.raises(EmptyDatabase, match="empty"):
        prepare_database(path)
    assert path.stat().st_size == 0
    report = check_database(path)
    assert not report.ok
    assert "empty" in report.lines[0]
    assert any(str(good) in line for line in report.lines[1:])
    result = backups.restore(good, path, NOW)
    assert result.damaged and result.kept is not None and result.kept.stat().st_size == 0
    assert _teachers(path) > 0


# --- a text value that is not UTF-8 is damage -------------------------------------------


def test_a_name_that_is_not_utf8_is_damage_everywhere(demo_db, tmp_path) -> None:
    good = backups.daily_backup(demo_db, NOW)
    _break_a_name(demo_db.path)
    report = check_database(demo_db.path)
    assert not report.ok
    assert "teacher" in report.lines[0] and "surname" in report.lines[0]
    assert any(str(good) in line for line in report.lines[1:])
    found = backups.start_checks(demo_db.path, (14, 12), NOW + dt.timedelta(days=1))
    assert found.damage and "surname" in found.damage
    with pytest.raises(DamagedDatabase, match="damaged"):
        with demo_db.reading() as session:
            teachers.list_teachers(session)
    demo_db.close()
    result = backups.restore(good, demo_db.path, NOW + dt.timedelta(days=1))
    assert result.damaged
    assert check_database(demo_db.path).ok


# --- what may be refused keeps every byte --------------------------------------------------


@pytest.mark.parametrize("kind", ["newer", "damaged", "foreign"])
def test_a_refused_database_in_rollback_mode_keeps_every_byte(db, tmp_path, kind) -> None:
    path = _rollback_mode_copy(db, tmp_path / "refused.sqlite3")
    conn = sqlite3.connect(path)
    if kind == "newer":
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    elif kind == "foreign":
        conn.execute("DROP TABLE alembic_version")
    conn.commit()
    conn.close()
    if kind == "damaged":
        with path.open("r+b") as handle:
            handle.seek(4096 * 3)
            handle.write(b"\xde\xad\xbe\xef" * 4096)
    before = _sha(path)
    with pytest.raises(StorageError):
        open_database(path)
    assert _sha(path) == before
    assert not path.with_name(path.name + "-wal").exists() or path.with_name(path.name + "-wal").stat().st_size == 0


# --- stale files, wrong clocks -------------------------------------------------------------


def test_stale_temporary_files_are_removed_at_start_young_ones_kept(demo_db) -> None:
    folder = backups.make_backups_dir(demo_db.path)
    old = time.time() - 2 * 3600
    stale = [
        folder / "metodesk-2025-10-14-083015-daily.sqlite3.part",
        folder / f"{files.TEMP_PREFIX}metodesk-2025-10-14-083015-daily.sqlite3.abc{files.TEMP_SUFFIX}",
        folder / f"{files.TEMP_PREFIX}metodesk-2025-10-14-083015-daily.sqlite3.abc{files.TEMP_SUFFIX}-journal",
        demo_db.path.parent / f"{files.TEMP_PREFIX}settings.ini.xyz{files.TEMP_SUFFIX}",
    ]
    young = folder / f"{files.TEMP_PREFIX}being-written{files.TEMP_SUFFIX}"
    for each in (*stale, young):
        each.write_bytes(b"x" * 1000)
    for each in stale:
        os.utime(each, (old, old))
    backups.start_checks(demo_db.path, (14, 12), NOW)
    assert [each for each in stale if each.exists()] == []
    assert young.exists()
    assert demo_db.path.exists() and probe.probe(demo_db.path).whole


def test_a_backup_dated_in_the_future_is_not_the_newest(demo_db) -> None:
    folder = backups.make_backups_dir(demo_db.path)
    future = backup.backup_database(demo_db.path, backup.free_path(folder, dt.datetime(2099, 1, 1), backup.DAILY))
    today = dt.datetime.now().replace(microsecond=0)
    real = backups.daily_backup(demo_db, today)
    assert real is not None
    assert [f.path for f in backup.backup_files(folder)] == [real, future]
    newest = backups.newest_good_backup(demo_db.path)
    assert newest is not None and newest.path == real
    assert backups.rotate(folder, 1, 1, today) == [future]


def test_a_clock_stuck_on_one_date_does_not_stop_daily_backups(demo_db) -> None:
    """The computer's clock starts each day at the same moment: a backup dated
    "today" exists, but the database was written after "now"."""
    stuck = dt.datetime.now().replace(microsecond=0) - dt.timedelta(hours=6)
    _written_at(demo_db.path, stuck - dt.timedelta(hours=1))  # the first day's work
    first = backups.daily_backup(demo_db, stuck)
    assert first is not None
    assert backups.daily_backup(demo_db, stuck + dt.timedelta(minutes=1)) is None  # nothing new since
    with demo_db.transaction() as session:  # the next day's work, hours after the stuck moment
        from metodesk.services import organisations

        org = organisations.ours(session)
        teachers.save_teacher(
            session, teachers.TeacherInput(surname="Later", first_name="Test", organisation_id=org.id)
        )
    second = backups.daily_backup(demo_db, stuck)  # the next start, the clock at the same moment
    assert second is not None and second != first
    conn = sqlite3.connect(second)
    assert conn.execute("SELECT count(*) FROM teacher WHERE surname = 'Later'").fetchone()[0] == 1
    conn.close()


# --- the data folder is its owner's only ------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_data_folder_and_its_files_are_private(tmp_path) -> None:
    old_umask = os.umask(0o022)
    try:
        paths.set_data_dir(tmp_path / "fresh" / "data")
        logs.setup_logging()  # the program's start logs first (into data/logs)
        logs.get_logger(__name__).info("a line")
        folder = paths.ensure_data_dir()
        db = prepare_database(paths.database_path())
        try:
            made = backups.daily_backup(db, NOW)
            from metodesk.storage.lock import DataFolderLock

            lock = DataFolderLock(folder)
            lock.acquire()
            lock.release()
            modes = {
                p.name: stat.S_IMODE(p.stat().st_mode)
                for p in (folder, backups.backups_dir(db.path), *folder.iterdir(), made, logs.log_path())
                if p.exists()
            }
        finally:
            db.close()
            logs.stop_logging()
    finally:
        os.umask(old_umask)
    assert modes.pop("data") == 0o700
    assert modes.pop("backups") == 0o700
    assert modes.pop("logs") == 0o700
    assert modes and set(modes.values()) == {0o600}, modes
    assert {"metodesk.sqlite3", "metodesk.sqlite3-wal", "metodesk.sqlite3-shm", "metodesk.lock", "metodesk.log"} <= set(
        modes
    )


# --- backup --out newdir/ ---------------------------------------------------------------------


def test_backup_to_a_new_folder_makes_the_folder(demo_db, tmp_path) -> None:
    made = backups.backup_to(demo_db.path, tmp_path / "newdir", NOW, folder=True)
    assert made.parent == tmp_path / "newdir" and made.name == backup.backup_name(NOW)
    assert backup.read_summary(made).ok
    with pytest.raises(StorageError, match="does not exist"):
        backups.backup_to(demo_db.path, tmp_path / "no" / "such", NOW, folder=True)
    (tmp_path / "afile").write_text("keep me")
    with pytest.raises(OSError):
        backups.backup_to(demo_db.path, tmp_path / "afile", NOW, folder=True)
    assert (tmp_path / "afile").read_text() == "keep me"
