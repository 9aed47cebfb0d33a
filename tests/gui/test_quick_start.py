"""The program's start in steps (issue 9): the window's shell is shown before
SQLAlchemy is imported, the database and the visible tab come from the event
loop, the whole-file check and the day's backup run on a thread, and damage
found there offers the newest good backup."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from metodesk import paths
from metodesk.services import backups
from metodesk.services.setup import prepare_database
from metodesk.storage.engine import file_integrity
from metodesk.ui import startup
from metodesk.ui.dialogs import backup as backup_ui
from metodesk.ui.dialogs.backup import RestorePreviewDialog
from metodesk.ui.dialogs.first_run import FirstRunDialog
from metodesk.ui.main_window import TABS, MainWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_folder(demo_database) -> Path:
    demo_database().close()  # what fill_demo(session) makes
    return paths.data_dir()


def _run_program(qtbot, monkeypatch, timeout_ms: int = 30000) -> tuple[int, list[MainWindow]]:
    """start_window on the test's data folder, in a loop of its own (quitting the
    application would end the other tests' loops too): its exit code and the
    windows it showed (handed to qtbot, which closes them). A guard ends a hung loop."""
    app = QApplication.instance()
    shown: list[MainWindow] = []
    real_show_shell = startup.show_shell

    def show_shell(app):
        window = real_show_shell(app)
        qtbot.addWidget(window)
        shown.append(window)
        return window

    monkeypatch.setattr(startup, "show_shell", show_shell)
    loop = QEventLoop()
    _LOOPS.append(loop)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: loop.exit(99))
    guard.start(timeout_ms)
    try:
        return startup.start_window(app, loop=loop), shown
    finally:
        guard.stop()
        _LOOPS.remove(loop)


_LOOPS: list[QEventLoop] = []  # the loop _run_program runs, for _quit


def _quit(window) -> None:
    window.close()
    window.ctx.db.close()
    _LOOPS[-1].exit(0)


def test_the_shell_is_shown_without_sqlalchemy(tmp_path) -> None:
    code = (
        "import sys\n"
        "from metodesk.app import create_application\n"
        "from metodesk.ui.startup import show_shell\n"
        "window = show_shell(create_application(['metodesk']))\n"
        "print(window.isVisible(), window.tabs_widget.count(), window.new_action.isEnabled())\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'reportlab') if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", METODESK_DATA_DIR=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"True {len(TABS)} False", "[]"]


def test_the_first_tab_is_filled_without_what_can_wait(demo_folder) -> None:
    """The program's own start (``python -m metodesk``) up to the first tab
    filled: no document library, no dialog of the tab, no backups module (they
    load when first used), and the garbage collector paused (issue 21)."""
    code = (
        "import gc, os, sys\n"
        "from metodesk.ui import startup\n"
        "def mark(what):\n"
        "    if what == 'filled':\n"
        "        heavy = ('reportlab', 'openpyxl', 'docx', 'pyphen', 'babel', 'alembic',\n"
        "                 'metodesk.ui.dialogs.teacher', 'metodesk.services.backups')\n"
        "        from sqlalchemy import inspect\n"
        "        from metodesk.storage.models import Teacher\n"
        "        configured = inspect(Teacher).configured\n"
        "        print(sorted(m for m in heavy if m in sys.modules), gc.isenabled(), configured, flush=True)\n"
        "        os._exit(0)\n"
        "startup._bench_mark = mark\n"
        "from metodesk.__main__ import main\n"
        "main(['--lang', 'kk'])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", METODESK_DATA_DIR=str(demo_folder))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["[] False False"]  # nor SQLAlchemy's mappers configured yet


def test_the_first_tab_is_painted_before_the_others_are_built(qtbot, monkeypatch, demo_folder) -> None:
    """The rows are painted at once, not after the next tab is built (the
    event loop ran that first: 0.3 s on a district) nor after what else waits."""
    from PySide6.QtCore import QEvent, QObject

    events: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and "painted" not in events:
                events.append("painted")
            return False

    watch = Watch()
    real_tab_at = MainWindow._tab_at

    def tab_at(self, index):
        new = self._built[index] is None
        tab = real_tab_at(self, index)
        if new:
            events.append(f"built {index}")
            if index == 0:
                tab.table.viewport().installEventFilter(watch)
        return tab

    def checks_done(window, outcome) -> None:
        qtbot.waitUntil(window.tabs_built, timeout=10000)
        _quit(window)

    monkeypatch.setattr(MainWindow, "_tab_at", tab_at)
    monkeypatch.setattr(startup, "handle_start_checks", checks_done)
    code, _shown = _run_program(qtbot, monkeypatch)
    assert code == 0
    assert events[:3] == ["built 0", "painted", "built 1"]


def test_the_collector_runs_again_once_the_program_has_started(qtbot, monkeypatch, demo_folder) -> None:
    import gc

    def checks_done(window, outcome) -> None:
        _quit(window)

    monkeypatch.setattr(startup, "handle_start_checks", checks_done)
    gc.disable()  # as metodesk.__main__ does before the start
    try:
        code, _shown = _run_program(qtbot, monkeypatch)
        assert code == 0
        assert gc.isenabled()
    finally:
        gc.enable()


def test_the_shell_has_every_tab_title_before_the_data(qtbot) -> None:
    shell = MainWindow()
    qtbot.addWidget(shell)
    assert shell.ctx is None and shell.tabs == []
    titles = [shell.tabs_widget.tabText(i) for i in range(shell.tabs_widget.count())]
    assert titles == [
        "Teachers",
        "Associations",
        "Annual plans",
        "Open lessons",
        "Mentoring",
        "Methodical council",
        "Overview",
        "Professional growth",
        "Attestation",
        "Settings",
    ]
    assert not any(
        a.isEnabled()
        for a in (shell.new_action, shell.find_action, shell.delete_action, *shell.long_work_actions)
    )
    shell.load()  # nothing to load yet, and nothing fails


def test_tab_titles_in_the_shell_match_the_tabs(qtbot, demo_folder) -> None:
    window = startup.open_main_window(QApplication.instance())
    qtbot.addWidget(window)
    assert [window.tabs_widget.tabText(i) for i in range(len(TABS))] == [tab.title() for tab in window.tabs]
    window.close()
    window.ctx.db.close()


def test_only_the_visible_tab_is_built_at_once_the_rest_from_the_event_loop(qtbot, demo_folder) -> None:
    window = startup.show_shell(QApplication.instance())
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == "Opening the data…"
    assert startup.complete_start(QApplication.instance(), window, deep_check=False)
    assert window.statusBar().currentMessage() == ""
    built = [tab is not None for tab in window._built]
    assert built.count(True) == 1 and built[window.tabs_widget.currentIndex()]
    assert window.current_tab().model.rowCount() == 15
    qtbot.waitUntil(window.tabs_built, timeout=10000)
    window.close()
    window.ctx.db.close()


def test_program_start_shows_the_shell_first_then_fills_and_backs_up(qtbot, monkeypatch, demo_folder) -> None:
    seen: dict[str, object] = {}
    real_complete = startup.complete_start

    def complete(app, window, explicit_language=None, *, deep_check=True):
        seen["shown before the data"] = window.isVisible() and window.ctx is None
        seen["deep_check"] = deep_check
        return real_complete(app, window, explicit_language, deep_check=deep_check)

    def checks_done(window, outcome) -> None:
        seen["outcome"] = outcome
        seen["rows"] = window.current_tab().model.rowCount()
        _quit(window)

    monkeypatch.setattr(startup, "complete_start", complete)
    monkeypatch.setattr(startup, "handle_start_checks", checks_done)
    code, _shown = _run_program(qtbot, monkeypatch)
    assert code == 0
    assert seen["shown before the data"] is True and seen["deep_check"] is False
    assert seen["outcome"] == backups.StartChecks() and seen["rows"] == 15
    daily = list(backups.backups_dir(paths.database_path()).glob("*daily*"))
    assert len(daily) == 1


def test_program_start_cancelled_at_the_first_question_exits_with_1(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: FirstRunDialog.DialogCode.Rejected)
    code, shown = _run_program(qtbot, monkeypatch)
    assert code == 1
    assert len(shown) == 1 and not shown[0].isVisible() and shown[0].ctx is None


def _damage_a_table_not_read_at_start(path: Path) -> None:
    """Overwrite the root page of a table the start does not read, so only the
    whole-file check can find it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'mentoring_log_entry'").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek(page_size * (root - 1))
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def test_damage_found_after_start_offers_the_newest_good_backup(qtbot, monkeypatch, demo_folder) -> None:
    db = prepare_database(paths.database_path())
    backups.daily_backup(db)
    db.close()
    _damage_a_table_not_read_at_start(paths.database_path())
    asked: list[str] = []
    told: list[str] = []

    def accept(self) -> int:
        asked.append(self.windowTitle())
        return QDialog.DialogCode.Accepted

    def info(parent, text) -> None:
        told.append(text)
        qtbot.addWidget(parent)
        _quit(parent)

    monkeypatch.setattr(RestorePreviewDialog, "exec", accept)
    monkeypatch.setattr(backup_ui, "show_info", info)
    code, _shown = _run_program(qtbot, monkeypatch)
    assert code == 0
    assert asked and told and "damaged file is kept" in told[0]
    aside = list(paths.data_dir().glob("metodesk-damaged-*.sqlite3"))
    assert len(aside) == 1
    ok, said = file_integrity(paths.database_path())
    assert ok, said


