"""The last line of defence: an error no screen caught is written to the log
with its traceback, and the user reads one sentence instead."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from metodesk import logs
from metodesk.domain.errors import DomainError, StorageError
from metodesk.i18n import _

log = logs.get_logger(__name__)

_showing = False  # an error while the box is open is logged, not stacked


def human_sentence(exc: BaseException) -> str:
    """What to tell the user about ``exc``: its own sentence when it has one."""
    if isinstance(exc, (DomainError, StorageError)):
        return str(exc)
    if isinstance(exc, OSError):
        from metodesk.files import FileWriteError

        if isinstance(exc, FileWriteError):  # names the file and the reason in the user's language
            return str(exc)
        return _("Cannot write or read {path}: {reason}.").format(
            path=exc.filename or "", reason=exc.strerror or exc
        )
    return _(
        "Something went wrong and the last action may not have finished; the details are in {path}."
    ).format(path=logs.log_path())


def show_unexpected(message: str) -> None:
    """The message box for an error that reached the top (tests replace it)."""
    box = QMessageBox(QMessageBox.Icon.Critical, _("metodesk"), message, QMessageBox.StandardButton.Ok)
    box.setObjectName("unexpected_error_box")
    box.exec()


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the window: log the traceback, show one sentence."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    log.error("Unhandled error", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    if _showing:
        return
    _showing = True
    try:
        show_unexpected(human_sentence(exc))
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = handle_exception
