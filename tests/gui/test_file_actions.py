"""File menu's long work, driven as a user would: "Export the year's
documents…" writes one PDF per document in the background and says where;
Cancel leaves the folder as it was; "Export a package…" and "Import a
package…" make a round trip between two databases through the dialogs (the
preview is shown before anything is written, every tab hears of the import),
and a Cancel during the import leaves the database unchanged."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow
from sqlalchemy import func, select

from metodesk.services import exchange_import
from metodesk.services.setup import prepare_database
from metodesk.storage.models import Meeting
from metodesk.ui import background, common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs import exchange, year_documents
from metodesk.ui.dialogs.exchange import ImportPreviewDialog, PackageExportDialog
from metodesk.ui.dialogs.year_documents import YearDocumentsDialog
from metodesk.ui.file_actions import add_file_actions

TODAY = dt.date(2025, 12, 20)
ACTIONS = ("action_export_year_documents", "action_export_package", "action_import_package")


class Window(QMainWindow):
    """What the file actions need of the main window: ``ctx``, ``tabs``, ``add_action`` and a File menu."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tabs: list[Any] = []
        self.file_menu = self.menuBar().addMenu("File")
        self.file_menu.setObjectName("file_menu")
        add_file_actions(self, self.file_menu)

    def add_action(self, name: str, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def trigger(self, name: str) -> None:
        action = self.findChild(QAction, name)
        assert action is not None, name
        action.trigger()


def _window(qtbot, db) -> Window:
    win = Window(AppContext(db))
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def school(qtbot, demo_database) -> Window:
    db = demo_database(TODAY)  # what fill_demo(session, today=TODAY) makes
    yield _window(qtbot, db)
    db.close()


@pytest.fixture
def said(monkeypatch) -> dict[str, list[str]]:
    boxes: dict[str, list[str]] = {"info": [], "error": [], "confirm": [], "written": [], "opened": []}
    monkeypatch.setattr(common, "show_info", lambda parent, text: boxes["info"].append(text))
    monkeypatch.setattr(common, "show_error", lambda parent, text: boxes["error"].append(text))

    def confirm(parent, question):
        boxes["confirm"].append(question)
        return True

    monkeypatch.setattr(common, "confirm", confirm)

    def written(parent, sentence, folder):
        boxes["written"].append(sentence)
        year_documents.open_folder(folder)  # as if "Open the folder" was pressed

    monkeypatch.setattr(year_documents, "tell_written", written)
    monkeypatch.setattr(year_documents, "open_folder", lambda folder: boxes["opened"].append(str(folder)))
    return boxes


def _answer(monkeypatch, dialog_class, fill) -> list[QDialog]:
    """Replace the dialog's exec: ``fill(dialog)`` plays the user, then Export is pressed."""
    shown: list[QDialog] = []

    def fake_exec(self):
        shown.append(self)
        if fill(self) is False:
            self.reject()
        else:
            self.accept()
        return self.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)
    return shown


def _last_task() -> background.BackgroundTask:
    tasks = background.running_tasks()
    assert tasks, "a task is running"
    return tasks[-1]


def _wait(qtbot, task) -> None:
    qtbot.waitUntil(lambda: task.outcome != "", timeout=60_000)


