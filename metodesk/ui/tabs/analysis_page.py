"""The Methodical council tab's page for the analysis of the year's methodical
work: the year's figures computed from the records (the same as the
document prints, with its charts), the conclusions, problems and next year's
tasks the methodist types (the tasks flow into next year's school plan), the
pedagogical council's protocol, and the preview in Kazakh or Russian."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import year_analysis
from metodesk.services.year_analysis import AnalysisData
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.tabs.analysis_chart import BarsChart
from metodesk.ui.tabs.association_detail import make_button, run_action
from metodesk.ui.widgets import DateField


class AnalysisPage(QWidget):
    """The analysis of the council tab's year."""

    def __init__(self, ctx: AppContext, written) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.ctx, self._written = ctx, written
        self.setObjectName("analysis_page")
        self.year_id: int | None = None
        self.data: AnalysisData | None = None
        column = QVBoxLayout(self)
        self.figures = QLabel()
        self.figures.setObjectName("analysis_figures")
        self.figures.setWordWrap(True)
        column.addWidget(self.figures)
        charts = QHBoxLayout()
        self.category_chart = BarsChart("analysis_category_chart")
        self.completion_chart = BarsChart("analysis_completion_chart")
        self.months_chart = BarsChart("analysis_months_chart")
        for chart in (self.category_chart, self.completion_chart, self.months_chart):
            charts.addWidget(chart, 1, Qt.AlignmentFlag.AlignTop)
        column.addLayout(charts)
        grid = QGridLayout()
        self.conclusions = self._text(grid, 0, _("Conclusions"), "analysis_conclusions")
        self.problems = self._text(grid, 1, _("Problems"), "analysis_problems")
        self.next_tasks = self._text(grid, 2, _("Next year's tasks (one a line)"), "analysis_tasks")
        column.addLayout(grid, 1)
        ped = QHBoxLayout()
        ped.addWidget(QLabel(_("Considered at the pedagogical council, protocol No.")))
        self.ped_number = QLineEdit()
        self.ped_number.setObjectName("analysis_ped_number")
        self.ped_number.setMaximumWidth(80)
        ped.addWidget(self.ped_number)
        ped.addWidget(QLabel(_("dated")))
        self.ped_date = DateField("analysis_ped_date")
        self.ped_date.setMaximumWidth(110)
        ped.addWidget(self.ped_date)
        ped.addStretch(1)
        column.addLayout(ped)
        buttons = QHBoxLayout()
        self.save_button = make_button("save_analysis_button", _("Save the analysis"), self.save)
        self.preview_button = make_button("analysis_preview_button", _("Preview and print…"), self.preview)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        column.addLayout(buttons)

    def _text(self, grid: QGridLayout, row: int, label: str, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        caption = QLabel(label)
        caption.setBuddy(edit)
        grid.addWidget(caption, row, 0)
        grid.addWidget(edit, row, 1)
        return edit

    def set_year(self, year_id: int | None) -> None:
        self.year_id = year_id
        self.reload()

    def reload(self) -> None:
        data = None
        if self.year_id is not None:
            try:
                with self.ctx.reading() as session:
                    data = year_analysis.analysis_data(session, self.year_id)
            except DomainError:
                data = None
        self.data = data
        self.save_button.setEnabled(data is not None)
        self.preview_button.setEnabled(data is not None)
        if data is None:
            self.figures.setText("")
            return
        held = sum(b.meetings_held for b in data.bodies)
        planned = sum(b.meetings_planned for b in data.bodies)
        done = sum(b.activities_done for b in data.bodies)
        activities = sum(b.activities for b in data.bodies)
        self.figures.setText(
            _(
                "Meetings held: {held} of {planned}; plan activities done: {done} of {activities}; "
                "lessons held: {lessons}, observed: {observed}; mentoring pairs: {pairs}, without meetings: {silent}; "
                "attestation this year: {due}; teachers without courses in three years: {without}."
            ).format(
                held=held,
                planned=planned,
                done=done,
                activities=activities,
                lessons=data.lessons_held,
                observed=data.lessons_observed,
                pairs=data.pairs,
                silent=data.silent_pairs,
                due=data.attestation_due,
                without=len(data.without_courses),
            )
            + "\n"
            + _(
                "Methodical events: {events}, teachers who spoke: {speakers}; pupils' olympiad results: "
                "{olympiads}, prize places: {prizes}; generalised experience: {experience}."
            ).format(
                events=data.events,
                speakers=data.event_speakers,
                olympiads=data.olympiads,
                prizes=data.prizes,
                experience=data.experience,
            )
        )
        self._charts(data)
        self.conclusions.setPlainText(data.conclusions)
        self.problems.setPlainText(data.problems)
        self.next_tasks.setPlainText("\n".join(data.next_tasks))
        self.ped_number.setText(data.pedcouncil_number)
        self.ped_date.set_date(data.pedcouncil_date)

    def _charts(self, data: AnalysisData) -> None:
        """The analysis document's three charts, in the window's language."""
        from metodesk.domain.enums import Category
        from metodesk.i18n.dates import month_name

        lang = self.ctx.lang
        self.category_chart.set_bars(
            _("Teachers by category"), [(Category.label_for(code), float(n)) for code, n in data.categories]
        )
        self.completion_chart.set_bars(
            _("Plan completion"),
            [
                (b.name(lang), round(100 * b.activities_done / b.activities))
                for b in data.bodies
                if not b.council and b.activities
            ],
            "%",
        )
        self.months_chart.set_bars(
            _("Lessons held by month"), [(month_name(m, lang), float(n)) for m, n in data.lessons_by_month]
        )

    def save(self) -> None:
        year_id = self.year_id
        if year_id is None:
            return
        try:
            day = self.ped_date.date()
        except DomainError as err:
            common.show_error(self, err.message)
            return
        values = (
            self.conclusions.toPlainText(),
            self.problems.toPlainText(),
            self.next_tasks.toPlainText(),
            self.ped_number.text(),
            day,
        )
        if run_action(self, self.ctx, lambda s: year_analysis.save_texts(s, year_id, *values)):
            self.ctx.status.emit(_("The analysis is saved."))
            self._written()

    def preview(self) -> None:
        from metodesk.ui.dialogs.document_preview import open_document

        if self.year_id is not None:
            open_document(self.ctx, "year-analysis", {"year_id": self.year_id}, self)
