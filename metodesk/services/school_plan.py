"""The school's plan of methodical work for a year: its theme, goal and tasks,
the rows typed by hand (the rest is drawn from the records when it is read:
``school_plan_rows``), and its way to approval:

    draft ──review(council meeting)──▶ reviewed ──consider(ped. council №, date)──▶ considered
      ▲                                   │                                          │
      └────────────withdraw───────────────┴──────────────◀──────────────approve(director) ─▶ approved
                                                                                     reopen(reason) ◀┘

- review: at a held meeting of the methodical council of the plan's year;
- consider: the pedagogical council's protocol № and date, on or after the review;
- approve: by the director, on or after the consideration; the plan is then locked;
- reopen: an approved plan, with a reason (kept); back to "considered";
- withdraw: back to draft, the review and the consideration cleared.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from metodesk.domain.council import COUNCIL_KIND, MAX_PLAN_TEXT, SchoolPlanSection, SchoolPlanStatus
from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.text import clean_multiline
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services.common import check_enum, get_or_fail, limited, reasonable_date
from metodesk.storage.models import AcademicYear, Meeting, SchoolPlan, SchoolPlanRow

MAX_PED_NUMBER = 20


@dataclass
class RowInput:
    section: str = SchoolPlanSection.MONITORING.value
    content: str = ""
    form: str = ""
    dates: str = ""
    responsible: str = ""
    result: str = ""


def find_school_plan(session: Session, year_id: int, organisation_id: int | None = None) -> int | None:
    """The id of the school's plan for the year, or None."""
    from metodesk.services.council import our_organisation

    org = organisation_id if organisation_id is not None else our_organisation(session)
    return session.scalar(
        select(SchoolPlan.id).where(SchoolPlan.year_id == year_id, SchoolPlan.organisation_id == org)
    )


def ensure_school_plan(session: Session, year_id: int, organisation_id: int | None = None) -> int:
    """The school's plan for the year, created as an empty draft when there is none;
    a new plan takes its tasks from last year's analysis (its next year's tasks)."""
    from metodesk.services.council import our_organisation

    year = session.get(AcademicYear, year_id)
    if year is None:
        raise NotFound(_("The academic year was not found."))
    org = organisation_id if organisation_id is not None else our_organisation(session)
    found = find_school_plan(session, year_id, org)
    if found is not None:
        return found
    plan = SchoolPlan(organisation_id=org, year_id=year_id, status=SchoolPlanStatus.DRAFT.value)
    plan.tasks = _tasks_from_last_year(session, year, org)
    session.add(plan)
    session.flush()
    return plan.id


def _tasks_from_last_year(session: Session, year: AcademicYear, organisation_id: int) -> str:
    from metodesk.storage.models import YearAnalysis

    before = session.scalar(
        select(YearAnalysis.next_tasks)
        .join(AcademicYear, AcademicYear.id == YearAnalysis.year_id)
        .where(YearAnalysis.organisation_id == organisation_id, AcademicYear.start_date < year.start_date)
        .order_by(AcademicYear.start_date.desc())
        .limit(1)
    )
    return before or ""


def load(session: Session, plan_id: int) -> SchoolPlan:
    return get_or_fail(session, SchoolPlan, plan_id, _("The school plan was not found."))


def _unlocked(plan: SchoolPlan) -> None:
    if plan.status == SchoolPlanStatus.APPROVED.value:
        raise DomainError(_("The plan is approved and locked: reopen it (with a reason) to change it."))


def _text(value: str, field: str) -> str:
    text = clean_multiline(value)
    if len(text) > MAX_PLAN_TEXT:
        raise DomainError(_("The text is too long (at most {n} characters).").format(n=MAX_PLAN_TEXT), field=field)
    return text


def save_header(session: Session, plan_id: int, theme: str, goal: str, tasks: str) -> None:
    """The school's methodical theme, the goal and the tasks (one a line)."""
    plan = load(session, plan_id)
    _unlocked(plan)
    plan.theme, plan.goal = _text(theme, "theme"), _text(goal, "goal")
    plan.tasks = "\n".join(line.strip() for line in _text(tasks, "tasks").split("\n") if line.strip())
    session.flush()


def save_row(session: Session, plan_id: int, data: RowInput, row_id: int | None = None) -> int:
    """Add a row typed by hand at the end of its section, or edit one."""
    plan = load(session, plan_id)
    _unlocked(plan)
    check_enum(data.section, SchoolPlanSection, "section")
    content = _text(data.content, "content")
    if not content:
        raise DomainError(_("Enter what is to be done."), field="content")
    row = get_or_fail(session, SchoolPlanRow, row_id, _("The row was not found.")) if row_id else None
    if row is not None and row.plan_id != plan_id:
        raise NotFound(_("The row was not found."))
    if row is None:
        last = session.scalar(select(func.max(SchoolPlanRow.position)).where(SchoolPlanRow.plan_id == plan_id))
        row = SchoolPlanRow(plan_id=plan_id, position=(last or 0) + 1)
        session.add(row)
    row.section, row.content = data.section, content
    row.form = limited(data.form, "form")
    row.dates = limited(data.dates, "dates", 100)
    row.responsible = limited(data.responsible, "responsible")
    row.result = limited(data.result, "result", 300)
    session.flush()
    return row.id


