"""Starting an annual plan: pick the association (one plan per association per
year: choosing one that has a plan opens it), or pick last year's plan to
start from (``plan_copy.copy_from_last_year``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.services import associations, plan_copy, plans
from metodesk.services.plan_copy import CopyResult
from metodesk.services.plans import PlanRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog

MIN_SIZE = (600, 380)


def _intro(dialog: FormDialog, name: str, text: str) -> None:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    dialog.form.addRow(label)


def _list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setMinimumHeight(widget.fontMetrics().lineSpacing() * 8)
    widget.setAlternatingRowColors(True)
    widget.setWordWrap(True)  # long association names wrap instead of scrolling sideways
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def _chosen(widget: QListWidget, message: str, field: str) -> int:
    item = widget.currentItem()
    if item is None:
        raise DomainError(message, field=field)
    return int(item.data(Qt.ItemDataRole.UserRole))


class NewPlanDialog(FormDialog):
    """The associations of a year; those without a plan come first."""

    def __init__(self, ctx: AppContext, year_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("New plan"), parent)
        lang = ctx.lang
        with ctx.reading() as session:
            rows = associations.list_associations(session, year_id)
            planned = {p.association_id for p in plans.list_plans(session, year_id)}
        _intro(
            self,
            "new_plan_intro",
            _(
                "Choose the association. An association has one plan a year: "
                "when it has one already, that plan is opened."
            ),
        )
        self.list = _list("association_list")
        for row in sorted(rows, key=lambda r: r.id in planned):
            text = row.name(lang)
            if row.id in planned:
                text = _("{name} (has a plan)").format(name=text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.add_field(_("Association"), self.list, "association_id")
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("Open the plan"))
        self.setMinimumSize(*MIN_SIZE)

    def _double_clicked(self, _item: QListWidgetItem) -> None:
        self.accept()

    def choose(self, association_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == association_id:
                self.list.setCurrentRow(row)

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        association_id = _chosen(self.list, _("Choose an association."), "association_id")
        return plans.create_plan(session, association_id)


class CopyPlanDialog(FormDialog):
    """Last year's plans; the chosen one starts this year's plan of the same association."""

    def __init__(
        self,
        ctx: AppContext,
        sources: list[PlanRow],
        last_year: str,
        this_year: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("New plan from last year"), parent)
        self.copy_result: CopyResult | None = None
        lang = ctx.lang
        _intro(
            self,
            "copy_intro",
            _(
                "Choose a plan of {last} to start the plan for {this} from. The theme, goal, tasks and "
                "activities are copied with their dates moved by a year; unfinished activities are "
                "marked as carried over. The analysis of the past year is left for you to write."
            ).format(last=last_year, this=this_year),
        )
        self.list = _list("source_plan_list")
        for row in sources:
            item = QListWidgetItem(
                _("{association} — {status}").format(
                    association=row.association(lang), status=row.status_label
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.add_field(_("Last year's plan"), self.list, "plan_id")
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("Copy"))
        self.setMinimumSize(*MIN_SIZE)

    def _double_clicked(self, _item: QListWidgetItem) -> None:
        self.accept()

    def choose(self, plan_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == plan_id:
                self.list.setCurrentRow(row)

    def save(self, session) -> int | None:  # type: ignore[no-untyped-def]
        plan_id = _chosen(self.list, _("Choose last year's plan."), "plan_id")
        self.copy_result = plan_copy.copy_from_last_year(session, plan_id)
        return self.copy_result.plan_id


def copy_summary(result: CopyResult) -> str:
    """What 'New plan from last year' did, one sentence a line."""
    if result.existed:
        return _(
            "The association already has a plan for {year}; nothing was copied, and that plan is shown."
        ).format(year=result.year_name)
    lines = [
        _("The plan for {year} starts with last year's methodical theme, goal and tasks.").format(
            year=result.year_name
        ),
        ngettext(
            "{n} activity was copied with its dates moved by a year.",
            "{n} activities were copied with their dates moved by a year.",
            result.copied,
        ).format(n=result.copied),
    ]
    if result.carried_over:
        lines.append(
            ngettext(
                "{n} unfinished activity is marked as carried over.",
                "{n} unfinished activities are marked as carried over.",
                result.carried_over,
            ).format(n=result.carried_over)
        )
    if result.association_created:
        lines.append(
            _("The association was continued into {year} with its members.").format(year=result.year_name)
        )
    lines.append(_("The analysis of the past year is left for you to write."))
    return "\n".join(lines)
