"""What the world does to a data folder, beyond the cases the backup and lock
tests cover: a full disk (SQLite's max_page_count makes "database or disk is
full" happen on demand) and a full flash drive, a read-only database file and
data folder, a database from a newer metodesk and a damaged one met by the
exchange commands, a lock left by a killed process, and bytes that are not
UTF-8 on the command line. Each gets one sentence; the database stays whole
and unchanged."""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from metodesk import files
from metodesk.domain.errors import StorageError
from metodesk.services import backups, exchange_export, exchange_import, organisations, teachers
from metodesk.services.setup import prepare_database
from metodesk.storage.database import Database, open_database
from metodesk.storage.lock import LOCK_FILENAME
from metodesk.storage.models import Teacher

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "metodesk.sqlite3"
YEAR = "2025-2026"


@pytest.fixture(scope="module")
def template(_demo_templates) -> Path:
    return _demo_templates(None)  # the demo school as fill_demo(session) makes it, closed


@pytest.fixture
def school(template: Path, tmp_path: Path) -> Path:
    """A copy of the demo school's data folder."""
    folder = tmp_path / "school"
    folder.mkdir()
    shutil.copyfile(template, folder / DB_NAME)
    return folder


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        conn.close()


def with_no_room(path: Path) -> Database:
    """The database at ``path`` on a disk that has no page to spare: every
    connection may not grow the file beyond the pages it has now."""
    db = open_database(path)
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    def limit(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", limit)
    db.engine.dispose()  # the connections made before the limit are gone
    return db


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("METODESK_LANG", "METODESK_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


def run(*args: str | bytes) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "metodesk", "--lang", "en", *args],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """Exit 2, one sentence on stderr, no traceback: the sentence."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert re.search(r"[.!]$", lines[0]), lines[0]
    return lines[0]


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """A file or folder made unwritable: by its mode, or (as root, whom modes do
    not stop) by the immutable attribute; skip where neither works."""
    mode = path.stat().st_mode & 0o777
    path.chmod(0o555 if path.is_dir() else 0o444)
    immutable = False
    try:
        if os.access(path, os.W_OK):
            immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
            if not immutable:
                pytest.skip("this user can write to anything")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


def _add_teachers(session, count: int) -> None:
    org = organisations.ours(session)
    for number in range(count):
        teachers.save_teacher(
            session,
            teachers.TeacherInput(
                surname=f"Толық{number}", first_name="Диск", patronymic="Ә" * 100, organisation_id=org.id
            ),
        )


@contextmanager
def _open(path: Path) -> Iterator[Database]:
    db = open_database(path)
    try:
        yield db
    finally:
        db.close()


# --- a full disk ----------------------------------------------------------------------------------


def test_a_full_disk_refuses_the_change_with_a_sentence_and_keeps_the_database(school: Path) -> None:
    path = school / DB_NAME
    before = rows(path)
    teachers_before = len(before["teacher"])
    db = with_no_room(path)
    try:
        with pytest.raises(StorageError) as caught, db.transaction() as session:
            _add_teachers(session, 300)
        assert str(caught.value).startswith("The disk is full, so the change was not saved.")
        with db.reading() as session:  # the program goes on: reading still works
            assert session.scalar(select(func.count(Teacher.id))) == teachers_before
    finally:
        db.close()
    assert rows(path) == before
    db = open_database(path)  # space freed: the same change goes through
    try:
        with db.transaction() as session:
            _add_teachers(session, 300)
    finally:
        db.close()
    assert len(rows(path)["teacher"]) == teachers_before + 300


def test_an_import_on_a_full_disk_writes_nothing(school: Path, tmp_path: Path) -> None:
    with _open(school / DB_NAME) as source, source.reading() as session:
        package = exchange_export.export_package(session, YEAR, tmp_path / "school.zip").path
    district = tmp_path / "district"
    district.mkdir()
    prepare_database(district / DB_NAME).close()
    before = rows(district / DB_NAME)
    db = with_no_room(district / DB_NAME)
    try:
        with pytest.raises(StorageError, match="The disk is full"):
            exchange_import.import_file(db, package)
    finally:
        db.close()
    assert rows(district / DB_NAME) == before


def test_a_full_flash_drive_leaves_no_half_package(school: Path, tmp_path: Path, monkeypatch) -> None:
    flash = tmp_path / "flash"
    flash.mkdir()

    def no_space(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", no_space)
    with _open(school / DB_NAME) as db, db.reading() as session, pytest.raises(OSError):
        exchange_export.export_package(session, YEAR, flash / "school.zip")
    assert list(flash.iterdir()) == []


# --- read-only --------------------------------------------------------------------------------------


def test_a_read_only_database_file_refuses_changes_with_a_sentence(school: Path) -> None:
    path = school / DB_NAME
    before = sha(path)
    with read_only(path):
        try:
            db = open_database(path)
        except StorageError as exc:  # some systems refuse the opening already
            assert "\n" not in str(exc) and str(exc).endswith(".")
        else:
            try:
                with pytest.raises(StorageError) as caught, db.transaction() as session:
                    _add_teachers(session, 1)
                assert "read-only" in str(caught.value) or "cannot" in str(caught.value)
            finally:
                db.close()
    assert sha(path) == before


def test_a_read_only_data_folder_gives_sentences_not_tracebacks(school: Path) -> None:
    path = school / DB_NAME
    before = sha(path)
    with read_only(school):
        with pytest.raises(StorageError) as caught:
            db = prepare_database(path)
            try:
                with db.transaction() as session:
                    _add_teachers(session, 1)
            finally:
                db.close()
        assert str(caught.value).endswith(".") and "\n" not in str(caught.value)
        with pytest.raises((StorageError, OSError)):  # the window turns either into a status line
            backups.backup_to(path, school / "copy.sqlite3")
    assert sha(path) == before


def test_exchange_into_or_out_of_a_read_only_folder_is_one_sentence(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "flash"
    out.mkdir()
    with read_only(out):
        sentence = refused(
            run("--data-dir", str(school), "exchange", "export", "--year", YEAR, "--out", str(out / "p.zip"))
        )
    assert (
        sentence
        == f"metodesk: The file {out / 'p.zip'} could not be written: there is no permission to write there."
    )
    package = tmp_path / "p.zip"
    assert (
        run("--data-dir", str(school), "exchange", "export", "--year", YEAR, "--out", str(package)).returncode
        == 0
    )
    district = tmp_path / "district"
    district.mkdir()
    with read_only(district):
        sentence = refused(run("--data-dir", str(district), "exchange", "import", str(package)))
    assert "cannot write to its data folder" in sentence


# --- newer, damaged, stale ----------------------------------------------------------------------


def test_the_exchange_commands_refuse_a_database_from_a_newer_metodesk(school: Path, tmp_path: Path) -> None:
    package = tmp_path / "p.zip"
    assert (
        run("--data-dir", str(school), "exchange", "export", "--year", YEAR, "--out", str(package)).returncode
        == 0
    )
    path = school / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = sha(path)
    out = tmp_path / "again.zip"
    assert "newer version" in refused(
        run("--data-dir", str(school), "exchange", "export", "--year", YEAR, "--out", str(out))
    )
    assert "newer version" in refused(run("--data-dir", str(school), "exchange", "import", str(package)))
    assert "newer version" in refused(
        run("--data-dir", str(school), "exchange", "import", str(package), "--dry-run")
    )
    assert sha(path) == before and not out.exists()


def test_the_exchange_commands_refuse_a_damaged_database_and_leave_it_as_it_is(
    school: Path, tmp_path: Path
) -> None:
    path = school / DB_NAME
    with path.open("r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xde\xad\xbe\xef" * 4096)
    before = sha(path)
    sentence = refused(
        run("--data-dir", str(school), "exchange", "export", "--year", YEAR, "--out", str(tmp_path / "p.zip"))
    )
    assert ("damaged" in sentence or "malformed" in sentence) and "left untouched" in sentence
    assert sha(path) == before and not (tmp_path / "p.zip").exists()


HOLDER = (
    "import sys\nfrom pathlib import Path\nfrom metodesk.storage.lock import DataFolderLock\n"
    "lock = DataFolderLock(Path(sys.argv[1]))\nlock.acquire()\nprint('held', flush=True)\n"
    "sys.stdin.readline()\n"
)


def test_a_lock_left_by_a_killed_metodesk_does_not_block_an_import(school: Path, tmp_path: Path) -> None:
    package = tmp_path / "p.zip"
    assert (
        run("--data-dir", str(school), "exchange", "export", "--year", YEAR, "--out", str(package)).returncode
        == 0
    )
    district = tmp_path / "district"
    district.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(district)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    assert (district / LOCK_FILENAME).read_text().strip() == str(holder.pid)  # left behind
    result = run("--data-dir", str(district), "exchange", "import", str(package))
    assert result.returncode == 0, result.stderr
    assert "  Meetings: 14 added, 0 changed" in result.stdout


def test_bytes_that_are_not_utf8_on_the_command_line_are_a_sentence(school: Path, tmp_path: Path) -> None:
    odd = os.fsdecode(b"\xff\xfe")
    assert "There is no academic year" in refused(
        run("--data-dir", str(school), "list", "associations", "--year", odd)
    )
    assert "There is no academic year" in refused(
        run("--data-dir", str(school), "exchange", "export", "--year", odd, "--out", str(tmp_path / "p.zip"))
    )
