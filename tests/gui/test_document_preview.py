"""The one preview dialog of every document kind (ui/dialogs/document_preview):
each kind of the registry opens in it on the demo school, switches language,
and saves each of its formats under the registry's file name in the
document's language, the folder remembered per format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton
from sqlalchemy import select

from metodesk.documents import KINDS, kind
from metodesk.documents.base import Format
from metodesk.domain.academic_year import today
from metodesk.domain.attestation import attestation_year
from metodesk.services import years
from metodesk.storage.models import Meeting, MentoringPair, Plan, Teacher
from metodesk.storage.models.lessons import Lesson, Observation
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.document_preview import (
    BUTTON_NAMES,
    FOLDER_KEYS,
    DocumentPreviewDialog,
    open_document,
)

TODAY = dt.date(2025, 12, 20)
MAGIC = {Format.PDF: b"%PDF", Format.DOCX: b"PK\x03\x04", Format.XLSX: b"PK\x03\x04"}


@pytest.fixture
def school(demo_database):
    db = demo_database(TODAY)
    ctx = AppContext(db)
    with db.reading() as s:
        first = attestation_year(today())
        found = {
            "plan": {"plan": s.scalar(select(Plan.id).order_by(Plan.id))},
            "protocol": {"meeting": s.scalar(select(Meeting.id).where(Meeting.status == "held").order_by(Meeting.id))},
            "attendance": {"meeting": s.scalar(select(Meeting.id).where(Meeting.status == "held").order_by(Meeting.id))},
            "lessons": {"year_id": years.current_year(s).id, "association": None},
            "observation": {"observation": s.scalar(select(Observation.id).order_by(Observation.id))},
            "observation-blank": {"lesson": s.scalar(select(Lesson.id).where(Lesson.status == "planned").order_by(Lesson.id))},
            "mentoring-plan": {"pair": s.scalar(select(MentoringPair.id).order_by(MentoringPair.id))},
            "mentoring-report": {"pair": s.scalar(select(MentoringPair.id).order_by(MentoringPair.id))},
            "attestation-plan": {"from": first, "years": 5, "organisation": None},
            "attestation-list": {"year": first, "organisation": None},
            "archive": {"association": s.scalar(select(Plan.association_id).order_by(Plan.id))},
            "portfolio": {"teacher": s.scalar(select(Teacher.id).order_by(Teacher.id))},
            "courses-plan": {"from": first, "years": 5},
        }
        year_id = years.current_year(s).id
        for key in ("council-protocol", "reviewed-documents", "school-plan", "year-analysis"):
            found[key] = kind(key).example(s, year_id)
    ids = [v for request in found.values() for k, v in request.items() if k not in ("association", "organisation")]
    assert None not in ids, found  # the demo school has one of each
    yield ctx, found
    db.close()


def test_every_registered_kind_has_a_request_here(school) -> None:
    _ctx, found = school
    assert sorted(found) == sorted(kind.key for kind in KINDS)


@pytest.mark.parametrize("key", [kind.key for kind in KINDS])
def test_every_kind_previews_and_saves_each_of_its_formats(qtbot, monkeypatch, tmp_path, school, key) -> None:
    ctx, found = school
    dialog = DocumentPreviewDialog(ctx, key, found[key], "kk")
    qtbot.addWidget(dialog)
    assert dialog.pdf_document.pageCount() >= 1
    assert dialog.windowTitle().endswith(": preview") or key == "archive"  # "Archive of the year …: association"
    kind = dialog.kind
    assert [b.objectName() for b in dialog.save_buttons.values()] == [BUTTON_NAMES[f] for f in kind.formats]
    for fmt in set(Format) - set(kind.formats):
        assert dialog.findChild(QPushButton, BUTTON_NAMES[fmt]) is None
    kk_text = dialog.pdf_document.getAllText(0).text()
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("ru"))
    assert dialog.pdf_document.getAllText(0).text() != kk_text  # built again in Russian
    suggested: list[str] = []

    def save_name(_parent, _caption, proposed, _filter):
        suggested.append(proposed)
        folder = tmp_path / Path(proposed).suffix.lstrip(".")
        folder.mkdir(exist_ok=True)
        return str(folder / Path(proposed).name), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    for fmt in kind.formats:
        dialog.save_buttons[fmt].click()
        path = tmp_path / fmt.value / kind.file_name(dialog.data, "ru", fmt)
        assert path.read_bytes().startswith(MAGIC[fmt]), (key, fmt)
        assert ctx.settings.value(FOLDER_KEYS[fmt]) == str(path.parent)
    assert [Path(p).name for p in suggested] == [kind.file_name(dialog.data, "ru", f) for f in kind.formats]
    assert all(not any(c in Path(p).name for c in '\\/:*?"<>|') for p in suggested)


def test_an_empty_blank_form(qtbot, monkeypatch, school) -> None:
    ctx, _found = school
    seen: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        DocumentPreviewDialog,
        "exec",
        lambda d: seen.append((d.file_name(), d.file_name(Format.DOCX), d.windowTitle())) or 0,
    )
    assert open_document(ctx, "observation-blank", {}, None, "ru")
    assert seen == [
        (
            "Лист наблюдения урока (бланк).pdf",
            "Лист наблюдения урока (бланк).docx",
            "Blank observation sheet: preview",
        )
    ]


def test_a_wrong_request_is_one_sentence(qtbot, monkeypatch, school) -> None:
    ctx, _found = school
    shown: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: shown.append(message))
    monkeypatch.setattr(DocumentPreviewDialog, "exec", lambda _d: pytest.fail("nothing to preview"))
    assert not open_document(ctx, "attestation-list", {"year": 1999}, None)
    assert not open_document(ctx, "mentoring-plan", {"pair": 99999}, None)
    assert not open_document(ctx, "observation", {"observation": 99999}, None)
    assert len(shown) == 3 and shown[0] == "There is no academic year 1999-2000."
    assert all(s.endswith(".") and "Traceback" not in s for s in shown)
