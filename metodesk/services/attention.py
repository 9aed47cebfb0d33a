"""One attention list for the deputy for methodical work: everything of the
academic year that is late or missing, across the areas — overdue decisions
(of the associations and the council), meetings and lessons whose day has
passed but are not marked held, plans not approved by the start of the
year's work (the associations' and the school's), school associations of
fewer than three members (item 23), young specialists without a mentor and
pairs without meetings, attestation overdue or due this year, teachers
without courses in three years.

Each item is a sentence in the window's language with the area and the
record it is about, so the window opens that record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.attestation import attestation_year
from metodesk.domain.council import COUNCIL_KIND
from metodesk.domain.text import initials_name
from metodesk.i18n import N_, _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services.common import get_or_fail
from metodesk.storage.models import (
    AcademicYear,
    AgendaItem,
    Association,
    Course,
    Decision,
    Lesson,
    Meeting,
    Membership,
    Organisation,
    Plan,
    SchoolPlan,
    Teacher,
)

PLANS_BY = (9, 15)  # month, day: plans are approved before the year's work begins
COURSE_YEARS = 3
SHOWN_TEXT = 90  # characters of a decision quoted in a sentence

# areas, in the list's order, with their names for people
AREAS = {
    "decisions": N_("Decisions"),
    "meetings": N_("Meetings"),
    "lessons": N_("Open lessons"),
    "plans": N_("Plans"),
    "associations": N_("Associations"),
    "mentoring": N_("Mentoring"),
    "attestation": N_("Attestation"),
    "courses": N_("Courses"),
}


@dataclass(frozen=True)
class AttentionRow:
    area: str  # a key of AREAS
    text: str
    record: str  # what the id is: "meeting", "lesson", "plan", "school_plan", "association", "teacher", "pair"
    record_id: int
    date: dt.date | None = None
    association_id: int | None = None  # the meeting's body, to open it in the meeting editor

    @property
    def area_label(self) -> str:
        return _(AREAS[self.area])

    @property
    def id(self) -> tuple[str, int]:
        return (self.record, self.record_id)


def _quoted(text: str) -> str:
    """Text to quote in a sentence: one line, short, without quotes of its own around it."""
    text = " ".join(text.split())
    if len(text) > 1 and text[0] in "«“" and text[-1] in "»”" and sum(text.count(q) for q in "«»“”") == 2:
        text = text[1:-1]
    return text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1].rstrip() + "…"


def _body(assoc: Association, lang_ru: bool) -> str:
    return (assoc.name_ru or assoc.name_kk) if lang_ru else (assoc.name_kk or assoc.name_ru)


def attention(session: Session, year_id: int, today: dt.date) -> list[AttentionRow]:
    """The year's attention list, area by area, each area by date."""
    from metodesk.i18n import language
    from metodesk.services import mentoring_attention
    from metodesk.services.attestation_views import attestation_rows
    from metodesk.services.council import our_organisation

    year = get_or_fail(session, AcademicYear, year_id, _("The academic year was not found."))
    ru = language() == "ru"
    org_id = our_organisation(session)
    rows: list[AttentionRow] = []
    for decision, meeting in session.execute(
        select(Decision, Meeting)
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.year_id == year_id, Decision.status == "open", Decision.deadline < today)
        .options(selectinload(Meeting.association), selectinload(Decision.item))
        .order_by(Decision.deadline)
    ):
        rows.append(
            AttentionRow(
                "decisions",
                _("{body}, protocol No. {number}: decision {code} was due on {date}: “{text}”.").format(
                    body=_body(meeting.association, ru),
                    number=meeting.number,
                    code=f"{decision.item.position}.{decision.number}",
                    date=short_date(decision.deadline),
                    text=_quoted(decision.text),
                ),
                "meeting",
                meeting.id,
                decision.deadline,
                meeting.association_id,
            )
        )
    for meeting in session.scalars(
        select(Meeting)
        .where(Meeting.year_id == year_id, Meeting.status == "planned", Meeting.date < today)
        .options(selectinload(Meeting.association))
        .order_by(Meeting.date)
    ):
        rows.append(
            AttentionRow(
                "meetings",
                _("{body}: meeting No. {number} of {date} is not marked as held.").format(
                    body=_body(meeting.association, ru), number=meeting.number, date=short_date(meeting.date)
                ),
                "meeting",
                meeting.id,
                meeting.date,
                meeting.association_id,
            )
        )
    for lesson in session.scalars(
        select(Lesson)
        .where(Lesson.year_id == year_id, Lesson.status.in_(("planned", "moved")), Lesson.date < today)
        .options(selectinload(Lesson.teacher))
        .order_by(Lesson.date)
    ):
        teacher = lesson.teacher
        rows.append(
            AttentionRow(
                "lessons",
                _("The lesson of {teacher} on {date} is not marked as held: “{topic}”.").format(
                    teacher=initials_name(teacher.surname, teacher.first_name, teacher.patronymic),
                    date=short_date(lesson.date),
                    topic=_quoted(lesson.topic),
                ),
                "lesson",
                lesson.id,
                lesson.date,
            )
        )
    deadline = dt.date(year.start_date.year, *PLANS_BY)
    if today > deadline:
        for plan in session.scalars(
            select(Plan)
            .where(Plan.year_id == year_id, Plan.status != "approved")
            .options(selectinload(Plan.association))
            .order_by(Plan.id)
        ):
            rows.append(
                AttentionRow(
                    "plans",
                    _("The annual plan of {body} is not approved yet (plans are approved by {date}).").format(
                        body=_body(plan.association, ru), date=short_date(deadline)
                    ),
                    "plan",
                    plan.id,
                    deadline,
                    plan.association_id,
                )
            )
        school = session.scalars(
            select(SchoolPlan).where(SchoolPlan.year_id == year_id, SchoolPlan.organisation_id == org_id)
        ).first()
        if school is None or school.status != "approved":
            rows.append(
                AttentionRow(
                    "plans",
                    _("The school's plan of methodical work is not approved yet (plans are approved by {date}).").format(
                        date=short_date(deadline)
                    ),
                    "school_plan",
                    school.id if school else 0,
                    deadline,
                )
            )
    counts = dict(
        session.execute(
            select(Membership.association_id, func.count()).group_by(Membership.association_id)
        ).all()
    )
    for assoc in session.scalars(
        select(Association)
        .where(Association.year_id == year_id, Association.level == "school", Association.kind != COUNCIL_KIND)
        .order_by(Association.id)
    ):
        members = counts.get(assoc.id, 0)
        if members < 3:
            rows.append(
                AttentionRow(
                    "associations",
                    ngettext(
                        "{body} has {n} member; a school association needs at least three (item 23).",
                        "{body} has {n} members; a school association needs at least three (item 23).",
                        members,
                    ).format(body=_body(assoc, ru), n=members),
                    "association",
                    assoc.id,
                    None,
                    assoc.id,
                )
            )
    for item in mentoring_attention.attention_list(session, year_id, today):
        if item.kind == mentoring_attention.NO_MENTOR and item.teacher_id is not None:
            rows.append(AttentionRow("mentoring", item.message, "teacher", item.teacher_id, item.date))
        elif item.pair_id is not None:
            rows.append(AttentionRow("mentoring", item.message, "pair", item.pair_id, item.date))
    this_year = attestation_year(today)
    for row in attestation_rows(session, today, org_id):
        if row.overdue:
            text = _("{name}: the attestation is overdue (the category expired on {date}).").format(
                name=row.short_name, date=short_date(row.expiry)
            )
        elif row.due_year == this_year and not row.in_progress:
            text = _("{name}: the attestation falls due this year and no case is open.").format(name=row.short_name)
        else:
            continue
        rows.append(AttentionRow("attestation", text, "teacher", row.teacher_id, row.expiry))
    since = dt.date(today.year - COURSE_YEARS, today.month, min(today.day, 28))
    recent = set(session.scalars(select(Course.teacher_id).where(Course.end_date >= since)))
    for teacher in session.scalars(
        select(Teacher)
        .join(Organisation, Organisation.id == Teacher.organisation_id)
        .where(Organisation.id == org_id, Teacher.archived.is_(False))
        .order_by(Teacher.surname, Teacher.first_name)
    ):
        if teacher.id not in recent:
            rows.append(
                AttentionRow(
                    "courses",
                    _("{name} has had no professional development course in three years.").format(
                        name=initials_name(teacher.surname, teacher.first_name, teacher.patronymic)
                    ),
                    "teacher",
                    teacher.id,
                )
            )
    return rows