def test_damage_declined_after_start_leaves_the_window_and_says_so(qtbot, monkeypatch, demo_folder) -> None:
    db = prepare_database(paths.database_path())
    backups.daily_backup(db)
    db.close()
    _damage_a_table_not_read_at_start(paths.database_path())
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    window = startup.show_shell(QApplication.instance())
    qtbot.addWidget(window)
    assert startup.complete_start(QApplication.instance(), window, deep_check=False)
    outcome = backups.start_checks(paths.database_path(), (14, 12))
    assert outcome.damage and "damaged" in outcome.damage and outcome.backup_problem is None
    startup.handle_start_checks(window, outcome)
    assert window.isVisible() and "damaged" in window.statusBar().currentMessage()
    assert not list(paths.data_dir().glob("metodesk-damaged-*"))
    window.close()
    window.ctx.db.close()


def test_the_program_proposes_a_new_year_once_at_start(qtbot, monkeypatch, demo_folder) -> None:
    """Issue 19.1: on 07.12.2026 with 2025-2026 still current, the start proposes
    2026-2027 (once: "Not now" is remembered)."""
    from metodesk.ui.dialogs.new_year import NewYearDialog

    monkeypatch.setenv("METODESK_TODAY", "2026-12-07")
    proposed: list[str] = []

    def answer(dialog):
        proposed.append(dialog.findChild(QPushButton, "start_year_button").text())
        window = dialog.parent()
        QTimer.singleShot(0, lambda: _quit(window))
        return NewYearDialog.DialogCode.Rejected

    def quit_later() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        _quit(windows[-1])

    monkeypatch.setattr(NewYearDialog, "exec", answer)
    code, _shown = _run_program(qtbot, monkeypatch)
    assert code == 0 and proposed == ["Start 2026-2027"]
    QTimer.singleShot(1500, quit_later)
    code, _shown = _run_program(qtbot, monkeypatch)
    assert code == 0 and proposed == ["Start 2026-2027"]  # not again
