"""The window's side of backups: File → "Back up to…" and "Restore from
backup…" (what the backup holds is shown before the question; the window reopens
on the restored data), the newest good backup offered when the database is
found damaged at start, the data folder's lock, and the error handler that
logs a traceback and shows one sentence."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTableView

from metodesk import logs, paths
from metodesk.domain.errors import DomainError
from metodesk.services import backups, teachers
from metodesk.services.setup import prepare_database
from metodesk.storage import backup, migrate
from metodesk.ui import errors
from metodesk.ui.dialogs import backup as backup_ui
from metodesk.ui.dialogs.backup import RestorePreviewDialog
from metodesk.ui.startup import claim_data_folder, open_main_window

ROOT = Path(__file__).resolve().parents[2]
HOLDER = (
    "import sys\nfrom pathlib import Path\nfrom metodesk.storage.lock import DataFolderLock\n"
    "lock = DataFolderLock(Path(sys.argv[1]))\nlock.acquire()\nprint('held', flush=True)\n"
    "sys.stdin.readline()\n"
)


@pytest.fixture
def demo_folder(demo_database) -> Path:
    demo_database().close()  # what fill_demo(session) makes
    return paths.data_dir()


@pytest.fixture
def window(qtbot, demo_folder):
    win = open_main_window(QApplication.instance())
    qtbot.addWidget(win)
    yield win
    win.close()
    win.ctx.db.close()


@pytest.fixture
def said(monkeypatch) -> dict[str, list[str]]:
    """Every message box's sentence, by kind, instead of a modal box."""
    boxes: dict[str, list[str]] = {"info": [], "error": [], "critical": [], "information": []}
    monkeypatch.setattr(backup_ui, "show_info", lambda parent, text: boxes["info"].append(text))
    monkeypatch.setattr(backup_ui, "show_error", lambda parent, text: boxes["error"].append(text))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical", lambda *a: boxes["critical"].append(a[2]))
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.information", lambda *a: boxes["information"].append(a[2])
    )
    return boxes


def _rows(win) -> int:
    win.tabs_widget.setCurrentIndex(0)
    return win.tabs[0].findChild(QTableView).model().rowCount()


def _add_teacher(db) -> None:
    from metodesk.services import organisations

    with db.transaction() as session:
        org = organisations.ours(session)
        teachers.save_teacher(
            session, teachers.TeacherInput(surname="Кейінгі", first_name="Айгүл", organisation_id=org.id)
        )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- File menu ----------------------------------------------------------------------------------------


def test_file_menu_has_back_up_and_restore(window) -> None:
    file_menu = window.menuBar().findChild(type(window.go_menu), "file_menu")
    names = [action.objectName() for action in file_menu.actions()]
    assert names.index("action_backup") < names.index("action_restore") < names.index("action_quit")
    assert window.backup_action.text() == "&Back up to…"
    assert window.restore_action.text() == "&Restore from backup…"


def test_back_up_to_a_chosen_folder(window, said, monkeypatch, tmp_path) -> None:
    stick = tmp_path / "flash"
    stick.mkdir()
    monkeypatch.setattr(backup_ui, "choose_folder", lambda parent: str(stick))
    window.backup_action.trigger()
    made = list(stick.iterdir())
    assert len(made) == 1
    assert backup.read_summary(made[0]).counts["teacher"] == 15
    assert said["info"] == [f"The backup is saved as {made[0]}."]


