"""Meetings: protocol numbering per association and year, dates inside the
year, chair and secretary, attendance, guests, the agenda, decisions carried
over and closed, the document-review register, the wording library."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from metodesk.domain.errors import DomainError
from metodesk.domain.rules import decision_overdue, meeting_date_window
from metodesk.services import (
    agenda,
    associations,
    attendance,
    decisions,
    meetings,
    protocol_rows,
    reviewed_documents,
    subjects,
    teachers,
    wording,
    years,
)
from metodesk.services.agenda import ItemInput, Speaker, SpeechInput
from metodesk.services.attendance import AttendanceInput, GuestInput
from metodesk.services.decisions import DecisionInput
from metodesk.services.meetings import MeetingInput
from metodesk.services.reviewed_documents import DocumentInput
from metodesk.storage.models import Decision, Meeting, Teacher

# Each test that uses the database runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_databases

TODAY = dt.date(2025, 12, 1)
AUG28, NOV5 = dt.date(2025, 8, 28), dt.date(2025, 11, 5)


@dataclass
class School:
    org: int
    year: int
    assoc: int
    leader: int
    secretary: int
    members: list[int]
    outsider: int


def _teacher(s, org: int, surname: str, first: str, patronymic: str) -> int:
    data = teachers.TeacherInput(
        surname=surname, first_name=first, patronymic=patronymic, organisation_id=org
    )
    return teachers.save_teacher(s, data, today=TODAY)


def _association(s, org: int, year: int, members: list[int]) -> int:
    subject = subjects.list_subjects(s)[0]
    assoc = associations.save_association(
        s,
        associations.AssociationInput(
            kind="subject",
            level="school",
            name_kk=f"«{subject.name_kk}» пәні мұғалімдерінің әдістемелік бірлестігі",
            name_ru=f"МО учителей предмета «{subject.name_ru}»",
            subject_id=subject.id,
            year_id=year,
            organisation_id=org,
        ),
    )
    for index, teacher_id in enumerate(members):
        role = ("leader", "secretary")[index] if index < 2 else "member"
        associations.add_member(s, assoc, teacher_id, role)
    return assoc


@pytest.fixture
def school(db, ours) -> School:
    with db.transaction() as s:
        year = years.current_year(s).id
        people = [
            _teacher(s, ours, "Нұрғалиева", "Әсел", "Бауыржанқызы"),
            _teacher(s, ours, "Ибраев", "Ілияс", "Қанатұлы"),
            _teacher(s, ours, "Төлеуова", "Айгүл", "Маратқызы"),
            _teacher(s, ours, "Әбдірахманова", "Ұлжан", "Серікқызы"),
        ]
        outsider = _teacher(s, ours, "Қасымов", "Ерлан", "Төлегенұлы")
        assoc = _association(s, ours, year, people)
    return School(ours, year, assoc, people[0], people[1], people, outsider)


def _meeting(s, school: School, number: int | None = None, day=AUG28, held=True, **kw) -> int:
    data = MeetingInput(
        association_id=school.assoc,
        number=number,
        date=day,
        chair_id=school.leader,
        secretary_id=school.secretary,
        status="held" if held else "planned",
        **kw,
    )
    return meetings.save_meeting(s, data, today=TODAY)


# numbering -----------------------------------------------------------------


def test_numbers_start_at_one_and_follow_the_highest(session, school: School) -> None:
    assert meetings.next_number(session, school.assoc) == 1
    first = _meeting(session, school)
    assert meetings.get_meeting(session, first).number == 1
    assert meetings.next_number(session, school.assoc) == 2
    _meeting(session, school, number=5, day=NOV5)
    assert meetings.next_number(session, school.assoc) == 6
    assert meetings.proposed_meeting(session, school.assoc, TODAY).number == 6


def test_a_number_is_unique_within_association_and_year(session, school: School) -> None:
    first = _meeting(session, school, number=1)
    with pytest.raises(DomainError) as err:
        _meeting(session, school, number=1, day=NOV5)
    assert err.value.field == "number"
    # editing a meeting keeps its own number without clashing with itself
    data = MeetingInput(school.assoc, 1, AUG28, "12-кабинет", school.leader, school.secretary, "held")
    assert meetings.save_meeting(session, data, first, today=TODAY) == first
    assert meetings.get_meeting(session, first).place == "12-кабинет"
    for wrong in (0, -3, 1000):
        with pytest.raises(DomainError) as err:
            _meeting(session, school, number=wrong, day=NOV5)
        assert err.value.field == "number"
    assert len(meetings.list_meetings(session, school.assoc)) == 1


def test_numbering_is_per_association_and_per_year(session, school: School) -> None:
    _meeting(session, school)
    _meeting(session, school, day=NOV5)
    other = _association(session, school.org, school.year, school.members[2:])
    assert meetings.next_number(session, other) == 1
    next_year = years.save_year(
        session, years.YearInput("2026-2027", dt.date(2026, 9, 1), dt.date(2027, 5, 25))
    )
    next_assoc = _association(session, school.org, next_year, school.members[:2])
    assert meetings.next_number(session, next_assoc) == 1
    meeting = meetings.save_meeting(
        session,
        MeetingInput(next_assoc, None, dt.date(2026, 8, 27), chair_id=school.members[0]),
        today=TODAY,
    )
    row = meetings.get_meeting(session, meeting)
    assert (row.number, row.year_name) == (1, "2026-2027")
    assert meetings.find_meeting(session, next_assoc, 1).id == meeting
    assert meetings.find_meeting(session, school.assoc, 2).date == NOV5


def test_find_meeting_says_what_is_missing(session, school: School) -> None:
    _meeting(session, school)
    with pytest.raises(DomainError, match="No. 4"):
        meetings.find_meeting(session, school.assoc, 4)
    with pytest.raises(DomainError, match="9999"):
        meetings.find_meeting(session, 9999, 1)


# dates, chair, secretary ---------------------------------------------------------


def test_date_window_rule() -> None:
    assert meeting_date_window(dt.date(2025, 9, 1), dt.date(2026, 5, 25)) == (
        dt.date(2025, 8, 1),
        dt.date(2026, 6, 30),
    )
    # a year whose own dates reach further keeps them
    assert meeting_date_window(dt.date(2025, 7, 15), dt.date(2026, 7, 10)) == (
        dt.date(2025, 7, 15),
        dt.date(2026, 7, 10),
    )


@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (dt.date(2025, 8, 1), True),
        (dt.date(2025, 7, 31), False),
        (dt.date(2026, 5, 25), True),  # the year's last day
        (dt.date(2026, 6, 30), False),  # issue 19.5: the year's own dates, August allowed
        (dt.date(2026, 7, 1), False),
        (dt.date(2024, 11, 5), False),
    ],
)
def test_meeting_date_inside_the_year(session, school: School, day: dt.date, ok: bool) -> None:
    if ok:
        assert _meeting(session, school, day=day, held=False)
    else:
        with pytest.raises(DomainError) as err:
            _meeting(session, school, day=day, held=False)
        assert err.value.field == "date"


def test_held_meeting_cannot_be_in_the_future(session, school: School) -> None:
    with pytest.raises(DomainError) as err:
        _meeting(session, school, day=dt.date(2026, 1, 14), held=True)
    assert err.value.field == "status"
    assert _meeting(session, school, day=dt.date(2026, 1, 14), held=False)


def test_proposal_uses_leader_secretary_and_a_date_inside_the_year(session, school: School) -> None:
    proposal = meetings.proposed_meeting(session, school.assoc, dt.date(2027, 3, 1))
    assert (proposal.chair_id, proposal.secretary_id) == (school.leader, school.secretary)
    assert proposal.date == dt.date(2026, 5, 25)
    assert proposal.status == "planned"


def test_chair_and_secretary_are_different_members(session, school: School) -> None:
    with pytest.raises(DomainError) as err:
        meetings.save_meeting(
            session, MeetingInput(school.assoc, None, AUG28, chair_id=school.outsider), today=TODAY
        )
    assert err.value.field == "chair_id"
    with pytest.raises(DomainError) as err:
        meetings.save_meeting(
            session,
            MeetingInput(school.assoc, None, AUG28, chair_id=school.leader, secretary_id=school.leader),
            today=TODAY,
        )
    assert err.value.field == "secretary_id"
    assert not meetings.list_meetings(session, school.assoc)


# attendance and guests -------------------------------------------------------------


def test_attendance_lists_members_and_counts(session, school: School) -> None:
    meeting = _meeting(session, school)
    listed = attendance.attendance(session, meeting)
    assert {a.teacher_id for a in listed} == set(school.members)
    assert listed[0].full_name.startswith("Әбдірахманова")  # Kazakh alphabetical order: А Ә Б …
    assert all(a.presence == "" for a in listed)
    marks = [AttendanceInput(t, "present", "forgotten") for t in school.members[:3]]
    marks.append(AttendanceInput(school.members[3], "absent", "ауруына байланысты"))
    attendance.set_attendance(session, meeting, marks)
    row = meetings.get_meeting(session, meeting)
    assert (row.present_count, row.absent_count, row.unmarked_count) == (3, 1, 0)
    by_id = {a.teacher_id: a for a in attendance.attendance(session, meeting)}
    assert by_id[school.members[3]].reason == "ауруына байланысты"
    assert by_id[school.members[0]].reason == ""


def test_attendance_refuses_outsiders_and_saves_nothing(session, school: School) -> None:
    meeting = _meeting(session, school)
    with pytest.raises(DomainError):
        attendance.set_attendance(
            session,
            meeting,
            [AttendanceInput(school.leader, "present"), AttendanceInput(school.outsider, "present")],
        )
    assert meetings.get_meeting(session, meeting).present_count == 0
    with pytest.raises(DomainError):
        attendance.set_attendance(session, meeting, [AttendanceInput(school.leader, "maybe")])


def test_guests_and_a_removed_guest_keeps_their_words(session, school: School) -> None:
    meeting = _meeting(session, school)
    guest = attendance.save_guest(
        session, meeting, GuestInput("Жақсылықова Г.С.", "директордың орынбасары", "№1 мектеп")
    )
    with pytest.raises(DomainError) as err:
        attendance.save_guest(session, meeting, GuestInput("  "))
    assert err.value.field == "name"
    item = agenda.save_item(session, meeting, ItemInput("КТЖ қарау", Speaker(guest_id=guest)))
    assert (
        agenda.get_item(session, item).speaker_name == "Жақсылықова Г.С., директордың орынбасары, №1 мектеп"
    )
    attendance.remove_guest(session, guest)
    assert attendance.guests(session, meeting) == ()
    row = agenda.get_item(session, item)
    assert row.speaker.guest_id is None
    assert row.speaker_name.startswith("Жақсылықова Г.С.")


# agenda ----------------------------------------------------------------------------


def test_agenda_items_in_order_move_and_delete(session, school: School) -> None:
    meeting = _meeting(session, school)
    ids = [agenda.save_item(session, meeting, ItemInput(f"Мәселе {n}")) for n in (1, 2, 3)]
    assert [i.position for i in agenda.list_items(session, meeting)] == [1, 2, 3]
    agenda.move_item(session, ids[2], -2)
    assert [i.title for i in agenda.list_items(session, meeting)] == ["Мәселе 3", "Мәселе 1", "Мәселе 2"]
    agenda.delete_item(session, ids[0])
    listed = agenda.list_items(session, meeting)
    assert [(i.position, i.title) for i in listed] == [(1, "Мәселе 3"), (2, "Мәселе 2")]


def test_agenda_item_rules(session, school: School) -> None:
    meeting = _meeting(session, school)
    with pytest.raises(DomainError) as err:
        agenda.save_item(session, meeting, ItemInput("   "))
    assert err.value.field == "title"
    with pytest.raises(DomainError) as err:
        agenda.save_item(session, meeting, ItemInput("Мәселе", Speaker(teacher_id=school.outsider)))
    assert err.value.field == "speaker"
    with pytest.raises(DomainError):
        agenda.save_item(session, meeting, ItemInput("Мәселе", Speaker(teacher_id=school.leader, text="X")))
    item = agenda.save_item(
        session, meeting, ItemInput("Мәселе", Speaker(text="Ауданның әдіскері"), "Бірінші жол\n\nЕкінші жол")
    )
    assert agenda.get_item(session, item).summary == "Бірінші жол\n\nЕкінші жол"
    agenda.save_item(session, meeting, ItemInput("Мәселе", Speaker(teacher_id=school.secretary)), item)
    assert agenda.get_item(session, item).speaker_name == "Ибраев І.Қ."
    speech = agenda.save_speech(
        session, item, SpeechInput(Speaker(teacher_id=school.members[2]), "Қолдаймын.")
    )
    with pytest.raises(DomainError) as err:
        agenda.save_speech(session, item, SpeechInput(Speaker(teacher_id=school.members[2]), " "))
    assert err.value.field == "text"
    assert agenda.get_item(session, item).speeches[0].speaker_name == "Төлеуова А.М."
    agenda.delete_speech(session, speech)
    assert agenda.get_item(session, item).speeches == ()


# decisions, carried over and closed ------------------------------------------------


def _decide(s, item: int, text: str, deadline=None, **kw) -> int:
    return decisions.save_decision(s, item, DecisionInput(text, deadline=deadline, **kw))


def test_decisions_are_numbered_per_item(session, school: School) -> None:
    meeting = _meeting(session, school)
    first = agenda.save_item(session, meeting, ItemInput("Бірінші"))
    second = agenda.save_item(session, meeting, ItemInput("Екінші"))
    a = _decide(session, first, "А")
    _decide(session, first, "Б", responsible_teacher_id=school.leader)
    _decide(session, second, "В", responsible_text="ӘБ мүшелері")
    codes = [(d.code, d.text, d.responsible) for d in decisions.decisions_of_meeting(session, meeting, TODAY)]
    assert codes == [("1.1", "А", ""), ("1.2", "Б", "Нұрғалиева Ә.Б."), ("2.1", "В", "ӘБ мүшелері")]
    decisions.delete_decision(session, a)
    assert [d.code for d in decisions.decisions_of_item(session, first)] == ["1.1"]
    assert decisions.decisions_of_item(session, first)[0].text == "Б"


def test_decision_rules_and_overdue(session, school: School) -> None:
    meeting = _meeting(session, school)
    item = agenda.save_item(session, meeting, ItemInput("Мәселе"))
    for bad, field in (
        (DecisionInput(""), "text"),
        (DecisionInput("X", deadline=dt.date(2025, 8, 1)), "deadline"),
        (DecisionInput("X", status="done"), "done_date"),
        (DecisionInput("X", status="done", done_date=dt.date(2025, 8, 1)), "done_date"),
        (
            DecisionInput("X", responsible_teacher_id=school.leader, responsible_text="Y"),
            "responsible_teacher_id",
        ),
    ):
        with pytest.raises(DomainError) as err:
            decisions.save_decision(session, item, bad)
        assert err.value.field == field
    late = _decide(session, item, "Кешіккен", dt.date(2025, 10, 1))
    fine = _decide(session, item, "Уақыты бар", dt.date(2026, 1, 10))
    undated = _decide(session, item, "Үнемі", deadline_text="үнемі")
    rows = {d.id: d for d in decisions.decisions_of_item(session, item, TODAY)}
    assert rows[late].overdue and not rows[fine].overdue and not rows[undated].overdue
    assert decision_overdue(True, dt.date(2025, 1, 1), TODAY) and not decision_overdue(
        False, dt.date(2025, 1, 1), TODAY
    )


def test_open_decisions_are_reviewed_at_the_next_meeting_and_closed_there(session, school: School) -> None:
    first = _meeting(session, school)
    assert agenda.list_items(session, first) == ()  # nothing to review at the year's first meeting
    item = agenda.save_item(session, first, ItemInput("Жоспар"))
    plan = _decide(session, item, "Жоспар бекітілсін", dt.date(2025, 9, 1))
    lesson = _decide(session, item, "Ашық сабақ өткізілсін", dt.date(2025, 10, 20))
    second = _meeting(session, school, day=NOV5)
    items = agenda.list_items(session, second)
    assert [(i.position, i.kind, i.speaker.teacher_id) for i in items] == [(1, "review", school.leader)]
    assert [d.id for d in decisions.open_decisions(session, school.assoc, before_meeting_id=second)] == [
        plan,
        lesson,
    ]
    decisions.close_at_meeting(session, second, plan)
    closed = session.get(Decision, plan)
    assert (closed.status, closed.done_date, closed.closed_meeting_id) == ("done", NOV5, second)
    reviewed = {
        r.decision.id: r.done_at_review for r in decisions.decisions_under_review(session, second, TODAY)
    }
    assert reviewed == {plan: True, lesson: False}
    # the third meeting sees only what is still open
    third = _meeting(session, school, day=dt.date(2026, 1, 14), held=False)
    assert [r.decision.id for r in decisions.decisions_under_review(session, third)] == [lesson]
    assert agenda.list_items(session, third)[0].is_review
    # a decision can only be closed at a later meeting of the same association
    with pytest.raises(DomainError):
        decisions.close_at_meeting(session, first, lesson)
    decisions.reopen(session, plan)
    assert session.get(Decision, plan).closed_meeting_id is None
    assert [d.id for d in decisions.open_decisions(session, school.assoc)] == [plan, lesson]


def test_review_item_can_be_declined_and_added_once(session, school: School) -> None:
    first = _meeting(session, school)
    _decide(session, agenda.save_item(session, first, ItemInput("Жоспар")), "Бекітілсін")
    data = MeetingInput(school.assoc, None, NOV5, chair_id=school.leader, status="planned")
    second = meetings.save_meeting(session, data, today=TODAY, review_previous=False)
    agenda.save_item(session, second, ItemInput("Басқа мәселе"))
    review = decisions.add_review_item(session, second)
    assert decisions.add_review_item(session, second) == review
    assert [i.kind for i in agenda.list_items(session, second)] == ["review", "regular"]


def test_deleting_a_meeting_keeps_what_it_closed(session, school: School) -> None:
    first = _meeting(session, school)
    plan = _decide(session, agenda.save_item(session, first, ItemInput("Жоспар")), "Бекітілсін")
    second = _meeting(session, school, day=NOV5)
    decisions.close_at_meeting(session, second, plan)
    meetings.delete_meeting(session, second)
    session.expire_all()
    closed = session.get(Decision, plan)
    assert (closed.status, closed.closed_meeting_id) == ("done", None)
    assert session.get(Meeting, second) is None


def test_a_teacher_in_a_protocol_is_archived_not_deleted(session, school: School) -> None:
    meeting = _meeting(session, school)
    _decide(
        session,
        agenda.save_item(session, meeting, ItemInput("Жоспар")),
        "X",
        responsible_teacher_id=school.outsider,
    )
    assert teachers.remove_teacher(session, school.outsider) is False
    assert session.scalar(select(Teacher.archived).where(Teacher.id == school.outsider)) is True


# the document review register (Order items 26-27) ----------------------------------


def test_reviewed_document_gets_the_meeting_as_its_reference(session, school: School) -> None:
    meeting = _meeting(session, school)
    item = agenda.save_item(session, meeting, ItemInput("КТЖ қарау"))
    doc = reviewed_documents.review_at_item(
        session, item, DocumentInput("calendar_plan", "Қазақ тілі, 5-сынып", school.members[2])
    )
    pending = reviewed_documents.save_document(
        session, school.assoc, DocumentInput("other", "Әдістемелік құрал")
    )
    register = reviewed_documents.register(session, school.assoc)
    assert [r.id for r in register] == [doc, pending]
    row = register[0]
    assert row.reviewed_at("kk") == "№ 1 хаттама, 2025 жылғы 28 тамыз"
    assert row.reviewed_at("ru") == "протокол № 1 от 28 августа 2025 г."
    assert (row.author_name, row.meeting_id, row.approved_on) == ("Төлеуова А.М.", meeting, None)
    assert register[1].reviewed_at("kk") == ""
    with pytest.raises(DomainError) as err:
        reviewed_documents.set_approved(session, doc, dt.date(2025, 8, 27))
    assert err.value.field == "approved_on"
    reviewed_documents.set_approved(session, doc, dt.date(2025, 8, 29))
    assert reviewed_documents.get_document(session, doc).approved_on == dt.date(2025, 8, 29)
    assert [d.id for d in reviewed_documents.documents_of_item(session, item)] == [doc]


def test_document_review_stays_within_the_association(session, school: School) -> None:
    meeting = _meeting(session, school)
    item = agenda.save_item(session, meeting, ItemInput("КТЖ қарау"))
    other = _association(session, school.org, school.year, school.members[2:])
    with pytest.raises(DomainError) as err:
        reviewed_documents.save_document(session, other, DocumentInput("other", "X", item_id=item))
    assert err.value.field == "item_id"
    with pytest.raises(DomainError) as err:
        reviewed_documents.save_document(session, school.assoc, DocumentInput("other", " "))
    assert err.value.field == "title"
    doc = reviewed_documents.review_at_item(session, item, DocumentInput("annual_plan", "Жылдық жоспар"))
    agenda.delete_item(session, item)
    session.expire_all()
    assert reviewed_documents.get_document(session, doc).reviewed_at("kk") == ""


# the wording library ---------------------------------------------------------------


def test_wording_is_seeded_once_in_both_languages(session) -> None:
    seeded = wording.list_wording(session)
    assert len(seeded) == len(wording.SEED_WORDING)
    assert wording.seed_wording(session) == 0
    topics = {w.topic for w in seeded}
    assert {"annual_plan", "calendar_plans", "summative", "open_lesson", "leader"} <= topics
    assert all(w.text_kk and w.text_ru for w in seeded)
    agenda_items = wording.list_wording(session, kind="agenda", topic="calendar_plans")
    assert "күнтізбелік-тақырыптық" in agenda_items[0].text("kk")
    assert "календарно-тематических" in agenda_items[0].text("ru")


def test_wording_is_extended_and_pruned_by_the_user(session) -> None:
    own = wording.save_wording(session, wording.WordingInput("decision", "other", "Жаңа шешім", ""))
    assert wording.list_wording(session, kind="decision")[-1].text("ru") == "Жаңа шешім"
    with pytest.raises(DomainError) as err:
        wording.save_wording(session, wording.WordingInput("decision", "other", " ", ""))
    assert err.value.field == "text_kk"
    seeded = wording.list_wording(session, topic="leader")[0]
    wording.delete_wording(session, seeded.id)
    wording.delete_wording(session, own)
    assert wording.seed_wording(session) == 0
    remaining = {w.id for w in wording.list_wording(session)}
    assert seeded.id not in remaining and own not in remaining
    assert len(remaining) == len(wording.SEED_WORDING) - 1


# what the protocol prints ------------------------------------------------------------


def test_protocol_data_collects_the_meeting(session, school: School) -> None:
    first = _meeting(session, school, place="12-кабинет")
    plan = _decide(session, agenda.save_item(session, first, ItemInput("Жоспар")), "Бекітілсін")
    second = _meeting(session, school, day=NOV5)
    decisions.close_at_meeting(session, second, plan)
    attendance.set_attendance(
        session,
        second,
        [AttendanceInput(t, "present") for t in school.members[:3]]
        + [AttendanceInput(school.members[3], "absent", "курста")],
    )
    attendance.save_guest(session, second, GuestInput("Жақсылықова Г.С.", "орынбасар"))
    item = agenda.save_item(session, second, ItemInput("БЖБ талдау", Speaker(teacher_id=school.members[2])))
    _decide(session, item, "Жоспар құрылсын", dt.date(2025, 11, 20), responsible_text="ӘБ мүшелері")
    data = protocol_rows.protocol_data(session, second)
    assert (data.number, data.date, data.held, data.year_name) == (2, NOV5, True, "2025-2026")
    assert data.chair.sign_name == "Ә.Б. Нұрғалиева" and data.secretary.short_name == "Ибраев І.Қ."
    assert [p.short_name for p in data.present] == ["Ибраев І.Қ.", "Нұрғалиева Ә.Б.", "Төлеуова А.М."]
    assert [(a.person.short_name, a.reason) for a in data.absent] == [("Әбдірахманова Ұ.С.", "курста")]
    assert data.attendance_marked and data.guests[0].job_title == "орынбасар"
    review, regular = data.items
    assert review.kind == "review" and [(r.code, r.done, r.done_date) for r in review.reviewed] == [
        ("1.1", True, NOV5)
    ]
    assert (regular.number, regular.speaker, regular.decisions[0].code) == (2, "Төлеуова А.М.", "2.1")
    assert data.organisation("ru") == "Школа №1" and data.association("kk").startswith("«")
