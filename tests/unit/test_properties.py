"""Property-based tests: every service that takes what a person types is fed
empty, huge (100,000 characters), mixed-script, emoji, control-character and
SQL-looking strings, impossible dates and absurd numbers. Each call either
saves (and the record reads back as the cleaned input) or is refused with a
DomainError and leaves the database exactly as it was; no other exception.

Every example runs in a transaction that is rolled back, on one demo
database shared by the module (so the examples stay independent and fast).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.domain.text import clean, clean_multiline
from metodesk.i18n.dates import parse_short_date
from metodesk.services import (
    agenda,
    associations,
    attendance,
    decisions,
    lessons,
    meetings,
    observations,
    organisations,
    plan_activities,
    plans,
    subjects,
    teachers,
    years,
)
from metodesk.services.setup import prepare_database
from metodesk.storage.base import Base
from metodesk.storage.database import Database
from metodesk.storage.models import (
    AcademicYear,
    AgendaItem,
    AgendaSpeech,
    Association,
    Decision,
    Lesson,
    Meeting,
    MeetingGuest,
    Membership,
    Observation,
    Organisation,
    Plan,
    PlanActivity,
    Subject,
    Teacher,
)

PROPERTY = settings(
    max_examples=100,
    deadline=dt.timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    database=None,
)
TODAY = dt.date(2026, 1, 15)

SHORT = [
    "Robert'); DROP TABLE teacher;--",
    "' OR '1'='1",
    "1; DELETE FROM meeting WHERE 1=1; --",
    "%_\\",
    "NULL",
    "Нұрғалиева Әйгерім Серікқызы",
    "Школа №1 — Ақсу ауылы, School",
    "👩‍🏫📚🇰🇿 Сабақ",
    "a\x00b",
    "\x1b[31mқызыл\x1b[0m",
    "\u202eevil\u202c \u200b",
    "e\u0301 і i ı",
    "مدرسة 学校 σχολείο",
    "line one\r\nline two\n\n\n   line three   ",
    "broken \udcff bytes",  # what a command line hands over for bytes that are not UTF-8
]
EMPTY = ["", " ", "\t\n \r\n", "\x00\x01\x7f"]
HUGE = ["x" * 100_000, "Ә" * 100_000, "🇰🇿" * 50_000]

# Typed text worth keeping (mixed scripts, emoji, SQL, stray control characters
# inside), and the wild kind (empty, control characters only, huge, anything).
short_text = st.one_of(
    st.sampled_from(SHORT), st.text(min_size=1, max_size=40).filter(lambda t: bool(clean(t)))
)
wild_text = st.one_of(
    st.sampled_from(EMPTY + HUGE),
    st.text(max_size=60),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=12),
    st.text(min_size=1, max_size=8).map(lambda s: (s * (100_000 // len(s) + 1))[:100_000]),
)


def mostly(tame: st.SearchStrategy[Any], wild: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Three draws in four from ``tame``, so that whole inputs are often saved too."""
    return st.sampled_from((True, True, True, False)).flatmap(lambda keep: tame if keep else wild)


nasty_text = mostly(short_text, wild_text)

plausible_date = st.dates(dt.date(2025, 9, 1), dt.date(2026, 5, 25))
wild_date = st.one_of(
    st.none(),
    st.dates(),
    st.sampled_from(
        [
            dt.date(1, 1, 1),
            dt.date(9999, 12, 31),
            dt.date(1939, 12, 31),
            dt.date(2101, 1, 1),
            dt.date(2024, 2, 29),
            dt.date(2025, 7, 31),
            dt.date(2026, 7, 1),
        ]
    ),
)
odd_date = st.one_of(plausible_date, plausible_date, plausible_date, wild_date)
past_date = st.one_of(
    st.none(), st.dates(dt.date(1990, 1, 1), TODAY), st.dates(dt.date(1990, 1, 1), TODAY), wild_date
)
odd_int = st.one_of(st.integers(1, 30), st.integers(1, 30), st.none(), st.integers(-(10**20), 10**20))


