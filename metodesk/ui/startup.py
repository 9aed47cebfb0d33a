"""From a QApplication to a filled main window, in steps, so the window shows at
once (issue 9) and nothing waits for what can come later:

1. ``show_shell``: the window's shell (tab titles, menus, geometry): Qt only,
   before SQLAlchemy is even imported.
2. ``complete_start``: the database (a sentence, not a traceback, when it cannot
   be opened; the newest good backup offered when it is damaged), the
   first-start questions, the tabs, the visible tab's rows.
3. ``services.backups.start_checks``: SQLite's check of the whole file and the
   day's backup; damage found there offers the newest good backup as well.

``start_window`` (the program) runs step 2 from the event loop once the shell
is painted and step 3 on a thread of its own; ``open_main_window`` (tests, the
smoke check, screenshots) runs them in order before it returns, checking the
whole file while opening.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from metodesk import config, logs, paths
from metodesk.domain.errors import DamagedDatabase, EmptyDatabase, StorageError
from metodesk.i18n import _, language, set_language

if TYPE_CHECKING:
    from metodesk.services.backups import StartChecks
    from metodesk.services.data_folder import DataFolderLock
    from metodesk.ui.context import Database
    from metodesk.ui.main_window import MainWindow

log = logs.get_logger(__name__)


def claim_data_folder() -> DataFolderLock | None:
    """Hold the data folder's lock for this process; None (after saying why) when
    another metodesk has it or the folder cannot be written."""
    from metodesk.services import data_folder

    try:
        return data_folder.claim(paths.data_dir())
    except StorageError as exc:
        log.warning("Data folder refused: %s", exc)
        QMessageBox.critical(None, _("metodesk"), str(exc))
        return None


def _recover_damaged(exc: StorageError, parent: QWidget | None = None):  # type: ignore[no-untyped-def]
    """The database is damaged: say what was found, offer the newest good backup;
    when accepted, set the damaged file aside and restore. The opened database,
    or None when nothing was restored (the damaged file is then untouched)."""
    from metodesk.services import backups
    from metodesk.services.setup import prepare_database
    from metodesk.ui.dialogs.backup import offer_backup

    path = paths.database_path()
    log.error("Damaged database: %s", exc)
    newest = backups.newest_good_backup(path)
    if newest is None:
        return _start_anew_or_stop(exc, parent)
    if not offer_backup(newest, str(exc), parent=parent):
        return None
    try:
        result = backups.restore(newest.path, path)
        db = prepare_database(path)
    except (StorageError, OSError) as error:
        from metodesk.ui.errors import human_sentence

        QMessageBox.critical(parent, _("metodesk"), human_sentence(error))
        return None
    QMessageBox.information(
        parent,
        _("metodesk"),
        _("The backup from {date} is restored; the damaged file is kept as {path}.").format(
            date=backups.made_at_text(newest), path=result.kept
        ),
    )
    return db


def _start_anew_or_stop(exc: StorageError, parent: QWidget | None):  # type: ignore[no-untyped-def]
    """No good backup to offer. An empty (0-byte) database holds nothing: with
    the user's word it is set aside and a new database started. Anything else
    stays where it is and the start stops, after saying why."""
    from metodesk.services import backups
    from metodesk.services.setup import prepare_database

    path = paths.database_path()
    folder = backups.backups_dir(path)
    if not isinstance(exc, EmptyDatabase):
        QMessageBox.critical(
            parent,
            _("metodesk"),
            _("{problem} No good backup was found in {folder}.").format(problem=exc, folder=folder),
        )
        return None
    answer = QMessageBox.question(
        parent,
        _("metodesk"),
        _(
            "{problem} No good backup was found in {folder}. Set the empty file aside and "
            "start with a new database?"
        ).format(problem=exc, folder=folder),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        aside = backups.set_aside(path)
        log.warning("Empty database set aside as %s; a new one is started", aside)
        return prepare_database(path)
    except (StorageError, OSError) as error:
        from metodesk.ui.errors import human_sentence

        QMessageBox.critical(parent, _("metodesk"), human_sentence(error))
        return None


def _bench_mark(what: str) -> None:
    """With METODESK_BENCH_EXIT=1 (bench/bench_app.py): print the monotonic
    clock (shared by all processes) at ``what``, and quit once the first tab is filled."""
    import os

    if os.environ.get("METODESK_BENCH_EXIT") != "1":
        return
    import sys
    import time

    print(f"bench {what} {time.perf_counter():.4f}", flush=True)
    if what == "filled":
        QApplication.processEvents()
        sys.stdout.flush()
        os._exit(0)


def show_shell(app: QApplication) -> MainWindow:
    """Step 1: the window's shell, shown and painted."""
    from metodesk.ui.main_window import MainWindow

    window = MainWindow()
    window.statusBar().showMessage(_("Opening the data…"))
    window.show()
    app.processEvents()
    _bench_mark("shown")
    return window


