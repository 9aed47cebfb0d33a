"""Annual association plans (Order No. 253 item 28; docs/domain/order-253.md, 'Annual plans'): one
per association per academic year, with its sections (analysis of the past
year, methodical theme, goal, ordered tasks) and its activities.

Activities are edited in ``plan_activities``; the way to approval (review at a
meeting, agreement, approval, reopening) is in ``plan_workflow``; the copy into
the next year in ``plan_copy``; what a printed plan needs in ``plan_rows``.

An activity tied to a meeting that was held, an open lesson that was held or
a mentoring log entry (logged, so it took place) counts as done whatever its
stored status says (``effective_status``). Progress is the share of activities done
among those not cancelled.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass, field

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.plan_forms import (
    ActivityStatus,
    PlanStatus,
    WorkForm,
    activity_when,
    direction_label,
    parse_months,
)
from metodesk.domain.text import clean, clean_multiline, initials_name
from metodesk.i18n import _
from metodesk.i18n.dates import protocol_reference
from metodesk.services import plan_counts
from metodesk.services.common import get_or_fail
from metodesk.services.plan_fulfilment import effective_status, fulfilled, link_fields  # noqa: F401
from metodesk.storage.models import (
    Association,
    Meeting,
    Plan,
    PlanActivity,
    PlanEvent,
    PlanTask,
)

MAX_SECTION = 20000
MAX_TASK = 1000
MAX_TASKS = 30


@dataclass(frozen=True)
class PlanRow:
    """A line of the plans list."""

    id: int
    association_id: int
    association_kk: str
    association_ru: str
    organisation_id: int
    year_id: int
    year_name: str
    status: str
    activity_count: int
    done_count: int
    cancelled_count: int
    review_number: int | None = None
    review_date: dt.date | None = None

    def association(self, lang: str) -> str:
        return (self.association_ru or self.association_kk) if lang == "ru" else self.association_kk

    @property
    def progress(self) -> float:
        """Done among the activities not cancelled, from 0 to 1 (0 for an empty plan)."""
        counted = self.activity_count - self.cancelled_count
        return self.done_count / counted if counted > 0 else 0.0

    @property
    def percent(self) -> int:
        return round(self.progress * 100)

    @property
    def status_label(self) -> str:
        return PlanStatus.label_for(self.status)


@dataclass(frozen=True)
class ActivityRow:
    id: int
    plan_id: int
    number: int
    content: str
    form: str
    form_text: str
    direction: str
    start_date: dt.date | None
    end_date: dt.date | None
    months: tuple[int, ...]
    responsible_ids: tuple[int, ...]
    responsible_names: tuple[str, ...]  # 'Тегі А.Ә.', in the same order as the ids
    responsible_archived: tuple[str, ...]  # the names of those who have left
    responsible_text: str
    expected: str
    status: str  # as stored
    effective_status: str  # 'done' when the tied meeting or lesson was held, or an entry logged
    status_note: str
    carried_over: bool
    meeting_id: int | None
    meeting_number: int | None
    meeting_date: dt.date | None
    lesson_id: int | None = None
    lesson_date: dt.date | None = None
    lesson_teacher: str = ""  # 'Тегі А.Ә.'
    lesson_topic: str = ""
    lesson_held: bool = False
    mentoring_entry_id: int | None = None
    mentoring_date: dt.date | None = None
    mentoring_pair: str = ""  # 'Тегі А.Ә. – Тегі Б.В.' (mentor – mentee)
    version: int = 0  # the record's version as read: an edit's save names it (issue 20)

    def when(self, lang: str) -> str:
        return activity_when(self.start_date, self.end_date, self.months, lang)

    @property
    def form_label(self) -> str:
        """The form in the window's language (the user's own wording as typed)."""
        if self.form:
            return WorkForm.label_for(self.form)
        return self.form_text

    @property
    def direction_label(self) -> str:
        return direction_label(self.direction)

    @property
    def responsible(self) -> str:
        """Members, then the free text: 'Тегі А.Ә., Тегі Б.В., ӘБ мүшелері'."""
        return ", ".join(p for p in (*self.responsible_names, self.responsible_text) if p)

    @property
    def status_label(self) -> str:
        return ActivityStatus.label_for(self.effective_status)


@dataclass(frozen=True)
class PlanDetail:
    row: PlanRow
    organisation_kind: str
    analysis: str
    theme: str
    goal: str
    tasks: tuple[str, ...]
    activities: tuple[ActivityRow, ...]
    review_meeting_id: int | None
    review_number: int | None
    review_date: dt.date | None
    agreed_name: str
    agreed_title: str
    agreed_on: dt.date | None
    approved_name: str
    approved_title: str
    approved_on: dt.date | None

    @property
    def locked(self) -> bool:
        status = PlanStatus.known(self.row.status)
        return status is not None and status.locked

    def reviewed_at(self, lang: str) -> str:
        """'№ 1 хаттама, 2025 жылғы 28 тамыз'; '' while not reviewed."""
        if self.review_number is None or self.review_date is None:
            return ""
        return protocol_reference(self.review_number, self.review_date, lang)


@dataclass
class SectionsInput:
    analysis: str = ""
    theme: str = ""
    goal: str = ""
    tasks: list[str] = field(default_factory=list)


def os_user() -> str:
    """The computer's user name, for history entries nobody signed."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return ""