@dataclass(frozen=True)
class UpcomingRow:
    """Something planned for this month or the next: a meeting (an association's
    or the council's), an open lesson, a mentor's plan item."""

    date: dt.date
    area: str
    text: str
    record: str
    record_id: int
    association_id: int | None = None

    @property
    def area_label(self) -> str:
        return _(AREAS[self.area])

    @property
    def id(self) -> tuple[str, int]:
        return (self.record, self.record_id)


def upcoming(session: Session, today: dt.date) -> list[UpcomingRow]:
    """This month's and next month's planned meetings, lessons and mentor's plan items, by date."""
    from metodesk.i18n import language
    from metodesk.storage.models import MentoringActivity, MentoringPair

    ru = language() == "ru"
    start = today.replace(day=1)
    after = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    end = (after.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    rows: list[UpcomingRow] = []
    for meeting in session.scalars(
        select(Meeting)
        .where(Meeting.status == "planned", Meeting.date >= start, Meeting.date <= end)
        .options(selectinload(Meeting.association))
    ):
        rows.append(
            UpcomingRow(
                meeting.date,
                "meetings",
                _("{body}: meeting No. {number}").format(body=_body(meeting.association, ru), number=meeting.number),
                "meeting",
                meeting.id,
                meeting.association_id,
            )
        )
    for lesson in session.scalars(
        select(Lesson)
        .where(Lesson.status.in_(("planned", "moved")), Lesson.date >= start, Lesson.date <= end)
        .options(selectinload(Lesson.teacher))
    ):
        teacher = lesson.teacher
        rows.append(
            UpcomingRow(
                lesson.date,
                "lessons",
                _("{teacher}: “{topic}”").format(
                    teacher=initials_name(teacher.surname, teacher.first_name, teacher.patronymic),
                    topic=_quoted(lesson.topic),
                ),
                "lesson",
                lesson.id,
            )
        )
    for activity, pair in session.execute(
        select(MentoringActivity, MentoringPair)
        .join(MentoringPair, MentoringPair.id == MentoringActivity.pair_id)
        .where(
            MentoringActivity.done_on.is_(None),
            MentoringActivity.due_date >= start,
            MentoringActivity.due_date <= end,
        )
        .options(selectinload(MentoringPair.mentee))
    ):
        mentee = pair.mentee
        rows.append(
            UpcomingRow(
                activity.due_date or start,
                "mentoring",
                _("{mentee}: “{activity}”").format(
                    mentee=initials_name(mentee.surname, mentee.first_name, mentee.patronymic),
                    activity=_quoted(activity.activity),
                ),
                "pair",
                pair.id,
            )
        )
    return sorted(rows, key=lambda r: (r.date, r.area, r.text))
