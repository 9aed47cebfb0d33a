"""From a QApplication to a shown main window: the data folder's lock, the
database (with a sentence, not a traceback, when it cannot be opened, and the
newest good backup offered when it is damaged), the daily backup, the
first-start questions."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from metodesk import config, logs, paths
from metodesk.domain.errors import StorageError
from metodesk.i18n import _, language, set_language

log = logs.get_logger(__name__)


def claim_data_folder():  # type: ignore[no-untyped-def]
    """Hold the data folder's lock for this process; None (after saying why) when
    another metodesk has it or the folder cannot be written."""
    from metodesk.storage.lock import DataFolderLock

    lock = DataFolderLock(paths.data_dir())
    try:
        lock.acquire()
    except StorageError as exc:
        log.warning("Data folder refused: %s", exc)
        QMessageBox.critical(None, _("metodesk"), str(exc))
        return None
    return lock


def _recover_damaged(exc: StorageError):  # type: ignore[no-untyped-def]
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
        QMessageBox.critical(
            None,
            _("metodesk"),
            _("{problem} No good backup was found in {folder}.").format(
                problem=exc, folder=backups.backups_dir(path)
            ),
        )
        return None
    if not offer_backup(newest, str(exc)):
        return None
    try:
        result = backups.restore(newest.path, path)
        db = prepare_database(path)
    except (StorageError, OSError) as error:
        from metodesk.ui.errors import human_sentence

        QMessageBox.critical(None, _("metodesk"), human_sentence(error))
        return None
    QMessageBox.information(
        None,
        _("metodesk"),
        _("The backup from {date} is restored; the damaged file is kept as {path}.").format(
            date=backups.made_at_text(newest), path=result.kept
        ),
    )
    return db


def _daily_backup(db) -> str | None:  # type: ignore[no-untyped-def]
    """Today's backup; a sentence for the status bar when it could not be made."""
    from metodesk.services import backups

    try:
        backups.daily_backup(db)
    except (StorageError, OSError) as exc:
        log.warning("Daily backup failed: %s", exc)
        return _("Today's backup could not be made: {reason}").format(reason=exc)
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


def open_main_window(app: QApplication, explicit_language: str | None = None):  # type: ignore[no-untyped-def]
    """Open the data folder's database and show the window; None when refused."""
    from metodesk.services import organisations
    from metodesk.services.setup import prepare_database
    from metodesk.storage.database import DamagedDatabase

    try:
        paths.ensure_data_dir()
        db = prepare_database(paths.database_path())
    except DamagedDatabase as exc:
        db = _recover_damaged(exc)
        if db is None:
            return None
    except (StorageError, OSError) as exc:
        log.error("Database not opened: %s", exc)
        QMessageBox.critical(None, _("metodesk"), str(exc))
        return None
    backup_problem = _daily_backup(db)
    with db.reading() as session:
        has_org = organisations.ours(session) is not None
    if not has_org:
        from metodesk.ui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog(db, language())
        if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
            db.close()
            return None
        # The dialog already spoke the language picked in it: keep it for this
        # session, and remember it unless --lang was given for this start only.
        if explicit_language is None:
            config.put("language", dialog.chosen_language)
        if dialog.chosen_language != language():
            set_language(dialog.chosen_language)
            from metodesk.app import install_qt_resources

            install_qt_resources(app)
    from metodesk.ui.context import AppContext
    from metodesk.ui.main_window import MainWindow

    ctx = AppContext(db)
    window = MainWindow(ctx)
    app.aboutToQuit.connect(db.close)
    window.show()
    _bench_mark("shown")
    window.load()
    _bench_mark("filled")
    if backup_problem:
        window.show_status(backup_problem)
    return window
