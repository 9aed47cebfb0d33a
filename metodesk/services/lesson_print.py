"""Everything an observation sheet or the open-lessons schedule prints, as
plain frozen rows for ``metodesk.reports`` (which never sees a Session).

Rows hold both languages of fixed names; the report picks one. A blank sheet
is the same row with no scores and empty observer fields (``filled`` False):
the report then prints lines to write on and empty boxes to tick.

The row types live in ``metodesk.domain.rows.lessons`` (reports import them from there); they are
re-exported here under their old names for the callers that import them from this module.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError
from metodesk.domain.lesson_enums import LessonStatus
from metodesk.domain.rows.lessons import (
    ScheduleData as ScheduleData,
)
from metodesk.domain.rows.lessons import (
    ScheduleRow as ScheduleRow,
)
from metodesk.domain.rows.lessons import (
    SheetData as SheetData,
)
from metodesk.domain.rows.lessons import (
    SheetLesson as SheetLesson,
)
from metodesk.i18n import _
from metodesk.services import organisations, years
from metodesk.services.associations import get_detail
from metodesk.services.lesson_views import LessonFilter, lessons_on_date, list_lessons
from metodesk.services.lessons import LessonRow, get_lesson
from metodesk.services.observations import draft, get_observation


def sign_name(full: str) -> str:
    """'Тегі Аты Әкесінің аты' → 'А.Ә. Тегі' for a signature line."""
    parts = full.split()
    if len(parts) < 2:
        return full
    return "".join(f"{p[0]}." for p in parts[1:3]) + " " + parts[0]


def _sheet_lesson(row: LessonRow) -> SheetLesson:
    return SheetLesson(
        teacher_name=row.teacher_name,
        teacher_sign=sign_name(row.teacher_name),
        subject_kk=row.subject_kk,
        subject_ru=row.subject_ru,
        grade=row.grade,
        class_letter=row.class_letter,
        group_name=row.group_name,
        date=row.date,
        period=row.period,
        topic=row.topic,
        objectives=row.objectives,
        kind=row.kind,
    )


def _organisation_names(session: Session, organisation_id: int | None) -> tuple[str, str]:
    org = (
        organisations.get_organisation(session, organisation_id)
        if organisation_id is not None
        else organisations.ours(session)
    )
    return (org.name_kk, org.name_ru) if org else ("", "")


def sheet_for_observation(session: Session, observation_id: int) -> SheetData:
    """A filled sheet: the lesson's header and the observer's scores and words."""
    obs = get_observation(session, observation_id)
    lesson = get_lesson(session, obs.lesson_id)
    org_kk, org_ru = _organisation_names(session, lesson.organisation_id)
    return SheetData(
        filled=True,
        organisation_kk=org_kk,
        organisation_ru=org_ru,
        association_kk=lesson.association_kk,
        association_ru=lesson.association_ru,
        lesson=_sheet_lesson(lesson),
        purpose=obs.purpose,
        observer_name=obs.observer_name,
        observer_sign=sign_name(obs.observer_name),
        observer_position=obs.observer_position,
        observer_position_code=obs.observer_position_code,
        set_name_kk=obs.set_name_kk,
        set_name_ru=obs.set_name_ru,
        scale_min=obs.scale_min,
        scale_max=obs.scale_max,
        legend_kk=obs.legend_kk,
        legend_ru=obs.legend_ru,
        criteria=obs.scores,
        strengths=obs.strengths,
        recommendations=obs.recommendations,
        conclusion=obs.conclusion,
        acknowledged=obs.acknowledged,
        acknowledged_on=obs.acknowledged_on,
    )


def blank_sheet(session: Session, lesson_id: int | None = None, set_id: int | None = None) -> SheetData:
    """A sheet for paper: the lesson's header filled in when a lesson is given
    (a cancelled one is refused), the set's criteria, no scores."""
    lesson = get_lesson(session, lesson_id) if lesson_id is not None else None
    if lesson is not None and lesson.status == LessonStatus.CANCELLED.value:
        raise DomainError(_("The lesson was cancelled, so it needs no observation sheet."), field="lesson_id")
    return _blank(session, lesson, set_id)