def _snapshot(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        conn.close()


# --- the year's documents --------------------------------------------------------


def test_the_actions_are_in_the_file_menu(qtbot, db) -> None:
    win = _window(qtbot, db)
    names = [a.objectName() for a in win.file_menu.actions()]
    assert [n for n in names if n] == list(ACTIONS)
    assert names[0] == ""  # after a separator


def test_the_main_window_has_them_after_its_backup_actions(qtbot, db) -> None:
    from metodesk.ui.main_window import MainWindow

    win = MainWindow(AppContext(db))
    qtbot.addWidget(win)
    names = [a.objectName() for a in win.menuBar().actions()[0].menu().actions()]
    assert names.index("action_restore") < names.index(ACTIONS[0]) < names.index("action_quit")
    assert all(win.findChild(QAction, name) is not None for name in ACTIONS)


def test_the_year_documents_are_written_in_the_background(qtbot, school, said, monkeypatch, tmp_path) -> None:
    out = tmp_path / "documents"
    out.mkdir()

    def fill(dialog: YearDocumentsDialog) -> None:
        assert dialog.year_combo.currentText() == "2025-2026"
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
        dialog.kind_boxes["observation"].setChecked(False)
        dialog.folder_field.edit.setText(str(out))

    shown = _answer(monkeypatch, YearDocumentsDialog, fill)
    school.trigger("action_export_year_documents")
    assert shown
    task = _last_task()
    assert task.dialog.isVisible() and task.dialog.windowTitle() == "Export the year's documents"
    _wait(qtbot, task)
    assert task.outcome == "done"
    names = sorted(p.name for p in out.iterdir())
    with school.ctx.reading() as session:
        held = session.scalar(select(func.count(Meeting.id)).where(Meeting.status == "held"))
    assert sum(" - Протокол № " in n for n in names) == held
    assert sum(" - План работы 2025-2026" in n for n in names) == 3
    assert "График открытых уроков 2025-2026.pdf" in names
    assert not any("Лист наблюдения" in n for n in names)
    assert sum(" - Лист регистрации № " in n for n in names) == held
    assert "Список аттестуемых педагогов 2025-2026.pdf" in names
    assert any(n.startswith("План наставника ") for n in names)  # the school's, named by the mentee
    assert any(n.startswith("Отчёт наставника ") for n in names)
    assert said["written"] == [f"{len(names)} documents written to {out}."]
    assert said["opened"] == [str(out)]
    assert school.ctx.settings.value(year_documents.FOLDER_KEY) == str(out)


def test_the_kinds_offered_are_the_registrys_year_kinds(qtbot, school) -> None:
    from metodesk.documents import KINDS

    dialog = YearDocumentsDialog(school.ctx, school)
    qtbot.addWidget(dialog)
    expected = [kind.key for kind in KINDS if kind.year_label() is not None]
    assert list(dialog.kind_boxes) == expected and len(expected) >= 8
    assert [box.text() for box in dialog.kind_boxes.values()] == [
        kind.year_label() for kind in KINDS if kind.key in expected
    ]
    assert [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())] == ["pdf", "docx"]
    assert dialog.association_combo.count() == 4  # all, and the three associations of the year
    assert dialog.association_combo.currentData() is None


def test_one_associations_documents_in_word(qtbot, school, said, monkeypatch, tmp_path) -> None:
    from docx import Document

    out = tmp_path / "word"
    out.mkdir()
    chosen: dict[str, str] = {}

    def fill(dialog: YearDocumentsDialog) -> None:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("docx"))
        dialog.association_combo.setCurrentIndex(1)
        chosen["association"] = dialog.association_combo.currentText()
        for key, box in dialog.kind_boxes.items():
            box.setChecked(key in ("plan", "protocol", "attestation-list"))
        dialog.folder_field.edit.setText(str(out))

    _answer(monkeypatch, YearDocumentsDialog, fill)
    school.trigger("action_export_year_documents")
    task = _last_task()
    _wait(qtbot, task)
    assert task.outcome == "done", task.sentence
    names = sorted(p.name for p in out.iterdir())
    assert names and all(n.endswith(".docx") for n in names)
    assert all(n.startswith(chosen["association"][:40]) for n in names)  # the school's list is not one of its
    assert sum(" - Жұмыс жоспары " in n for n in names) == 1
    protocol = next(out / n for n in names if " - Хаттама № 1 " in n)
    text = "\n".join(p.text for p in Document(str(protocol)).paragraphs)
    assert "ХАТТАМА" in text and "None" not in text


