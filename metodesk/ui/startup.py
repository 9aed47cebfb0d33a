"""From a QApplication to a shown main window: the database (with a sentence,
not a traceback, when it cannot be opened), the first-start questions."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from metodesk import config, paths
from metodesk.domain.errors import StorageError
from metodesk.i18n import _, language, set_language


def open_main_window(app: QApplication, explicit_language: str | None = None):  # type: ignore[no-untyped-def]
    """Open the data folder's database and show the window; None when refused."""
    from metodesk.services import organisations
    from metodesk.services.setup import prepare_database

    try:
        paths.ensure_data_dir()
        db = prepare_database(paths.database_path())
    except (StorageError, OSError) as exc:
        QMessageBox.critical(None, _("metodesk"), str(exc))
        return None
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
    window.load()
    return window
