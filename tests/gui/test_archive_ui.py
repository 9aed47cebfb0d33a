"""Associations → the association → "Archive of the year…", as a user would:
the archive is built in the background and opens in the PDF preview; the
other language is built when it is chosen there (once), and a refusal puts
the language back; an association with nothing to put in gets a sentence and
no preview."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from reportlab.pdfgen.canvas import Canvas

from metodesk.domain.errors import DomainError
from metodesk.services import associations, organisations, years
from metodesk.ui import background, common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs import archive as archive_ui
from metodesk.ui.dialogs.archive import ArchivePreviewDialog
from metodesk.ui.tabs.associations import AssociationsTab
from metodesk.ui.tabs.base import select_row_by_id


@pytest.fixture
def school(demo_database):
    db = demo_database()
    yield db
    db.close()


@pytest.fixture
def tab(qtbot, school):
    widget = AssociationsTab(AppContext(school))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.ensure_loaded()
    return widget


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: shown.append(message))
    return shown


def _choose(tab, name_start: str) -> int:
    found = next(row.id for row in tab.model.rows() if row.name_kk.startswith(name_start))
    assert select_row_by_id(tab.table, found)
    return found


def _previews(monkeypatch, use=lambda dialog: None) -> list[dict]:  # type: ignore[type-arg]
    """Replace the preview's modal loop: note what it shows, let ``use`` play the user."""
    seen: list[dict] = []  # type: ignore[type-arg]

    def fake_exec(dialog: ArchivePreviewDialog) -> int:
        use(dialog)
        seen.append(
            {
                "pages": dialog.pdf_document.pageCount(),
                "lang": dialog.lang(),
                "title": dialog.windowTitle(),
                "file": dialog.file_name(),
            }
        )
        return 0

    monkeypatch.setattr(ArchivePreviewDialog, "exec", fake_exec)
    return seen


def _finish(qtbot, task) -> None:
    qtbot.waitUntil(lambda: task.outcome != "", timeout=60_000)


def test_the_button_opens_the_archive_in_the_preview(qtbot, tab, monkeypatch, errors) -> None:
    assert not tab.archive_button.isEnabled()
    _choose(tab, "«Қазақ тілі»")
    assert tab.archive_button.isEnabled() and tab.archive_button.text() == "Archive of the year…"
    seen = _previews(monkeypatch)
    qtbot.mouseClick(tab.archive_button, Qt.MouseButton.LeftButton)
    task = background.running_tasks()[-1]
    assert task.dialog.windowTitle() == "Archive of the year"
    _finish(qtbot, task)
    assert task.outcome == "done" and errors == []
    assert len(seen) == 1
    shown = seen[0]
    assert shown["lang"] == "kk"  # the print language of Settings
    assert shown["pages"] == len(PdfReader(io.BytesIO(task.worker.result)).pages) > 10
    assert shown["title"] == (
        "Archive of the year 2025-2026: «Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі"
    )
    assert shown["file"] == "Құжаттар мұрағаты 2025-2026 «Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі.pdf"


def _small_pdf(pages: int) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for number in range(pages):
        canvas.drawString(100, 100, str(number))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_the_other_language_is_built_when_chosen_and_kept(qtbot, tab, monkeypatch, errors) -> None:
    built: list[str] = []

    def fake_build(db, association_id, year_id, lang, progress=None):  # type: ignore[no-untyped-def]
        built.append(lang)
        return _small_pdf({"kk": 3, "ru": 4}[lang])

    monkeypatch.setattr(archive_ui, "build_archive", fake_build)
    pages: list[int] = []

    def use(dialog: ArchivePreviewDialog) -> None:
        pages.append(dialog.pdf_document.pageCount())
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
        _finish(qtbot, dialog.task)
        pages.append(dialog.pdf_document.pageCount())
        assert dialog.file_name().startswith("Архив документов 2025-2026 Методическое объединение")
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("kk"))  # built already: no new task
        pages.append(dialog.pdf_document.pageCount())

    seen = _previews(monkeypatch, use)
    _choose(tab, "«Қазақ тілі»")
    tab.archive_button.click()
    _finish(qtbot, background.running_tasks()[-1])
    assert built == ["kk", "ru"] and pages == [3, 4, 3] and seen[0]["lang"] == "kk"
    assert errors == []


def test_a_refused_language_is_put_back(qtbot, tab, monkeypatch, errors) -> None:
    def fake_build(db, association_id, year_id, lang, progress=None):  # type: ignore[no-untyped-def]
        if lang == "ru":
            raise DomainError("The disk said no.")
        return _small_pdf(2)

    monkeypatch.setattr(archive_ui, "build_archive", fake_build)

    def use(dialog: ArchivePreviewDialog) -> None:
        dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
        _finish(qtbot, dialog.task)

    seen = _previews(monkeypatch, use)
    _choose(tab, "«Қазақ тілі»")
    tab.archive_button.click()
    _finish(qtbot, background.running_tasks()[-1])
    assert errors == ["The disk said no."]
    assert seen[0]["lang"] == "kk" and seen[0]["pages"] == 2


def test_an_association_without_documents_gets_a_sentence(qtbot, tab, school, monkeypatch, errors) -> None:
    with school.transaction() as s:
        ours = next(o.id for o in organisations.list_organisations(s) if o.is_ours)
        empty = associations.save_association(
            s,
            associations.AssociationInput(
                kind="class_teachers",
                name_kk="Сынып жетекшілерінің әдістемелік бірлестігі",
                name_ru="Методическое объединение классных руководителей",
                year_id=years.current_year(s).id,
                organisation_id=ours,
            ),
        )
    tab.reload(empty)
    seen = _previews(monkeypatch)
    tab.archive_button.click()
    task = background.running_tasks()[-1]
    _finish(qtbot, task)
    assert task.outcome == "failed" and seen == []
    assert errors == [
        "Сынып жетекшілерінің әдістемелік бірлестігі: there are no documents of 2025-2026 to put in an "
        "archive: no annual plan, no held meeting, no open lesson, no mentoring of its members."
    ]