def forms(text: str | None) -> set[str]:
    """What a service may keep of a typed text: cleaned as one line or as lines."""
    kept = clean_multiline(text)
    return {clean(text), kept, kept.replace("\n", " ")}


@dataclass
class Ids:
    org: int
    year: int
    subjects: list[int]
    association: int
    members: list[int]
    meeting: int
    item: int
    plan: int
    lesson: int
    teacher: int


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory, _demo_templates) -> Iterator[tuple[Database, Ids]]:
    folder = tmp_path_factory.mktemp("properties")
    shutil.copyfile(_demo_templates(None), folder / "metodesk.sqlite3")  # what fill_demo(s) makes
    db = prepare_database(folder / "metodesk.sqlite3")
    with db.reading() as s:
        assoc = s.scalars(select(Association).order_by(Association.id)).first()
        members = list(s.scalars(select(Membership.teacher_id).where(Membership.association_id == assoc.id)))
        meeting = s.scalars(
            select(Meeting).where(Meeting.association_id == assoc.id).order_by(Meeting.id)
        ).first()
        plan = s.scalars(select(Plan).where(Plan.status == "draft")).first()
        lesson = s.scalars(select(Lesson).where(Lesson.status != "cancelled", Lesson.date <= TODAY)).first()
        ids = Ids(
            org=s.scalar(select(Organisation.id).where(Organisation.is_ours.is_(True))),
            year=assoc.year_id,
            subjects=list(s.scalars(select(Subject.id).order_by(Subject.id).limit(3))),
            association=assoc.id,
            members=members,
            meeting=meeting.id,
            item=s.scalar(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)),
            plan=plan.id,
            lesson=lesson.id,
            teacher=s.scalar(select(Teacher.id).order_by(Teacher.id)),
        )
    yield db, ids
    db.close()
    shutil.rmtree(folder, ignore_errors=True)


