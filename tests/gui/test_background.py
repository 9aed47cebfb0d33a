"""Long work off the window's thread (metodesk.ui.background): the progress a
worker reports reaches the dialog, Cancel stops the work between steps and its
transaction rolls back, an error comes back as one sentence, the window's
thread keeps running while the work runs, and the database is usable from the
worker's thread."""

from __future__ import annotations

import logging
import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError
from metodesk.services import organisations, teachers
from metodesk.storage.models import Teacher
from metodesk.ui import background, common
from metodesk.ui.background import Cancelled, Progress, run_in_background


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    win.setObjectName("test_window")
    qtbot.addWidget(win)
    win.show()
    return win


def _teachers(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count(Teacher.id)))


def _gone(dialog) -> bool:
    """The progress dialog is closed (and perhaps already deleted)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _finished(qtbot, task, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: task.outcome != "", timeout=timeout)


def test_progress_reaches_the_dialog_and_the_result_comes_back(qtbot, window) -> None:
    release = threading.Event()
    results: list[object] = []
    threads: list[int] = []

    def work(progress: Progress) -> str:
        threads.append(threading.get_ident())
        progress.report(1, 3, "Writing the second document…")
        release.wait(10)
        progress.report(3, 3, "Done soon.")
        return "the result"

    task = run_in_background(window, "Export", work, on_done=results.append)
    dialog = task.dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Export"
    qtbot.waitUntil(lambda: "Writing the second document…" in dialog.text_label.text(), timeout=5000)
    assert "Step 2 of 3" in dialog.text_label.text()
    assert (dialog.value(), dialog.maximum()) == (1, 3)
    assert task.running and results == []
    release.set()
    _finished(qtbot, task)
    assert task.outcome == "done" and results == ["the result"]
    assert threads and threads[0] != threading.get_ident(), "the work ran on another thread"
    assert _gone(dialog) and not task.running


def test_cancel_stops_between_steps_and_the_transaction_rolls_back(qtbot, window, db, ours) -> None:
    before = _teachers(db)
    reached, release = threading.Event(), threading.Event()
    steps: list[int] = []
    cancelled: list[bool] = []

    def work(progress: Progress) -> None:
        with db.transaction() as session:
            for number in range(5):
                progress.report(number, 5, f"Teacher {number}")
                teachers.save_teacher(
                    session,
                    teachers.TeacherInput(surname=f"Уақытша{number}", first_name="А", organisation_id=ours),
                )
                session.flush()
                steps.append(number)
                if number == 1:
                    reached.set()
                    release.wait(10)

    task = run_in_background(window, "Adding", work, on_cancelled=lambda: cancelled.append(True))
    qtbot.waitUntil(reached.is_set, timeout=5000)
    task.dialog.cancel_button.click()
    assert task.progress.cancelled
    assert task.dialog.isVisible(), "the dialog stays until the work has stopped"
    assert "Stopping" in task.dialog.text_label.text()
    assert not task.dialog.cancel_button.isEnabled()
    release.set()
    _finished(qtbot, task)
    assert task.outcome == "cancelled" and cancelled == [True]
    assert steps == [0, 1], "no step ran after Cancel"
    assert _teachers(db) == before, "the two teachers added before Cancel were rolled back"


def test_escape_and_the_close_box_ask_to_stop_instead_of_hiding(qtbot, window) -> None:
    release = threading.Event()

    def work(progress: Progress) -> None:
        while not release.wait(0.01):
            progress.check()

    task = run_in_background(window, "Long", work)
    task.dialog.reject()  # what Esc does
    assert task.dialog.isVisible() and task.progress.cancelled
    task.dialog.close()
    assert task.dialog.isVisible()
    _finished(qtbot, task)
    assert task.outcome == "cancelled"
    assert _gone(task.dialog)


def test_a_refusal_becomes_its_own_sentence(qtbot, window) -> None:
    said: list[str] = []

    def work(progress: Progress) -> None:
        raise DomainError("Бұл жылдың құжаттары жоқ.")

    task = run_in_background(window, "Export", work, on_failed=said.append)
    _finished(qtbot, task)
    assert task.outcome == "failed" and said == ["Бұл жылдың құжаттары жоқ."]


def test_an_unexpected_error_is_one_sentence_and_a_logged_traceback(
    qtbot, window, monkeypatch, caplog
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda parent, text: shown.append(text))

    def work(progress: Progress) -> None:
        progress.report(0, 2, "First")
        raise ZeroDivisionError("the details only the log needs")

    with caplog.at_level(logging.ERROR, logger="metodesk"):
        task = run_in_background(window, "Export", work)
        _finished(qtbot, task)
    assert task.outcome == "failed"
    assert len(shown) == 1 and shown[0].startswith("Something went wrong")
    assert "ZeroDivisionError" not in shown[0]
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is ZeroDivisionError]
    assert logged, "the traceback is in the log"


def test_the_window_thread_keeps_running_while_the_work_runs(qtbot, window) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    seen: list[str] = []

    def work(progress: Progress) -> int:
        total = 0
        began = time.perf_counter()
        step = 0
        while time.perf_counter() - began < 0.6:  # busy Python work, holding the GIL between switches
            total += sum(i * i for i in range(2000))
            progress.report(step % 10, 10, "Counting")
            step += 1
        return total

    task = run_in_background(window, "Busy", work, on_done=lambda _result: seen.append("done"))
    _finished(qtbot, task)
    timer.stop()
    assert seen == ["done"]
    # the timer fired all along: more than 20 ticks in 0.6 s, no gap longer than 0.25 s
    assert len(ticks) > 20, len(ticks)
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.25, max(gaps)


def test_progress_raises_cancelled_once_asked() -> None:
    progress = Progress()
    progress.report(0, 2, "a")
    assert progress.take() == (0, 2, "a") and progress.take() is None
    progress.cancel()
    assert progress.cancelled
    with pytest.raises(Cancelled):
        progress(1, 2, "b")  # a Progress is itself a service's callback
    assert progress.take() == (1, 2, "b")


def test_stop_all_cancels_and_waits(qtbot, window) -> None:
    def work(progress: Progress) -> None:
        while True:
            progress.check()
            time.sleep(0.01)

    task = run_in_background(window, "Endless", work)
    background.stop_all()
    assert task.worker.isFinished()
    _finished(qtbot, task)
    assert task.outcome == "cancelled" and background.running_tasks() == []


def test_the_database_serves_a_worker_thread(db, ours) -> None:
    """SQLAlchemy's pool hands the worker a connection the window's thread
    opened (check_same_thread is off for a file database), and what the
    worker commits the window reads."""
    with db.reading() as session:
        assert organisations.ours(session).id == ours  # a connection is made and pooled here
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with db.transaction() as session:
                teachers.save_teacher(
                    session, teachers.TeacherInput(surname="Жұмысшы", first_name="Ә", organisation_id=ours)
                )
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(10)
    assert errors == []
    with db.reading() as session:
        assert session.scalar(select(func.count(Teacher.id)).where(Teacher.surname == "Жұмысшы")) == 1


def test_the_collector_waits_while_work_runs_on_another_thread(qtbot) -> None:
    """A collection on the worker could free the window's Qt objects on the
    wrong thread (a segmentation fault seen during a year's export): the
    collector is held off while a task runs and runs again once it is done."""
    import gc
    import threading

    from metodesk.ui import background

    gc.enable()
    seen: list[bool] = []
    release = threading.Event()

    def work(progress):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        release.wait(5)
        return "ok"

    done: list[str] = []
    task = background.run_in_background(None, "t", work, on_done=done.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [False] and not gc.isenabled()
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == ["ok"] and not task.running
    assert gc.isenabled()