def add_event(plan: Plan, action: str, who: str | None, details: str = "", reason: str = "") -> None:
    """A line of the plan's history; ``who`` is the typed name or, when empty, the OS user."""
    plan.events.append(
        PlanEvent(
            action=action,
            who=clean(who)[:200] or os_user(),
            details=details[:300],
            reason=clean_multiline(reason),
        )
    )


def _activity_row(a: PlanActivity, number: int) -> ActivityRow:
    people = sorted(a.responsible, key=lambda t: (t.surname, t.first_name))
    try:
        months = parse_months(a.months)
    except ValueError:
        months = ()
    return ActivityRow(
        id=a.id,
        plan_id=a.plan_id,
        number=number,
        content=a.content,
        form=a.form,
        form_text=a.form_text,
        direction=a.direction,
        start_date=a.start_date,
        end_date=a.end_date,
        months=months,
        responsible_ids=tuple(t.id for t in people),
        responsible_names=tuple(initials_name(t.surname, t.first_name, t.patronymic) for t in people),
        responsible_archived=tuple(
            initials_name(t.surname, t.first_name, t.patronymic) for t in people if t.archived
        ),
        responsible_text=a.responsible_text,
        expected=a.expected,
        status=a.status,
        effective_status=effective_status(a),
        status_note=a.status_note,
        carried_over=a.carried_over,
        meeting_id=a.meeting_id,
        meeting_number=a.meeting.number if a.meeting else None,
        meeting_date=a.meeting.date if a.meeting else None,
        **link_fields(a),
        version=a.version,
    )


def _row(plan: Plan) -> PlanRow:
    statuses = [effective_status(a) for a in plan.activities]
    assoc = plan.association
    return PlanRow(
        id=plan.id,
        association_id=plan.association_id,
        association_kk=assoc.name_kk,
        association_ru=assoc.name_ru,
        organisation_id=assoc.organisation_id,
        year_id=plan.year_id,
        year_name=plan.year.name,
        status=plan.status,
        activity_count=len(statuses),
        done_count=statuses.count(ActivityStatus.DONE.value),
        cancelled_count=statuses.count(ActivityStatus.CANCELLED.value),
        review_number=plan.review_meeting.number if plan.review_meeting else None,
        review_date=plan.review_meeting.date if plan.review_meeting else None,
    )


def _query() -> Select[Plan]:
    return select(Plan).options(
        selectinload(Plan.association).selectinload(Association.organisation),
        selectinload(Plan.year),
        selectinload(Plan.review_meeting),
        selectinload(Plan.tasks),
        selectinload(Plan.activities).selectinload(PlanActivity.meeting),
        selectinload(Plan.activities).selectinload(PlanActivity.lesson),
        selectinload(Plan.activities).selectinload(PlanActivity.mentoring_entry),
        selectinload(Plan.activities).selectinload(PlanActivity.responsible),
    )


def load_plan(session: Session, plan_id: int) -> Plan:
    """The ORM plan with what its rows need (for the other plan services)."""
    plan = session.scalars(_query().where(Plan.id == plan_id)).first()
    if plan is None:
        raise NotFound(_("The plan was not found."))
    return plan


