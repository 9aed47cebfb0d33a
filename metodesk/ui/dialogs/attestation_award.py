"""Add or edit one entry of a teacher's category history: the category, the
award date, the order number, the basis and the body that decided. Saving
puts the latest entry on the teacher's card (services.attestation)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from metodesk.domain.attestation import AwardBasis, DecisionBody
from metodesk.domain.enums import Category
from metodesk.i18n import _
from metodesk.services import attestation
from metodesk.services.attestation import AwardInput, AwardRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField


def enum_combo(name: str, choices: list[tuple[str, str]], current: str | None = None) -> QComboBox:
    """A combo of (code, label) pairs with ``current`` chosen."""
    combo = QComboBox()
    combo.setObjectName(name)
    for code, label in choices:
        combo.addItem(label, code)
    if current is not None and combo.findData(current) >= 0:
        combo.setCurrentIndex(combo.findData(current))
    return combo


def category_combo(name: str, current: str | None, include_legacy: bool) -> QComboBox:
    """The categories that can be awarded (the legacy ones after a line when wanted)."""
    combo = QComboBox()
    combo.setObjectName(name)
    for member in Category:
        if member is Category.NONE or (member.is_legacy and not include_legacy):
            continue
        if member is Category.LEGACY_HIGHEST:
            combo.insertSeparator(combo.count())
        combo.addItem(member.label, member.value)
    if current is not None and combo.findData(current) >= 0:
        combo.setCurrentIndex(combo.findData(current))
    return combo


class AwardDialog(FormDialog):
    """A new entry when ``award`` is None; an entry from the card (``award.id``
    None) is stored in place of the card's own category."""

    def __init__(
        self, ctx: AppContext, teacher_id: int, award: AwardRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("New history entry") if award is None else _("Edit history entry"), parent)
        self.teacher_id = teacher_id
        self.award = award
        self.category = category_combo("category", award.category if award else None, include_legacy=True)
        self.category.setToolTip(_("The categories below the line are the old ones, still in staff records."))
        self.add_field(_("Qualification category"), self.category, "category")
        self.award_date = DateField("award_date")
        self.award_date.setMaximumWidth(140)
        self.award_date.set_date(award.award_date if award else None)
        self.award_date.setToolTip(_("The date of the order that awarded the category."))
        self.add_field(_("Awarded on"), self.award_date, "award_date")
        self.order_number = QLineEdit(award.order_number if award else "")
        self.order_number.setObjectName("order_number")
        self.order_number.setMaxLength(100)
        self.order_number.setPlaceholderText(_("for example № 112"))
        self.add_field(_("Order number"), self.order_number, "order_number")
        self.basis = enum_combo("basis", AwardBasis.choices(), award.basis if award else None)
        self.add_field(_("Basis"), self.basis, "basis")
        self.decision_body = enum_combo(
            "decision_body", DecisionBody.choices(), award.decision_body if award else None
        )
        self.add_field(_("Decided by"), self.decision_body, "decision_body")
        self.setMinimumWidth(520)
        self.category.setFocus()

    def values(self) -> AwardInput:
        return AwardInput(
            teacher_id=self.teacher_id,
            category=str(self.category.currentData()),
            award_date=self.award_date.date(),
            order_number=self.order_number.text(),
            basis=str(self.basis.currentData()),
            decision_body=str(self.decision_body.currentData()),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        award_id = self.award.id if self.award is not None else None
        replaces_card = self.award is not None and self.award.from_card
        return attestation.save_award(
            session, self.values(), award_id, today=dt.date.today(), replaces_card=replaces_card
        )
