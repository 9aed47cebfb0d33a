"""Move a lesson to a new date (and lesson period). The date it had is kept in
its history and shown here and in the lesson's detail; a cancelled lesson
moved this way is back on."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import lessons
from metodesk.services.lessons import LessonRow, MoveRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.lesson import period_spin, period_value
from metodesk.ui.widgets import DateField


def when_text(day, period: int | None) -> str:  # type: ignore[no-untyped-def]
    """'13.02.2026, period 4' or '13.02.2026'."""
    if period is None:
        return short_date(day)
    return _("{date}, period {period}").format(date=short_date(day), period=period)


def move_text(move: MoveRow) -> str:
    """One line of a lesson's history: from, to, and why."""
    text = _("{old} → {new}").format(
        old=when_text(move.from_date, move.from_period), new=when_text(move.to_date, move.to_period)
    )
    if move.reason:
        text = _("{move} ({reason})").format(move=text, reason=move.reason)
    return text


class LessonMoveDialog(FormDialog):
    def __init__(self, ctx: AppContext, lesson_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Move the lesson"), parent)
        self.lesson_id = lesson_id
        with ctx.reading() as session:
            self.lesson: LessonRow = lessons.get_lesson(session, lesson_id)
        row = self.lesson
        about = QLabel(
            _("{teacher}, {class_name}: {topic}").format(
                teacher=row.teacher_name, class_name=row.class_name, topic=row.topic
            )
        )
        about.setObjectName("move_about")
        about.setWordWrap(True)
        self.form.addRow(about)
        self.current_label = QLabel(when_text(row.date, row.period))
        self.current_label.setObjectName("current_date")
        self.form.addRow(_("Planned for"), self.current_label)
        if row.moves:
            history = QLabel("\n".join(move_text(m) for m in row.moves))
            history.setObjectName("move_history")
            history.setWordWrap(True)
            self.form.addRow(_("Moved before"), history)

        when = QWidget()
        line = QHBoxLayout(when)
        line.setContentsMargins(0, 0, 0, 0)
        self.date = DateField("date")
        self.date.setMaximumWidth(120)
        self.period = period_spin("period")
        self.period.setValue(row.period or 0)
        period_label = QLabel(_("Lesson period"))
        period_label.setBuddy(self.period)
        line.addWidget(self.date)
        line.addSpacing(12)
        line.addWidget(period_label)
        line.addWidget(self.period)
        line.addStretch(1)
        self.add_field(_("New date"), when, "date")
        self._errors["period"] = self._errors["date"]
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(_("For example: the district seminar"))
        self.add_field(_("Reason"), self.reason, "reason")
        note = QLabel(_("The old date stays in the lesson's history and on the printed schedule."))
        note.setObjectName("move_note")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        lessons.move_lesson(
            session,
            self.lesson_id,
            self.date.date(),
            period_value(self.period),
            self.reason.text(),
            keep_period=False,
        )
        return self.lesson_id
