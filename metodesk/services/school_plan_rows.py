"""Everything the school's plan of methodical work prints, as plain rows.

Rows are drawn from the records where they exist — the council's meetings,
the associations and their themes, the year's attestation and courses, open
lessons and mutual visits, mentoring pairs, the associations' seminars,
master classes and olympiad work — so nothing is typed twice; the rows typed
by hand follow in each section. A drawn row keeps codes and names, and the
report words it in the document's language (``reports/school_plan_text``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.council import COUNCIL_KIND, SchoolPlanSection
from metodesk.domain.plan_forms import parse_months
from metodesk.domain.rows.council import (
    ActivityLine as ActivityLine,
)
from metodesk.domain.rows.council import (
    AssociationLine as AssociationLine,
)
from metodesk.domain.rows.council import (
    AttestationLine as AttestationLine,
)
from metodesk.domain.rows.council import (
    CouncilLine as CouncilLine,
)
from metodesk.domain.rows.council import (
    CourseLine as CourseLine,
)
from metodesk.domain.rows.council import (
    HandLine as HandLine,
)
from metodesk.domain.rows.council import (
    LessonLine as LessonLine,
)
from metodesk.domain.rows.council import (
    Line as Line,
)
from metodesk.domain.rows.council import (
    PairLine as PairLine,
)
from metodesk.domain.rows.council import (
    SchoolPlanData as SchoolPlanData,
)
from metodesk.domain.text import initials_name
from metodesk.storage.models import (
    AcademicYear,
    AgendaItem,
    Association,
    AttestationCase,
    Course,
    Lesson,
    Meeting,
    Membership,
    MentoringPair,
    Plan,
    PlanActivity,
    SchoolPlan,
    Teacher,
)

# forms of an association's activity that the school plan lists under "generalising experience"
EXPERIENCE_FORMS = frozenset(
    {"seminar", "conference", "master_class", "best_practice_school", "creative_lab", "creative_session", "case"}
)
WEEK_WORDS = ("апталы", "неделя", "недели")  # a subject week, in either language
GIFTED_WORDS = ("олимпиад", "дарынды", "одарён", "одарен", "зияткерлік")


def _name(t: Teacher | None) -> str:
    return initials_name(t.surname, t.first_name, t.patronymic) if t is not None else ""


def _council_lines(session: Session, plan: SchoolPlan) -> list[CouncilLine]:
    meetings = session.scalars(
        select(Meeting)
        .join(Association, Association.id == Meeting.association_id)
        .where(
            Association.kind == COUNCIL_KIND,
            Association.organisation_id == plan.organisation_id,
            Meeting.year_id == plan.year_id,
            Meeting.status != "cancelled",
        )
        .options(
            selectinload(Meeting.chair),
            selectinload(Meeting.items).selectinload(AgendaItem.speaker_teacher),
        )
        .order_by(Meeting.date, Meeting.number)
    )
    lines = []
    for meeting in meetings:
        items = [i for i in sorted(meeting.items, key=lambda i: i.position) if i.kind != "review" and i.title.strip()]
        speakers = []
        for item in items:
            who = _name(item.speaker_teacher) or item.speaker_text
            if who and who not in speakers:
                speakers.append(who)
        if not speakers and meeting.chair is not None:
            speakers.append(_name(meeting.chair))
        lines.append(
            CouncilLine(meeting.number, meeting.date, tuple(i.title.strip() for i in items), ", ".join(speakers))
        )
    return lines


def _associations(session: Session, plan: SchoolPlan) -> list[AssociationLine]:
    found = session.scalars(
        select(Association)
        .where(
            Association.year_id == plan.year_id,
            Association.organisation_id == plan.organisation_id,
            Association.kind != COUNCIL_KIND,
        )
        .options(selectinload(Association.members).selectinload(Membership.teacher))
        .order_by(Association.id)
    )
    themes = dict(session.execute(select(Plan.association_id, Plan.theme).where(Plan.year_id == plan.year_id)).all())
    lines = []
    for assoc in found:
        leader = next((m.teacher for m in assoc.members if m.role == "leader"), None)
        lines.append(AssociationLine(assoc.name_kk, assoc.name_ru, (themes.get(assoc.id) or "").strip(), _name(leader)))
    return lines


def _teachers_of(session: Session, organisation_id: int) -> list[int]:
    return list(session.scalars(select(Teacher.id).where(Teacher.organisation_id == organisation_id)))


def _attestation(session: Session, plan: SchoolPlan, year: AcademicYear, staff: list[int]) -> list[AttestationLine]:
    cases = session.scalars(
        select(AttestationCase)
        .where(AttestationCase.year_start == year.start_date.year, AttestationCase.teacher_id.in_(staff))
        .options(selectinload(AttestationCase.teacher))
        .order_by(AttestationCase.window, AttestationCase.id)
    )
    return [AttestationLine(_name(c.teacher), c.target_category, c.window, c.year_start) for c in cases]


def _courses(session: Session, year: AcademicYear, staff: list[int]) -> list[CourseLine]:
    courses = session.scalars(
        select(Course)
        .where(Course.start_date >= year.start_date, Course.start_date <= year.end_date, Course.teacher_id.in_(staff))
        .options(selectinload(Course.teacher))
        .order_by(Course.start_date, Course.id)
    )
    return [CourseLine(_name(c.teacher), c.title, c.start_date, c.end_date, c.hours) for c in courses]


def _lessons(session: Session, plan: SchoolPlan) -> list[LessonLine]:
    lessons = session.scalars(
        select(Lesson)
        .join(Association, Association.id == Lesson.association_id)
        .where(
            Lesson.year_id == plan.year_id,
            Association.organisation_id == plan.organisation_id,
            Lesson.status != "cancelled",
        )
        .options(selectinload(Lesson.teacher), selectinload(Lesson.subject))
        .order_by(Lesson.date, Lesson.id)
    )
    return [
        LessonLine(
            lesson.kind,
            _name(lesson.teacher),
            lesson.subject.name_kk if lesson.subject else lesson.subject_text,
            lesson.subject.name_ru if lesson.subject else lesson.subject_text,
            lesson.grade,
            lesson.class_letter,
            lesson.topic,
            lesson.date,
        )
        for lesson in lessons
    ]


def _pairs(session: Session, plan: SchoolPlan, staff: list[int]) -> list[PairLine]:
    pairs = session.scalars(
        select(MentoringPair)
        .where(MentoringPair.year_id == plan.year_id, MentoringPair.mentee_id.in_(staff))
        .options(selectinload(MentoringPair.mentor), selectinload(MentoringPair.mentee))
        .order_by(MentoringPair.id)
    )
    return [PairLine(_name(p.mentor), _name(p.mentee), p.mentee_kind) for p in pairs]


def _activities(session: Session, plan: SchoolPlan) -> tuple[list[ActivityLine], list[ActivityLine]]:
    """(experience, gifted): the associations' seminars, master classes, subject
    weeks and the like, and their work with gifted pupils (olympiads)."""
    rows = session.scalars(
        select(PlanActivity)
        .join(Plan, Plan.id == PlanActivity.plan_id)
        .join(Association, Association.id == Plan.association_id)
        .where(Plan.year_id == plan.year_id, Association.organisation_id == plan.organisation_id)
        .options(
            selectinload(PlanActivity.plan).selectinload(Plan.association),
            selectinload(PlanActivity.responsible),
        )
        .order_by(PlanActivity.start_date, PlanActivity.id)
    )
    experience, gifted = [], []
    for row in rows:
        if row.status == "cancelled":
            continue
        text = row.content.casefold()
        assoc = row.plan.association
        responsible = row.responsible_text or ", ".join(_name(t) for t in row.responsible)
        try:
            months = parse_months(row.months)
        except ValueError:  # a stored value this version cannot read: no months shown
            months = ()
        line = ActivityLine(
            assoc.name_kk,
            assoc.name_ru,
            row.content.strip(),
            row.form,
            row.form_text,
            row.start_date,
            row.end_date,
            months,
            responsible,
        )
        if any(word in text for word in GIFTED_WORDS):
            gifted.append(line)
        elif row.form in EXPERIENCE_FORMS or any(word in text for word in WEEK_WORDS):
            experience.append(line)
    return experience, gifted


def school_plan_data(session: Session, plan_id: int) -> SchoolPlanData:
    """Read the plan, its rows typed by hand and the records it draws from."""
    from metodesk.domain.errors import NotFound
    from metodesk.i18n import _

    plan = session.scalars(
        select(SchoolPlan)
        .where(SchoolPlan.id == plan_id)
        .options(
            selectinload(SchoolPlan.organisation),
            selectinload(SchoolPlan.year),
            selectinload(SchoolPlan.review_meeting),
            selectinload(SchoolPlan.rows),
        )
    ).first()
    if plan is None:
        raise NotFound(_("The school plan was not found."))
    year = plan.year
    staff = _teachers_of(session, plan.organisation_id)
    experience, gifted = _activities(session, plan)
    drawn: dict[str, list[Line]] = {
        SchoolPlanSection.COUNCIL.value: list(_council_lines(session, plan)),
        SchoolPlanSection.ASSOCIATIONS.value: list(_associations(session, plan)),
        SchoolPlanSection.TEACHERS.value: [*_attestation(session, plan, year, staff), *_courses(session, year, staff)],
        SchoolPlanSection.LESSONS.value: list(_lessons(session, plan)),
        SchoolPlanSection.YOUNG.value: list(_pairs(session, plan, staff)),
        SchoolPlanSection.EXPERIENCE.value: list(experience),
        SchoolPlanSection.GIFTED.value: list(gifted),
        SchoolPlanSection.MONITORING.value: [],
    }
    for row in plan.rows:
        drawn.setdefault(row.section, []).append(
            HandLine(row.id, row.content, row.form, row.dates, row.responsible, row.result)
        )
    org = plan.organisation
    meeting = plan.review_meeting
    return SchoolPlanData(
        plan_id=plan.id,
        organisation_kk=org.name_kk,
        organisation_ru=org.name_ru or org.name_kk,
        organisation_kind=org.kind,
        head_name=org.head_name,
        head_title=org.head_title,
        year_name=year.name,
        first_year=year.start_date.year,
        theme=plan.theme,
        goal=plan.goal,
        tasks=tuple(line for line in plan.tasks.split("\n") if line.strip()),
        status=plan.status,
        review_number=meeting.number if meeting else None,
        review_date=meeting.date if meeting else None,
        pedcouncil_number=plan.pedcouncil_number,
        pedcouncil_date=plan.pedcouncil_date,
        approved_name=plan.approved_name,
        approved_title=plan.approved_title,
        approved_on=plan.approved_on,
        reopen_reason=plan.reopen_reason,
        sections=tuple((s.value, tuple(drawn.get(s.value, ()))) for s in SchoolPlanSection),
    )