def test_cancel_leaves_the_folder_as_it_was(qtbot, school, said, monkeypatch, tmp_path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "mine.txt").write_text("kept")
    reached, release = threading.Event(), threading.Event()
    real = year_documents.batch.step

    def slow_step(progress, done, total, text=""):
        real(progress, done, total, text)
        if done == 3:
            reached.set()
            release.wait(10)

    monkeypatch.setattr(year_documents.batch, "step", slow_step)
    _answer(monkeypatch, YearDocumentsDialog, lambda d: d.folder_field.edit.setText(str(out)))
    statuses: list[str] = []
    school.ctx.status.connect(statuses.append)
    school.trigger("action_export_year_documents")
    task = _last_task()
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    qtbot.waitUntil(lambda: "Step 4 of" in task.dialog.text_label.text(), timeout=5000)
    task.dialog.cancel_button.click()
    release.set()
    _wait(qtbot, task)
    assert task.outcome == "cancelled"
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    assert said["written"] == [] and statuses == ["The export was cancelled; no file was written."]


def test_the_dialog_refuses_with_a_sentence_under_the_field(qtbot, school, tmp_path) -> None:
    dialog = YearDocumentsDialog(school.ctx, school)
    qtbot.addWidget(dialog)
    for box in dialog.kind_boxes.values():
        box.setChecked(False)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert (
        dialog.findChild(type(dialog.general_error), "kinds_error").text()
        == "Tick at least one kind of document."
    )
    dialog.kind_boxes["plan"].setChecked(True)
    dialog.folder_field.edit.setText(str(tmp_path / "nowhere"))
    dialog.accept()
    error = dialog.findChild(type(dialog.general_error), "folder_error")
    assert "does not exist" in error.text() and dialog.request is None
    # the school's list is no association's document
    dialog.kind_boxes["plan"].setChecked(False)
    dialog.kind_boxes["attestation-list"].setChecked(True)
    dialog.folder_field.edit.setText(str(tmp_path))
    dialog.association_combo.setCurrentIndex(1)
    dialog.accept()
    assert dialog.request is None
    assert (
        dialog.findChild(type(dialog.general_error), "kinds_error").text()
        == "The association has no documents of the kinds ticked in 2025-2026."
    )
    dialog.association_combo.setCurrentIndex(0)
    dialog.accept()
    assert dialog.request is not None and dialog.request.count == 1 and dialog.request.association_id is None


def test_files_already_there_are_asked_about(qtbot, school, said, monkeypatch, tmp_path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "График открытых уроков 2025-2026.pdf").write_bytes(b"old")
    monkeypatch.setattr(common, "confirm", lambda parent, question: said["confirm"].append(question) or False)

    def fill(dialog: YearDocumentsDialog) -> None:
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
        for kind, box in dialog.kind_boxes.items():
            box.setChecked(kind == "lessons")
        dialog.folder_field.edit.setText(str(out))

    _answer(monkeypatch, YearDocumentsDialog, fill)
    school.trigger("action_export_year_documents")
    assert said["confirm"] and "will be replaced" in said["confirm"][0]
    assert background.running_tasks() == []  # "No": nothing started
    assert (out / "График открытых уроков 2025-2026.pdf").read_bytes() == b"old"


# --- exchange packages ------------------------------------------------------------


def _export_package(qtbot, win: Window, monkeypatch, out: Path) -> Path:
    def fill(dialog: PackageExportDialog) -> None:
        assert dialog.association_combo.count() == 4  # all, and the three associations
        dialog.file_field.edit.setText(str(out / "school"))

    _answer(monkeypatch, PackageExportDialog, fill)
    win.trigger("action_export_package")
    task = _last_task()
    _wait(qtbot, task)
    assert task.outcome == "done", task.sentence
    return out / "school.zip"


