"""The teacher's methodical portfolio: everything the records hold about one
teacher's work, read in one session for the teacher's card in the window and
for the document (reports/portfolio_pdf.py, portfolio_docx.py).

Sections: the card, the category history, courses, self-education,
generalised experience, methodical events, open lessons given (with the
observation sheets' average), mentoring, and pupils' results."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.lesson_enums import LessonStatus
from metodesk.domain.portfolio import AwardItem, CardInfo, CourseItem, LessonItem, MentoringItem, PortfolioData
from metodesk.domain.rules import experience_years
from metodesk.domain.text import initials_name
from metodesk.services import attestation, growth, growth_events, teachers
from metodesk.services.attestation_evidence import list_courses
from metodesk.services.lessons import lesson_query, lesson_row
from metodesk.storage.models import Lesson, MentoringLogEntry, MentoringPair, Observation, ObservationScore


def _card(session: Session, teacher_id: int, today: dt.date) -> CardInfo:
    row = teachers.get_teacher(session, teacher_id)
    return CardInfo(
        teacher_id=row.id,
        full_name=row.full_name,
        short_name=row.short_name,
        organisation_kk=row.organisation_kk,
        organisation_ru=row.organisation_ru,
        position=row.position,
        category=row.category,
        category_date=row.category_date,
        teaching_since=row.teaching_since,
        experience_years=experience_years(row.teaching_since, today),
        subjects_kk=row.subjects_kk,
        subjects_ru=row.subjects_ru,
    )


def _lessons(session: Session, teacher_id: int) -> tuple[LessonItem, ...]:
    """Held open lessons, the latest first, with the sheets' average share of the top score."""
    lessons = list(
        session.scalars(
            lesson_query()
            .where(Lesson.teacher_id == teacher_id, Lesson.status == LessonStatus.HELD.value)
            .order_by(Lesson.date.desc(), Lesson.id.desc())
        )
    )
    shares: dict[int, list[float]] = {}
    if lessons:
        per_sheet = session.execute(
            select(
                Observation.lesson_id,
                func.sum(ObservationScore.score),
                func.count(ObservationScore.score),
                Observation.scale_max,
            )
            .join(ObservationScore, ObservationScore.observation_id == Observation.id)
            .where(Observation.lesson_id.in_([x.id for x in lessons]))
            .group_by(Observation.id)
        )
        for lesson_id, total, scored, top in per_sheet:
            if scored and top:
                shares.setdefault(lesson_id, []).append(float(total or 0) / (scored * top))
    items = []
    for lesson in lessons:
        row = lesson_row(lesson)
        found = shares.get(lesson.id, [])
        items.append(
            LessonItem(
                date=row.date,
                topic=row.topic,
                kind=row.kind,
                class_name=row.class_name,
                subject_kk=row.subject_kk,
                subject_ru=row.subject_ru,
                sheets=row.observation_count,
                percent=round(100 * sum(found) / len(found)) if found else None,
            )
        )
    return tuple(items)


def _mentoring(session: Session, teacher_id: int) -> tuple[MentoringItem, ...]:
    pairs = session.scalars(
        select(MentoringPair)
        .where(or_(MentoringPair.mentor_id == teacher_id, MentoringPair.mentee_id == teacher_id))
        .options(
            selectinload(MentoringPair.year),
            selectinload(MentoringPair.mentor),
            selectinload(MentoringPair.mentee),
        )
    )
    counts = dict(
        session.execute(select(MentoringLogEntry.pair_id, func.count()).group_by(MentoringLogEntry.pair_id)).all()
    )
    items = []
    for p in pairs:
        mentor = p.mentor_id == teacher_id
        other = p.mentee if mentor else p.mentor
        items.append(
            MentoringItem(
                p.year.name,
                mentor,
                initials_name(other.surname, other.first_name, other.patronymic),
                counts.get(p.id, 0),
                p.mentee_kind,
            )
        )
    return tuple(sorted(items, key=lambda m: (m.year, not m.as_mentor, m.other), reverse=False))


def portfolio_data(session: Session, teacher_id: int, today: dt.date) -> PortfolioData:
    """Every section of the teacher's portfolio; NotFound for an unknown teacher."""
    card = _card(session, teacher_id, today)
    return PortfolioData(
        card=card,
        printed_on=today,
        awards=tuple(
            AwardItem(a.category, a.award_date, a.order_number, a.basis)
            for a in attestation.list_history(session, teacher_id)
        ),
        courses=tuple(
            CourseItem(c.title, c.provider, c.start_date, c.end_date, c.hours, c.certificate_number)
            for c in list_courses(session, teacher_id)
        ),
        self_education=tuple(growth.list_self_education(session, teacher_id=teacher_id)),
        experience=tuple(growth.list_experience(session, teacher_id=teacher_id)),
        events=tuple(growth_events.list_events(session, teacher_id=teacher_id)),
        lessons=_lessons(session, teacher_id),
        mentoring=_mentoring(session, teacher_id),
        pupils=tuple(growth_events.list_olympiads(session, teacher_id=teacher_id)),
    )
