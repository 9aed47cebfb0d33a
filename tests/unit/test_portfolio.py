"""The teacher's methodical portfolio: its sections read from the records
(card, category history, courses, self-education, experience, events with the
teacher's role, open lessons with the sheets' average, mentoring, pupils'
results), and the document in Kazakh and Russian as PDF and Word, read back;
a teacher with no records gets "nothing recorded" in every section."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from sqlalchemy import select

from metodesk.documents import registry
from metodesk.documents.base import Format
from metodesk.domain.errors import DomainError
from metodesk.services import portfolio, teachers
from metodesk.storage.models import Teacher
from tests.unit.pdf_pages import page_texts

TODAY = dt.date(2026, 2, 10)


def _docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


@pytest.fixture
def demo_db(demo_database):
    return demo_database(TODAY)


def _id(db, surname: str) -> int:
    with db.reading() as s:
        return s.scalar(select(Teacher.id).where(Teacher.surname == surname))


def test_sections_come_from_the_records(demo_db) -> None:
    with demo_db.reading() as s:
        data = portfolio.portfolio_data(s, _id(demo_db, "Қасымов"), TODAY)
    assert data.card.full_name.startswith("Қасымов") and data.card.experience_years is not None
    assert len(data.courses) == 2 and data.courses[0].end_date >= data.courses[1].end_date
    assert [x.topic for x in data.self_education] == ["Физикадан зертханалық жұмыстарды цифрлық құралдармен өткізу"]
    assert [x.topic for x in data.experience] == ["Физикадан цифрлық зертхана"]
    assert data.pupils and {p.pupil for p in data.pupils} == {"Мұратов Диас"}
    assert all(data.role_at(e)[0] for e in data.events)
    assert data.lessons and all(x.percent is None or 0 <= x.percent <= 100 for x in data.lessons)


def test_unknown_teacher_is_a_sentence(demo_db) -> None:
    with demo_db.reading() as s, pytest.raises(DomainError):
        registry.kind("portfolio").read(s, {"teacher": 9999})


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_pdf_and_word_say_the_same_in_each_language(demo_db, lang: str) -> None:
    kind = registry.kind("portfolio")
    with demo_db.reading() as s:
        data = kind.read(s, {"teacher": _id(demo_db, "Нұрғалиева")})
    pdf = "\n".join(page_texts(kind.build(data, lang, Format.PDF)))
    word = _docx_text(kind.build(data, lang, Format.DOCX))
    expected = {
        "kk": ["ӘДІСТЕМЕЛІК ПОРТФОЛИО", "Біліктілік санатының тарихы", "Өздігінен білім алу", "аудандық", "шеберлік сынып"],
        "ru": ["МЕТОДИЧЕСКОЕ ПОРТФОЛИО", "История квалификационной категории", "Самообразование", "районный", "мастер-класс"],
    }[lang]
    for needle in [*expected, "Зерттеу сабағы арқылы", "Ахметова Әйгерім"]:
        assert needle in word, needle
        assert needle.split()[0].split("-")[0] in pdf, needle
    assert "None" not in pdf and "None" not in word
    assert kind.file_name(data, lang, Format.DOCX).endswith("Нұрғалиева Ә.Б.docx")


def test_a_teacher_without_records_gets_nothing_recorded(db, ours) -> None:
    with db.transaction() as s:
        tid = teachers.save_teacher(
            s, teachers.TeacherInput(surname="Жаңа", first_name="Мұғалім", organisation_id=ours), today=TODAY
        )
    kind = registry.kind("portfolio")
    with db.reading() as s:
        data = kind.read(s, {"teacher": tid})
    text = _docx_text(kind.build(data, "kk", Format.DOCX))
    assert text.count("Жазба жоқ.") == 8
    assert "Жазба жоқ." in "\n".join(page_texts(kind.build(data, "kk", Format.PDF)))
