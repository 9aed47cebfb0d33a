"""The command line on a damaged or empty database (issue 13, part 3), in a
child process as a user runs it: `check` finds a text value that is not
UTF-8 (SQLite's quick check does not) and names the newest good backup;
`exchange export` says one sentence instead of a traceback; an empty file is
neither "no database" nor replaced by `demo`; `backup --out newdir/` makes the
folder."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "metodesk.sqlite3"


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for name in ("METODESK_LANG", "METODESK_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "metodesk", "--lang", "en", "--data-dir", str(folder), *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_with_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("damage") / "data"
    assert run(folder, "demo").returncode == 0
    made = run(folder, "backup", "--out", str(folder / "backups") + "/")
    assert made.returncode == 0, made.stderr
    return folder


@pytest.fixture
def copy(demo_with_backup: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(demo_with_backup, folder)
    return folder


def test_check_finds_text_that_is_not_utf8_and_names_the_backup(copy: Path) -> None:
    conn = sqlite3.connect(copy / DB_NAME)
    conn.execute("UPDATE teacher SET surname = CAST(X'C3284E75726C616E' AS TEXT) WHERE id = 2")
    conn.commit()
    conn.close()
    check = run(copy, "check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "surname" in check.stdout and "teacher" in check.stdout
    assert "metodesk restore" in check.stdout and str(copy / "backups") in check.stdout
    export = run(copy, "exchange", "export", "--year", "2025-2026", "--out", str(copy.parent / "p.zip"))
    assert export.returncode == 2
    assert "Traceback" not in export.stderr
    assert len(export.stderr.strip().splitlines()) == 1 and "damaged" in export.stderr
    assert not (copy.parent / "p.zip").exists()


def test_an_empty_database_is_not_no_database(copy: Path) -> None:
    db = copy / DB_NAME
    db.write_bytes(b"")
    check = run(copy, "check")
    assert check.returncode == 1
    assert "empty" in check.stdout and "metodesk restore" in check.stdout
    demo = run(copy, "demo")
    assert demo.returncode == 2 and "empty" in demo.stderr and "Traceback" not in demo.stderr
    assert db.stat().st_size == 0


def test_check_changes_nothing_and_leaves_no_wal_behind(copy: Path) -> None:
    before = (copy / DB_NAME).read_bytes()
    check = run(copy, "check")
    assert check.returncode == 0, check.stdout
    assert (copy / DB_NAME).read_bytes() == before
    assert sorted(p.name for p in copy.iterdir() if p.name.startswith(DB_NAME)) == [DB_NAME]


def test_backup_into_a_new_folder_given_with_a_slash(copy: Path, tmp_path: Path) -> None:
    result = run(copy, "backup", "--out", str(tmp_path / "newdir") + "/")
    assert result.returncode == 0, result.stderr
    made = list((tmp_path / "newdir").glob("metodesk-*.sqlite3"))
    assert len(made) == 1 and (tmp_path / "newdir").is_dir()
