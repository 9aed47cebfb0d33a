"""Long work off the window's thread, with a progress dialog that can be cancelled.

``run_in_background(parent, title, work, on_done=…)`` runs ``work(progress)``
on a worker thread while a window-modal progress dialog shows "step i of n"
and a sentence; the window keeps repainting and answering, only its input is
held while the dialog is up. ``work`` never touches a widget: it reads and
writes through its own sessions (``db.transaction()`` / ``db.reading()``;
the SQLite engine hands a thread its own pooled connection) and reports with
``progress.report(done, total, text)``, which is also a service's progress
callback (``metodesk.services.progress``).

Cancel sets a flag; the next ``report`` (or ``progress.check()``) raises
``Cancelled`` inside the work, so its transaction rolls back and its partial
files go, as on any error. The outcome comes back on the window's thread: the
result to ``on_done``, a cancel to ``on_cancelled``, an error as one sentence
in the user's language (``human_sentence``) to ``on_failed`` or an error box;
an unexpected error's traceback goes to the log.

Progress is not sent as one signal per step: the worker leaves its latest
state in a slot the dialog polls a few times a second (as Anki's progress
manager does), so an import of many thousand rows cannot flood the event queue.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QPushButton, QWidget

from metodesk import logs
from metodesk.domain.errors import DomainError, StorageError
from metodesk.i18n import _
from metodesk.services.progress import Cancelled
from metodesk.ui import common
from metodesk.ui.errors import human_sentence

__all__ = ["BackgroundTask", "Cancelled", "Progress", "run_in_background"]

log = logs.get_logger(__name__)

POLL_MS = 80  # how often the dialog takes the worker's latest state
EXPECTED = (DomainError, StorageError, OSError)  # a sentence is enough; no traceback needed


class Progress:
    """What the work function is handed. Safe to use from the worker thread:
    it only stores numbers and a sentence under a lock and reads a flag."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: tuple[int, int, str] | None = None
        self._stop = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        """``done`` steps of ``total`` are behind; ``text`` says what comes now.
        Raises ``Cancelled`` once the user has pressed Cancel."""
        with self._lock:
            self._latest = (done, total, text)
        self.check()

    __call__ = report  # a Progress is itself a service's progress callback

    def check(self) -> None:
        """Raise ``Cancelled`` when the user has asked to stop."""
        if self._stop.is_set():
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        self._stop.set()

    def take(self) -> tuple[int, int, str] | None:
        """The state reported since the last take, or None (window thread)."""
        with self._lock:
            latest, self._latest = self._latest, None
        return latest


