"""The analysis of the year's methodical work (docs/domain: 'The school's plan
of methodical work and the year's analysis'): figures computed from the
year's records, per association and for the school — meetings held and
planned, decisions done and overdue, plan activities done, open lessons held
and observed with the average score per criterion, mentoring pairs and their
meetings, attestation, categories, course hours and who had no course in
three years, the methodical events (by form and level, with the teachers who
spoke), the pupils' olympiad results (by level and result) and the
generalised experience (by level) — with the conclusions, problems and next year's tasks the
methodist types (``year_analysis`` rows); next year's tasks flow into next
year's school plan (``school_plan.ensure_school_plan``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from metodesk.domain.academic_year import today as today_of
from metodesk.domain.council import COUNCIL_KIND, MAX_PLAN_TEXT
from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.growth import LEVEL_ORDER, ContestResult, EventForm, EventRole
from metodesk.domain.rows.council import (
    AnalysisData as AnalysisData,
)
from metodesk.domain.rows.council import (
    BodyFigures as BodyFigures,
)
from metodesk.domain.rows.council import (
    CriterionScore as CriterionScore,
)
from metodesk.domain.text import clean_multiline, initials_name
from metodesk.i18n import _
from metodesk.services.common import limited, reasonable_date
from metodesk.storage.models import (
    AcademicYear,
    AgendaItem,
    Association,
    AttestationCase,
    Course,
    Decision,
    EventParticipant,
    Experience,
    GrowthEvent,
    Lesson,
    Meeting,
    MentoringLogEntry,
    MentoringPair,
    Observation,
    OlympiadResult,
    ObservationScore,
    Organisation,
    Plan,
    PlanActivity,
    Teacher,
    YearAnalysis,
)

COURSE_YEARS = 3  # a teacher takes professional development at least once in three years


def find_analysis(session: Session, year_id: int) -> int | None:
    from metodesk.services.council import our_organisation

    return session.scalar(
        select(YearAnalysis.id).where(
            YearAnalysis.year_id == year_id, YearAnalysis.organisation_id == our_organisation(session)
        )
    )


def _text(value: str, field: str) -> str:
    text = clean_multiline(value)
    if len(text) > MAX_PLAN_TEXT:
        raise DomainError(_("The text is too long (at most {n} characters).").format(n=MAX_PLAN_TEXT), field=field)
    return text


def save_texts(
    session: Session,
    year_id: int,
    conclusions: str,
    problems: str,
    next_tasks: str,
    pedcouncil_number: str = "",
    pedcouncil_date: dt.date | None = None,
) -> int:
    """The methodist's conclusions, problems and next year's tasks (one a line),
    and the pedagogical council's protocol that considered the analysis."""
    from metodesk.services.council import our_organisation

    if session.get(AcademicYear, year_id) is None:
        raise NotFound(_("The academic year was not found."))
    number = limited(pedcouncil_number, "pedcouncil_number", 20).removeprefix("№").strip()
    day = reasonable_date(pedcouncil_date, "pedcouncil_date")
    if bool(number) != bool(day):
        raise DomainError(
            _("Enter both the number and the date of the pedagogical council's protocol, or neither."),
            field="pedcouncil_number" if not number else "pedcouncil_date",
        )
    found = find_analysis(session, year_id)
    row = session.get(YearAnalysis, found) if found else None
    if row is None:
        row = YearAnalysis(year_id=year_id, organisation_id=our_organisation(session))
        session.add(row)
    row.conclusions, row.problems = _text(conclusions, "conclusions"), _text(problems, "problems")
    row.next_tasks = "\n".join(line.strip() for line in _text(next_tasks, "next_tasks").split("\n") if line.strip())
    row.pedcouncil_number, row.pedcouncil_date = number, day
    session.flush()
    return row.id


