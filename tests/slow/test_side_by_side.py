"""The window and the command line on one data folder at the same time, in
real processes (issue 13, part 1).

On POSIX, closing any descriptor of a file drops every fcntl lock the process
holds on it. metodesk once read the database's header with a plain ``open()``
while its own connections were open (the daily backup at start did), so the
next command-line run believed it was the last user, checkpointed and deleted
the window's ``-wal`` and ``-shm``: every later edit in the window went into a
deleted file and was lost at the next crash. Here the window is the program's
real start (``startup.start_window`` under the offscreen platform) on a folder
without backups, so it makes its daily backup, and the command line runs
beside it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from metodesk.services import demo
from metodesk.services.setup import prepare_database

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "metodesk.sqlite3"

# The program's start, as `metodesk` runs it, plus one way in from the test:
# a line "save NAME" on stdin saves a teacher through the window's own database,
# on the UI thread, and answers "saved ID".
WINDOW = textwrap.dedent(
    """
    import os, sys, threading
    from PySide6.QtCore import QObject, Signal
    from metodesk.app import create_application
    from metodesk.ui import startup

    def say(text):
        os.write(1, (text + "\\n").encode())

    app = create_application(["metodesk"])
    lock = startup.claim_data_folder()
    assert lock is not None
    shown = []
    real_show_shell = startup.show_shell

    def show_shell(app):
        window = real_show_shell(app)
        shown.append(window)
        return window

    startup.show_shell = show_shell

    class Commands(QObject):
        line = Signal(str)

    def on_line(text):
        word, _, name = text.partition(" ")
        if word != "save":
            return
        from metodesk.services import organisations, teachers
        db = shown[0].ctx.db
        with db.transaction() as session:
            org = organisations.ours(session)
            new_id = teachers.save_teacher(
                session, teachers.TeacherInput(surname=name, first_name="Test", organisation_id=org.id)
            )
        say(f"saved {new_id}")

    commands = Commands()
    commands.line.connect(on_line)

    def read():
        for text in sys.stdin:
            commands.line.emit(text.strip())

    threading.Thread(target=read, daemon=True).start()
    sys.exit(startup.start_window(app))
    """
)


def _env(folder: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", METODESK_DATA_DIR=str(folder))
    env.pop("METODESK_LANG", None)
    return env


def cli(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """metodesk's command line on ``folder`` in a child process."""
    return subprocess.run(
        [sys.executable, "-m", "metodesk", "--lang", "en", "--data-dir", str(folder), *args],
        cwd=ROOT,
        env=_env(folder),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _teacher_names(folder: Path) -> str:
    result = cli(folder, "list", "teachers")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _demo_folder(folder: Path) -> Path:
    """A data folder with the demo school and no backups: the next start makes one."""
    folder.mkdir()
    db = prepare_database(folder / DB_NAME)
    with db.transaction() as session:
        demo.fill_demo(session)
    db.close()
    return folder


def _wait_for(condition, what: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


class Window:
    """The program's window in a child process."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WINDOW],
            cwd=ROOT,
            env=_env(folder),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        backups = folder / "backups"
        # The daily backup is the last thing the start does (on its thread).
        _wait_for(
            lambda: self.process.poll() is not None or any(backups.glob("*-daily.sqlite3")),
            "the window's daily backup",
        )
        assert self.process.poll() is None, self.process.stderr.read() if self.process.stderr else ""

    def save_teacher(self, name: str) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"save {name}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line.startswith("saved "), line + (self.process.stderr.read() if self.process.stderr else "")
        return int(line.split()[1])

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.slow
def test_the_command_line_beside_the_window_leaves_the_windows_wal_alone(tmp_path: Path) -> None:
    folder = _demo_folder(tmp_path / "data")
    wal = folder / (DB_NAME + "-wal")
    window = Window(folder)
    try:
        assert wal.exists()
        assert "Test" not in _teacher_names(folder)
        assert wal.exists(), "the command line deleted the window's -wal"
        assert (folder / (DB_NAME + "-shm")).exists()

        # restore while the window is open: refused with a sentence, nothing touched
        backup = next((folder / "backups").glob("*-daily.sqlite3"))
        refused = cli(folder, "restore", "--yes", str(backup))
        assert refused.returncode == 2 and "already open" in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
        assert wal.exists()

        window.save_teacher("Windowsaved")
        assert "Windowsaved" in _teacher_names(folder)
    finally:
        window.kill()
    # The window died without closing anything: what it saved is still there.
    assert "Windowsaved" in _teacher_names(folder)
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


HOLDER = textwrap.dedent(
    """
    import os, sys
    from metodesk import paths
    from metodesk.cli import open_db
    from metodesk.services import organisations, teachers

    def say(text):
        os.write(1, (text + "\\n").encode())

    db = open_db(create=False)
    with db.transaction() as session:
        org = organisations.ours(session)
        new_id = teachers.save_teacher(
            session, teachers.TeacherInput(surname="Imported", first_name="Test", organisation_id=org.id)
        )
        say("writing")
        sys.stdin.readline()  # the transaction stays open until the test says so
    say(f"committed {new_id}")
    sys.stdin.readline()  # then the process waits to be killed, its connections open
    """
)


@pytest.mark.slow
def test_the_command_line_beside_the_command_line(tmp_path: Path) -> None:
    """A backup and two exports while another command holds a write
    transaction open (as a long import does): all of them finish, the backup
    holds the committed state only, and the writer's work survives a SIGKILL
    after the others closed their connections."""
    folder = _demo_folder(tmp_path / "data")
    wal = folder / (DB_NAME + "-wal")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER],
        cwd=ROOT,
        env=_env(folder),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "writing"
        out = tmp_path / "out"
        out.mkdir()
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "metodesk", "--lang", "en", "--data-dir", str(folder), *args],
                cwd=ROOT,
                env=_env(folder),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for args in (
                ("backup", "--out", str(out / "during.sqlite3")),
                ("export", "lessons", "--year", "2025-2026", "--lang", "kk", "--out", str(out / "kk.pdf")),
                ("export", "lessons", "--year", "2025-2026", "--lang", "ru", "--out", str(out / "ru.pdf")),
            )
        ]
        for run in runs:
            stdout, stderr = run.communicate(timeout=120)
            assert run.returncode == 0, stderr
        assert (out / "kk.pdf").read_bytes().startswith(b"%PDF")
        assert (out / "ru.pdf").read_bytes().startswith(b"%PDF")
        copy = sqlite3.connect(out / "during.sqlite3")
        try:
            assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert copy.execute("SELECT count(*) FROM teacher WHERE surname = 'Imported'").fetchone()[0] == 0
        finally:
            copy.close()
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().startswith("committed ")
        assert "Imported" in _teacher_names(folder)
        assert wal.exists(), "a command deleted the -wal of another that is still running"
    finally:
        if holder.poll() is None:
            os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        holder.stdin.close()
        holder.stdout.close()
    assert "Imported" in _teacher_names(folder)