def test_back_up_cancelled_writes_nothing(window, said, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(backup_ui, "choose_folder", lambda parent: "")
    assert backup_ui.back_up_to(window) is None
    assert said["info"] == said["error"] == []


def test_back_up_to_a_folder_that_refuses_gives_a_sentence(window, said, monkeypatch, tmp_path) -> None:
    def refuse(db_path, out):
        raise OSError(30, "Read-only file system", "/media/stick")

    monkeypatch.setattr(backup_ui, "choose_folder", lambda parent: str(tmp_path))
    monkeypatch.setattr(backups, "backup_to", refuse)
    assert backup_ui.back_up_to(window) is None
    assert said["error"] == ["Cannot write or read /media/stick: Read-only file system."]


# --- Restore from backup… -------------------------------------------------------------------------


def test_restore_shows_what_the_backup_holds_then_reopens_on_it(
    window, said, monkeypatch, tmp_path, qtbot
) -> None:
    saved = backup.backup_database(window.ctx.db.path, tmp_path / "saved.sqlite3")
    _add_teacher(window.ctx.db)
    window.tabs[0].reload()
    assert _rows(window) == 16
    shown: dict[str, str] = {}

    def answer(dialog: RestorePreviewDialog) -> int:
        for label in dialog.findChildren(QLabel):
            if label.objectName().startswith("restore_"):
                shown[label.objectName()] = label.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(backup_ui, "choose_backup_file", lambda parent, start: str(saved))
    monkeypatch.setattr(RestorePreviewDialog, "exec", answer)
    new_window = backup_ui.restore_from_backup(window)
    assert new_window is not None and new_window is not window
    qtbot.addWidget(new_window)
    assert shown["restore_teachers"] == "15"
    assert shown["restore_version"] == migrate.head_revision()
    assert shown["restore_meetings"] == "14"  # 9 of the associations, 5 of the council
    assert str(saved) in shown["restore_file"]
    assert not window.isVisible() and new_window.isVisible()
    assert _rows(new_window) == 15
    kept = backup.backup_files(backups.backups_dir(paths.database_path()))
    assert [f.kind for f in kept if f.kind == backup.BEFORE_RESTORE] == [backup.BEFORE_RESTORE]
    before_restore = next(f for f in kept if f.kind == backup.BEFORE_RESTORE)
    assert backup.read_summary(before_restore.path).counts["teacher"] == 16
    assert said["info"] and str(before_restore.path) in said["info"][0]
    new_window.close()
    new_window.ctx.db.close()


def test_restore_cancelled_changes_nothing(window, said, monkeypatch, tmp_path) -> None:
    saved = backup.backup_database(window.ctx.db.path, tmp_path / "saved.sqlite3")
    _add_teacher(window.ctx.db)
    monkeypatch.setattr(backup_ui, "choose_backup_file", lambda parent, start: str(saved))
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window.restore_action.trigger()
    assert window.isVisible()
    with window.ctx.db.reading() as session:
        assert len(teachers.list_teachers(session, include_archived=True)) == 16
    assert not any(f.kind == backup.BEFORE_RESTORE for f in backup.backup_files(backups.backups_dir()))


def test_restore_of_a_file_that_is_not_a_backup_says_so(window, said, monkeypatch, tmp_path) -> None:
    letter = tmp_path / "letter.sqlite3"
    letter.write_text("Dear colleagues" * 100)
    monkeypatch.setattr(backup_ui, "choose_backup_file", lambda parent, start: str(letter))
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: pytest.fail("no question for a bad file"))
    assert backup_ui.restore_from_backup(window) is None
    assert len(said["error"]) == 1 and "not a metodesk database" in said["error"][0]


def test_preview_dialog_looks_right(qtbot, demo_folder) -> None:
    made = backup.backup_database(
        paths.database_path(), paths.data_dir() / backup.backup_name(dt.datetime(2025, 10, 14, 8, 30))
    )
    dialog = RestorePreviewDialog(
        backups.inspect(made), "Restore this backup?", intro="The database is damaged; it was left untouched."
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QLabel, "restore_made").text() == "14.10.2025 08:30"
    assert dialog.findChild(QLabel, "restore_intro").isVisible()
    assert dialog.restore_button.text() == "Restore"
    assert dialog.cancel_button.isDefault() and not dialog.restore_button.isDefault()
    dialog.grab().save("/tmp/restore_preview.png")


# --- damaged database at start ---------------------------------------------------------------------


