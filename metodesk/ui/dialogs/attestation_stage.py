"""Record a lesson observed for an attestation case: an observation sheet from
the Open lessons tab (the teacher's own lessons), or a date and a note when
the sheet lives elsewhere (the "Ұстаз" platform, paper)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import attestation_cases
from metodesk.services.attestation_cases import StageInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.widgets import DateField


class StageObservationDialog(FormDialog):
    """A new observation of ``case_id``; the sheets offered are those filled
    on the lessons of ``teacher_id``."""

    def __init__(self, ctx: AppContext, case_id: int, teacher_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Lesson observed for the attestation"), parent)
        self.case_id = case_id
        with ctx.reading() as session:
            sheets = attestation_cases.sheets_for(session, teacher_id)
        self.sheet = QComboBox()
        self.sheet.setObjectName("observation_id")
        self.sheet.addItem(_("No sheet in metodesk"), None)
        for choice in sheets:
            topic = f"«{choice.topic}»" if choice.topic else ""
            label = ", ".join(p for p in (short_date(choice.date), topic, choice.observer) if p)
            self.sheet.addItem(label, choice.observation_id)
        self.sheet.setToolTip(
            _("Observation sheets filled on this teacher's lessons in the Open lessons tab.")
        )
        self.add_field(_("Observation sheet"), self.sheet, "observation_id")
        self.date = DateField("date")
        self.date.setMaximumWidth(140)
        self.date.setToolTip(_("May stay empty when a sheet is chosen: the lesson's date is taken."))
        self.add_field(_("Date of the lesson"), self.date, "date")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(
            _("for example: observed by the commission, sheet on the Ұстаз platform")
        )
        self.add_field(_("Note"), self.note, "note")
        self.setMinimumWidth(560)

    def values(self) -> StageInput:
        return StageInput(self.case_id, self.date.date(), self.note.text(), self.sheet.currentData())

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return attestation_cases.save_stage_observation(session, self.values())
