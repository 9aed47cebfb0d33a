"""The "Fulfilled by" choice of an annual-plan activity: nothing, a meeting of
the association, an open lesson of the association's year, or an entry of a
mentoring pair's log in the year. One kind at a time; choosing a record of a
kind switches the kind to it. A held meeting or lesson, or a logged mentoring
entry, makes the activity done (``services.plans.fulfilled``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QStackedWidget, QVBoxLayout, QWidget

from metodesk.domain.lesson_enums import LessonStatus
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services.lessons import LessonRow
from metodesk.services.plan_links import EntryChoice
from metodesk.ui.dialogs.draft_form import label_of
from metodesk.ui.dialogs.plan_workflow import meeting_text

NONE, MEETING, LESSON, ENTRY = "", "meeting", "lesson", "entry"


def lesson_text(r: LessonRow) -> str:
    """'22.10.2025, Тегі А.Ә., 2 Ә: topic (Held)'."""
    who = ", ".join(p for p in (short_date(r.date), r.teacher_short, r.class_name) if p)
    return _("{who}: {topic} ({status})").format(
        who=who, topic=" ".join(r.topic.split())[:80], status=label_of(LessonStatus, r.status)
    )


def entry_text(e: EntryChoice) -> str:
    """'12.10.2025, Тегі А.Ә. – Тегі Б.В.: topic'."""
    return _("{date}, {mentor} – {mentee}: {topic}").format(
        date=short_date(e.date), mentor=e.mentor, mentee=e.mentee, topic=" ".join(e.topic.split())[:80]
    )


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(20)
    combo.addItem(_("— not tied —"), None)
    return combo


class FulfilledBox(QWidget):
    """The kind of record and, below it, the record of that kind."""

    changed = Signal()

    def __init__(self, meeting_rows, lessons: list[LessonRow], entries: list[EntryChoice]) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.setObjectName("fulfilled_box")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("fulfilled_kind_combo")
        for code, label in (
            (NONE, _("Nothing")),
            (MEETING, _("A meeting of the association")),
            (LESSON, _("An open lesson")),
            (ENTRY, _("A mentoring entry")),
        ):
            self.kind_combo.addItem(label, code)
        column.addWidget(self.kind_combo)
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())
        self.meeting_combo = _combo("meeting_combo")
        for meeting in meeting_rows:
            self.meeting_combo.addItem(meeting_text(meeting.number, meeting.date, meeting.status), meeting.id)
        self.lesson_combo = _combo("lesson_combo")
        for lesson in lessons:
            self.lesson_combo.addItem(lesson_text(lesson), lesson.id)
            self.lesson_combo.setItemData(self.lesson_combo.count() - 1, lesson.topic, 3)  # tooltip role
        self.entry_combo = _combo("mentoring_entry_combo")
        for entry in entries:
            self.entry_combo.addItem(entry_text(entry), entry.id)
        self.combos = {MEETING: self.meeting_combo, LESSON: self.lesson_combo, ENTRY: self.entry_combo}
        for kind, combo in self.combos.items():
            self.stack.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i, k=kind: self._record_chosen(k))
        column.addWidget(self.stack)
        self.held_meetings = {m.id for m in meeting_rows if m.held}
        self.held_lessons = {r.id for r in lessons if r.status == LessonStatus.HELD.value}
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self._kind_chosen()

    def kind(self) -> str:
        return str(self.kind_combo.currentData() or "")

    def _kind_chosen(self, _index: int = 0) -> None:
        self.stack.setCurrentIndex(self.kind_combo.currentIndex())
        self.stack.setVisible(self.kind() != NONE)
        self.changed.emit()

    def _record_chosen(self, kind: str) -> None:
        if self.combos[kind].currentData() is not None and self.kind() != kind:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        self.changed.emit()

    def set_values(self, meeting_id: int | None, lesson_id: int | None, entry_id: int | None) -> None:
        for kind, value in ((MEETING, meeting_id), (LESSON, lesson_id), (ENTRY, entry_id)):
            if value is not None:
                combo = self.combos[kind]
                combo.setCurrentIndex(max(combo.findData(value), 0))

    def values(self) -> tuple[int | None, int | None, int | None]:
        """(meeting_id, lesson_id, mentoring_entry_id): only the chosen kind's record."""
        kind = self.kind()
        return tuple(  # type: ignore[return-value]
            self.combos[k].currentData() if k == kind else None for k in (MEETING, LESSON, ENTRY)
        )

    def done_note(self) -> str:
        """Why the activity counts as done ('' when the record does not make it done)."""
        meeting_id, lesson_id, entry_id = self.values()
        if meeting_id in self.held_meetings:
            return _("The meeting was held, so the activity counts as done whatever its status says.")
        if lesson_id in self.held_lessons:
            return _("The open lesson was held, so the activity counts as done whatever its status says.")
        if entry_id is not None:
            return _(
                "The mentoring meeting is logged, so the activity counts as done whatever its status says."
            )
        return ""