def _blank(session: Session, lesson: LessonRow | None, set_id: int | None) -> SheetData:
    source = draft(session, set_id)
    org_kk, org_ru = _organisation_names(session, lesson.organisation_id if lesson else None)
    return SheetData(
        filled=False,
        organisation_kk=org_kk,
        organisation_ru=org_ru,
        association_kk=lesson.association_kk if lesson else "",
        association_ru=lesson.association_ru if lesson else "",
        lesson=_sheet_lesson(lesson) if lesson else None,
        purpose="",
        observer_name="",
        observer_sign="",
        observer_position="",
        observer_position_code="",
        set_name_kk=source.set_name_kk,
        set_name_ru=source.set_name_ru,
        scale_min=source.scale_min,
        scale_max=source.scale_max,
        legend_kk=source.legend_kk,
        legend_ru=source.legend_ru,
        criteria=source.scores,
    )


def blank_sheets_for_date(
    session: Session, day: dt.date, set_id: int | None = None, association_id: int | None = None
) -> list[SheetData]:
    """One blank sheet for every lesson of the day that is not cancelled."""
    lessons = lessons_on_date(session, day, association_id)
    if not lessons:
        raise DomainError(
            _("No lessons are planned on {date}.").format(date=day.strftime("%d.%m.%Y")), field="date"
        )
    return [_blank(session, lesson, set_id) for lesson in lessons]


def schedule_data(
    session: Session, year_id: int, association_id: int | None = None, organisation_id: int | None = None
) -> ScheduleData:
    """The year's open lessons, of one association or of one organisation's
    associations (ours unless ``organisation_id`` names another), with the
    leader (or the deputy director) to sign and the head to approve."""
    year = years.get_year(session, year_id)
    approver = "head"
    if association_id is not None:
        rows = list_lessons(session, LessonFilter(year_id=year.id, association_id=association_id))
        detail = get_detail(session, association_id)
        org = organisations.get_organisation(session, detail.row.organisation_id)
        names = (detail.row.name_kk, detail.row.name_ru)
        signer, title = (sign_name(detail.leader.full_name) if detail.leader else ""), "leader"
        if detail.row.level == "district":
            approver = "cabinet"
    else:
        found = (
            organisations.get_organisation(session, organisation_id)
            if organisation_id is not None
            else organisations.ours(session)
        )
        if found is None:
            raise DomainError(_("Our organisation is not set yet: choose it in Settings first."))
        org = found
        # not every school of a district: only this organisation's lessons are read
        rows = list_lessons(session, LessonFilter(year_id=year.id, organisation_id=org.id))
        names = ("", "")
        signer, title = (sign_name(org.deputy_name) if org.deputy_name else ""), "deputy"
    org_kk, org_ru = org.name_kk, org.name_ru
    return ScheduleData(
        approver=approver,
        head_name=org.head_name,
        head_title=org.head_title,
        organisation_kind=org.kind,
        organisation_kk=org_kk,
        organisation_ru=org_ru,
        association_kk=names[0],
        association_ru=names[1],
        year_name=year.name,
        signer_title_code=title,
        signer_sign=signer,
        rows=tuple(
            ScheduleRow(
                date=r.date,
                period=r.period,
                teacher_name=r.teacher_name,
                teacher_short=r.teacher_short,
                subject_kk=r.subject_kk,
                subject_ru=r.subject_ru,
                grade=r.grade,
                class_letter=r.class_letter,
                group_name=r.group_name,
                topic=r.topic,
                kind=r.kind,
                status=r.status,
                original_date=r.original_date,
                association_kk=r.association_kk,
                association_ru=r.association_ru,
            )
            for r in rows
        ),
    )