def _bodies(session: Session, year_id: int, org: int, as_of: dt.date) -> list[BodyFigures]:
    found = list(
        session.scalars(
            select(Association)
            .where(Association.year_id == year_id, Association.organisation_id == org)
            .order_by(Association.kind == COUNCIL_KIND, Association.id)
        )
    )
    ids = [a.id for a in found]
    meetings: dict[int, Counter[str]] = defaultdict(Counter)
    for assoc_id, status in session.execute(
        select(Meeting.association_id, Meeting.status).where(Meeting.year_id == year_id, Meeting.association_id.in_(ids))
    ):
        meetings[assoc_id][status] += 1
    decisions: dict[int, Counter[str]] = defaultdict(Counter)
    for assoc_id, status, deadline in session.execute(
        select(Meeting.association_id, Decision.status, Decision.deadline)
        .join(AgendaItem, AgendaItem.id == Decision.item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(Meeting.year_id == year_id, Meeting.association_id.in_(ids))
    ):
        decisions[assoc_id]["all"] += 1
        if status == "done":
            decisions[assoc_id]["done"] += 1
        elif deadline is not None and deadline < as_of:
            decisions[assoc_id]["overdue"] += 1
    activities: dict[int, Counter[str]] = defaultdict(Counter)
    for assoc_id, status in session.execute(
        select(Plan.association_id, PlanActivity.status)
        .join(Plan, Plan.id == PlanActivity.plan_id)
        .where(Plan.year_id == year_id, Plan.association_id.in_(ids))
    ):
        if status != "cancelled":
            activities[assoc_id]["all"] += 1
            activities[assoc_id]["done"] += status == "done"
    lessons: dict[int, Counter[str]] = defaultdict(Counter)
    observed_ids = set(session.scalars(select(Observation.lesson_id)))
    for lesson_id, assoc_id, status in session.execute(
        select(Lesson.id, Lesson.association_id, Lesson.status).where(
            Lesson.year_id == year_id, Lesson.association_id.in_(ids)
        )
    ):
        if status == "held":
            lessons[assoc_id]["held"] += 1
            lessons[assoc_id]["observed"] += lesson_id in observed_ids
    return [
        BodyFigures(
            a.name_kk,
            a.name_ru,
            a.kind == COUNCIL_KIND,
            meetings[a.id]["held"],
            sum(meetings[a.id].values()),
            decisions[a.id]["all"],
            decisions[a.id]["done"],
            decisions[a.id]["overdue"],
            activities[a.id]["all"],
            activities[a.id]["done"],
            lessons[a.id]["held"],
            lessons[a.id]["observed"],
        )
        for a in found
    ]


_FORM_ORDER = {form.value: n for n, form in enumerate(EventForm)}
_RESULT_ORDER = {result.value: n for n, result in enumerate(ContestResult)}


def _ordered(counts: list[tuple[str, int]], order: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """(code, count) pairs in the enum's order; unknown codes last, by code."""
    return tuple(sorted(((code, int(n)) for code, n in counts), key=lambda c: (order.get(c[0], len(order)), c[0])))


def _rows(result: Iterable[Any]) -> list[tuple[str, int]]:
    """The (code, count) rows of a ``select(code, func.count(…)) … group_by(code)``."""
    return [(str(code), int(n)) for code, n in result]


class GrowthFigures:
    """The year's events, olympiad results and generalised experience, counted
    in the database (``count … group by``), ready for ``AnalysisData``."""

    def __init__(self, session: Session, year_id: int) -> None:
        self.events_by_form = _ordered(
            _rows(
                session.execute(
                    select(GrowthEvent.form, func.count(GrowthEvent.id))
                    .where(GrowthEvent.year_id == year_id)
                    .group_by(GrowthEvent.form)
                )
            ),
            _FORM_ORDER,
        )
        self.events_by_level = _ordered(
            _rows(
                session.execute(
                    select(GrowthEvent.level, func.count(GrowthEvent.id))
                    .where(GrowthEvent.year_id == year_id)
                    .group_by(GrowthEvent.level)
                )
            ),
            LEVEL_ORDER,
        )
        spoke = (
            select(GrowthEvent.level, EventParticipant.teacher_id)
            .join(EventParticipant, EventParticipant.event_id == GrowthEvent.id)
            .where(GrowthEvent.year_id == year_id, EventParticipant.role == EventRole.SPEAKER.value)
        )
        self.speakers_by_level = _ordered(
            _rows(
                session.execute(
                    select(GrowthEvent.level, func.count(func.distinct(EventParticipant.teacher_id)))
                    .join(EventParticipant, EventParticipant.event_id == GrowthEvent.id)
                    .where(GrowthEvent.year_id == year_id, EventParticipant.role == EventRole.SPEAKER.value)
                    .group_by(GrowthEvent.level)
                )
            ),
            LEVEL_ORDER,
        )
        self.event_speakers = session.scalar(
            select(func.count(func.distinct(spoke.subquery().c.teacher_id)))
        ) or 0
        table = [
            (level, result, int(n))
            for level, result, n in session.execute(
                select(OlympiadResult.level, OlympiadResult.result, func.count(OlympiadResult.id))
                .where(OlympiadResult.year_id == year_id)
                .group_by(OlympiadResult.level, OlympiadResult.result)
            )
        ]
        self.olympiad_table = tuple(
            sorted(
                ((level, result, int(n)) for level, result, n in table),
                key=lambda r: (
                    LEVEL_ORDER.get(r[0], len(LEVEL_ORDER)),
                    r[0],
                    _RESULT_ORDER.get(r[1], len(_RESULT_ORDER)),
                    r[1],
                ),
            )
        )
        by_level: Counter[str] = Counter()
        by_result: Counter[str] = Counter()
        for level, result, n in self.olympiad_table:
            by_level[level] += n
            by_result[result] += n
        self.olympiads_by_level = _ordered(list(by_level.items()), LEVEL_ORDER)
        self.olympiads_by_result = _ordered(list(by_result.items()), _RESULT_ORDER)
        self.experience_by_level = _ordered(
            _rows(
                session.execute(
                    select(Experience.level, func.count(Experience.id))
                    .where(Experience.year_id == year_id)
                    .group_by(Experience.level)
                )
            ),
            LEVEL_ORDER,
        )


def analysis_data(session: Session, year_id: int, as_of: dt.date | None = None) -> AnalysisData:
    """The year's figures (as of ``as_of``, today or the year's end if sooner) and the typed texts."""
    from metodesk.services.council import our_organisation

    year = session.get(AcademicYear, year_id)
    if year is None:
        raise NotFound(_("The academic year was not found."))
    org_id = our_organisation(session)
    org = session.get_one(Organisation, org_id)
    as_of = min(as_of or today_of(), year.end_date)
    staff = list(
        session.scalars(select(Teacher).where(Teacher.organisation_id == org_id, Teacher.archived.is_(False)))
    )
    staff_ids = [t.id for t in staff]
    bodies = _bodies(session, year_id, org_id, as_of)
    held_lessons = session.execute(
        select(Lesson.id, Lesson.date)
        .join(Association, Association.id == Lesson.association_id)
        .where(Lesson.year_id == year_id, Association.organisation_id == org_id, Lesson.status == "held")
    ).all()
    by_month = Counter(day.month for _id, day in held_lessons)
    months = (9, 10, 11, 12, 1, 2, 3, 4, 5)  # the school months, September to May
    held_ids = [lesson_id for lesson_id, _day in held_lessons]
    observations = session.scalars(select(Observation.id).where(Observation.lesson_id.in_(held_ids))).all()
    observed = session.scalar(
        select(func.count(func.distinct(Observation.lesson_id))).where(Observation.lesson_id.in_(held_ids))
    ) or 0
    scores: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for text_kk, text_ru, score, scale_max in session.execute(
        select(ObservationScore.text_kk, ObservationScore.text_ru, ObservationScore.score, Observation.scale_max)
        .join(Observation, Observation.id == ObservationScore.observation_id)
        .where(Observation.id.in_(observations), ObservationScore.score.is_not(None))
        .order_by(ObservationScore.position)
    ):
        if score is not None:
            scores[(text_kk, text_ru)].append((score, scale_max))
    criteria = tuple(
        CriterionScore(kk, ru, round(sum(s for s, _m in found) / len(found), 2), max(m for _s, m in found), len(found))
        for (kk, ru), found in scores.items()
    )
    pairs = list(session.scalars(select(MentoringPair.id).where(MentoringPair.year_id == year_id, MentoringPair.mentee_id.in_(staff_ids))))
    entries = Counter(
        session.scalars(select(MentoringLogEntry.pair_id).where(MentoringLogEntry.pair_id.in_(pairs)))
    )
    cases = session.execute(
        select(AttestationCase.decision).where(
            AttestationCase.year_start == year.start_date.year, AttestationCase.teacher_id.in_(staff_ids)
        )
    ).scalars().all()
    decided = Counter(cases)
    categories = Counter(t.category for t in staff)
    courses = session.execute(
        select(Course.teacher_id, Course.hours, Course.end_date).where(Course.teacher_id.in_(staff_ids))
    ).all()
    in_year = [(t, h) for t, h, end in courses if year.start_date <= end <= year.end_date]
    since = dt.date(as_of.year - COURSE_YEARS, as_of.month, min(as_of.day, 28))
    recent = {t for t, _h, end in courses if end >= since}
    without = tuple(
        sorted(initials_name(t.surname, t.first_name, t.patronymic) for t in staff if t.id not in recent)
    )
    growth = GrowthFigures(session, year_id)
    found = find_analysis(session, year_id)
    row = session.get(YearAnalysis, found) if found else None
    return AnalysisData(
        organisation_kk=org.name_kk,
        organisation_ru=org.name_ru or org.name_kk,
        year_name=year.name,
        first_year=year.start_date.year,
        as_of=as_of,
        staff=len(staff),
        bodies=tuple(bodies),
        lessons_by_month=tuple((m, by_month.get(m, 0)) for m in months),
        lessons_held=len(held_lessons),
        lessons_observed=observed,
        observations=len(observations),
        criteria=criteria,
        pairs=len(pairs),
        pair_meetings=sum(entries.values()),
        silent_pairs=sum(1 for p in pairs if not entries.get(p)),
        attestation_due=len(cases),
        attestation_awarded=decided.get("awarded", 0),
        attestation_refused=decided.get("refused", 0),
        attestation_pending=decided.get("pending", 0),
        categories=tuple(sorted(categories.items(), key=lambda item: -item[1])),
        course_hours=sum(h for _t, h in in_year),
        course_teachers=len({t for t, _h in in_year}),
        without_courses=without,
        conclusions=row.conclusions if row else "",
        problems=row.problems if row else "",
        next_tasks=tuple(line for line in (row.next_tasks if row else "").split("\n") if line.strip()),
        pedcouncil_number=row.pedcouncil_number if row else "",
        pedcouncil_date=row.pedcouncil_date if row else None,
        analysis_id=row.id if row else None,
        events_by_form=growth.events_by_form,
        events_by_level=growth.events_by_level,
        speakers_by_level=growth.speakers_by_level,
        event_speakers=growth.event_speakers,
        olympiads_by_level=growth.olympiads_by_level,
        olympiads_by_result=growth.olympiads_by_result,
        olympiad_table=growth.olympiad_table,
        experience_by_level=growth.experience_by_level,
    )
