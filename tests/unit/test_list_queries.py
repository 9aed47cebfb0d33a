"""The light list queries the tabs use (plain column selects, aggregate counts)
give exactly what the ORM-graph versions they replaced gave, on a small
district built by bench/district.py (many teachers, subjects, associations,
plans with activities, lessons, archived people)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from metodesk.domain.attestation import CaseDecision, attestation_year, standing
from metodesk.domain.attestation_advice import CaseFacts, case_advice
from metodesk.domain.text import initials_name, search_fold
from metodesk.services import associations, attestation_views, lesson_views, lessons, plans, teachers
from metodesk.services.associations import AssociationRow
from metodesk.services.attestation_rules import rule_book
from metodesk.services.attestation_views import AttestationRow
from metodesk.services.teachers import TeacherRow
from metodesk.storage.models import (
    Association,
    AttestationCase,
    CaseObservation,
    CategoryAward,
    Lesson,
    LessonMove,
    Meeting,
    Membership,
    MentoringLogEntry,
    Plan,
    PlanActivity,
    Teacher,
)

SPEC = importlib.util.spec_from_file_location("district", Path(__file__).parents[2] / "bench" / "district.py")
assert SPEC and SPEC.loader
district = sys.modules.get("district") or importlib.util.module_from_spec(SPEC)
if "district" not in sys.modules:
    sys.modules["district"] = district
    SPEC.loader.exec_module(district)


@pytest.fixture
def district_db(db):
    """A tiny district, with a few teachers archived and the plans' activities
    in every state: done or cancelled as stored, tied to held and planned
    meetings and lessons, to mentoring entries, cancelled but held."""
    with db.transaction() as session:
        district.build_district(session, district.TINY)
        for teacher in session.scalars(select(Teacher).order_by(Teacher.id)).all()[::7]:
            teacher.archived = True
        lessons = session.scalars(select(Lesson).order_by(Lesson.id)).all()
        entries = session.scalars(select(MentoringLogEntry.id).order_by(MentoringLogEntry.id)).all()
        meetings = session.scalars(select(Meeting).order_by(Meeting.id)).all()
        assert lessons and entries and meetings
        assert {x.status for x in lessons} >= {"held"} and {x.status for x in meetings} >= {"held", "planned"}
        activities = session.scalars(select(PlanActivity).order_by(PlanActivity.id)).all()
        for n, activity in enumerate(activities):
            activity.status = ("planned", "done", "cancelled", "postponed", "planned")[n % 5]
            kind = n % 7
            if kind == 1:
                activity.lesson_id = lessons[n % len(lessons)].id
            elif kind == 2:
                activity.mentoring_entry_id = entries[n % len(entries)]
            elif kind == 3:
                activity.meeting_id = meetings[n % len(meetings)].id
            elif kind == 4:
                activity.meeting_id, activity.lesson_id = None, None
        planned = next(x for x in lessons if x.status != "held")
        activities[2].lesson_id = planned.id  # cancelled, its lesson not held: still cancelled
        for n, lesson in enumerate(lessons[:9]):
            if n % 3 == 0:
                lesson.subject_id, lesson.subject_text = None, "Ойын әрекеті"
            for step in range(n % 3):
                session.add(
                    LessonMove(
                        lesson_id=lesson.id,
                        from_date=lesson.date - dt.timedelta(days=7 * (step + 1)),
                        from_period=step or None,
                        to_date=lesson.date,
                        to_period=2,
                        reason=f"себеп {step}",
                    )
                )
        cases = session.scalars(select(AttestationCase).order_by(AttestationCase.id)).all()
        assert len(cases) > 3
        for n, case in enumerate(cases[:6]):
            case.decision = ("pending", "passed", "failed")[n % 3]
            for day in range(n % 3):
                session.add(CaseObservation(case_id=case.id, date=dt.date(2025, 10, 1 + day), note="x"))
    return db


# --- teachers: the reference is the ORM version the list replaced -----------------------


def _orm_teacher_row(t: Teacher) -> TeacherRow:
    subjects = sorted(t.subjects, key=lambda s: s.id)
    return TeacherRow(
        id=t.id,
        surname=t.surname,
        first_name=t.first_name,
        patronymic=t.patronymic,
        organisation_id=t.organisation_id,
        organisation_kk=t.organisation.name_kk,
        organisation_ru=t.organisation.name_ru,
        subject_ids=tuple(s.id for s in subjects),
        subjects_kk=tuple(s.name_kk for s in subjects),
        subjects_ru=tuple(s.name_ru for s in subjects),
        position=t.position,
        category=t.category,
        category_date=t.category_date,
        teaching_since=t.teaching_since,
        young_specialist=t.young_specialist,
        archived=t.archived,
        search_key=t.search_key,
        version=t.version,
    )


def _orm_teachers(session, *where) -> list[TeacherRow]:
    query = select(Teacher).options(selectinload(Teacher.subjects), selectinload(Teacher.organisation))
    query = query.where(*where).order_by(Teacher.surname, Teacher.first_name, Teacher.id)
    return [_orm_teacher_row(t) for t in session.scalars(query)]


def test_teacher_rows_equal_the_orm_rows(district_db) -> None:
    with district_db.reading() as session:
        everyone = teachers.list_teachers(session, include_archived=True)
        assert everyone == _orm_teachers(session)
        assert len(everyone) > 40
        assert any(len(t.subject_ids) > 1 for t in everyone), "some teach several subjects"
        active = teachers.list_teachers(session)
        assert active == _orm_teachers(session, Teacher.archived.is_(False))
        assert 0 < len(active) < len(everyone)
        org = everyone[3].organisation_id
        assert teachers.list_teachers(session, include_archived=True, organisation_id=org) == _orm_teachers(
            session, Teacher.organisation_id == org
        )
        for row in everyone[:5]:
            assert teachers.get_teacher(session, row.id) == row
        word = search_fold(everyone[0].surname[:4])
        found = teachers.search_teachers(session, word, include_archived=True)
        assert found and {t.id for t in found} == {t.id for t in everyone if word in t.search_key}


def test_teacher_without_subjects_has_empty_tuples(session, ours) -> None:
    teacher_id = teachers.save_teacher(
        session, teachers.TeacherInput(surname="Ким", first_name="Виктория", organisation_id=ours)
    )
    row = teachers.get_teacher(session, teacher_id)
    assert row.subject_ids == () and row.subjects_kk == () and row.subjects_ru == ()
    assert row == _orm_teachers(session, Teacher.id == teacher_id)[0]


def test_the_starts_plain_reads_equal_the_orm_rows(district_db) -> None:
    """What the start reads in plain SQL (before the mappers are configured):
    our organisation and the current year's name, as the ORM reads them."""
    from metodesk.services import organisations, years
    from metodesk.storage.models import Organisation

    with district_db.reading() as session:
        ours = session.scalars(select(Organisation).where(Organisation.is_ours.is_(True))).one()
        assert organisations.ours(session) == organisations.get_organisation(session, ours.id)
        current = years.current_year(session)
        assert current is not None and years.current_year_name(session) == current.name


