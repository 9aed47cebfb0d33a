"""The plain rows the mentoring documents are built from (the mentor's plan
and the year's report): the organisation and its head, the pair, the plan
with its marks, the log with the lessons and sheets it names, the summary
and the conclusion. Reports never see a Session; they get this.

The row types live in ``metodesk.domain.rows.mentoring`` (reports import them from there); they are
re-exported here under their old names for the callers that import them from this module.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.rows.mentoring import (
    MentoringDocData as MentoringDocData,
)
from metodesk.domain.rows.mentoring import (
    PrintedActivity as PrintedActivity,
)
from metodesk.domain.rows.mentoring import (
    PrintedEntry as PrintedEntry,
)
from metodesk.domain.rows.mentoring import (
    PrintedLesson as PrintedLesson,
)
from metodesk.domain.rows.mentoring import (
    PrintedTeacher as PrintedTeacher,
)
from metodesk.i18n import _
from metodesk.services.mentoring import full_name, short_name
from metodesk.services.mentoring_log import list_entries
from metodesk.services.mentoring_plan import list_activities
from metodesk.storage.models import MentoringPair, Organisation, Teacher


def sign_name(t: Teacher) -> str:
    initials = "".join(f"{p[0]}." for p in (t.first_name, t.patronymic) if p)
    return f"{initials} {t.surname}".strip()


def _teacher(t: Teacher) -> PrintedTeacher:
    subjects = sorted(t.subjects, key=lambda s: s.id)
    return PrintedTeacher(
        full_name=full_name(t),
        short_name=short_name(t),
        sign_name=sign_name(t),
        position=t.position,
        category=t.category,
        subjects_kk=tuple(s.name_kk for s in subjects),
        subjects_ru=tuple(s.name_ru or s.name_kk for s in subjects),
        teaching_since=t.teaching_since,
    )


def mentoring_data(session: Session, pair_id: int) -> MentoringDocData:
    """Everything both documents print about one pair."""
    from metodesk.domain.errors import NotFound

    pair = session.scalars(
        select(MentoringPair)
        .where(MentoringPair.id == pair_id)
        .options(
            selectinload(MentoringPair.year),
            selectinload(MentoringPair.mentor).selectinload(Teacher.subjects),
            selectinload(MentoringPair.mentee).selectinload(Teacher.subjects),
        )
    ).first()
    if pair is None:
        raise NotFound(_("There is no mentoring pair with id {id}.").format(id=pair_id))
    org = session.scalars(select(Organisation).where(Organisation.is_ours.is_(True))).first()
    if org is None:
        org = pair.mentee.organisation
    activities = tuple(
        PrintedActivity(
            a.number, a.activity, a.due_date, a.when_text, a.completion_form, a.done_on, a.mark_note
        )
        for a in list_activities(session, pair.id)
    )
    entries = []
    for e in list_entries(session, pair.id):
        lesson = (
            PrintedLesson(
                e.lesson.kind,
                e.lesson.topic,
                e.lesson.subject_kk,
                e.lesson.subject_ru,
                e.lesson.grade,
                e.lesson.class_letter,
                e.lesson.group_name,
                e.lesson.date,
                e.lesson.teacher_short,
            )
            if e.lesson is not None
            else None
        )
        entries.append(
            PrintedEntry(
                e.date,
                e.kind,
                e.topic,
                e.minutes,
                e.notes,
                lesson,
                e.sheet.observer if e.sheet else "",
                e.sheet.total if e.sheet else None,
                e.sheet.max_total if e.sheet else None,
            )
        )
    return MentoringDocData(
        organisation_kk=org.name_kk,
        organisation_ru=org.name_ru,
        organisation_kind=org.kind,
        head_name=org.head_name,
        head_title=org.head_title,
        year_name=pair.year.name,
        mentor=_teacher(pair.mentor),
        mentee=_teacher(pair.mentee),
        mentee_kind=pair.mentee_kind,
        order_number=pair.order_number,
        order_date=pair.order_date,
        goals=pair.goals,
        start_date=pair.start_date,
        end_date=pair.end_date,
        activities=activities,
        entries=tuple(entries),
        summary=pair.summary,
        conclusion=pair.conclusion,
    )