def state(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table as the session sees it (pending changes flushed)."""
    return {
        table.name: sorted(map(repr, session.execute(select(table)).all()))
        for table in Base.metadata.sorted_tables
    }


def attempt(db: Database, call: Callable[[Session], Any], check: Callable[[Session, Any], None]) -> None:
    """Run ``call`` in a transaction that is rolled back: saved and ``check``ed,
    or refused with a DomainError that left nothing behind. Anything else fails."""
    with db.sessions() as session:
        try:
            before = state(session)
            try:
                result = call(session)
            except DomainError as refusal:
                event(f"refused: {refusal.field}")
                assert str(refusal).strip(), "a refusal says why"
                assert state(session) == before, "a refused call left a partial write"
                return
            event("saved")
            session.flush()
            session.expire_all()
            check(session, result)
        finally:
            session.rollback()


def kept(value: str, given: str | None, fallback: str | None = None) -> None:
    if fallback is not None and not clean(given):
        assert value in forms(fallback)
    else:
        assert value in forms(given), (value[:80], (given or "")[:80])


# --- the services ---------------------------------------------------------------------------------


@PROPERTY
@given(
    kind=st.sampled_from(["school", "small_school", "preschool", "college", "school", "district", ""]),
    name_kk=nasty_text,
    name_ru=nasty_text,
    district=nasty_text,
    head=nasty_text,
)
def test_organisations(shared, kind, name_kk, name_ru, district, head) -> None:
    db, _ = shared
    data = organisations.OrganisationInput(
        kind=kind, name_kk=name_kk, name_ru=name_ru, district=district, head_name=head
    )

    def check(s: Session, org_id: int) -> None:
        org = s.get(Organisation, org_id)
        kept(org.name_kk, name_kk, name_ru)
        kept(org.district, district)
        kept(org.head_name, head)

    attempt(db, lambda s: organisations.save_organisation(s, data), check)


@PROPERTY
@given(
    name=st.one_of(
        st.just("2026-2027"),
        st.just("2026-2027"),
        st.sampled_from(["2025-2026", "2027-2026", " 2026-2027 "]),
        nasty_text,
    ),
    start=st.one_of(st.dates(dt.date(2026, 8, 1), dt.date(2026, 9, 30)), wild_date),
    end=st.one_of(st.dates(dt.date(2027, 5, 1), dt.date(2027, 6, 30)), wild_date),
)
def test_years(shared, name, start, end) -> None:
    db, _ = shared
    data = years.YearInput(name=name, start_date=start, end_date=end)

    def check(s: Session, year_id: int) -> None:
        year = s.get(AcademicYear, year_id)
        assert (year.name, year.start_date, year.end_date) == (name.strip(), start, end)

    attempt(db, lambda s: years.save_year(s, data), check)


@PROPERTY
@given(name_kk=nasty_text, name_ru=nasty_text)
def test_subjects(shared, name_kk, name_ru) -> None:
    db, _ = shared

    def check(s: Session, subject_id: int) -> None:
        subject = s.get(Subject, subject_id)
        kept(subject.name_kk, name_kk, name_ru)
        kept(subject.name_ru, name_ru, name_kk)

    attempt(db, lambda s: subjects.save_subject(s, name_kk, name_ru), check)


@PROPERTY
@given(
    surname=nasty_text,
    first=nasty_text,
    patronymic=nasty_text,
    category_date=mostly(st.none(), past_date),
    since=past_date,
    category=st.sampled_from(["none", "none", "moderator", "expert", "researcher", "master", "bogus"]),
    org=st.sampled_from(["ours", "ours", "ours", "ours", 0, -1, 10**9, None]),
    edit=st.booleans(),
)
def test_teachers(shared, surname, first, patronymic, category_date, since, category, org, edit) -> None:
    db, ids = shared
    data = teachers.TeacherInput(
        surname=surname,
        first_name=first,
        patronymic=patronymic,
        organisation_id=ids.org if org == "ours" else org,
        subject_ids=ids.subjects[:2],
        category=category,
        category_date=category_date,
        teaching_since=since,
    )

    def check(s: Session, teacher_id: int) -> None:
        teacher = s.get(Teacher, teacher_id)
        kept(teacher.surname, surname)
        kept(teacher.first_name, first)
        kept(teacher.patronymic, patronymic)
        assert (teacher.category_date, teacher.teaching_since) == (category_date, since)
        assert sorted(x.id for x in teacher.subjects) == sorted(ids.subjects[:2])

    target = ids.teacher if edit else None
    attempt(db, lambda s: teachers.save_teacher(s, data, target, today=TODAY), check)


@PROPERTY
@given(
    name_kk=nasty_text,
    name_ru=nasty_text,
    direction=nasty_text,
    year=st.sampled_from(["ok", "ok", "ok", 0, 10**9]),
)
def test_associations(shared, name_kk, name_ru, direction, year) -> None:
    db, ids = shared
    data = associations.AssociationInput(
        kind="subject",
        level="school",
        name_kk=name_kk,
        name_ru=name_ru,
        subject_id=ids.subjects[0],
        direction=direction,
        year_id=ids.year if year == "ok" else year,
        organisation_id=ids.org,
    )

    def check(s: Session, assoc_id: int) -> None:
        assoc = s.get(Association, assoc_id)
        kept(assoc.name_kk, name_kk, name_ru)
        kept(assoc.name_ru, name_ru, name_kk)
        kept(assoc.direction, direction)

    attempt(db, lambda s: associations.save_association(s, data), check)


@PROPERTY
@given(
    number=st.one_of(st.integers(10, 99), st.integers(10, 99), odd_int),
    date=odd_date,
    place=nasty_text,
    status=st.sampled_from(["planned", "planned", "held", "x"]),
)
def test_meetings(shared, number, date, place, status) -> None:
    db, ids = shared
    data = meetings.MeetingInput(
        association_id=ids.association, number=number, date=date, place=place, status=status
    )

    def check(s: Session, meeting_id: int) -> None:
        meeting = s.get(Meeting, meeting_id)
        assert meeting.date == date
        assert meeting.number == number if number is not None else meeting.number >= 1  # None: the next one
        kept(meeting.place, place)

    attempt(db, lambda s: meetings.save_meeting(s, data, today=TODAY), check)


@PROPERTY
@given(title=nasty_text, summary=nasty_text, speaker=nasty_text)
def test_agenda_items(shared, title, summary, speaker) -> None:
    db, ids = shared
    data = agenda.ItemInput(title=title, summary=summary, speaker=agenda.Speaker(text=speaker))

    def check(s: Session, item_id: int) -> None:
        item = s.get(AgendaItem, item_id)
        kept(item.title, title)
        kept(item.summary, summary)
        kept(item.speaker_text, speaker)

    attempt(db, lambda s: agenda.save_item(s, ids.meeting, data), check)


@PROPERTY
@given(speaker=nasty_text, speech=nasty_text)
def test_speeches(shared, speaker, speech) -> None:
    db, ids = shared
    data = agenda.SpeechInput(speaker=agenda.Speaker(text=speaker), text=speech)

    def check(s: Session, speech_id: int) -> None:
        said = s.get(AgendaSpeech, speech_id)
        kept(said.speaker_text, speaker)
        kept(said.text, speech)

    attempt(db, lambda s: agenda.save_speech(s, ids.item, data), check)


@PROPERTY
@given(
    text=nasty_text,
    responsible=nasty_text,
    deadline=odd_date,
    deadline_text=nasty_text,
    status=st.sampled_from(["open", "open", "done", "bogus"]),
    done=odd_date,
)
def test_decisions(shared, text, responsible, deadline, deadline_text, status, done) -> None:
    db, ids = shared
    data = decisions.DecisionInput(
        text=text,
        responsible_text=responsible,
        deadline=deadline,
        deadline_text=deadline_text,
        status=status,
        done_date=done,
    )

    def check(s: Session, decision_id: int) -> None:
        decision = s.get(Decision, decision_id)
        kept(decision.text, text)
        kept(decision.responsible_text, responsible)
        kept(decision.deadline_text, deadline_text)
        assert decision.deadline == deadline

    attempt(db, lambda s: decisions.save_decision(s, ids.item, data), check)


@PROPERTY
@given(analysis=nasty_text, theme=nasty_text, goal=nasty_text, tasks=st.lists(nasty_text, max_size=4))
def test_plan_sections(shared, analysis, theme, goal, tasks) -> None:
    db, ids = shared
    data = plans.SectionsInput(analysis=analysis, theme=theme, goal=goal, tasks=tasks)

    def check(s: Session, _: None) -> None:
        plan = s.get(Plan, ids.plan)
        kept(plan.analysis, analysis)
        kept(plan.theme, theme)
        kept(plan.goal, goal)
        assert [t.text for t in plan.tasks] == [clean_multiline(t) for t in tasks if clean_multiline(t)]

    attempt(db, lambda s: plans.save_sections(s, ids.plan, data), check)


@PROPERTY
@given(
    content=nasty_text,
    expected=nasty_text,
    responsible=nasty_text,
    start=odd_date,
    end=odd_date,
    months=st.one_of(st.just([]), st.just([]), st.lists(st.integers(-2, 14), max_size=3)),
)
def test_plan_activities(shared, content, expected, responsible, start, end, months) -> None:
    db, ids = shared
    data = plan_activities.ActivityInput(
        content=content,
        expected=expected,
        responsible_text=responsible,
        start_date=start,
        end_date=end,
        months=tuple(months),
    )

    def check(s: Session, activity_id: int) -> None:
        activity = s.get(PlanActivity, activity_id)
        kept(activity.content, content)
        kept(activity.expected, expected)
        kept(activity.responsible_text, responsible)
        assert (activity.start_date, activity.end_date) == (start, end)

    attempt(db, lambda s: plan_activities.save_activity(s, ids.plan, data), check)


@PROPERTY
@given(
    topic=nasty_text,
    objectives=nasty_text,
    note=nasty_text,
    subject_text=st.one_of(st.just(""), nasty_text),
    class_letter=st.one_of(
        st.sampled_from(["А", "Ә", "b", ""]), st.sampled_from(["А", "Ә", "b", ""]), nasty_text
    ),
    grade=mostly(st.integers(0, 12), odd_int),
    period=mostly(st.one_of(st.none(), st.integers(1, 8)), odd_int),
    by_id=st.sampled_from((True, True, False)),
    date=odd_date,
)
def test_lessons(
    shared, topic, objectives, note, subject_text, class_letter, grade, period, by_id, date
) -> None:
    db, ids = shared
    data = lessons.LessonInput(
        association_id=ids.association,
        teacher_id=ids.members[0],
        subject_id=ids.subjects[0] if by_id else None,
        subject_text=subject_text,
        grade=grade,
        class_letter=class_letter,
        date=date,
        period=period,
        topic=topic,
        objectives=objectives,
        note=note,
    )

    def check(s: Session, lesson_id: int) -> None:
        lesson = s.get(Lesson, lesson_id)
        kept(lesson.topic, topic)
        kept(lesson.objectives, objectives)
        kept(lesson.note, note)
        assert (lesson.date, lesson.period, lesson.grade) == (date, period, grade)

    attempt(db, lambda s: lessons.save_lesson(s, data, today=TODAY), check)


@PROPERTY
@given(
    name=nasty_text,
    position=nasty_text,
    purpose=nasty_text,
    strengths=nasty_text,
    conclusion=nasty_text,
    scores=mostly(
        st.lists(st.one_of(st.none(), st.integers(0, 2)), max_size=16),
        st.lists(st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12)), max_size=20),
    ),
    acknowledged=st.booleans(),
    acknowledged_on=past_date,
)
def test_observation_sheets(
    shared, name, position, purpose, strengths, conclusion, scores, acknowledged, acknowledged_on
) -> None:
    db, ids = shared
    data = observations.ObservationInput(
        observer_name=name,
        observer_position=position,
        purpose=purpose,
        scores=scores,
        strengths=strengths,
        conclusion=conclusion,
        acknowledged=acknowledged,
        acknowledged_on=acknowledged_on,
    )

    def check(s: Session, observation_id: int) -> None:
        sheet = s.get(Observation, observation_id)
        kept(sheet.observer_name, name)
        kept(sheet.purpose, purpose)
        kept(sheet.strengths, strengths)
        kept(sheet.conclusion, conclusion)
        assert [x.score for x in sheet.scores][: len(scores)] == scores

    attempt(db, lambda s: observations.save_observation(s, ids.lesson, data, today=TODAY), check)


@PROPERTY
@given(name=nasty_text, job=nasty_text, org=nasty_text)
def test_meeting_guests(shared, name, job, org) -> None:
    db, ids = shared
    data = attendance.GuestInput(name=name, job_title=job, organisation=org)

    def check(s: Session, guest_id: int) -> None:
        guest = s.get(MeetingGuest, guest_id)
        kept(guest.name, name)
        kept(guest.job_title, job)
        kept(guest.organisation, org)

    attempt(db, lambda s: attendance.save_guest(s, ids.meeting, data), check)


@settings(max_examples=300, deadline=dt.timedelta(seconds=1), database=None)
@given(
    text=st.one_of(
        nasty_text,
        st.sampled_from(
            ["30.02.2026", "31.04.2025", "29.02.2025", "00.00.0000", "99.99.9999", "2026-13-01", "1.1.1"]
        ),
        st.from_regex(r"\A\d{1,3}\.\d{1,3}\.\d{1,5}\Z"),
    )
)
def test_typed_dates_are_a_date_nothing_or_a_value_error(text: str) -> None:
    """What the date fields and the command line read: never another exception."""
    try:
        value = parse_short_date(text)
    except ValueError:
        return
    assert value is None or isinstance(value, dt.date)


# --- mentoring and attestation (added after those areas landed) ------------------------------------


def _first_pair(s: Session) -> int:
    from metodesk.storage.models.mentoring import MentoringPair

    return s.scalar(select(MentoringPair.id).order_by(MentoringPair.id))


@PROPERTY
@given(
    date=st.one_of(*[st.dates(dt.date(2025, 9, 1), TODAY)] * 3, wild_date),
    kind=st.sampled_from(["consultation", "joint_planning", "other", "", "lesson_visit", "nonsense"]),
    topic=nasty_text,
    minutes=odd_int,
    notes=nasty_text,
)
def test_mentoring_log_entries(shared, date, kind, topic, minutes, notes) -> None:
    from metodesk.services import mentoring_log
    from metodesk.storage.models.mentoring import MentoringLogEntry

    db, _ = shared
    data = mentoring_log.EntryInput(date=date, kind=kind, topic=topic, minutes=minutes, notes=notes)

    def check(s: Session, entry_id: int) -> None:
        entry = s.get(MentoringLogEntry, entry_id)
        kept(entry.topic, topic)
        kept(entry.notes, notes)
        assert entry.date == date

    attempt(db, lambda s: mentoring_log.save_entry(s, _first_pair(s), data, today=TODAY), check)


@PROPERTY
@given(summary=nasty_text, conclusion=nasty_text)
def test_mentoring_summaries(shared, summary, conclusion) -> None:
    from metodesk.services import mentoring
    from metodesk.storage.models.mentoring import MentoringPair

    db, _ = shared

    def call(s: Session) -> int:
        pair_id = _first_pair(s)
        mentoring.save_summary(s, pair_id, summary, conclusion)
        return pair_id

    def check(s: Session, pair_id: int) -> None:
        pair = s.get(MentoringPair, pair_id)
        kept(pair.summary, summary)
        kept(pair.conclusion, conclusion)

    attempt(db, call, check)


@PROPERTY
@given(
    category=st.sampled_from(["pedagog", "moderator", "expert", "legacy_first", "none", "", "grand-master"]),
    award_date=past_date,
    order=nasty_text,
    basis=st.sampled_from(["regular", "early", "confirmation", "", "x"]),
)
def test_category_awards(shared, category, award_date, order, basis) -> None:
    from metodesk.services import attestation
    from metodesk.storage.models.attestation import CategoryAward

    db, ids = shared
    data = attestation.AwardInput(
        teacher_id=ids.teacher, category=category, award_date=award_date, order_number=order, basis=basis
    )

    def check(s: Session, award_id: int) -> None:
        award = s.get(CategoryAward, award_id)
        assert (award.category, award.award_date) == (category, award_date)
        kept(award.order_number, order)

    attempt(db, lambda s: attestation.save_award(s, data, today=TODAY), check)


@PROPERTY
@given(
    title=nasty_text,
    provider=nasty_text,
    start=past_date,
    end=past_date,
    hours=odd_int,
    certificate=nasty_text,
)
def test_courses(shared, title, provider, start, end, hours, certificate) -> None:
    from metodesk.services import attestation_evidence
    from metodesk.storage.models.attestation import Course

    db, ids = shared
    data = attestation_evidence.CourseInput(
        teacher_id=ids.teacher,
        title=title,
        provider=provider,
        start_date=start,
        end_date=end,
        hours=hours,
        certificate_number=certificate,
    )

    def check(s: Session, course_id: int) -> None:
        course = s.get(Course, course_id)
        kept(course.title, title)
        kept(course.provider, provider)
        assert (course.start_date, course.end_date, course.hours) == (start, end, hours)

    attempt(db, lambda s: attestation_evidence.save_course(s, data), check)