# --- plans: progress counted by the database equals effective_status in Python ---------


def test_plan_rows_equal_the_orm_rows(district_db) -> None:
    with district_db.reading() as session:
        listed = plans.list_plans(session)
        every = session.scalars(plans._query().order_by(Plan.year_id, Plan.association_id)).all()
        expected = [plans._row(p) for p in every]
        assert listed == expected
        assert any(r.done_count and r.cancelled_count for r in listed)
        assert any(r.review_number is not None for r in listed)
        statuses = {plans.effective_status(a) for p in every for a in p.activities}
        assert {"done", "cancelled", "planned", "postponed"} <= statuses
        year = listed[-1].year_id
        assert plans.list_plans(session, year) == [r for r in expected if r.year_id == year]


def test_plan_without_activities_counts_nothing(district_db) -> None:
    with district_db.transaction() as session:
        plan = session.scalars(select(Plan).order_by(Plan.id)).first()
        plan.activities.clear()
        session.flush()
        row = next(r for r in plans.list_plans(session) if r.id == plan.id)
        assert (row.activity_count, row.done_count, row.cancelled_count, row.percent) == (0, 0, 0, 0)


# --- attestation: the rows of the tab and of the plans' schedules -----------------------


def _orm_attestation_rows(session, today: dt.date, organisation_id: int | None) -> list[AttestationRow]:
    """The ORM version attestation_rows replaced (every case and award read, then filtered)."""
    book = rule_book(session)
    query = select(Teacher).options(selectinload(Teacher.subjects)).where(Teacher.archived.is_(False))
    if organisation_id is not None:
        query = query.where(Teacher.organisation_id == organisation_id)
    people = list(session.scalars(query.order_by(Teacher.surname, Teacher.first_name, Teacher.id)))
    latest: dict[int, tuple] = {}
    for teacher_id, day, award_id, order in session.execute(
        select(
            CategoryAward.teacher_id, CategoryAward.award_date, CategoryAward.id, CategoryAward.order_number
        )
    ):
        if teacher_id not in latest or (day, award_id) > latest[teacher_id][:2]:
            latest[teacher_id] = (day, award_id, order)
    chosen: dict[int, AttestationCase] = {}
    this_year = attestation_year(today)
    for case in session.scalars(
        select(AttestationCase)
        .options(selectinload(AttestationCase.observations))
        .order_by(AttestationCase.year_start, AttestationCase.id)
    ):
        current = chosen.get(case.teacher_id)
        if current is not None and current.decision == CaseDecision.PENDING.value:
            continue
        if case.decision == CaseDecision.PENDING.value or case.year_start >= this_year:
            chosen[case.teacher_id] = case
    rows = []
    for t in people:
        s = standing(
            book,
            position=t.position,
            category=t.category,
            award_date=t.category_date,
            teaching_since=t.teaching_since,
            today=today,
        )
        order = latest.get(t.id)
        case = chosen.get(t.id)
        subjects = sorted(t.subjects, key=lambda x: x.id)
        rows.append(
            AttestationRow(
                teacher_id=t.id,
                full_name=" ".join(p for p in (t.surname, t.first_name, t.patronymic) if p),
                short_name=initials_name(t.surname, t.first_name, t.patronymic),
                organisation_id=t.organisation_id,
                position=t.position,
                subjects_kk=tuple(x.name_kk for x in subjects),
                subjects_ru=tuple(x.name_ru for x in subjects),
                teaching_since=t.teaching_since,
                category=s.category,
                award_date=s.award_date,
                order_number=order[2] if order and order[0] == t.category_date else "",
                expiry=s.expiry,
                due_year=s.due_year,
                due_window=s.due_window,
                overdue=s.overdue,
                early_eligible=s.early_eligible,
                early_from=s.early_from,
                claimable=s.claimable,
                experience=s.experience,
                case_id=case.id if case else None,
                case_year=case.year_start if case else None,
                case_target=case.target_category if case else "",
                case_window=case.window if case else "",
                case_decision=case.decision if case else "",
                case_test_date=case.test_date if case else None,
                case_test_score=case.test_score if case else None,
                case_observations=len(case.observations) if case else 0,
                case_portfolio=case.portfolio_status if case else "",
                case_basis=case.basis if case else "",
                case_application=case.application_date if case else None,
            )
        )
        row = rows[-1]
        if row.in_progress:  # the advisory rules' warnings, as the attestation tab shows them
            facts = CaseFacts(
                held=row.category,
                last_attestation=row.award_date,
                experience=row.experience,
                target=row.case_target,
                basis=row.case_basis,
                application_date=row.case_application,
                test_date=row.case_test_date,
                test_score=row.case_test_score,
                decision=row.case_decision,
            )
            rows[-1] = dataclasses.replace(row, warnings=tuple(case_advice(book, facts, today)))
    return rows


