"""The window's side of issue 13: an empty database file at start offers the
newest good backup (or, with none, asks before starting anew), and a text
value that is not UTF-8, met while a tab reads, offers a backup instead of
"Something went wrong"."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from metodesk import paths
from metodesk.services import backups, demo
from metodesk.services.setup import prepare_database
from metodesk.storage import probe
from metodesk.ui import damage, errors
from metodesk.ui.dialogs import backup as backup_ui
from metodesk.ui.dialogs.backup import RestorePreviewDialog
from metodesk.ui.startup import open_main_window


@pytest.fixture
def demo_folder() -> Path:
    paths.ensure_data_dir()
    db = prepare_database(paths.database_path())
    with db.transaction() as session:
        demo.fill_demo(session)
    backups.daily_backup(db)
    db.close()
    return paths.data_dir()


@pytest.fixture
def said(monkeypatch) -> dict[str, list[str]]:
    boxes: dict[str, list[str]] = {"info": [], "error": [], "critical": [], "information": [], "unexpected": []}
    monkeypatch.setattr(backup_ui, "show_info", lambda parent, text: boxes["info"].append(text))
    monkeypatch.setattr(backup_ui, "show_error", lambda parent, text: boxes["error"].append(text))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical", lambda *a: boxes["critical"].append(a[2]))
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.information", lambda *a: boxes["information"].append(a[2])
    )
    monkeypatch.setattr(errors, "show_unexpected", boxes["unexpected"].append)
    return boxes


def _empty_database() -> Path:
    path = paths.database_path()
    for each in (path, *probe.sidecar_paths(path)):
        each.unlink(missing_ok=True)
    path.write_bytes(b"")
    return path


def test_an_empty_database_at_start_offers_the_newest_good_backup(qtbot, monkeypatch, said, demo_folder) -> None:
    path = _empty_database()
    offered: list[str] = []

    def answer(dialog: RestorePreviewDialog) -> int:
        offered.append(dialog.intro.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestorePreviewDialog, "exec", answer)
    win = open_main_window(QApplication.instance())
    assert win is not None
    qtbot.addWidget(win)
    assert len(offered) == 1 and "empty" in offered[0]
    aside = list(paths.data_dir().glob("metodesk-damaged-*.sqlite3"))
    assert len(aside) == 1 and aside[0].stat().st_size == 0
    assert path.stat().st_size > 0
    win.close()
    win.ctx.db.close()


def test_an_empty_database_without_backups_is_replaced_only_with_the_users_word(qtbot, monkeypatch, said) -> None:
    paths.ensure_data_dir()
    path = _empty_database()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: (asked.append(a[2]), QMessageBox.StandardButton.No)[1]
    )
    assert open_main_window(QApplication.instance()) is None
    assert len(asked) == 1 and "empty" in asked[0]
    assert path.stat().st_size == 0 and not list(paths.data_dir().glob("metodesk-damaged-*"))

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("metodesk.ui.dialogs.first_run.FirstRunDialog.exec", lambda self: 0)
    open_main_window(QApplication.instance())  # the first-start question, cancelled here
    aside = list(paths.data_dir().glob("metodesk-damaged-*.sqlite3"))
    assert len(aside) == 1 and aside[0].stat().st_size == 0
    assert probe.probe(path).whole


def test_text_that_is_not_utf8_met_by_a_tab_offers_a_backup(qtbot, monkeypatch, said, demo_folder) -> None:
    win = open_main_window(QApplication.instance())
    assert win is not None
    qtbot.addWidget(win)
    conn = sqlite3.connect(paths.database_path())
    conn.execute("UPDATE teacher SET surname = CAST(X'C3284E75726C616E' AS TEXT) WHERE id = 1")
    conn.commit()
    conn.close()
    offered: list[str] = []

    def answer(dialog: RestorePreviewDialog) -> int:
        offered.append(dialog.intro.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestorePreviewDialog, "exec", answer)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors.install_excepthook()
    damage.install_damage_handler()
    QTimer.singleShot(0, win.tabs[0].reload)  # the tab reads again, from the event loop
    qtbot.waitUntil(lambda: bool(offered), timeout=10000)
    assert "damaged" in offered[0] and "surname" in offered[0]
    assert said["unexpected"] == []
    new_window = backup_ui._main_window()
    assert new_window is not None and new_window is not win
    qtbot.addWidget(new_window)
    assert said["info"] and "damaged file is kept" in said["info"][0]
    assert list(paths.data_dir().glob("metodesk-damaged-*.sqlite3"))
    new_window.close()
    new_window.ctx.db.close()
