"""The schedules an annual plan shows from other tabs, read-only, as they stand
now (issue 4): the association's open lessons of the year, the mentoring pairs
with a member as mentor or mentee, and the members' attestations of the year.
Each is a page of the plan's schedule page, beside the meetings."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from metodesk.domain.attestation import Window
from metodesk.domain.enums import Category
from metodesk.domain.lesson_enums import LessonKind, LessonStatus
from metodesk.domain.rows.plan import PlanSchedules, ScheduledAttestation, ScheduledLesson, ScheduledPair
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import plan_schedules
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.draft_form import label_of
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import header_width, make_table, save_table_state


def _widths(view, ctx: AppContext, widths: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    if ctx.settings.value(f"tables/{view.objectName()}") is None:
        for section, width in enumerate(widths):
            view.setColumnWidth(section, max(width, header_width(view, section)))


def lesson_topic(r: ScheduledLesson, lang: str) -> str:
    subject = (r.subject_ru or r.subject_kk) if lang == "ru" else (r.subject_kk or r.subject_ru)
    return f"{subject}: {r.topic}" if subject and r.topic else subject or r.topic


def period_text(r: ScheduledPair) -> str:
    if r.start_date and r.end_date:
        return f"{short_date(r.start_date)} – {short_date(r.end_date)}"
    return short_date(r.start_date or r.end_date)


def due_text(r: ScheduledAttestation) -> str:
    """'August–December 2025', 'overdue', or the year's name."""
    if r.overdue:
        return _("overdue")
    if r.window:
        year = r.year_start if r.window == Window.AUTUMN.value else r.year_start + 1
        return _("{window} {year}").format(window=label_of(Window, r.window), year=year)
    return f"{r.year_start}-{r.year_start + 1}"


class LinkedSchedules:
    """Open lessons, mentoring and attestation of the plan's year, one page each
    of ``tabs`` (the schedule page's tabs, after the meetings)."""

    def __init__(self, ctx: AppContext, tabs: QTabWidget) -> None:
        self.ctx = ctx
        self.tabs = tabs
        lang = lambda: self.ctx.lang  # noqa: E731
        self.lessons_model = RowTableModel(
            [
                Column(lambda: _("Date"), lambda r: short_date(r.date), sort=lambda r: r.date),
                Column(lambda: _("Teacher"), lambda r: r.teacher),
                Column(lambda: _("Class"), lambda r: r.class_name),
                Column(
                    lambda: _("Topic"),
                    lambda r: lesson_topic(r, lang()),
                    tooltip=lambda r: lesson_topic(r, lang()),
                ),
                Column(lambda: _("Kind"), lambda r: label_of(LessonKind, r.kind)),
                Column(lambda: _("Status"), lambda r: label_of(LessonStatus, r.status)),
            ]
        )
        self.pairs_model = RowTableModel(
            [
                Column(lambda: _("Mentor"), lambda r: r.mentor),
                Column(lambda: _("Mentee"), lambda r: r.mentee),
                Column(lambda: _("Period"), period_text),
            ]
        )
        self.attestations_model = RowTableModel(
            [
                Column(lambda: _("Teacher"), lambda r: r.teacher),
                Column(lambda: _("Current category"), lambda r: label_of(Category, r.category)),
                Column(lambda: _("Due"), due_text),
                Column(
                    lambda: _("Category applied for"),
                    lambda r: label_of(Category, r.target) if r.target else "",
                ),
            ]
        )
        self.tables = []
        self.empty_labels: dict[str, QLabel] = {}
        self._page(
            "lessons",
            _("Open lessons"),
            self.lessons_model,
            (90, 130, 60, 240, 130, 100),
            _("No open lessons of the association in this year yet."),
        )
        self._page(
            "pairs",
            _("Mentoring"),
            self.pairs_model,
            (200, 200, 180),
            _("No mentoring pairs with a member of the association in this year."),
        )
        self._page(
            "attestations",
            _("Attestation"),
            self.attestations_model,
            (200, 180, 180, 180),
            _("No member of the association is due for attestation in this year."),
        )

    def _page(self, name: str, title: str, model: RowTableModel, widths: tuple[int, ...], empty: str) -> None:
        page = QWidget()
        page.setObjectName(f"schedule_{name}_page")
        column = QVBoxLayout(page)
        table, proxy = make_table(f"plan_{name}_table", model, self.ctx)
        _widths(table, self.ctx, widths)
        column.addWidget(table, 1)
        label = QLabel(empty)
        label.setObjectName(f"schedule_{name}_empty")
        label.setWordWrap(True)
        column.addWidget(label)
        self.tables.append((table, proxy))
        self.empty_labels[name] = label
        self.tabs.addTab(page, title)

    def show_schedules(self, schedules: PlanSchedules | None) -> None:
        found = schedules or PlanSchedules()
        for (table, proxy), (name, model, rows) in zip(
            self.tables,
            (
                ("lessons", self.lessons_model, found.lessons),
                ("pairs", self.pairs_model, found.pairs),
                ("attestations", self.attestations_model, found.attestations),
            ),
            strict=True,
        ):
            model.set_rows(rows)
            header = table.horizontalHeader()
            proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self.empty_labels[name].setVisible(schedules is not None and not rows)

    def load(self, plan_id: int | None) -> None:
        if plan_id is None:
            self.show_schedules(None)
            return
        with self.ctx.reading() as session:
            self.show_schedules(plan_schedules.plan_schedules(session, plan_id))

    def save_state(self) -> None:
        for table, _proxy in self.tables:
            save_table_state(table, self.ctx)