@pytest.mark.parametrize("today", [dt.date(2025, 11, 20), dt.date(2023, 3, 1)])
def test_attestation_rows_equal_the_orm_rows(district_db, today) -> None:
    with district_db.reading() as session:
        everyone = attestation_views.attestation_rows(session, today)
        assert everyone == _orm_attestation_rows(session, today, None)
        assert any(r.case_observations for r in everyone) or today.year == 2023
        assert any(r.order_number for r in everyone)
        assert any(r.in_progress for r in everyone) and any(len(r.subjects_kk) > 1 for r in everyone)
        for org in {r.organisation_id for r in everyone}:
            assert attestation_views.attestation_rows(session, today, org) == _orm_attestation_rows(
                session, today, org
            )


# --- associations: member counts and leaders -------------------------------------------


def _orm_association_row(a: Association) -> AssociationRow:
    leader = next((m.teacher for m in a.members if m.role == "leader"), None)
    return AssociationRow(
        id=a.id,
        kind=a.kind,
        level=a.level,
        name_kk=a.name_kk,
        name_ru=a.name_ru,
        subject_id=a.subject_id,
        subject_kk=a.subject.name_kk if a.subject else "",
        subject_ru=a.subject.name_ru if a.subject else "",
        direction=a.direction,
        year_id=a.year_id,
        year_name=a.year.name,
        organisation_id=a.organisation_id,
        organisation_kk=a.organisation.name_kk,
        organisation_ru=a.organisation.name_ru,
        leader=initials_name(leader.surname, leader.first_name, leader.patronymic) if leader else "",
        member_count=len(a.members),
        version=a.version,
    )


