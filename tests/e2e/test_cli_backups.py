"""`metodesk backup`, `metodesk restore` and `metodesk list backups` in a child
process, as a user or a script runs them: what a backup holds is printed,
restore asks (or wants --yes when nobody can answer), keeps the current
database, and refuses foreign, newer, locked and unwritable cases with one
sentence and exit code 2."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "metodesk.sqlite3"

HOLDER = (
    "import sys\nfrom pathlib import Path\nfrom metodesk.storage.lock import DataFolderLock\n"
    "lock = DataFolderLock(Path(sys.argv[1]))\nlock.acquire()\nprint('held', flush=True)\n"
    "sys.stdin.readline()\n"
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("METODESK_LANG", "METODESK_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """metodesk in a child process with no one at the keyboard (stdin is empty)."""
    return subprocess.run(
        [sys.executable, "-m", "metodesk", "--lang", "en", *args],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _refused(result: subprocess.CompletedProcess[str]) -> str:
    """Exit 2, one sentence on stderr, no traceback: the sentence."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert re.search(r"[.!]$", lines[0]), lines[0]
    return lines[0]


def _teachers(db: Path) -> int:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM teacher").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`metodesk demo`, then `metodesk backup --out FILE` of it (made once)."""
    data = tmp_path_factory.mktemp("demo") / "data"
    assert run("--data-dir", str(data), "demo").returncode == 0
    out = data.parent / "demo-backup.sqlite3"
    result = run("--data-dir", str(data), "backup", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"Backup {out}:" in result.stdout
    assert "Teachers: 15" in result.stdout and "Meetings: 14" in result.stdout
    assert "Schema version: " in result.stdout
    return out


@pytest.fixture
def empty_folder(tmp_path: Path) -> Path:
    """A data folder whose database holds no teachers."""
    from metodesk.services.setup import prepare_database

    folder = tmp_path / "school"
    folder.mkdir()
    prepare_database(folder / DB_NAME).close()
    return folder


@contextmanager
def lock_held(folder: Path) -> Iterator[None]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        yield
    finally:
        child.kill()
        child.wait(timeout=30)


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` made unwritable: by its mode, or (as root, whom modes do not
    stop) by the immutable attribute; skip where neither works."""
    folder.chmod(0o555)
    immutable = False
    try:
        probe = folder / ".probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
            if not immutable:
                pytest.skip("this user can write to any folder")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


# --- backup ---------------------------------------------------------------------------------------


def test_backup_file_holds_the_demo_school(demo_backup: Path) -> None:
    assert _teachers(demo_backup) == 15
    conn = sqlite3.connect(demo_backup)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_backup_into_a_folder_makes_a_dated_file(demo_backup: Path, tmp_path: Path) -> None:
    stick = tmp_path / "flash"
    stick.mkdir()
    result = run("--data-dir", str(demo_backup.parent / "data"), "backup", "--out", str(stick))
    assert result.returncode == 0, result.stderr
    made = list(stick.iterdir())
    assert len(made) == 1 and re.fullmatch(r"metodesk-\d{4}-\d\d-\d\d-\d{6}\.sqlite3", made[0].name)
    assert _teachers(made[0]) == 15


def test_backup_without_a_database_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "nothing-here"
    sentence = _refused(run("--data-dir", str(data), "backup", "--out", str(tmp_path / "x.sqlite3")))
    assert "There is no metodesk database" in sentence
    assert not data.exists()


def test_backup_into_a_missing_folder_is_refused(demo_backup: Path, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "x.sqlite3"
    sentence = _refused(run("--data-dir", str(demo_backup.parent / "data"), "backup", "--out", str(out)))
    assert "does not exist" in sentence and not out.exists()


# --- restore ---------------------------------------------------------------------------------------


def test_restore_without_yes_and_nobody_to_ask_is_refused(demo_backup: Path, empty_folder: Path) -> None:
    result = run("--data-dir", str(empty_folder), "restore", str(demo_backup))
    assert "--yes" in _refused(result)
    assert "Teachers: 15" in result.stdout  # it said what the backup holds first
    assert _teachers(empty_folder / DB_NAME) == 0
    assert not (empty_folder / "backups").exists()


def test_restore_with_yes_keeps_the_current_database(demo_backup: Path, empty_folder: Path) -> None:
    result = run("--data-dir", str(empty_folder), "restore", str(demo_backup), "--yes")
    assert result.returncode == 0, result.stderr
    kept = re.search(r"The previous database was kept as (.+)\.$", result.stdout, re.M)
    assert kept, result.stdout
    kept_path = Path(kept.group(1))
    assert kept_path.parent == empty_folder / "backups" and _teachers(kept_path) == 0
    assert "is restored." in result.stdout
    assert _teachers(empty_folder / DB_NAME) == 15
    listing = run("--data-dir", str(empty_folder), "list", "teachers")
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == 15
    backups = run("--data-dir", str(empty_folder), "list", "backups")
    assert backups.returncode == 0
    assert re.fullmatch(
        rf"\d\d\.\d\d\.\d{{4}} \d\d:\d\d\tbefore a restore\t\w+\t{re.escape(str(kept_path))}",
        backups.stdout.strip(),
    ), backups.stdout
    log = (empty_folder / "logs" / "metodesk.log").read_text(encoding="utf-8")
    assert "Restored" in log and str(demo_backup) in log


def test_restore_onto_a_new_computer(demo_backup: Path, tmp_path: Path) -> None:
    data = tmp_path / "new-computer"
    result = run("--data-dir", str(data), "restore", str(demo_backup), "--yes")
    assert result.returncode == 0, result.stderr
    assert "kept as" not in result.stdout
    assert _teachers(data / DB_NAME) == 15
    assert run("--data-dir", str(data), "check").returncode == 0


def test_restore_of_a_foreign_file_is_refused(tmp_path: Path, empty_folder: Path) -> None:
    letter = tmp_path / "letter.sqlite3"
    letter.write_text("Dear colleagues, the meeting is on Friday.\n" * 20)
    assert "not a metodesk database" in _refused(
        run("--data-dir", str(empty_folder), "restore", str(letter), "--yes")
    )
    missing = _refused(
        run("--data-dir", str(empty_folder), "restore", str(tmp_path / "gone.sqlite3"), "--yes")
    )
    assert "There is no file" in missing
    assert not (empty_folder / "backups").exists()


def test_restore_of_a_newer_backup_is_refused(demo_backup: Path, tmp_path: Path, empty_folder: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(demo_backup.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    sentence = _refused(run("--data-dir", str(empty_folder), "restore", str(newer), "--yes"))
    assert "newer version" in sentence
    assert _teachers(empty_folder / DB_NAME) == 0


def test_restore_while_metodesk_is_open_is_refused(demo_backup: Path, empty_folder: Path) -> None:
    with lock_held(empty_folder):
        sentence = _refused(run("--data-dir", str(empty_folder), "restore", str(demo_backup), "--yes"))
    assert "already open" in sentence
    assert _teachers(empty_folder / DB_NAME) == 0


def test_restore_into_a_read_only_data_folder_gives_a_sentence(demo_backup: Path, empty_folder: Path) -> None:
    with read_only(empty_folder):
        sentence = _refused(run("--data-dir", str(empty_folder), "restore", str(demo_backup), "--yes"))
    assert "cannot write to its data folder" in sentence
    assert _teachers(empty_folder / DB_NAME) == 0


def test_restore_asks_at_a_terminal(demo_backup: Path, empty_folder: Path, monkeypatch, capsys) -> None:
    """In-process, with a terminal that answers: "n" keeps everything, "y" restores."""
    from metodesk.__main__ import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["n", "y"])
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    args = ["--data-dir", str(empty_folder), "--lang", "en", "restore", str(demo_backup)]
    monkeypatch.setattr("metodesk.logs.setup_logging", lambda: None)  # no log file left open
    assert main(args) == 0
    assert "Nothing was restored." in capsys.readouterr().out
    assert _teachers(empty_folder / DB_NAME) == 0
    assert main(args) == 0
    assert "is restored." in capsys.readouterr().out
    assert _teachers(empty_folder / DB_NAME) == 15


# --- list backups -----------------------------------------------------------------------------------


def test_list_backups_when_there_are_none(empty_folder: Path) -> None:
    result = run("--data-dir", str(empty_folder), "list", "backups")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.strip() == f"There are no backups in {empty_folder / 'backups'} yet."