def delete_row(session: Session, row_id: int) -> None:
    row = get_or_fail(session, SchoolPlanRow, row_id, _("The row was not found."))
    _unlocked(load(session, row.plan_id))
    session.delete(row)
    session.flush()


def council_meetings_for_review(session: Session, plan_id: int) -> list[Meeting]:
    """The held meetings of the council of the plan's year that may review it."""
    plan = load(session, plan_id)
    from metodesk.storage.models import Association

    return list(
        session.scalars(
            select(Meeting)
            .join(Association, Association.id == Meeting.association_id)
            .where(
                Association.kind == COUNCIL_KIND,
                Association.organisation_id == plan.organisation_id,
                Meeting.year_id == plan.year_id,
                Meeting.status == "held",
            )
            .order_by(Meeting.date, Meeting.number)
        )
    )


def review(session: Session, plan_id: int, meeting_id: int) -> None:
    """Record the council meeting that reviewed the plan (a draft, or a reviewed plan being corrected)."""
    plan = load(session, plan_id)
    _unlocked(plan)
    if plan.status == SchoolPlanStatus.CONSIDERED.value:
        raise DomainError(_("The plan is already considered at the pedagogical council: return it to draft first."))
    meeting = next((m for m in council_meetings_for_review(session, plan_id) if m.id == meeting_id), None)
    if meeting is None:
        raise DomainError(
            _("Choose a held meeting of the methodical council of the plan's year."), field="meeting_id"
        )
    plan.review_meeting = meeting
    plan.status = SchoolPlanStatus.REVIEWED.value
    session.flush()


def consider(session: Session, plan_id: int, number: str, date: dt.date | None) -> None:
    """Record the pedagogical council's protocol (№, date) that considered the plan."""
    plan = load(session, plan_id)
    _unlocked(plan)
    if plan.status == SchoolPlanStatus.DRAFT.value or plan.review_meeting is None:
        raise DomainError(
            _("The plan is considered at the pedagogical council after the methodical council reviews it.")
        )
    number = limited(number, "pedcouncil_number", MAX_PED_NUMBER).removeprefix("№").strip()
    if not number:
        raise DomainError(_("Enter the number of the pedagogical council's protocol."), field="pedcouncil_number")
    day = reasonable_date(date, "pedcouncil_date")
    if day is None:
        raise DomainError(_("Enter the date."), field="pedcouncil_date")
    if day < plan.review_meeting.date:
        raise DomainError(
            _("The pedagogical council considers the plan on or after the methodical council reviewed it ({date}).").format(
                date=short_date(plan.review_meeting.date)
            ),
            field="pedcouncil_date",
        )
    plan.pedcouncil_number, plan.pedcouncil_date = number, day
    plan.status = SchoolPlanStatus.CONSIDERED.value
    session.flush()


def approve(session: Session, plan_id: int, name: str, title: str, date: dt.date | None) -> None:
    """The director approves the plan ("БЕКІТЕМІН / УТВЕРЖДАЮ"); it is then locked."""
    plan = load(session, plan_id)
    if plan.status == SchoolPlanStatus.APPROVED.value:
        raise DomainError(_("The plan is approved already."))
    if plan.status != SchoolPlanStatus.CONSIDERED.value or plan.pedcouncil_date is None:
        raise DomainError(
            _("The director approves the plan after the pedagogical council has considered it: record that first.")
        )
    name = limited(name, "name")
    if not name:
        raise DomainError(_("Enter the head's name."), field="name")
    day = reasonable_date(date, "date")
    if day is None:
        raise DomainError(_("Enter the date."), field="date")
    if day < plan.pedcouncil_date:
        raise DomainError(
            _("The director approves the plan on or after the pedagogical council considered it ({date}).").format(
                date=short_date(plan.pedcouncil_date)
            ),
            field="date",
        )
    plan.approved_name, plan.approved_title, plan.approved_on = name, limited(title, "title"), day
    plan.status = SchoolPlanStatus.APPROVED.value
    session.flush()


def reopen(session: Session, plan_id: int, reason: str) -> None:
    """Unlock an approved plan to change it; the approval is cleared, the reason kept."""
    plan = load(session, plan_id)
    if plan.status != SchoolPlanStatus.APPROVED.value:
        raise DomainError(_("Only an approved plan is reopened; this one can be edited as it is."))
    reason = _text(reason, "reason")
    if not reason:
        raise DomainError(_("Say why the plan is reopened."), field="reason")
    plan.approved_name, plan.approved_title, plan.approved_on = "", "", None
    plan.reopen_reason = reason
    plan.status = SchoolPlanStatus.CONSIDERED.value
    session.flush()


def withdraw(session: Session, plan_id: int) -> None:
    """Back to draft: the review and the consideration are cleared."""
    plan = load(session, plan_id)
    _unlocked(plan)
    if plan.status == SchoolPlanStatus.DRAFT.value:
        raise DomainError(_("The plan is a draft already."))
    plan.review_meeting = None
    plan.pedcouncil_number, plan.pedcouncil_date = "", None
    plan.status = SchoolPlanStatus.DRAFT.value
    session.flush()
