"""Self-education topics and generalised experience (docs/domain/order-253.md, 'Professional growth'):
read, add, change, delete, each checked whole before anything is written.

One call is one user action; the caller's transaction commits it or, on a
DomainError, leaves nothing half-saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.errors import DomainError
from metodesk.domain.growth import (
    LEVEL_ORDER,
    ExperienceRow,
    GrowthLevel,
    HeardAt,
    ReportForm,
    SelfEducationRow,
    SelfEducationStage,
)
from metodesk.domain.text import clean_multiline, initials_name, sort_key
from metodesk.i18n import _
from metodesk.services.common import MAX_TITLE, check_enum, get_or_fail, limited, reasonable_date, required
from metodesk.storage.models import AcademicYear, Experience, SelfEducation, Teacher, experience_teacher

MAX_PLAN = 5000  # the stages of a self-education topic
MAX_MATERIALS = 5000
MAX_RESULT = 300
MAX_DOCUMENT = 100


def short_name(t: Teacher) -> str:
    return initials_name(t.surname, t.first_name, t.patronymic)


def year_record(session: Session, year_id: int | None) -> AcademicYear:
    if year_id is None:
        raise DomainError(_("Choose the academic year."), field="year_id")
    return get_or_fail(session, AcademicYear, year_id, _("The academic year was not found."))


def teacher_of(session: Session, teacher_id: int | None, field: str = "teacher_id") -> Teacher:
    if teacher_id is None:
        raise DomainError(_("Choose the teacher."), field=field)
    teacher = session.get(Teacher, teacher_id)
    if teacher is None:
        raise DomainError(_("The teacher was not found."), field=field)
    return teacher


def long_text(value: str | None, field: str, limit: int) -> str:
    text = clean_multiline(value)
    if len(text) > limit:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=limit), field=field
        )
    return text


def optional_code(value: str, enum_type: type, field: str) -> str:
    return "" if not value else check_enum(value, enum_type, field)


# --- self-education ----------------------------------------------------------------


@dataclass
class SelfEducationInput:
    teacher_id: int | None = None
    year_id: int | None = None
    topic: str = ""
    stage: str = SelfEducationStage.STUDY.value
    plan: str = ""
    report_form: str = ""
    report_date: dt.date | None = None
    heard_at: str = ""
    result: str = ""


def _self_row(r: SelfEducation) -> SelfEducationRow:
    return SelfEducationRow(
        id=r.id,
        teacher_id=r.teacher_id,
        teacher=short_name(r.teacher),
        year_id=r.year_id,
        year=r.year.name,
        topic=r.topic,
        stage=r.stage,
        plan=r.plan,
        report_form=r.report_form,
        report_date=r.report_date,
        heard_at=r.heard_at,
        result=r.result,
    )


def list_self_education(
    session: Session, teacher_id: int | None = None, year_id: int | None = None
) -> list[SelfEducationRow]:
    """Topics of a teacher (the latest year first) or of a year (by teacher)."""
    query = select(SelfEducation).options(
        selectinload(SelfEducation.teacher), selectinload(SelfEducation.year)
    )
    if teacher_id is not None:
        query = query.where(SelfEducation.teacher_id == teacher_id)
    if year_id is not None:
        query = query.where(SelfEducation.year_id == year_id)
    rows = sorted((_self_row(r) for r in session.scalars(query)), key=lambda r: (sort_key(r.teacher, "kk"), r.id))
    rows.sort(key=lambda r: r.year, reverse=True)
    return rows


def save_self_education(session: Session, data: SelfEducationInput, record_id: int | None = None) -> int:
    """Add or change a teacher's topic of a year; one topic per teacher and year."""
    teacher = teacher_of(session, data.teacher_id)
    year = year_record(session, data.year_id)
    topic = required(data.topic, "topic", _("Enter the self-education topic."), MAX_TITLE)
    stage = check_enum(data.stage, SelfEducationStage, "stage")
    plan = long_text(data.plan, "plan", MAX_PLAN)
    report_form = optional_code(data.report_form, ReportForm, "report_form")
    heard_at = optional_code(data.heard_at, HeardAt, "heard_at")
    reasonable_date(data.report_date, "report_date")
    if data.report_date is not None and not report_form:
        raise DomainError(_("Choose the form of the report, or clear its date."), field="report_form")
    result = limited(data.result, "result", MAX_RESULT)
    record = (
        get_or_fail(session, SelfEducation, record_id, _("The self-education topic was not found."))
        if record_id is not None
        else None
    )
    clash = session.scalar(
        select(SelfEducation.id).where(
            SelfEducation.teacher_id == teacher.id,
            SelfEducation.year_id == year.id,
            SelfEducation.id != (record_id or 0),
        )
    )
    if clash is not None:
        raise DomainError(
            _("{name} already has a self-education topic for {year}.").format(
                name=short_name(teacher), year=year.name
            ),
            field="year_id",
        )
    if record is None:
        record = SelfEducation(teacher_id=teacher.id)
        session.add(record)
    record.teacher_id, record.year_id, record.topic, record.stage = teacher.id, year.id, topic, stage
    record.plan, record.report_form, record.report_date = plan, report_form, data.report_date
    record.heard_at, record.result = heard_at, result
    session.flush()
    return record.id


