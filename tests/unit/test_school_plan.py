"""The school's plan of methodical work: one per school and year, its theme,
goal, tasks and hand-typed rows, the rows drawn from the records, its way to
approval (council → pedagogical council → director, locked, reopened with a
reason), and the document in PDF and Word, Kazakh and Russian."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from metodesk.documents import registry
from metodesk.documents.base import Format
from metodesk.domain.errors import DomainError, NotFound
from metodesk.services import associations, council, meetings, school_plan, school_plan_rows, teachers, years
from metodesk.services.agenda import ItemInput, Speaker, save_item
from metodesk.services.associations import AssociationInput
from metodesk.services.meetings import MeetingInput
from metodesk.services.school_plan import RowInput
from metodesk.services.teachers import TeacherInput
from metodesk.storage.models import YearAnalysis

TODAY = dt.date(2026, 2, 10)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.fixture
def plan(db, ours):
    """A plan, the council with one held and one planned meeting, an association."""
    with db.transaction() as s:
        year = years.current_year(s)
        assert year is not None
        chair = teachers.save_teacher(
            s, TeacherInput(surname="Әбенова", first_name="Айгүл", organisation_id=ours), today=TODAY
        )
        council_id = council.ensure_council(s, year.id)
        associations.add_member(s, council_id, chair, "leader")
        held = meetings.save_meeting(
            s, MeetingInput(council_id, 1, dt.date(2025, 8, 27), "", chair, None, "held"), today=TODAY
        )
        save_item(s, held, ItemInput("Жылдық жоспар туралы", Speaker(teacher_id=chair)))
        planned = meetings.save_meeting(
            s, MeetingInput(council_id, 2, dt.date(2026, 3, 19), "", chair, None, "planned"), today=TODAY
        )
        save_item(s, planned, ItemInput("Олимпиада нәтижелері", Speaker(teacher_id=chair)))
        associations.save_association(
            s,
            AssociationInput(
                kind="primary", name_kk="Бастауыш ӘБ", name_ru="МО начальных", year_id=year.id, organisation_id=ours
            ),
        )
        plan_id = school_plan.ensure_school_plan(s, year.id)
    return {"plan": plan_id, "held": held, "planned": planned, "year": year.id}


def test_one_plan_a_year_with_its_texts_and_rows(db, plan) -> None:
    with db.transaction() as s:
        assert school_plan.ensure_school_plan(s, plan["year"]) == plan["plan"]
        school_plan.save_header(s, plan["plan"], " Тақырып ", "Мақсат", "Бірінші\n\n Екінші ")
        row = school_plan.save_row(s, plan["plan"], RowInput("monitoring", "БЖБ талдауы", "Талдау", "әр тоқсан"))
        with pytest.raises(DomainError) as err:
            school_plan.save_row(s, plan["plan"], RowInput("monitoring", "  "))
        assert err.value.field == "content"
        with pytest.raises(DomainError):
            school_plan.save_row(s, plan["plan"], RowInput("nowhere", "Х"))
        data = school_plan_rows.school_plan_data(s, plan["plan"])
    assert (data.theme, data.goal, data.tasks) == ("Тақырып", "Мақсат", ("Бірінші", "Екінші"))
    hand = [line for line in data.section("monitoring") if isinstance(line, school_plan_rows.HandLine)]
    assert [(h.row_id, h.content) for h in hand] == [(row, "БЖБ талдауы")]
    council_lines = data.section("council")
    assert [(c.number, c.topics) for c in council_lines] == [(1, ("Жылдық жоспар туралы",)), (2, ("Олимпиада нәтижелері",))]
    assert [a.name_kk for a in data.section("associations")] == ["Бастауыш ӘБ"]


def test_the_way_to_approval_and_the_lock(db, plan) -> None:
    with db.transaction() as s:
        with pytest.raises(DomainError):  # not reviewed yet
            school_plan.consider(s, plan["plan"], "1", dt.date(2025, 8, 28))
        with pytest.raises(DomainError) as err:  # a planned meeting cannot review
            school_plan.review(s, plan["plan"], plan["planned"])
        assert err.value.field == "meeting_id"
        school_plan.review(s, plan["plan"], plan["held"])
        with pytest.raises(DomainError):  # not considered yet
            school_plan.approve(s, plan["plan"], "Директор", "", dt.date(2025, 8, 29))
        with pytest.raises(DomainError) as err:  # before the review
            school_plan.consider(s, plan["plan"], "1", dt.date(2025, 8, 26))
        assert err.value.field == "pedcouncil_date"
        school_plan.consider(s, plan["plan"], "№ 1", dt.date(2025, 8, 28))
        with pytest.raises(DomainError) as err:
            school_plan.approve(s, plan["plan"], "Сейітқали Бауыржан", "", dt.date(2025, 8, 27))
        assert err.value.field == "date"
        school_plan.approve(s, plan["plan"], "Сейітқали Бауыржан", "Мектеп директоры", dt.date(2025, 8, 29))
        with pytest.raises(DomainError):
            school_plan.save_header(s, plan["plan"], "Х", "", "")
        with pytest.raises(DomainError):
            school_plan.save_row(s, plan["plan"], RowInput("monitoring", "Х"))
        with pytest.raises(DomainError) as err:
            school_plan.reopen(s, plan["plan"], "  ")
        assert err.value.field == "reason"
        school_plan.reopen(s, plan["plan"], "Жаңа бұйрық")
        data = school_plan_rows.school_plan_data(s, plan["plan"])
        assert (data.status, data.approved_on, data.reopen_reason) == ("considered", None, "Жаңа бұйрық")
        assert data.pedcouncil_number == "1" and data.review_number == 1
        school_plan.save_header(s, plan["plan"], "Х", "", "")  # unlocked again
        school_plan.withdraw(s, plan["plan"])
        data = school_plan_rows.school_plan_data(s, plan["plan"])
    assert (data.status, data.review_number, data.pedcouncil_date) == ("draft", None, None)


def test_a_new_plan_takes_last_years_tasks_from_the_analysis(db, plan, ours) -> None:
    with db.transaction() as s:
        s.add(YearAnalysis(organisation_id=ours, year_id=plan["year"], next_tasks="Бір\nЕкі"))
        s.flush()
        current = years.get_year(s, plan["year"])
        next_id = years.save_year(s, years.year_after(current))
        new_plan = school_plan.ensure_school_plan(s, next_id)
        assert school_plan_rows.school_plan_data(s, new_plan).tasks == ("Бір", "Екі")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_plan_prints_in_pdf_and_word(db, plan, lang: str) -> None:
    with db.transaction() as s:
        school_plan.save_header(s, plan["plan"], "Функционалдық сауаттылық", "Мақсат", "Бірінші міндет")
        school_plan.save_row(s, plan["plan"], RowInput("monitoring", "БЖБ талдауы", "Талдау", "әр тоқсан"))
        school_plan.review(s, plan["plan"], plan["held"])
        school_plan.consider(s, plan["plan"], "1", dt.date(2025, 8, 28))
        school_plan.approve(s, plan["plan"], "Сейітқали Бауыржан Ерланұлы", "Мектеп директоры", dt.date(2025, 8, 29))
    kind = registry.kind("school-plan")
    with db.reading() as s:
        data = kind.read(s, {"year": years.get_year(s, plan["year"]).name})
        entries = kind.in_year(s, plan["year"], None, lang)
    assert len(entries) == 1
    words = {
        "kk": ("БЕКІТЕМІН", "Педагогикалық кеңесте қаралды", "№ 1 хаттама, 2025 жылғы 28 тамыз", "Әдістемелік кеңестің № 1 отырысы"),
        "ru": ("УТВЕРЖДАЮ", "Рассмотрено на педагогическом совете", "протокол № 1 от 28 августа 2025 г.", "Заседание методического совета № 1"),
    }
    for text in (pdf_text(kind.build(data, lang, Format.PDF)), docx_text(kind.build(data, lang, Format.DOCX))):
        for word in words[lang]:
            assert word in text, word
        assert "Б.Е. Сейітқали" in text and "БЖБ талдауы" in text and "Жылдық жоспар туралы" in text
        assert "None" not in text


def test_a_year_without_a_plan_is_one_sentence(db, ours) -> None:
    with db.reading() as s, pytest.raises(NotFound):
        registry.kind("school-plan").read(s, {})


def test_the_demo_school_has_an_approved_plan(demo_database) -> None:
    database = demo_database(TODAY)
    with database.reading() as s:
        year = years.current_year(s)
        assert year is not None
        found = school_plan.find_school_plan(s, year.id)
        assert found is not None
        data = school_plan_rows.school_plan_data(s, found)
    database.close()
    assert data.status == "approved" and data.theme and len(data.tasks) >= 3
    assert len(data.section("council")) >= 4 and data.section("lessons") and data.section("associations")