def _damage(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xde\xad\xbe\xef" * 4096)


def _good_backup_then_damage() -> Path:
    db = prepare_database(paths.database_path())
    made = backups.daily_backup(db, now=dt.datetime(2025, 10, 13, 9, 0))
    db.close()
    _damage(paths.database_path())
    return made


def test_damaged_database_at_start_offers_the_newest_good_backup(
    qtbot, monkeypatch, said, demo_folder
) -> None:
    good = _good_backup_then_damage()
    damaged = _sha(paths.database_path())
    offered: list[tuple[str, str]] = []

    def answer(dialog: RestorePreviewDialog) -> int:
        offered.append((dialog.intro.text(), dialog.findChild(QLabel, "restore_file").text()))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestorePreviewDialog, "exec", answer)
    win = open_main_window(QApplication.instance())
    assert win is not None
    qtbot.addWidget(win)
    assert len(offered) == 1
    assert "damaged" in offered[0][0] or "cannot be read" in offered[0][0]
    assert str(good) in offered[0][1]
    aside = list(paths.data_dir().glob("metodesk-damaged-*.sqlite3"))
    assert len(aside) == 1 and _sha(aside[0]) == damaged  # kept, byte for byte
    assert said["information"] and str(aside[0]) in said["information"][0]
    assert _rows(win) == 15
    win.close()
    win.ctx.db.close()


def test_damaged_database_declined_stays_untouched(qtbot, monkeypatch, said, demo_folder) -> None:
    _good_backup_then_damage()
    damaged = _sha(paths.database_path())
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert open_main_window(QApplication.instance()) is None
    assert _sha(paths.database_path()) == damaged
    assert not list(paths.data_dir().glob("metodesk-damaged-*"))


def test_damaged_database_without_backups_says_so(qtbot, monkeypatch, said, demo_folder) -> None:
    _damage(paths.database_path())
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: pytest.fail("nothing to offer"))
    assert open_main_window(QApplication.instance()) is None
    assert len(said["critical"]) == 1 and "No good backup was found" in said["critical"][0]


# --- the data folder's lock ----------------------------------------------------------------------------


def test_second_metodesk_on_the_folder_gets_a_sentence(qtbot, said) -> None:
    folder = paths.ensure_data_dir()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert claim_data_folder() is None
    finally:
        child.kill()
        child.wait(timeout=30)
    assert len(said["critical"]) == 1 and "already open" in said["critical"][0]
    lock = claim_data_folder()  # the holder is gone: the lock is free
    assert lock is not None
    lock.release()


def test_unwritable_data_folder_gets_a_sentence(qtbot, said, tmp_path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    paths.set_data_dir(not_a_folder)
    assert claim_data_folder() is None
    assert len(said["critical"]) == 1 and "cannot write to its data folder" in said["critical"][0]


# --- errors that reach the top ------------------------------------------------------------------------


@pytest.fixture
def log_file():
    path = logs.setup_logging()
    yield path
    logs.stop_logging()


def test_unexpected_error_is_logged_and_shown_as_one_sentence(qtbot, monkeypatch, log_file) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_unexpected", shown.append)
    try:
        raise ZeroDivisionError("the secret details")
    except ZeroDivisionError as exc:
        errors.handle_exception(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    assert "the secret details" not in shown[0] and "Traceback" not in shown[0]
    assert str(log_file) in shown[0] and shown[0].endswith(".")
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError: the secret details" in text


def test_errors_with_a_sentence_show_that_sentence(qtbot, monkeypatch, log_file) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_unexpected", shown.append)
    error = DomainError("The surname is required.", "surname")
    errors.handle_exception(DomainError, error, None)
    disk = OSError(28, "No space left on device", "/data/metodesk.sqlite3")
    errors.handle_exception(OSError, disk, None)
    assert shown == [
        "The surname is required.",
        "Cannot write or read /data/metodesk.sqlite3: No space left on device.",
    ]


def test_an_error_while_the_box_is_open_is_logged_not_stacked(qtbot, monkeypatch, log_file) -> None:
    shown: list[str] = []

    def box(message: str) -> None:
        shown.append(message)
        errors.handle_exception(ValueError, ValueError("second"), None)

    monkeypatch.setattr(errors, "show_unexpected", box)
    errors.handle_exception(ValueError, ValueError("first"), None)
    assert len(shown) == 1
    assert "ValueError: second" in log_file.read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_reaches_the_handler(qtbot, monkeypatch, log_file) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_unexpected", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors.install_excepthook()
    assert sys.excepthook is errors.handle_exception
    action = QAction("boom")

    def broken() -> None:
        raise KeyError("slot failed")

    action.triggered.connect(broken)
    action.trigger()
    assert len(shown) == 1
    assert "KeyError: 'slot failed'" in log_file.read_text(encoding="utf-8")