@pytest.fixture
def district(qtbot, tmp_path) -> Window:
    folder = tmp_path / "district"
    folder.mkdir()
    # Made anew, not copied from the template the school's database came from: the
    # records both seed must differ in UUID so that the import matches them by name.
    db = prepare_database(folder / "metodesk.sqlite3")
    yield _window(qtbot, db)
    db.close()


def test_a_package_goes_from_the_school_to_the_district_through_the_dialogs(
    qtbot, school, district, said, monkeypatch, tmp_path
) -> None:
    package = _export_package(qtbot, school, monkeypatch, tmp_path)
    assert package.is_file()
    assert said["info"][0].startswith(f"The package {package} holds ")
    said["info"].clear()

    monkeypatch.setattr(exchange, "choose_package_to_import", lambda parent, start: str(package))
    previews: list[Any] = []

    def ask(parent, path, pkg, report):
        dialog = ImportPreviewDialog(path, pkg, report, parent)
        qtbot.addWidget(dialog)
        previews.append((dialog.summary.text(), dialog.details.toPlainText(), dialog.year_label.text()))
        with district.ctx.reading() as session:  # nothing is written before the answer
            assert session.scalar(select(func.count(Meeting.id))) == 0
        return True

    monkeypatch.setattr(exchange, "ask_to_import", ask)
    areas: list[str] = []
    district.ctx.changed.connect(areas.append)
    district.trigger("action_import_package")
    preview_task = _last_task()
    _wait(qtbot, preview_task)
    assert preview_task.outcome == "done" and previews
    summary, details, year = previews[0]
    assert summary.startswith("Preview: nothing was written.") and "Added: " in summary
    assert "Meetings: 14 added, 0 changed" in details and year == "2025-2026"  # 9 of associations, 5 of the council
    import_task = _last_task()
    assert import_task is not preview_task
    _wait(qtbot, import_task)
    assert import_task.outcome == "done"
    with district.ctx.reading() as session:
        assert session.scalar(select(func.count(Meeting.id))) == 14
    assert set(exchange.ALL_AREAS) <= set(areas)
    assert said["info"] and said["info"][0].startswith("Added: ")


def test_cancel_during_the_import_leaves_the_database_unchanged(
    qtbot, school, district, said, monkeypatch, tmp_path
) -> None:
    package = _export_package(qtbot, school, monkeypatch, tmp_path)
    said["info"].clear()
    before = _snapshot(district.ctx.db.path)
    monkeypatch.setattr(exchange, "choose_package_to_import", lambda parent, start: str(package))
    armed, reached, release = threading.Event(), threading.Event(), threading.Event()
    real = exchange_import.step

    def slow_step(progress, done, total, text=""):
        real(progress, done, total, text)
        if armed.is_set() and done == 4 and not reached.is_set():
            reached.set()
            release.wait(10)

    monkeypatch.setattr(exchange_import, "step", slow_step)
    monkeypatch.setattr(exchange, "ask_to_import", lambda *a: armed.set() or True)
    areas: list[str] = []
    district.ctx.changed.connect(areas.append)
    district.trigger("action_import_package")
    _wait(qtbot, _last_task())  # the preview
    task = _last_task()  # the import
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    task.dialog.cancel_button.click()
    release.set()
    _wait(qtbot, task)
    assert task.outcome == "cancelled"
    assert said["info"] == ["The import was cancelled; the database is as it was before."]
    assert _snapshot(district.ctx.db.path) == before
    assert areas == []


def test_a_damaged_package_is_one_sentence(qtbot, district, said, monkeypatch, tmp_path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(exchange, "choose_package_to_import", lambda parent, start: str(bad))
    monkeypatch.setattr(exchange, "ask_to_import", lambda *a: pytest.fail("no preview for a damaged file"))
    district.trigger("action_import_package")
    task = _last_task()
    _wait(qtbot, task)
    assert task.outcome == "failed"
    assert len(said["error"]) == 1 and str(bad) in said["error"][0]