def test_association_rows_equal_the_orm_rows(district_db) -> None:
    with district_db.transaction() as session:
        first = session.scalars(select(Association).order_by(Association.id)).first()
        session.execute(Membership.__table__.delete().where(Membership.association_id == first.id))
        session.expire_all()
    with district_db.reading() as session:
        query = select(Association).options(
            selectinload(Association.members).selectinload(Membership.teacher),
            selectinload(Association.subject),
        )
        # the methodical council has its own tab: the associations' list leaves it out
        query = query.where(Association.kind != "council")
        expected = [_orm_association_row(a) for a in session.scalars(query.order_by(Association.id))]
        listed = associations.list_associations(session)
        assert listed == expected
        assert listed[0].member_count == 0 and listed[0].leader == ""
        assert any(r.leader for r in listed) and any(r.subject_id is None for r in listed)
        year = listed[-1].year_id
        in_year = [r for r in expected if r.year_id == year]
        assert associations.list_associations(session, year) == in_year
        assert associations.count_associations(session, year) == len(in_year)
        assert associations.get_detail(session, in_year[0].id).row == in_year[0]


# --- open lessons: the list and the filter choices --------------------------------------


def test_lesson_rows_equal_the_orm_rows(district_db) -> None:
    with district_db.reading() as session:
        query = lessons.lesson_query().order_by(
            Lesson.date, Lesson.period.is_(None), Lesson.period, Lesson.id
        )
        expected = [lessons.lesson_row(x) for x in session.scalars(query)]
        listed = lesson_views.list_lessons(session)
        assert listed == expected
        assert any(len(r.moves) == 2 for r in listed) and any(r.observation_count for r in listed)
        assert any(r.subject_id is None and r.subject_kk == "Ойын әрекеті" for r in listed)
        year = listed[-1].year_id
        flt = lesson_views.LessonFilter(year_id=year, status="held")
        assert lesson_views.list_lessons(session, flt) == [
            r for r in expected if r.year_id == year and r.status == "held"
        ]
        teacher = listed[0].teacher_id
        their = lesson_views.teacher_year(session, teacher)
        assert list(their.given) == [r for r in expected if r.teacher_id == teacher]


def test_teacher_names_for_filters(district_db) -> None:
    with district_db.reading() as session:
        names = teachers.teacher_names(session, include_archived=True)
        rows = teachers.list_teachers(session, include_archived=True)
        assert [(n.id, n.full_name, n.archived) for n in names] == [
            (r.id, r.full_name, r.archived) for r in rows
        ]
        active = teachers.teacher_names(session)
        assert [n.id for n in active] == [r.id for r in rows if not r.archived]