class ProgressDialog(QProgressDialog):
    """Window-modal; Cancel (the button, Esc or the close box) asks the work to
    stop and says so, and the dialog stays until the work has stopped."""

    def __init__(self, title: str, text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("ProgressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.text_label = QLabel()
        self.text_label.setObjectName("progress_text")
        self.text_label.setWordWrap(True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setLabel(self.text_label)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.setCancelButton(self.cancel_button)
        # QProgressDialog hides itself on Cancel; here Cancel only asks, and
        # the dialog goes when the work has actually stopped.
        self.canceled.disconnect(self.cancel)
        self.canceled.connect(self._ask_to_stop)
        self.stop_requested = False
        self.finished_work = False
        self.setMinimumWidth(480)
        self.setRange(0, 0)
        self.setValue(0)
        self.show_step(0, 0, text)

    def show_step(self, done: int, total: int, text: str) -> None:
        if self.stop_requested:
            return
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
            step = _("Step {done} of {total}").format(done=min(done + 1, total), total=total)
            self.text_label.setText(f"{text}\n{step}" if text else step)
        else:
            self.setRange(0, 0)
            self.text_label.setText(text)

    @Slot()
    def _ask_to_stop(self) -> None:
        if self.stop_requested or self.finished_work:
            return
        self.stop_requested = True
        self.cancel_button.setEnabled(False)
        self.text_label.setText(_("Stopping; what was done so far is being undone…"))

    def reject(self) -> None:
        """Esc, and QDialog's own close: only ask while the work runs."""
        if self.finished_work:
            super().reject()
        else:
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finished_work:
            super().closeEvent(event)
            return
        event.ignore()
        self.canceled.emit()


class _Worker(QThread):
    """Runs the work; the outcome is read on the window's thread after
    ``finished`` (which Qt queues there)."""

    def __init__(self, work: Callable[[Progress], Any], progress: Progress) -> None:
        super().__init__()
        self.setObjectName("background_worker")
        self.work = work
        self.progress = progress
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False

    def run(self) -> None:
        try:
            self.result = self.work(self.progress)
        except Cancelled:
            self.was_cancelled = True
        except BaseException as exc:  # noqa: BLE001 — every error becomes a sentence on the window's thread
            self.error = exc


_running: set[BackgroundTask] = set()  # kept alive until they finish
_quit_hooked = False
_collector_held = 0  # tasks running while the collector is held off (see _hold_collector)


def _hold_collector() -> bool:
    """Keep Python's cyclic garbage collector from running while work runs on
    another thread. A collection runs in whichever thread happens to allocate;
    run on the worker it may free a Qt object the window's thread made, and Qt
    objects must die on their own thread (seen: a segmentation fault during a
    year's export). The first task holds it off; the last to finish lets it run."""
    global _collector_held
    if _collector_held == 0 and not gc.isenabled():
        return False  # paused by the start itself (metodesk.__main__): that pause ends on its own
    if _collector_held == 0:
        gc.disable()
    _collector_held += 1
    return True


def _release_collector() -> None:
    global _collector_held
    if _collector_held == 0:
        return
    _collector_held -= 1
    if _collector_held == 0:
        gc.enable()  # the next collection runs on the window's thread


class BackgroundTask(QObject):
    """One piece of work on its thread, with its dialog. ``finished`` state is
    in ``outcome``: "done", "cancelled" or "failed"."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        text: str = "",
    ) -> None:
        super().__init__()
        self.parent_widget = parent
        self.on_done, self.on_cancelled, self.on_failed = on_done, on_cancelled, on_failed
        self.progress = Progress()
        self.outcome = ""
        self.sentence = ""
        self.dialog = ProgressDialog(title, text or _("Working…"), parent)
        self.dialog.canceled.connect(self.progress.cancel)
        self.worker = _Worker(work, self.progress)
        self.worker.finished.connect(self._finished)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.holds_collector = False

    def start(self) -> BackgroundTask:
        _running.add(self)
        self.holds_collector = _hold_collector()
        _hook_quit()
        self.dialog.show()
        self.timer.start()
        self.worker.start()
        return self

    @property
    def running(self) -> bool:
        return self in _running

    def cancel(self) -> None:
        """What the Cancel button does."""
        self.dialog.canceled.emit()

    def wait(self, ms: int = 30_000) -> bool:
        """Block until the thread ends (the outcome is still delivered by the
        event loop); for quitting and for tests."""
        return self.worker.wait(ms)

    @Slot()
    def _poll(self) -> None:
        latest = self.progress.take()
        if latest is not None:
            self.dialog.show_step(*latest)

    @Slot()
    def _finished(self) -> None:
        self.timer.stop()
        self._poll()
        self.dialog.finished_work = True
        self.dialog.close()
        self.dialog.deleteLater()
        worker = self.worker
        _running.discard(self)
        if self.holds_collector:
            self.holds_collector = False
            _release_collector()
        worker.deleteLater()
        if worker.was_cancelled:
            self.outcome = "cancelled"
            if self.on_cancelled is not None:
                self.on_cancelled()
        elif worker.error is not None:
            self.outcome = "failed"
            self._failed(worker.error)
        else:
            self.outcome = "done"
            if self.on_done is not None:
                self.on_done(worker.result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, EXPECTED):
            log.info("Background work refused: %s", exc)
        else:
            log.error("Background work failed", exc_info=(type(exc), exc, exc.__traceback__))
        self.sentence = human_sentence(exc)
        if self.on_failed is not None:
            self.on_failed(self.sentence)
        else:
            common.show_error(self.parent_widget, self.sentence)


def run_in_background(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    text: str = "",
) -> BackgroundTask:
    """Start ``work(progress)`` on a worker thread with a progress dialog over
    ``parent``; the callbacks run on the window's thread. ``text`` is the
    sentence shown before the work reports anything."""
    return BackgroundTask(parent, title, work, on_done, on_cancelled, on_failed, text).start()


def _hook_quit() -> None:
    """When the program quits with work still running, stop it and wait, so
    no thread is torn down half-way (its transaction rolls back)."""
    global _quit_hooked
    app = QApplication.instance()
    if _quit_hooked or app is None:
        return
    app.aboutToQuit.connect(stop_all)
    _quit_hooked = True


def running_tasks() -> list[BackgroundTask]:
    """The tasks whose work has not finished yet."""
    return list(_running)


def stop_all(ms: int = 30_000) -> None:
    """Cancel every running task and wait for its thread."""
    for task in list(_running):
        task.progress.cancel()
    for task in list(_running):
        task.wait(ms)
