"""The methodical council (Order No. 253 items 2.2, 27, 31): one per school and
year, kept out of the associations' list, its composition and basis, its
meetings in the associations' machinery with the council's own protocol
heading (PDF and Word, kk and ru), the reviewing body's conclusion, and the
register of reviewed documents of every body."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from metodesk.documents import registry
from metodesk.documents.base import Format
from metodesk.domain.errors import DomainError, NotFound
from metodesk.services import associations, council, meetings, protocol_rows, reviewed_documents, teachers, years
from metodesk.services.agenda import ItemInput, Speaker, save_item
from metodesk.services.associations import AssociationInput
from metodesk.services.meetings import MeetingInput
from metodesk.services.reviewed_documents import DocumentInput
from metodesk.services.teachers import TeacherInput

TODAY = dt.date(2026, 2, 10)
HEADINGS = {
    "kk": "Әдістемелік кеңес отырысының № 1 ХАТТАМАСЫ",
    "ru": "ПРОТОКОЛ № 1 заседания методического совета",
}


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def _year(session) -> int:
    year = years.current_year(session)
    assert year is not None
    return year.id


def _teacher(session, org: int, surname: str) -> int:
    return teachers.save_teacher(
        session, TeacherInput(surname=surname, first_name="Айгүл", organisation_id=org), today=TODAY
    )


@pytest.fixture
def setup(db, ours):
    """A council with a chair, a secretary and a member, one association, and
    a held council meeting with one agenda item."""
    with db.transaction() as s:
        year_id = _year(s)
        chair, secretary, member = (_teacher(s, ours, name) for name in ("Әбенова", "Бекова", "Сәрсенова"))
        council_id = council.ensure_council(s, year_id)
        for teacher_id, role in ((chair, "leader"), (secretary, "secretary"), (member, "member")):
            associations.add_member(s, council_id, teacher_id, role)
        assoc_id = associations.save_association(
            s,
            AssociationInput(
                kind="primary", name_kk="Бастауыш ӘБ", name_ru="МО начальных классов", year_id=year_id, organisation_id=ours
            ),
        )
        meeting_id = meetings.save_meeting(
            s,
            MeetingInput(council_id, 1, dt.date(2025, 8, 27), "Кабинет", chair, secretary, "held"),
            today=TODAY,
        )
        item_id = save_item(s, meeting_id, ItemInput("Жоспарлар туралы", Speaker(teacher_id=chair), "Баяндама."))
    return {
        "year": year_id, "council": council_id, "assoc": assoc_id, "meeting": meeting_id, "item": item_id,
        "chair": chair, "member": member,
    }


def test_one_council_per_year_created_on_demand_and_not_an_association(db, setup) -> None:
    with db.transaction() as s:
        assert council.ensure_council(s, setup["year"]) == setup["council"]
        assert council.find_council(s, setup["year"]) == setup["council"]
        assert [r.id for r in associations.list_associations(s, setup["year"])] == [setup["assoc"]]
        assert associations.count_associations(s, setup["year"]) == 1
        detail = council.get_council(s, setup["council"])
        assert detail.chair is not None and detail.chair.teacher_id == setup["chair"]
        assert detail.secretary is not None and len(detail.members) == 3
        with pytest.raises(NotFound):
            council.get_council(s, setup["assoc"])  # an association is not the council


def test_the_basis_is_kept_without_its_number_sign(db, setup) -> None:
    with db.transaction() as s:
        council.set_basis(s, setup["council"], " № 45-н ", dt.date(2025, 8, 25))
    with db.reading() as s:
        detail = council.get_council(s, setup["council"])
    assert (detail.order_number, detail.order_date) == ("45-н", dt.date(2025, 8, 25))


def test_meetings_are_numbered_per_year_and_found_by_number(db, setup) -> None:
    with db.transaction() as s:
        assert meetings.next_number(s, setup["council"], setup["year"]) == 2
        assert council.find_council_meeting(s, setup["year"], 1) == setup["meeting"]
        assert [m.number for m in council.council_meetings(s, setup["year"])] == [1]
        with pytest.raises(NotFound):
            council.find_council_meeting(s, setup["year"], 7)


def test_a_document_returned_for_revision_needs_its_reason_and_is_not_approved(db, setup) -> None:
    with db.transaction() as s:
        with pytest.raises(DomainError) as err:
            reviewed_documents.review_at_item(s, setup["item"], DocumentInput("authored_programme", "Өлкетану", conclusion="revision"))
        assert err.value.field == "conclusion_reason"
        with pytest.raises(DomainError) as err:
            reviewed_documents.review_at_item(
                s,
                setup["item"],
                DocumentInput(
                    "authored_programme", "Өлкетану", approved_on=dt.date(2025, 9, 1),
                    conclusion="revision", conclusion_reason="нәтижелер нақтыланбаған",
                ),
            )
        assert err.value.field == "approved_on"
        with pytest.raises(DomainError):
            reviewed_documents.review_at_item(s, setup["item"], DocumentInput("other", "Х", conclusion="maybe"))


def _review_two(db, setup) -> None:
    with db.transaction() as s:
        reviewed_documents.review_at_item(
            s, setup["item"],
            DocumentInput(
                "elective_programme", "Функционалдық сауаттылық", setup["member"],
                approved_on=dt.date(2025, 8, 29), conclusion="positive",
            ),
        )
        reviewed_documents.review_at_item(
            s, setup["item"],
            DocumentInput("authored_programme", "Өлкетану", conclusion="revision", conclusion_reason="нәтижелер нақтыланбаған"),
        )
        reviewed_documents.save_document(s, setup["assoc"], DocumentInput("calendar_plan", "Математика, 1-сынып"))


def test_the_register_covers_both_bodies_with_conclusions(db, setup) -> None:
    _review_two(db, setup)
    with db.reading() as s:
        rows = reviewed_documents.year_register(s, setup["year"])
    assert [(r.title, r.conclusion, r.body("ru")) for r in rows] == [
        ("Функционалдық сауаттылық", "positive", "Методический совет"),
        ("Өлкетану", "revision", "Методический совет"),
        ("Математика, 1-сынып", "", "МО начальных классов"),
    ]
    assert rows[1].conclusion_reason == "нәтижелер нақтыланбаған"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_council_protocol_has_its_own_heading_in_pdf_and_word(db, setup, lang: str) -> None:
    _review_two(db, setup)
    kind = registry.kind("council-protocol")
    with db.reading() as s:
        year = years.get_year(s, setup["year"])
        data = kind.read(s, {"number": 1, "year": year.name})
        assert data.council and not protocol_rows.protocol_data(s, setup["meeting"]).district
    pdf, word = pdf_text(kind.build(data, lang, Format.PDF)), docx_text(kind.build(data, lang, Format.DOCX))
    revision = {"kk": "пысықтауға қайтарылсын: нәтижелер нақтыланбаған", "ru": "вернуть на доработку: нәтижелер нақтыланбаған"}
    positive = {"kk": "бекітуге ұсынылсын", "ru": "рекомендовать к утверждению"}
    for text in (pdf, word):
        assert HEADINGS[lang] in text
        assert revision[lang] in text and positive[lang] in text
        assert "None" not in text
    assert kind.file_name(data, lang, Format.DOCX).endswith(".docx")


def test_an_association_protocol_keeps_its_heading(db, setup) -> None:
    from metodesk.reports import protocol

    with db.transaction() as s:
        meeting_id = meetings.save_meeting(
            s, MeetingInput(setup["assoc"], 1, dt.date(2025, 8, 28), "", None, None, "planned"), today=TODAY
        )
        data = protocol_rows.protocol_data(s, meeting_id)
    assert not data.council
    assert "№ 1 ХАТТАМА" in pdf_text(protocol.build(data, "kk"))
    assert "ХАТТАМАСЫ" not in pdf_text(protocol.build(data, "kk"))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_register_prints_in_pdf_and_word(db, setup, lang: str) -> None:
    _review_two(db, setup)
    kind = registry.kind("reviewed-documents")
    with db.reading() as s:
        data = kind.read(s, {"year_id": setup["year"]})
        entries = kind.in_year(s, setup["year"], None, lang)
    assert len(entries) == 1
    title = {"kk": "қаралған құжаттарды тіркеу журналы", "ru": "Журнал учёта документов"}
    for text in (pdf_text(kind.build(data, lang, Format.PDF)), docx_text(kind.build(data, lang, Format.DOCX))):
        assert title[lang] in text
        assert "Өлкетану" in text and "Математика, 1-сынып" in text
        assert "None" not in text


def test_the_council_protocol_of_a_missing_year_or_number_is_one_sentence(db, setup) -> None:
    kind = registry.kind("council-protocol")
    with db.reading() as s:
        with pytest.raises(NotFound):
            kind.read(s, {"number": 3})
        with pytest.raises(DomainError):
            kind.read(s, {"number": 1, "year": "1999-2000"})


def test_the_demo_council_has_its_meetings_and_reviews(demo_database) -> None:
    database = demo_database(TODAY)
    with database.reading() as s:
        year_id = _year(s)
        rows = council.council_meetings(s, year_id)
        detail = council.get_council(s, council.find_council(s, year_id) or 0)
        register = reviewed_documents.year_register(s, year_id)
    database.close()
    assert len(rows) >= 4 and sum(r.held for r in rows) >= 2
    assert detail.chair is not None and detail.order_number
    assert {r.conclusion for r in register} >= {"positive", "revision"}


def test_a_new_years_council_starts_with_last_years_members(db, setup) -> None:
    with db.transaction() as s:
        council.set_basis(s, setup["council"], "45", dt.date(2025, 8, 25))
        next_year = years.save_year(s, years.year_after(years.get_year(s, setup["year"])))
        new_id = council.set_up_council(s, next_year)
        assert council.set_up_council(s, next_year) == new_id  # once
        detail = council.get_council(s, new_id)
    assert detail.chair is not None and detail.chair.teacher_id == setup["chair"]
    assert len(detail.members) == 3 and detail.order_number == ""


def test_a_first_council_starts_with_the_deputies(db, ours) -> None:
    with db.transaction() as s:
        deputy = teachers.save_teacher(
            s, TeacherInput(surname="Әбенова", first_name="Айгүл", organisation_id=ours, position="deputy"), today=TODAY
        )
        _teacher(s, ours, "Бекова")
        council_id = council.set_up_council(s, _year(s))
        detail = council.get_council(s, council_id)
    assert [(m.teacher_id, m.role) for m in detail.members] == [(deputy, "leader")]
