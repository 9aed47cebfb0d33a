"""Add or change one attestation rule: its kind, the group it applies to, the
number and the date it applies from. A revision of the rules is a new rule
with a later valid-from date; the old one stays for the awards of its time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from metodesk.domain.attestation import RULE_SUBJECTS, VALUE_RANGES, RuleKind
from metodesk.i18n import _
from metodesk.services import attestation_rules
from metodesk.services.attestation_rules import RuleInput, RuleRow, subject_label
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.attestation_award import enum_combo
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField


class RuleDialog(FormDialog):
    """A new rule when ``rule`` is None (``kind`` and ``subject`` preset, a
    revision of that rule), otherwise that rule."""

    def __init__(
        self,
        ctx: AppContext,
        rule: RuleRow | None = None,
        kind: str | None = None,
        subject: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("New rule") if rule is None else _("Edit rule"), parent)
        self.rule = rule
        self.kind = enum_combo("kind", RuleKind.choices(), rule.kind if rule else kind)
        self.add_field(_("Rule"), self.kind, "kind")
        self.subject = QComboBox()
        self.subject.setObjectName("subject")
        self.add_field(_("Applies to"), self.subject, "subject")
        self.value = QSpinBox()
        self.value.setObjectName("value")
        self.value.setMaximumWidth(120)
        self.add_field(_("Value"), self.value, "value")
        self.valid_from = DateField("valid_from")
        self.valid_from.setMaximumWidth(140)
        self.valid_from.setToolTip(
            _("From this date on the new value applies; earlier dates keep the old one.")
        )
        self.add_field(_("Applies from"), self.valid_from, "valid_from")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        wanted = rule.subject if rule else subject
        if wanted is not None and self.subject.findData(wanted) >= 0:
            self.subject.setCurrentIndex(self.subject.findData(wanted))
        if rule is not None:
            self.value.setValue(rule.value)
            self.valid_from.set_date(rule.valid_from)
        else:
            self.valid_from.set_date(dt.date.today())
        self.setMinimumWidth(480)

    def _kind_changed(self, *_args: object) -> None:
        """The groups and the range of values follow the kind of rule."""
        kind = str(self.kind.currentData())
        self.subject.clear()
        for code in RULE_SUBJECTS[kind]:
            self.subject.addItem(subject_label(code), code)
        low, high = VALUE_RANGES[kind]
        self.value.setRange(low, high)

    def values(self) -> RuleInput:
        return RuleInput(
            kind=str(self.kind.currentData()),
            subject=str(self.subject.currentData()),
            value=self.value.value(),
            valid_from=self.valid_from.date(),
        )

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return attestation_rules.save_rule(session, self.values(), self.rule.id if self.rule else None)