def delete_self_education(session: Session, record_id: int) -> None:
    record = get_or_fail(session, SelfEducation, record_id, _("The self-education topic was not found."))
    session.delete(record)
    session.flush()


# --- generalised experience ------------------------------------------------------------


@dataclass
class ExperienceInput:
    year_id: int | None = None
    topic: str = ""
    level: str = GrowthLevel.SCHOOL.value
    teacher_ids: list[int] = field(default_factory=list)
    presented_at: str = ""
    approved_on: dt.date | None = None
    document: str = ""
    materials: str = ""


def _experience_row(r: Experience) -> ExperienceRow:
    teachers = sorted(r.teachers, key=lambda t: sort_key(f"{t.surname} {t.first_name}", "kk"))
    return ExperienceRow(
        id=r.id,
        year_id=r.year_id,
        year=r.year.name,
        topic=r.topic,
        level=r.level,
        teacher_ids=tuple(t.id for t in teachers),
        teachers=tuple(short_name(t) for t in teachers),
        presented_at=r.presented_at,
        approved_on=r.approved_on,
        document=r.document,
        materials=r.materials,
    )


def list_experience(
    session: Session, year_id: int | None = None, teacher_id: int | None = None
) -> list[ExperienceRow]:
    """The register of generalised experience: by year, level (school first),
    date; of one year or of one teacher when asked."""
    query = select(Experience).options(selectinload(Experience.teachers), selectinload(Experience.year))
    if year_id is not None:
        query = query.where(Experience.year_id == year_id)
    if teacher_id is not None:
        query = query.where(
            Experience.id.in_(
                select(experience_teacher.c.experience_id).where(experience_teacher.c.teacher_id == teacher_id)
            )
        )
    rows = [_experience_row(r) for r in session.scalars(query)]
    return sorted(
        rows, key=lambda r: (r.year, LEVEL_ORDER.get(r.level, 99), r.approved_on or dt.date.min, r.id)
    )


def save_experience(session: Session, data: ExperienceInput, record_id: int | None = None) -> int:
    """Add or change an entry of the register; it names one teacher at least."""
    year = year_record(session, data.year_id)
    topic = required(data.topic, "topic", _("Enter the topic of the experience."), MAX_TITLE)
    level = check_enum(data.level, GrowthLevel, "level")
    if not data.teacher_ids:
        raise DomainError(_("Choose at least one teacher whose experience it is."), field="teacher_ids")
    teachers = [teacher_of(session, t, "teacher_ids") for t in dict.fromkeys(data.teacher_ids)]
    presented_at = limited(data.presented_at, "presented_at", MAX_TITLE)
    reasonable_date(data.approved_on, "approved_on")
    document = limited(data.document, "document", MAX_DOCUMENT)
    materials = long_text(data.materials, "materials", MAX_MATERIALS)
    record = (
        get_or_fail(session, Experience, record_id, _("The experience entry was not found."))
        if record_id is not None
        else None
    )
    if record is None:
        record = Experience()
        session.add(record)
    record.year_id, record.topic, record.level = year.id, topic, level
    record.presented_at, record.approved_on, record.document = presented_at, data.approved_on, document
    record.materials = materials
    record.teachers = teachers
    session.flush()
    return record.id


def delete_experience(session: Session, record_id: int) -> None:
    record = get_or_fail(session, Experience, record_id, _("The experience entry was not found."))
    session.delete(record)
    session.flush()
