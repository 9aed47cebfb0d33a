"""The course-needs plan: the rule (a course at least once in three years,
before the attestation when it falls due first, then every three years), the
demo school's plan, and the document in Kazakh and Russian as PDF, Word and
XLSX, read back."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from docx import Document

from metodesk.documents import registry
from metodesk.documents.base import Format
from metodesk.domain.courses_plan import BEFORE_ATTESTATION, CYCLE, NO_COURSE, needs_before, planned_years
from metodesk.domain.errors import DomainError
from tests.unit.pdf_pages import page_texts

TODAY = dt.date(2026, 2, 10)
D = dt.date


def test_no_course_means_this_year_then_every_three() -> None:
    assert planned_years(None, None, 2025, 5, TODAY) == [(2025, NO_COURSE), (2028, CYCLE)]
    assert planned_years(D(2022, 11, 10), None, 2025, 5, TODAY) == [(2025, NO_COURSE), (2028, CYCLE)]


def test_a_recent_course_waits_its_three_years() -> None:
    assert planned_years(D(2024, 10, 31), None, 2025, 5, TODAY) == [(2027, CYCLE)]
    assert planned_years(D(2024, 10, 31), None, 2025, 1, TODAY) == []


def test_an_attestation_in_the_course_year_moves_the_course_before_it() -> None:
    assert needs_before(D(2023, 3, 29), D(2026, 7, 31))
    assert not needs_before(D(2024, 6, 27), D(2026, 5, 25))
    assert planned_years(D(2023, 3, 29), D(2026, 7, 31), 2025, 5, TODAY) == [
        (2025, BEFORE_ATTESTATION),
        (2028, CYCLE),
    ]
    # the attestation falls due in 2027-2028, the course turns three in it: a year earlier
    assert planned_years(D(2024, 9, 1), D(2028, 5, 1), 2025, 5, TODAY) == [
        (2026, BEFORE_ATTESTATION),
        (2029, CYCLE),
    ]


@pytest.fixture
def demo(demo_database, monkeypatch):
    monkeypatch.setenv("METODESK_TODAY", TODAY.isoformat())  # the day the demo was filled for
    return demo_database(TODAY)


def test_the_demo_plan_has_people_in_it(demo) -> None:
    kind = registry.kind("courses-plan")
    with demo.reading() as s:
        data = kind.read(s, {"from": "2025-2026", "years": 5})
        with pytest.raises(DomainError):
            kind.read(s, {"from": "2025-2026", "years": 11})
    names = {r.full_name.split()[0] for r in data.no_course}
    assert {"Жақсылықова", "Ибраев", "Оразбекова"} <= names
    assert "Төлеуова" not in names  # a course in 2025
    assert [y.start for y in data.years] == [2025, 2026, 2027, 2028, 2029]
    first = {r.full_name.split()[0]: r.reason for r in data.years[0].teachers}
    assert first["Ибраев"] == NO_COURSE and first.get("Бекова") == BEFORE_ATTESTATION
    assert {r.full_name.split()[0] for r in data.before_attestation} >= {"Бекова"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_document_in_each_language(demo, lang: str) -> None:
    kind = registry.kind("courses-plan")
    with demo.reading() as s:
        data = kind.read(s, {"from": 2025, "years": 5})
    words = {
        "kk": ("КУРСТЫҚ ДАЙЫНДЫҚ ЖОСПАРЫ", "2026-2027 оқу жылы", "Курс жоқ", "Жоспар"),
        "ru": ("ПЛАН КУРСОВОЙ ПОДГОТОВКИ", "2026-2027 учебный год", "Курсов нет", "План"),
    }[lang]
    pdf = "\n".join(page_texts(kind.build(data, lang, Format.PDF)))
    doc = Document(io.BytesIO(kind.build(data, lang, Format.DOCX)))
    word = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    for needle in words[:3]:
        assert needle in pdf and needle in word, needle
    assert "None" not in pdf and "None" not in word
    book = openpyxl.load_workbook(io.BytesIO(kind.build(data, lang, Format.XLSX)))
    plan = book[words[3]]
    header = [c.value for c in plan[4]]
    assert header[0] in ("Оқу жылы", "Учебный год") and header[2].startswith(("Педагогтің", "Фамилия"))
    rows = [r for r in plan.iter_rows(min_row=5, values_only=True)]
    assert len(rows) == sum(len(y.teachers) for y in data.years)
    assert all(isinstance(r[8], dt.datetime) or r[8] is None for r in rows)  # attestation due: a date cell
    assert not any(v == "None" for r in rows for v in r)
    assert kind.file_name(data, lang, Format.XLSX).endswith("2025-2026 – 2029-2030.xlsx")
