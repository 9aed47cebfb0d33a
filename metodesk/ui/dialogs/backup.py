"""File menu: "Back up to…" (any folder, e.g. a flash drive) and "Restore from
backup…" (shows what the backup holds before it asks; the window then reopens on
the restored data). The same preview offers the newest good backup when the
database is found damaged at start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import StorageError
from metodesk.i18n import _
from metodesk.services import backups
from metodesk.services.backups import BackupSummary
from metodesk.ui.common import show_error, show_info
from metodesk.ui.errors import human_sentence

_recovering = False  # a damage offer is on screen: more errors from the same file are only logged


class RestorePreviewDialog(QDialog):
    """What a backup holds (date, schema version, counts), then the question.
    Accepted means: restore it."""

    def __init__(
        self, summary: BackupSummary, question: str, intro: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RestorePreviewDialog")
        self.setWindowTitle(_("Restore from backup"))
        layout = QVBoxLayout(self)
        self.intro = self._label("restore_intro", intro or "")
        self.intro.setVisible(bool(intro))
        self.intro.setStyleSheet("color: #b00020;")
        layout.addWidget(self.intro)
        layout.addWidget(self._label("restore_file", _("Backup file: {path}").format(path=summary.path)))
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        names = ("made", "version", "teachers", "associations", "meetings", "plans")
        for name, (label, value) in zip(names, backups.summary_lines(summary), strict=True):
            self.values[name] = self._label(f"restore_{name}", value)
            form.addRow(label, self.values[name])
        layout.addLayout(form)
        self.question = self._label("restore_question", question)
        layout.addWidget(self.question)
        self.buttons = QDialogButtonBox()
        self.buttons.setObjectName("dialog_buttons")
        self.restore_button = self.buttons.addButton(_("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setAutoDefault(False)
        # Replacing data is not what Enter should do by accident.
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.cancel_button.setFocus()

    @staticmethod
    def _label(name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label


def choose_folder(parent: QWidget | None) -> str:
    """The folder to back up to ('' when cancelled); tests replace it."""
    return QFileDialog.getExistingDirectory(parent, _("Choose a folder for the backup"))


def choose_backup_file(parent: QWidget | None, start: Path) -> str:
    """The backup file to restore ('' when cancelled); tests replace it."""
    path, _chosen_filter = QFileDialog.getOpenFileName(
        parent,
        _("Choose a backup to restore"),
        str(start),
        _("metodesk backups (*.sqlite3 *.db);;All files (*)"),
    )
    return path


def back_up_to(window) -> Path | None:  # type: ignore[no-untyped-def]
    """Ask for a folder, write a dated backup there, say where it is."""
    folder = choose_folder(window)
    if not folder:
        return None
    if window.ctx.db.is_server:
        return _packages_from_server(window, Path(folder))
    try:
        made = backups.backup_to(window.ctx.db.path, Path(folder))
    except (StorageError, OSError) as exc:
        show_error(window, human_sentence(exc))
        return None
    show_info(window, _("The backup is saved as {path}.").format(path=made))
    return made


def _packages_from_server(window, folder: Path) -> Path | None:  # type: ignore[no-untyped-def]
    """On a server: the exchange package of every academic year into ``folder``
    (the server's own backups are pg_dump's, see the README)."""
    from metodesk.services.server_backup import export_every_year

    try:
        with window.ctx.db.reading() as session:
            written = export_every_year(session, folder)
    except (StorageError, OSError) as exc:
        show_error(window, human_sentence(exc))
        return None
    show_info(
        window,
        _(
            "The database is on a server, whose own backups are made there with pg_dump. "
            "The exchange packages of every academic year are saved in {folder}: {names}."
        ).format(folder=folder, names=", ".join(p.name for p in written)),
    )
    return folder


def offer_backup(summary: BackupSummary, problem: str, parent: QWidget | None = None) -> bool:
    """At start, after damage was found: show the newest good backup and ask."""
    dialog = RestorePreviewDialog(
        summary,
        _(
            "Restore the newest good backup? The damaged file will be kept beside it "
            "under a new name, unchanged."
        ),
        intro=problem,
        parent=parent,
    )
    return dialog.exec() == QDialog.DialogCode.Accepted


def restore_from_backup(window):  # type: ignore[no-untyped-def]
    """Ask for a backup, show what it holds, ask, restore it (a copy of the
    current database is kept first) and reopen the window on it. The new window,
    or None when nothing was restored."""
    if window.ctx.db.is_server:
        show_info(
            window,
            _(
                "The database is on a server: its backups are made on the server with pg_dump "
                "(see “District server” in the README), not by metodesk."
            ),
        )
        return None
    chosen = choose_backup_file(window, backups.backups_dir(window.ctx.db.path))
    if not chosen:
        return None
    summary = backups.inspect(Path(chosen))
    problem = summary.problem or backups.value_problem(Path(chosen))
    if problem:
        show_error(window, problem)
        return None
    dialog = RestorePreviewDialog(
        summary,
        _("Replace the current data with this backup? A copy of the current database is kept first."),
        parent=window,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    new_window, kept = replace_with_backup(window, Path(chosen))
    if new_window is None:
        return None
    show_info(
        new_window,
        _("The backup from {date} is restored; the previous database is kept as {path}.").format(
            date=backups.made_at_text(summary), path=kept or "-"
        ),
    )
    return new_window


def replace_with_backup(window, backup_path: Path):  # type: ignore[no-untyped-def]
    """Put ``backup_path`` in place of the window's database (the current file is
    kept aside first) and reopen the window on it. (the new window, the kept
    file); the window is None when nothing was replaced."""
    db_path = window.ctx.db.path
    if not all(tab.can_close() for tab in window.tabs):  # unsaved edits go in first, or nothing happens
        return None, None
    window.ctx.db.close()
    try:
        result = backups.restore(backup_path, db_path)
    except (StorageError, OSError) as exc:
        show_error(window, human_sentence(exc))
        return None, None
    return reopen(window), result.kept


def recover_open_window(window, problem: str):  # type: ignore[no-untyped-def]
    """Damage found after the window opened (the background check): offer the
    newest good backup, as at start. The new window, or None."""
    db_path = window.ctx.db.path
    newest = backups.newest_good_backup(db_path)
    if newest is None:
        show_error(
            window,
            _("{problem} No good backup was found in {folder}.").format(
                problem=problem, folder=backups.backups_dir(db_path)
            ),
        )
        return None
    if not offer_backup(newest, problem, parent=window):
        window.show_status(problem)
        return None
    new_window, kept = replace_with_backup(window, newest.path)
    if new_window is not None:
        show_info(
            new_window,
            _("The backup from {date} is restored; the damaged file is kept as {path}.").format(
                date=backups.made_at_text(newest), path=kept or "-"
            ),
        )
    return new_window


def _main_window():  # type: ignore[no-untyped-def]
    """The visible main window with a database, or None."""
    from metodesk.ui.main_window import MainWindow

    app = QApplication.instance()
    for widget in app.topLevelWidgets() if app is not None else []:
        if isinstance(widget, MainWindow) and widget.ctx is not None and widget.isVisible():
            return widget
    return None


def handle_damage(problem: str) -> bool:
    """Damage met while the window reads (a text value that is not UTF-8, which
    SQLite's checks do not see, or a corrupt page) is handled like damage found
    at start: the newest good backup is offered. False when there is no window
    to do it for (the error then goes its usual way)."""
    global _recovering
    window = _main_window()
    if window is None:
        return False
    if _recovering:
        return True
    _recovering = True
    try:
        recover_open_window(window, problem)
    finally:
        _recovering = False
    return True


def reopen(window):  # type: ignore[no-untyped-def]
    """A fresh window on the (restored) database in place of ``window``; an older
    backup is migrated on the way, as at any start."""
    from metodesk.services.setup import prepare_database
    from metodesk.ui.context import AppContext
    from metodesk.ui.main_window import MainWindow

    try:
        db = prepare_database(window.ctx.db.path)
    except (StorageError, OSError) as exc:
        show_error(window, human_sentence(exc))
        return None
    new_window = MainWindow(AppContext(db))
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(db.close)
    new_window.show()
    new_window.load()
    window.close()
    return new_window
