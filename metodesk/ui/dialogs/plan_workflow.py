"""The steps of an annual plan's way to approval (docs/domain/order-253.md, 'Approval chain'): review
at a held meeting of the association, agreement with the deputy, approval by
the head, and the two ways back (reopen an approved plan, return a plan to
draft), each with a reason kept in the plan's history.

Every dialog writes its step in one transaction through ``plan_workflow``; a
refusal shows the services' sentence next to its field."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import MeetingStatus
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import meetings, plan_workflow, plans, settings
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import label_of, text_box
from metodesk.ui.widgets import DateField

MIN_WIDTH = 520


def meeting_text(number: int, date: dt.date, status: str) -> str:
    """'No. 1 of 28.08.2025 (held)' for the meeting pickers."""
    return _("No. {number} of {date} ({status})").format(
        number=number, date=short_date(date), status=label_of(MeetingStatus, status).lower()
    )


def _intro(dialog: FormDialog, name: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    dialog.form.addRow(label)
    return label


class ReviewDialog(FormDialog):
    """Pick the association's meeting that reviewed the plan (held ones first)."""

    def __init__(self, ctx: AppContext, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Review at a meeting"), parent)
        self.plan_id = plan_id
        with ctx.reading() as session:
            detail = plans.get_plan(session, plan_id)
            rows = meetings.list_meetings(session, detail.row.association_id, detail.row.year_id)
        _intro(
            self,
            "review_intro",
            _(
                "Choose the association's meeting that reviewed the plan: its protocol number and "
                "date become the “Reviewed” line of the printed plan."
            ),
        )
        self.meeting_combo = QComboBox()
        self.meeting_combo.setObjectName("review_meeting_combo")
        held = [m for m in rows if m.held]
        for meeting in held + [m for m in rows if not m.held]:
            self.meeting_combo.addItem(meeting_text(meeting.number, meeting.date, meeting.status), meeting.id)
        chosen = detail.review_meeting_id or (held[0].id if held else None)
        self.meeting_combo.setCurrentIndex(max(self.meeting_combo.findData(chosen), 0))
        self.add_field(_("Meeting"), self.meeting_combo, "meeting_id")
        if not rows:
            _intro(
                self,
                "review_no_meetings",
                _(
                    "The association has no meetings in {year} yet: add the meeting in the "
                    "Associations tab and mark it as held first."
                ).format(year=detail.row.year_name),
            )
        self.setMinimumWidth(MIN_WIDTH)

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        meeting_id = self.meeting_combo.currentData()
        if meeting_id is None:
            raise DomainError(_("Choose the meeting that reviewed the plan."), field="meeting_id")
        plan_workflow.review(session, self.plan_id, int(meeting_id))
        return self.plan_id


def _remembered(session, key: str) -> tuple[str, str] | None:  # type: ignore[no-untyped-def]
    """The (name, title) remembered under ``key``; None when nothing usable is."""
    try:
        value = json.loads(settings.get(session, key) or "null")
    except ValueError:
        return None
    if not isinstance(value, dict) or not str(value.get("name", "")).strip():
        return None
    return str(value["name"]), str(value.get("title", ""))


class SignatoryDialog(FormDialog):
    """Name, title and date of the one who signs: the deputy or the head. The
    name and title typed last are remembered per organisation (issue 19.11) and
    proposed next time, ahead of the organisation's card."""

    role = ""  # "agree" or "approve": the key the signatory is remembered under

    def __init__(self, ctx: AppContext, title: str, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.plan_id = plan_id
        with ctx.reading() as session:
            self.organisation_id = plans.get_plan(session, plan_id).row.organisation_id
            self.remembered = _remembered(session, self._key())
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("signatory_name")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("signatory_title")
        self.date_field = DateField("date")

    def _key(self) -> str:
        return f"signatory/{self.organisation_id}/{self.role}"

    def remember(self, session) -> None:  # type: ignore[no-untyped-def]
        """Keep the name and title for this organisation's next plan (same transaction)."""
        value = json.dumps({"name": self.name_edit.text().strip(), "title": self.title_edit.text().strip()})
        settings.put(session, self._key(), value)

    def _fields(self, name: str, title: str, date: dt.date | None, title_label: str) -> None:
        self.name_edit.setText(name)
        self.title_edit.setText(title)
        self.date_field.set_date(date)
        self.add_field(_("Full name"), self.name_edit, "name")
        self.add_field(title_label, self.title_edit, "title")
        self.add_field(_("Date"), self.date_field, "date")
        self.setMinimumWidth(MIN_WIDTH)


class AgreeDialog(SignatoryDialog):
    """ "Келісілді / Согласовано": the deputy's name, title (optional) and date."""

    role = "agree"

    def __init__(
        self, ctx: AppContext, plan_id: int, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(ctx, _("Agreed with the deputy"), plan_id, parent)
        self.today = today or dt.date.today()
        with ctx.reading() as session:
            detail = plans.get_plan(session, plan_id)
            proposal = plan_workflow.proposed_agreement(session, plan_id, self.today)
        _intro(
            self,
            "agree_intro",
            _("The deputy's agreement is optional; it comes after the review and before the approval."),
        )
        if detail.agreed_on is not None:
            self._fields(detail.agreed_name, detail.agreed_title, detail.agreed_on, _("Title (optional)"))
        else:
            name, title = self.remembered or (proposal.name, proposal.title)
            self._fields(name, title, proposal.date, _("Title (optional)"))

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        plan_workflow.agree(
            session,
            self.plan_id,
            self.name_edit.text(),
            self.date_field.date(),
            self.title_edit.text(),
            today=self.today,
        )
        self.remember(session)
        return self.plan_id


class ApproveDialog(SignatoryDialog):
    """ "БЕКІТЕМІН / УТВЕРЖДАЮ": the head's name, title and date, proposed from our
    organisation; the plan is then locked."""

    role = "approve"

    def __init__(
        self, ctx: AppContext, plan_id: int, parent: QWidget | None = None, today: dt.date | None = None
    ) -> None:
        super().__init__(ctx, _("Approved by the head"), plan_id, parent)
        self.today = today or dt.date.today()
        with ctx.reading() as session:
            lang = settings.print_language(session)
            proposal = plan_workflow.proposed_approval(session, plan_id, self.today, lang)
        _intro(
            self,
            "approve_intro",
            _(
                "Once the head approves the plan it is locked: to change it afterwards, reopen it "
                "with a reason."
            ),
        )
        name, title = self.remembered or (proposal.name, proposal.title)
        self._fields(name, title, proposal.date, _("Position"))

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        plan_workflow.approve(
            session,
            self.plan_id,
            self.name_edit.text(),
            self.title_edit.text(),
            self.date_field.date(),
            today=self.today,
        )
        self.remember(session)
        return self.plan_id


REOPEN, WITHDRAW = "reopen", "withdraw"


class ReasonDialog(FormDialog):
    """Reopen an approved plan (a reason is required) or return a plan to draft."""

    def __init__(self, ctx: AppContext, plan_id: int, action: str, parent: QWidget | None = None) -> None:
        reopen = action == REOPEN
        super().__init__(ctx, _("Reopen the plan") if reopen else _("Return the plan to draft"), parent)
        self.plan_id = plan_id
        self.action = action
        _intro(
            self,
            "reason_intro",
            _(
                "Reopening clears the head's approval so the plan can be changed; it is approved "
                "again afterwards. The reason is kept in the plan's history."
            )
            if reopen
            else _(
                "Returning to draft clears the review and the agreement; the plan is then reviewed "
                "at a meeting again. The reason is kept in the plan's history."
            ),
        )
        self.reason_edit = text_box("reason_edit", 3)
        self.add_field(_("Reason") if reopen else _("Reason (optional)"), self.reason_edit, "reason")
        self.setMinimumWidth(MIN_WIDTH)

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        reason = self.reason_edit.toPlainText()
        if self.action == REOPEN:
            plan_workflow.reopen(session, self.plan_id, reason)
        else:
            plan_workflow.withdraw(session, self.plan_id, reason)
        return self.plan_id
