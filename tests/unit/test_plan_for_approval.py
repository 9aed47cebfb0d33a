"""A plan printed for approval: no "Орындалуы / Выполнение" column and no
held/planned marks, in the PDF and in Word, in both languages; the command
line's --for-approval does the same."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pypdf import PdfReader
from test_plan_documents import sample

from metodesk.reports import plan_docx, plan_pdf

STATUS = {"kk": "Орындалуы", "ru": "Отметка"}
CONTENT = {"kk": "Мазмұны", "ru": "Содержание"}


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_pdf_for_approval_has_no_progress_column(lang: str) -> None:
    data = sample(count=5)
    assert STATUS[lang] in _pdf_text(plan_pdf.build(data, lang))
    text = _pdf_text(plan_pdf.build(data.for_approval(), lang))
    assert CONTENT[lang] in text and STATUS[lang] not in text
    assert ("өтті" if lang == "kk" else "проведено") not in text.lower()  # no meeting marked held


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_docx_for_approval_has_no_progress_column(lang: str) -> None:
    data = sample(count=5).for_approval()
    doc = Document(io.BytesIO(plan_docx.build(data, lang)))
    headers = [[cell.text for cell in table.rows[0].cells] for table in doc.tables[1:]]
    activities = next(row for row in headers if CONTENT[lang] in row)
    assert len(activities) == 7 and not any(STATUS[lang] in header for header in activities)
