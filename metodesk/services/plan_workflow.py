"""The plan's way to approval (docs/domain/order-253.md, 'Approval chain'; Order No. 253 items 27-28):

    draft ──review(meeting)──▶ reviewed ──agree(deputy)──▶ agreed
      ▲                          │  ╲                        │
      └──────withdraw────────────┘   ╲──approve(head)──▶ approved ◀──┘
                                               │
                                  reopen(reason) → back to reviewed / agreed

- review: at a held meeting of the association in the plan's year; its
  protocol number and date become the "Қаралды / Рассмотрено" line.
- agree: optional, after the review.
- approve: only after the review; an approved plan is locked.
- reopen: an approved plan, with a reason; the approval is cleared.
- withdraw: back to draft (the review and agreement are cleared).

Every step is kept in the plan's history: who, when, what, why.

Which step a plan may take in which status is the table ``STEPS`` (read
through :func:`allowed_steps`): the step functions refuse what it does not
allow, and the window enables its buttons from it, so the two cannot differ.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from metodesk.domain.enums import LabelledEnum, register_labels
from metodesk.domain.errors import DomainError
from metodesk.domain.plan_forms import PlanStatus, head_title
from metodesk.domain.text import clean, clean_multiline
from metodesk.i18n import N_, _
from metodesk.i18n.dates import short_date
from metodesk.services.common import limited, reasonable_date
from metodesk.services.plan_activities import check_meeting
from metodesk.services.plan_checks import left_message
from metodesk.services.plans import add_event, check_unlocked, load_plan
from metodesk.storage.models import Plan


class PlanAction(LabelledEnum):
    CREATED = "created"
    COPIED = "copied"
    REVIEWED = "reviewed"
    AGREED = "agreed"
    APPROVED = "approved"
    REOPENED = "reopened"
    WITHDRAWN = "withdrawn"


register_labels(
    PlanAction,
    {
        "created": N_("Created"),
        "copied": N_("Copied from last year"),
        "reviewed": N_("Reviewed at a meeting"),
        "agreed": N_("Agreed with the deputy"),
        "approved": N_("Approved by the head"),
        "reopened": N_("Reopened"),
        "withdrawn": N_("Returned to draft"),
    },
)


# The steps a plan may take in each status (the diagram above). Reviewing a
# reviewed plan again corrects its meeting; agreeing an agreed one corrects the
# deputy's signature.
STEPS: dict[PlanStatus, frozenset[PlanAction]] = {
    PlanStatus.DRAFT: frozenset({PlanAction.REVIEWED}),
    PlanStatus.REVIEWED: frozenset(
        {PlanAction.REVIEWED, PlanAction.AGREED, PlanAction.APPROVED, PlanAction.WITHDRAWN}
    ),
    PlanStatus.AGREED: frozenset({PlanAction.AGREED, PlanAction.APPROVED, PlanAction.WITHDRAWN}),
    PlanStatus.APPROVED: frozenset({PlanAction.REOPENED}),
}


def allowed_steps(status: str) -> frozenset[PlanAction]:
    """The steps a plan in ``status`` (a PlanStatus code) may take; none for an
    unknown or empty status (no plan chosen)."""
    try:
        return STEPS[PlanStatus(status)]
    except ValueError:
        return frozenset()


def _may(plan: Plan, step: PlanAction) -> bool:
    return step in allowed_steps(plan.status)


@dataclass(frozen=True)
class EventRow:
    at: dt.datetime  # local time
    who: str
    action: str
    details: str
    reason: str

    @property
    def action_label(self) -> str:
        return PlanAction.label_for(self.action)


@dataclass(frozen=True)
class Signatory:
    """A proposal for the agreement or approval form: name, title, date."""

    name: str
    title: str
    date: dt.date


def _status(plan: Plan) -> PlanStatus:
    return PlanStatus(plan.status)


def _signed(
    name: str, title: str, date: dt.date | None, today: dt.date, name_message: str
) -> tuple[str, str, dt.date]:
    name = limited(name, "name")
    if not name:
        raise DomainError(name_message, field="name")
    if date is None:
        raise DomainError(_("Enter the date."), field="date")
    reasonable_date(date, "date")
    if date > today:
        raise DomainError(_("The date cannot be in the future."), field="date")
    return name, limited(title, "title"), date


def _not_before_review(plan: Plan, date: dt.date, message: str) -> None:
    meeting = plan.review_meeting
    if meeting is not None and date < meeting.date:
        raise DomainError(message.format(date=short_date(meeting.date)), field="date")


def review(session: Session, plan_id: int, meeting_id: int, who: str | None = None) -> None:
    """Record the meeting that reviewed the plan (a draft, or a reviewed plan
    whose meeting is corrected)."""
    plan = load_plan(session, plan_id)
    if not _may(plan, PlanAction.REVIEWED):
        check_unlocked(plan)  # approved: its own sentence; agreed:
        raise DomainError(
            _(
                "The plan is already agreed with the deputy: return it to draft first "
                "to record another review."
            ),
            field="meeting_id",
        )
    meeting = check_meeting(session, plan, meeting_id, "meeting_id")
    assert meeting is not None
    if meeting.status != "held":
        raise DomainError(
            _(
                "Meeting No. {number} of {date} has not been held yet: mark it as held, "
                "then record the review."
            ).format(number=meeting.number, date=short_date(meeting.date)),
            field="meeting_id",
        )
    plan.review_meeting = meeting
    plan.status = PlanStatus.REVIEWED.value
    add_event(plan, PlanAction.REVIEWED.value, who, f"№ {meeting.number}, {short_date(meeting.date)}")
    session.flush()


def agree(
    session: Session,
    plan_id: int,
    name: str,
    date: dt.date | None,
    title: str = "",
    who: str | None = None,
    today: dt.date | None = None,
) -> None:
    """Record that the deputy agreed the plan ("Келісілді / Согласовано")."""
    plan = load_plan(session, plan_id)
    if not _may(plan, PlanAction.AGREED):
        check_unlocked(plan)  # approved: its own sentence; a draft:
        raise DomainError(
            _("The plan is agreed with the deputy after it is reviewed at an association meeting."),
            field="meeting_id",
        )
    name, title, date = _signed(name, title, date, today or dt.date.today(), _("Enter the deputy's name."))
    _not_before_review(
        plan, date, _("The deputy agrees the plan on or after the meeting that reviewed it ({date}).")
    )
    plan.agreed_name, plan.agreed_title, plan.agreed_on = name, title, date
    plan.status = PlanStatus.AGREED.value
    add_event(plan, PlanAction.AGREED.value, who, f"{name}, {short_date(date)}")
    session.flush()


def approve(
    session: Session,
    plan_id: int,
    name: str,
    title: str,
    date: dt.date | None,
    who: str | None = None,
    today: dt.date | None = None,
) -> None:
    """The head approves the plan ("БЕКІТЕМІН / УТВЕРЖДАЮ"); it is then locked."""
    plan = load_plan(session, plan_id)
    if _status(plan) is PlanStatus.APPROVED:
        raise DomainError(_("The plan is approved already."))
    if not _may(plan, PlanAction.APPROVED) or plan.review_meeting is None:  # a draft, or its meeting deleted
        raise DomainError(
            _(
                "The plan has not been reviewed at an association meeting yet: record the review "
                "first, then the head approves it."
            ),
            field="meeting_id",
        )
    name, title, date = _signed(name, title, date, today or dt.date.today(), _("Enter the head's name."))
    if not title:
        raise DomainError(_("Enter the head's title."), field="title")
    _not_before_review(
        plan, date, _("The head approves the plan on or after the meeting that reviewed it ({date}).")
    )
    if plan.agreed_on is not None and date < plan.agreed_on:
        raise DomainError(
            _("The head approves the plan on or after the deputy agreed it ({date}).").format(
                date=short_date(plan.agreed_on)
            ),
            field="date",
        )
    if not plan.activities:
        raise DomainError(_("A plan without activities cannot be approved: add them first."))
    for number, activity in enumerate(plan.activities, start=1):
        gone = [t for t in activity.responsible if t.archived]
        if gone:
            raise DomainError(left_message(number, gone[0]))
    plan.approved_name, plan.approved_title, plan.approved_on = name, title, date
    plan.status = PlanStatus.APPROVED.value
    add_event(plan, PlanAction.APPROVED.value, who, f"{name}, {short_date(date)}")
    session.flush()


def reopen(session: Session, plan_id: int, reason: str, who: str | None = None) -> None:
    """Unlock an approved plan to edit it; the approval is cleared and the plan
    goes back to reviewed (or agreed). The reason is kept in the history."""
    plan = load_plan(session, plan_id)
    if not _may(plan, PlanAction.REOPENED):
        raise DomainError(_("Only an approved plan is reopened; this one can be edited as it is."))
    reason = clean_multiline(reason)
    if not reason:
        raise DomainError(_("Say why the plan is reopened."), field="reason")
    was = f"{plan.approved_name}, {short_date(plan.approved_on)}"
    plan.approved_name, plan.approved_title, plan.approved_on = "", "", None
    plan.status = (PlanStatus.AGREED if plan.agreed_on else PlanStatus.REVIEWED).value
    add_event(plan, PlanAction.REOPENED.value, who, was, reason)
    session.flush()


def withdraw(session: Session, plan_id: int, reason: str = "", who: str | None = None) -> None:
    """Return a reviewed or agreed plan to draft, clearing the review and agreement."""
    plan = load_plan(session, plan_id)
    if not _may(plan, PlanAction.WITHDRAWN):
        check_unlocked(plan)  # approved: its own sentence
        raise DomainError(_("The plan is a draft already."))
    plan.review_meeting = None
    plan.agreed_name, plan.agreed_title, plan.agreed_on = "", "", None
    plan.status = PlanStatus.DRAFT.value
    add_event(plan, PlanAction.WITHDRAWN.value, who, "", reason)
    session.flush()


def history(session: Session, plan_id: int) -> list[EventRow]:
    """The plan's events, oldest first, with local times."""
    plan = load_plan(session, plan_id)
    return [
        EventRow(
            at=e.at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None),
            who=e.who,
            action=e.action,
            details=e.details,
            reason=e.reason,
        )
        for e in plan.events
    ]


def proposed_approval(session: Session, plan_id: int, today: dt.date, lang: str = "kk") -> Signatory:
    """What the approval form starts with: the organisation's head and title."""
    plan = load_plan(session, plan_id)
    org = plan.association.organisation
    title = head_title(clean(org.head_title), org.kind, lang)
    return Signatory(org.head_name, title, today)


def proposed_agreement(session: Session, plan_id: int, today: dt.date) -> Signatory:
    """What the agreement form starts with: the organisation's deputy."""
    plan = load_plan(session, plan_id)
    return Signatory(plan.association.organisation.deputy_name, "", today)