def _open_database(parent: QWidget, deep_check: bool) -> Database | None:
    """The data folder's database, migrated and seeded; None after saying why not."""
    from metodesk.services.setup import prepare_database

    url = paths.database_url()
    if url is None:  # Settings → Database may have chosen a server
        from metodesk.ui.database_page import server_url_at_start

        chosen = server_url_at_start(parent)
        if chosen is False:
            return None
        if isinstance(chosen, str):
            url = chosen
            paths.set_database_url(url)
    try:
        paths.ensure_data_dir()
        return prepare_database(url or paths.database_path(), deep_check=deep_check)
    except DamagedDatabase as exc:
        return _recover_damaged(exc, parent)
    except (StorageError, OSError) as exc:
        log.error("Database not opened: %s", exc)
        QMessageBox.critical(parent, _("metodesk"), str(exc))
        return None


def _ask_first_start(
    app: QApplication, window: MainWindow, db: Database, explicit_language: str | None
) -> bool:
    """Without our organisation: ask for it (and the language) or the demo.
    False when the user cancelled."""
    from metodesk.services import organisations

    with db.reading() as session:
        if organisations.ours(session) is not None:
            return True
    from metodesk.ui.dialogs.first_run import FirstRunDialog

    resume_collector()  # the questions may fill the demo school: not a start to hurry
    dialog = FirstRunDialog(db, language(), parent=window)
    if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
        return False
    # The dialog already spoke the language picked in it: keep it for this
    # session, and remember it unless --lang was given for this start only.
    if explicit_language is None:
        config.put("language", dialog.chosen_language)
    if dialog.chosen_language != language():
        set_language(dialog.chosen_language)
        from metodesk.app import install_qt_resources

        install_qt_resources(app)
        window.retranslate()
    return True


def complete_start(
    app: QApplication, window: MainWindow, explicit_language: str | None = None, *, deep_check: bool = True
) -> bool:
    """Step 2: database, first start, tabs, the visible tab's rows. False when
    the database was refused or the first-start questions were cancelled."""
    db = _open_database(window, deep_check)
    if db is None:
        return False
    if not _ask_first_start(app, window, db, explicit_language):
        db.close()
        return False
    from metodesk.ui.context import AppContext

    ctx = AppContext(db)
    window.attach(ctx)
    if db.is_server:  # other methodists' changes refresh the tabs they touch
        from metodesk.ui.server_changes import ServerChanges

        window.server_changes = ServerChanges.start(ctx, window)
        if window.server_changes is not None:
            app.aboutToQuit.connect(window.server_changes.stop)
    app.aboutToQuit.connect(db.close)
    window.load()
    window.statusBar().clearMessage()
    _bench_mark("filled")
    # Painted now: what waits in the event loop (the other tabs, the new-year
    # check, SQLAlchemy configuring its mappers on their first ORM query) came
    # before the first paint, which a district saw 0.3 s after its rows were in.
    window.current_tab().show()  # what its layout would do from the event loop
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # laid out, then painted
    window.repaint()
    freeze_long_lived_objects()
    return True


def _offer_new_year(window: MainWindow) -> None:
    """A new academic year begun since the current one: proposed once (one query otherwise)."""
    if window.ctx is None or not window.isVisible():
        return
    from metodesk.ui.dialogs.new_year import offer_new_year

    offer_new_year(window.ctx, window)


