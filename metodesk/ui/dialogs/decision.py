"""The meeting editor's small dialogs for one agenda item: who spoke and what
they said, and a decision (text, responsible, deadline, status). They edit the
editor's working copy; the meeting is written when the editor saves."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import DecisionStatus
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services.meeting_draft import DraftDecision, DraftPerson, DraftSpeech
from metodesk.services.wording import WordingKind
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import DraftFormDialog, PersonCombo, text_box
from metodesk.ui.widgets import DateField


class SpeechDialog(DraftFormDialog):
    """'Spoke': one person in the discussion and what they said."""

    def __init__(
        self,
        ctx: AppContext,
        speech: DraftSpeech,
        people: list[tuple[str, DraftPerson]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("Spoke") if speech.text else _("Add who spoke"), parent)
        self.speech = speech
        self.speaker = self.add_field(_("Who"), PersonCombo("speech_speaker"), "speaker")
        self.speaker.set_choices(people)
        self.speaker.set_person(speech.speaker)
        self.speaker.setToolTip(_("Choose a member or a guest, or type a name."))
        self.text = self.add_field(_("What they said"), text_box("speech_text", 7), "text")
        self.text.setPlainText(speech.text)
        self.resize(max(self.width(), 640), max(self.height(), 360))

    def collect(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            raise DomainError(_("Write what the speaker said."), field="text")
        self.speech.speaker = self.speaker.person()
        self.speech.text = text


class DecisionDialog(DraftFormDialog):
    """One decision of an agenda item; ``code`` is its number as printed (1.2)."""

    def __init__(
        self,
        ctx: AppContext,
        decision: DraftDecision,
        code: str,
        people: list[tuple[str, DraftPerson]],
        text_lang: str,
        topic: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("Decision {code}").format(code=code), parent)
        self.decision = decision
        self.text_lang = text_lang
        self.topic = topic
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.text = text_box("decision_text", 5)
        self.text.setPlainText(decision.text)
        column.addWidget(self.text)
        self.library_button = QPushButton(_("Typical decisions…"))
        self.library_button.setObjectName("decision_library_button")
        self.library_button.setToolTip(
            _("Insert a typical decision from the library, in the protocol's language.")
        )
        self.library_button.clicked.connect(self.insert_from_library)
        row = QHBoxLayout()
        row.addWidget(self.library_button)
        row.addStretch(1)
        column.addLayout(row)
        self.add_field(_("Decided"), holder, "text")
        self.responsible = self.add_field(
            _("Responsible"), PersonCombo("decision_responsible"), "responsible_teacher_id"
        )
        self.responsible.set_choices(people)
        self.responsible.set_person(decision.responsible)
        self.responsible.setToolTip(_("Choose a member, or type a name (for example: all members)."))
        self.deadline = self.add_field(_("Deadline"), DateField("deadline"), "deadline")
        self.deadline.set_date(decision.deadline)
        self.deadline_text = self.add_field(_("Deadline in words"), QLineEdit(), "deadline_text")
        self.deadline_text.setObjectName("deadline_text")
        self.deadline_text.setPlaceholderText(_("For example: during the year, until the next meeting"))
        self.deadline_text.setText(decision.deadline_text)
        self.status = QComboBox()
        self.status.setObjectName("decision_status")
        for code_, label in DecisionStatus.choices():
            self.status.addItem(label, code_)
        self.status.setCurrentIndex(max(self.status.findData(decision.status), 0))
        self.add_field(_("Status"), self.status, "status")
        self.done_date = self.add_field(_("Carried out on"), DateField("done_date"), "done_date")
        self.done_date.set_date(decision.done_date)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        self.resize(max(self.width(), 660), max(self.height(), 440))

    def _done(self) -> bool:
        return self.status.currentData() == DecisionStatus.DONE.value

    def _status_changed(self, _index: int = 0) -> None:
        done = self._done()
        self.done_date.setEnabled(done)
        if done and not self.done_date.text().strip():
            self.done_date.set_date(dt.date.today())

    def insert_from_library(self) -> None:
        from metodesk.ui.dialogs.wording import WordingDialog

        dialog = WordingDialog(
            self.ctx, WordingKind.DECISION.value, self.text_lang, self.topic, self.text.toPlainText(), self
        )
        if dialog.exec() and dialog.chosen_text():
            self.text_lang = dialog.lang()
            cursor = self.text.textCursor()
            if self.text.toPlainText().strip():
                cursor.insertText(" ")
            cursor.insertText(dialog.chosen_text())
            self.text.setFocus()

    def collect(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            raise DomainError(_("Write the decision."), field="text")
        deadline = self.deadline.date()
        done = self._done()
        done_date = self.done_date.date() if done else None
        if done and done_date is None:
            raise DomainError(_("Enter the date the decision was carried out."), field="done_date")
        d = self.decision
        d.text, d.responsible, d.deadline = text, self.responsible.person(), deadline
        d.deadline_text = self.deadline_text.text().strip()
        d.status = str(self.status.currentData())
        d.done_date = done_date


def decision_summary(decision: DraftDecision, responsible: str) -> str:
    """'Text — responsible: Name; deadline: 30.09.2025; done 12.10.2025' for the list."""
    parts = []
    if responsible:
        parts.append(_("responsible: {name}").format(name=responsible))
    deadline = short_date(decision.deadline) or decision.deadline_text
    if deadline:
        parts.append(_("deadline: {date}").format(date=deadline))
    if decision.status == DecisionStatus.DONE.value:
        parts.append(_("done {date}").format(date=short_date(decision.done_date)))
    text = " ".join(decision.text.split())
    return _("{text} ({details})").format(text=text, details="; ".join(parts)) if parts else text