def check_unlocked(plan: Plan) -> None:
    """Refuse any change to the content of an approved plan."""
    if PlanStatus(plan.status).locked:
        raise DomainError(_("The plan is approved and locked: reopen it with a reason to change it."))


def _association(session: Session, association_id: int) -> Association:
    return get_or_fail(
        session,
        Association,
        association_id,
        _("There is no association with id {id}.").format(id=association_id),
    )


def find_plan(session: Session, association_id: int) -> int | None:
    """The id of the association's plan for its academic year, or None."""
    assoc = _association(session, association_id)
    return session.scalar(
        select(Plan.id).where(Plan.association_id == association_id, Plan.year_id == assoc.year_id)
    )


def create_plan(session: Session, association_id: int, who: str | None = None) -> int:
    """The association's plan for its academic year: a new draft, or the one it
    already has (there is one plan per association per year)."""
    existing = find_plan(session, association_id)
    if existing is not None:
        return existing
    assoc = _association(session, association_id)
    plan = Plan(association_id=assoc.id, year_id=assoc.year_id, status=PlanStatus.DRAFT.value)
    session.add(plan)
    add_event(plan, "created", who)
    session.flush()
    return plan.id


def get_plan(session: Session, plan_id: int) -> PlanDetail:
    plan = load_plan(session, plan_id)
    meeting: Meeting | None = plan.review_meeting
    return PlanDetail(
        row=_row(plan),
        organisation_kind=plan.association.organisation.kind,
        analysis=plan.analysis,
        theme=plan.theme,
        goal=plan.goal,
        tasks=tuple(t.text for t in plan.tasks),
        activities=tuple(_activity_row(a, n) for n, a in enumerate(plan.activities, start=1)),
        review_meeting_id=plan.review_meeting_id,
        review_number=meeting.number if meeting else None,
        review_date=meeting.date if meeting else None,
        agreed_name=plan.agreed_name,
        agreed_title=plan.agreed_title,
        agreed_on=plan.agreed_on,
        approved_name=plan.approved_name,
        approved_title=plan.approved_title,
        approved_on=plan.approved_on,
    )


def list_plans(session: Session, year_id: int | None = None) -> list[PlanRow]:
    """Plans with their progress, by association: plain columns and counts from
    ``plan_counts``, no ORM plans (the same rows as ``_row`` of a loaded plan)."""
    counts = plan_counts.progress_counts(session, year_id)
    rows = []
    for record in plan_counts.plan_records(session, year_id):
        total, done, cancelled = counts.get(record.id, (0, 0, 0))
        rows.append(
            PlanRow(
                id=record.id,
                association_id=record.association_id,
                association_kk=record.name_kk,
                association_ru=record.name_ru,
                organisation_id=record.organisation_id,
                year_id=record.year_id,
                year_name=record.year_name,
                status=record.status,
                activity_count=total,
                done_count=done,
                cancelled_count=cancelled,
                review_number=record.review_number,
                review_date=record.review_date,
            )
        )
    return rows


def _section(value: str, field_name: str) -> str:
    text = clean_multiline(value)
    if len(text) > MAX_SECTION:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=MAX_SECTION),
            field=field_name,
        )
    return text


def save_sections(session: Session, plan_id: int, data: SectionsInput) -> None:
    """Save the analysis, theme, goal and the ordered tasks (empty lines dropped)."""
    plan = load_plan(session, plan_id)
    check_unlocked(plan)
    analysis = _section(data.analysis, "analysis")
    theme = _section(data.theme, "theme")
    goal = _section(data.goal, "goal")
    tasks = [clean_multiline(t) for t in data.tasks]
    tasks = [t for t in tasks if t]
    if len(tasks) > MAX_TASKS:
        raise DomainError(_("A plan has at most {limit} tasks.").format(limit=MAX_TASKS), field="tasks")
    if any(len(t) > MAX_TASK for t in tasks):
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=MAX_TASK), field="tasks"
        )
    plan.analysis, plan.theme, plan.goal = analysis, theme, goal
    plan.tasks.clear()
    session.flush()
    for position, text in enumerate(tasks, start=1):
        plan.tasks.append(PlanTask(position=position, text=text))
    session.flush()


def delete_plan(session: Session, plan_id: int) -> None:
    """Delete a plan that is not approved, with its activities and history."""
    plan = load_plan(session, plan_id)
    check_unlocked(plan)
    session.delete(plan)
    session.flush()