def freeze_long_lived_objects() -> None:
    """Move what start-up made (modules, classes, the ORM's mappers, the tabs'
    widgets) out of the garbage collector's sight: they live as long as the
    program, and otherwise every full collection walks all of them again,
    which landed as 60-90 ms in whichever tab happened to trigger one
    (district: Mentoring 120 → 30 ms). The collector, paused for the start
    (``metodesk.__main__``), runs again from here on."""
    import gc

    gc.freeze()
    resume_collector()


def resume_collector() -> None:
    """Turn the garbage collector back on after the start paused it (a no-op
    when it runs: tests, the smoke check)."""
    import gc

    gc.enable()


def _keep_counts(window: MainWindow) -> tuple[int, int]:
    from metodesk.services import backups

    assert window.ctx is not None
    return backups.keep_counts(window.ctx.db)


def handle_start_checks(window: MainWindow, outcome: StartChecks) -> None:
    """Step 3's findings, on the UI thread: a sentence in the status bar for a
    backup not made; for damage, the newest good backup offered."""
    if outcome.backup_problem:
        window.show_status(outcome.backup_problem)
    if outcome.damage and window.isVisible():
        from metodesk.ui.dialogs.backup import recover_open_window

        recover_open_window(window, outcome.damage)


class StartChecker(QObject):
    """Runs step 3 on a thread of its own (it opens its own connections) and
    hands the result to ``handle_start_checks`` on the UI thread."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None

    def start(self, window: MainWindow) -> None:
        assert window.ctx is not None
        self.finished.connect(lambda outcome: handle_start_checks(window, outcome))
        db_path, keep = window.ctx.db.path, _keep_counts(window)
        self._thread = threading.Thread(
            target=self._run, args=(db_path, keep), name="start-checks", daemon=True
        )
        self._thread.start()

    def _run(self, db_path, keep) -> None:  # type: ignore[no-untyped-def]
        from metodesk.services.backups import StartChecks, start_checks

        try:
            outcome = start_checks(db_path, keep)
        except Exception:  # noqa: BLE001 - a thread's failure is logged, never raised into Qt
            log.exception("The checks after start failed")
            outcome = StartChecks()
        self.finished.emit(outcome)

    def wait(self) -> None:
        """Let a backup being written finish before the program ends."""
        if self._thread is not None:
            self._thread.join()


def start_window(app: QApplication, explicit_language: str | None = None, loop=None) -> int:  # type: ignore[no-untyped-def]
    """The program's start: the shell at once, the rest from the event loop;
    returns the exit code (1 when the start was refused or cancelled). ``loop``
    runs instead of the application's own loop (tests pass a QEventLoop, so the
    test process's application never quits)."""
    loop = loop if loop is not None else app
    window = show_shell(app)
    checker = StartChecker(app)
    app.aboutToQuit.connect(checker.wait)

    def finish() -> None:
        try:
            started = complete_start(app, window, explicit_language, deep_check=False)
        finally:
            resume_collector()  # also when the start was refused, cancelled or failed
        if started:
            if window.ctx is not None and not window.ctx.db.is_server:  # a server's integrity and backups are its own
                checker.start(window)
            # The program only (not open_main_window's tests, smoke and benches): a new year, once.
            QTimer.singleShot(0, lambda: _offer_new_year(window))
            return
        window.hide()
        loop.exit(1)

    QTimer.singleShot(0, finish)
    return loop.exec()


def open_main_window(app: QApplication, explicit_language: str | None = None) -> MainWindow | None:
    """All three steps before returning: the window, or None when refused."""
    from metodesk.services import backups

    window = show_shell(app)
    if not complete_start(app, window, explicit_language, deep_check=True):
        window.close()
        window.deleteLater()
        return None
    assert window.ctx is not None
    if not window.ctx.db.is_server:  # a server's integrity and backups are the server's
        outcome = backups.start_checks(window.ctx.db.path, _keep_counts(window), check_integrity=False)
        handle_start_checks(window, outcome)
    return window
