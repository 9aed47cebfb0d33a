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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.attestation import attestation_year
from metodesk.domain.council import COUNCIL_KIND
from metodesk.domain.errors import NotFound
from metodesk.domain.text import initials_name
from metodesk.i18n import N_, _, ngettext
from metodesk.i18n.dates import short_date
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
SHOWN_PER_AREA = 50  # items of an area shown before "… and N more"
MORE = "more"  # the record of the line "… and N more": it opens the area's tab

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
    hidden: int = 0  # on the line "… and N more" (record MORE): the N items of the area not shown

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


def _more(area: str, rest: int) -> AttentionRow:
    """The line that stands for an area's ``rest`` items not shown; it opens the area's tab."""
    return AttentionRow(area, ngettext("… and {n} more", "… and {n} more", rest).format(n=rest), MORE, 0, hidden=rest)


def attention(session: Session, year_id: int, today: dt.date, shown: int | None = None) -> list[AttentionRow]:
    """The year's attention list, area by area, each area by date; with
    ``shown``, of each area only its first ``shown`` items and a line "… and
    N more" (the same list ``summarised`` makes of the whole one).

    Plain column queries (rows, not ORM objects with relationships), cut in
    SQL when ``shown`` is given: a district database holds 9,000 overdue
    decisions, and building an object graph for each made the Overview open
    in most of a second."""
    from metodesk.i18n import language
    from metodesk.services import mentoring_attention
    from metodesk.services.attestation_views import attestation_rows
    from metodesk.services.council import our_organisation

    year_start = session.scalar(select(AcademicYear.start_date).where(AcademicYear.id == year_id))
    if year_start is None:
        raise NotFound(_("The academic year was not found."))
    ru = language() == "ru"
    org_id = our_organisation(session)
    rows: list[AttentionRow] = []

    def body(name_kk: str, name_ru: str) -> str:
        return (name_ru or name_kk) if ru else (name_kk or name_ru)

    def take(query: Any) -> tuple[Sequence[Any], int]:  # Any: rows of several shapes
        """The query's rows (the first ``shown`` of them) and how many more
        there are, in one round trip (the count is a window over the whole
        result, taken before the limit)."""
        if shown is None:
            return session.execute(query).all(), 0
        got = session.execute(query.add_columns(func.count().over().label("whole")).limit(shown)).all()
        return got, (got[0].whole - len(got)) if got else 0

    def cut(area: str, items: list[AttentionRow]) -> list[AttentionRow]:
        """An area's items computed in Python, cut like the SQL ones."""
        return items if shown is None else summarised(items, shown)

    decisions, rest = take(
        select(
            Decision.number,
            Decision.text,
            Decision.deadline,
            AgendaItem.position,
            Meeting.id,
            Meeting.number.label("meeting_number"),
            Meeting.association_id,
            Association.name_kk,
            Association.name_ru,
        )
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .join(Association, Association.id == Meeting.association_id)
        .where(Meeting.year_id == year_id, Decision.status == "open", Decision.deadline < today)
        .order_by(Decision.deadline, Decision.id)
    )
    for d in decisions:
        rows.append(
            AttentionRow(
                "decisions",
                _("{body}, protocol No. {number}: decision {code} was due on {date}: “{text}”.").format(
                    body=body(d.name_kk, d.name_ru),
                    number=d.meeting_number,
                    code=f"{d.position}.{d.number}",
                    date=short_date(d.deadline),
                    text=_quoted(d.text),
                ),
                "meeting",
                d.id,
                d.deadline,
                d.association_id,
            )
        )
    if rest:
        rows.append(_more("decisions", rest))
    meetings, rest = take(
        select(Meeting.id, Meeting.number, Meeting.date, Meeting.association_id, Association.name_kk, Association.name_ru)
        .join(Association, Association.id == Meeting.association_id)
        .where(Meeting.year_id == year_id, Meeting.status == "planned", Meeting.date < today)
        .order_by(Meeting.date, Meeting.id)
    )
    for m in meetings:
        rows.append(
            AttentionRow(
                "meetings",
                _("{body}: meeting No. {number} of {date} is not marked as held.").format(
                    body=body(m.name_kk, m.name_ru), number=m.number, date=short_date(m.date)
                ),
                "meeting",
                m.id,
                m.date,
                m.association_id,
            )
        )
    if rest:
        rows.append(_more("meetings", rest))
    lessons, rest = take(
        select(Lesson.id, Lesson.date, Lesson.topic, Teacher.surname, Teacher.first_name, Teacher.patronymic)
        .join(Teacher, Teacher.id == Lesson.teacher_id)
        .where(Lesson.year_id == year_id, Lesson.status.in_(("planned", "moved")), Lesson.date < today)
        .order_by(Lesson.date, Lesson.id)
    )
    for les in lessons:
        rows.append(
            AttentionRow(
                "lessons",
                _("The lesson of {teacher} on {date} is not marked as held: “{topic}”.").format(
                    teacher=initials_name(les.surname, les.first_name, les.patronymic),
                    date=short_date(les.date),
                    topic=_quoted(les.topic),
                ),
                "lesson",
                les.id,
                les.date,
            )
        )
    if rest:
        rows.append(_more("lessons", rest))
    deadline = dt.date(year_start.year, *PLANS_BY)
    if today > deadline:
        plans, rest = take(
            select(Plan.id, Plan.association_id, Association.name_kk, Association.name_ru)
            .join(Association, Association.id == Plan.association_id)
            .where(Plan.year_id == year_id, Plan.status != "approved")
            .order_by(Plan.id)
        )
        for p in plans:
            rows.append(
                AttentionRow(
                    "plans",
                    _("The annual plan of {body} is not approved yet (plans are approved by {date}).").format(
                        body=body(p.name_kk, p.name_ru), date=short_date(deadline)
                    ),
                    "plan",
                    p.id,
                    deadline,
                    p.association_id,
                )
            )
        school = session.execute(
            select(SchoolPlan.id, SchoolPlan.status)
            .where(SchoolPlan.year_id == year_id, SchoolPlan.organisation_id == org_id)
            .order_by(SchoolPlan.id)
            .limit(1)
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
        if rest:  # after the school's own plan, which is always shown
            rows.append(_more("plans", rest))
    members = func.count(Membership.id)
    small, rest = take(
        select(Association.id, Association.name_kk, Association.name_ru, members.label("members"))
        .outerjoin(Membership, Membership.association_id == Association.id)
        .where(Association.year_id == year_id, Association.level == "school", Association.kind != COUNCIL_KIND)
        .group_by(Association.id, Association.name_kk, Association.name_ru)
        .having(members < 3)
        .order_by(Association.id)
    )
    for a in small:
        rows.append(
            AttentionRow(
                "associations",
                ngettext(
                    "{body} has {n} member; a school association needs at least three (item 23).",
                    "{body} has {n} members; a school association needs at least three (item 23).",
                    a.members,
                ).format(body=body(a.name_kk, a.name_ru), n=a.members),
                "association",
                a.id,
                None,
                a.id,
            )
        )
    if rest:
        rows.append(_more("associations", rest))
    mentoring: list[AttentionRow] = []
    for item in mentoring_attention.attention_list(session, year_id, today):
        if item.kind == mentoring_attention.NO_MENTOR and item.teacher_id is not None:
            mentoring.append(AttentionRow("mentoring", item.message, "teacher", item.teacher_id, item.date))
        elif item.pair_id is not None:
            mentoring.append(AttentionRow("mentoring", item.message, "pair", item.pair_id, item.date))
    rows += cut("mentoring", mentoring)
    this_year = attestation_year(today)
    due: list[AttentionRow] = []
    for row in attestation_rows(session, today, org_id):
        if row.overdue:
            text = _("{name}: the attestation is overdue (the category expired on {date}).").format(
                name=row.short_name, date=short_date(row.expiry)
            )
        elif row.due_year == this_year and not row.in_progress:
            text = _("{name}: the attestation falls due this year and no case is open.").format(name=row.short_name)
        else:
            continue
        due.append(AttentionRow("attestation", text, "teacher", row.teacher_id, row.expiry))
    rows += cut("attestation", due)
    since = dt.date(today.year - COURSE_YEARS, today.month, min(today.day, 28))
    recent = select(Course.teacher_id).where(Course.end_date >= since)
    untrained, rest = take(
        select(Teacher.id, Teacher.surname, Teacher.first_name, Teacher.patronymic)
        .where(Teacher.organisation_id == org_id, Teacher.archived.is_(False), Teacher.id.not_in(recent))
        .order_by(Teacher.surname, Teacher.first_name, Teacher.id)
    )
    for t in untrained:
        rows.append(
            AttentionRow(
                "courses",
                _("{name} has had no professional development course in three years.").format(
                    name=initials_name(t.surname, t.first_name, t.patronymic)
                ),
                "teacher",
                t.id,
            )
        )
    if rest:
        rows.append(_more("courses", rest))
    return rows


def summarised(rows: list[AttentionRow], shown: int = SHOWN_PER_AREA) -> list[AttentionRow]:
    """The list to show: of an area with more than ``shown`` items, its first
    ``shown`` (each area is in date order), the school's own plan (never
    hidden) and one line "… and N more" that opens the area's tab; shorter
    areas whole. A district holds 12,000 items; thousands of rows help nobody
    and cost most of a second to build."""
    by_area: dict[str, list[AttentionRow]] = {}
    for row in rows:
        by_area.setdefault(row.area, []).append(row)
    result: list[AttentionRow] = []
    for area, items in by_area.items():
        kept = items[:shown] + [r for r in items[shown:] if r.record == "school_plan"]
        result += kept
        if len(items) > len(kept):
            result.append(_more(area, len(items) - len(kept)))
    return result


def total(rows: list[AttentionRow]) -> int:
    """How many items a (possibly summarised) list stands for."""
    return sum(r.hidden if r.record == MORE else 1 for r in rows)


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
