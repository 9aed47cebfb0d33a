"""The mentee's end-of-year summary and the mentor's conclusion, on their
own page of a mentoring pair's detail."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import mentoring
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import text_box
from metodesk.ui.tabs.mentoring_pages import PairPage, make_button


class SummaryPage(PairPage):
    """The mentee's end-of-year summary and the mentor's conclusion, saved
    together by one button (or when the tab leaves a pair with edits)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "summary_page", parent)
        column = QVBoxLayout(self)
        self.errors: dict[str, QLabel] = {}
        self.summary = text_box(
            "summary", 5, _("What the mentee learned and did this year, in their own words")
        )
        self.conclusion = text_box("conclusion", 5, _("The mentor's conclusion on the mentee's year"))
        for label, box, field in (
            (_("The mentee's summary of the year"), self.summary, "summary"),
            (_("The mentor's conclusion"), self.conclusion, "conclusion"),
        ):
            caption = QLabel(label)
            caption.setBuddy(box)
            column.addWidget(caption)
            column.addWidget(box, 1)
            error = QLabel()
            error.setObjectName(f"{field}_error")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020;")
            error.hide()
            self.errors[field] = error
            column.addWidget(error)
        row = QHBoxLayout()
        self.save_button = make_button("save_summary_button", _("Save"), self.save)
        row.addWidget(self.save_button)
        row.addStretch(1)
        column.addLayout(row)
        self.summary.textChanged.connect(self._edited)
        self.conclusion.textChanged.connect(self._edited)
        self.dirty = False
        self._update()

    def set_texts(self, pair: mentoring.PairRow | None) -> None:
        """Show the pair's texts; edits not saved yet to the same pair stay
        (another pair's are dropped: the tab saves them first)."""
        if pair is not None and pair.id == self.pair_id and self.dirty:
            return
        self.pair_id = pair.id if pair else None
        for box, value in (
            (self.summary, pair.summary if pair else ""),
            (self.conclusion, pair.conclusion if pair else ""),
        ):
            box.blockSignals(True)
            box.setPlainText(value)
            box.blockSignals(False)
        for error in self.errors.values():
            error.hide()
        self.dirty = False
        self._update()

    def _edited(self) -> None:
        self.dirty = True
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(self.pair_id is not None and self.dirty)
        for box in (self.summary, self.conclusion):
            box.setEnabled(self.pair_id is not None)

    def save(self, announce: bool = True) -> bool:
        """Write both texts in one transaction; a refusal shows under its field.
        ``announce`` emits ``written`` (the tab then reloads); the tab passes
        False when it saves on its way elsewhere and announces it itself."""
        if self.pair_id is None or not self.dirty:
            return True
        for error in self.errors.values():
            error.hide()
        try:
            with self.ctx.transaction() as session:
                mentoring.save_summary(
                    session, self.pair_id, self.summary.toPlainText(), self.conclusion.toPlainText()
                )
        except DomainError as err:
            target = self.errors.get(err.field or "")
            if target is None:
                common.show_error(self, err.message)
            else:
                target.setText(err.message)
                target.show()
            return False
        self.dirty = False
        self._update()
        if announce:
            self.written.emit(self.pair_id)
        return True
