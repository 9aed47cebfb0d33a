"""When a new academic year has begun (from 1 August) and the current year is
still the old one, the window proposes it once at start: create it with its
terms (the old year's moved on by a year), make it current, and copy the old
year's annual plans into it (their associations carry on with their members;
unfinished activities are marked as carried over); the open decisions of an
association that carries on come up at its first review (``decisions.carried_from``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from metodesk.domain import academic_year
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.services import years
from metodesk.ui.context import AppContext


class NewYearDialog(QDialog):
    def __init__(self, name: str, previous: str, plans: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NewYearDialog")
        self.setWindowTitle(_("New academic year"))
        layout = QVBoxLayout(self)
        text = QLabel(
            _(
                "The academic year {name} has begun, but {previous} is still the current year. "
                "Start {name}: metodesk creates it with the terms of {previous} moved on by a year "
                "(correct them in Settings → Academic years) and makes it current."
            ).format(name=name, previous=previous)
        )
        text.setObjectName("new_year_text")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.copy_plans = QCheckBox(
            ngettext("Copy {count} annual plan of {previous}", "Copy {count} annual plans of {previous}", plans).format(
                count=plans, previous=previous
            )
        )
        self.copy_plans.setObjectName("copy_plans")
        self.copy_plans.setChecked(plans > 0)
        self.copy_plans.setEnabled(plans > 0)
        self.copy_plans.setVisible(plans > 0)
        layout.addWidget(self.copy_plans)
        carried = QLabel(
            _(
                "Unfinished activities of the copied plans are marked as carried over. Associations that "
                "carry on into {name} (those whose plans are copied, or made again for the same subject) "
                "see last year's open decisions at their first meeting's review."
            ).format(name=name)
        )
        carried.setObjectName("carried_decisions")
        carried.setWordWrap(True)
        layout.addWidget(carried)
        later = QLabel(_("If you choose “Not now”, the year can be added later in Settings."))
        later.setWordWrap(True)
        layout.addWidget(later)
        self.buttons = QDialogButtonBox()
        start = self.buttons.addButton(_("Start {name}").format(name=name), QDialogButtonBox.ButtonRole.AcceptRole)
        start.setObjectName("start_year_button")
        not_now = self.buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        not_now.setObjectName("not_now_button")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        layout.activate()
        self.resize(580, max(self.sizeHint().height(), layout.totalHeightForWidth(580)))


def offer_new_year(ctx: AppContext, parent: QWidget | None = None, today: dt.date | None = None) -> bool:
    """Propose the academic year holding ``today`` when it is due (one query
    otherwise); True when a new year was started."""
    today = today or academic_year.today()
    with ctx.reading() as session:
        name = years.year_to_offer(session, today)
        if name is None:
            return False
        current = years.current_year(session)
        assert current is not None
        plans = years.plan_count(session, current.id)
    dialog = NewYearDialog(name, current.name, plans, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    try:
        with ctx.transaction() as session:
            if not accepted:
                years.mark_offered(session, name)
                return False
            result = years.begin_year(session, today, dialog.copy_plans.isChecked())
    except DomainError as err:
        QMessageBox.warning(parent, _("New academic year"), err.message)
        return False
    ctx.changed.emit("settings")
    message = _("The academic year {name} is current.").format(name=result.name)
    if result.plans_copied:
        message += " " + ngettext(
            "{count} plan was copied into it.", "{count} plans were copied into it.", result.plans_copied
        ).format(count=result.plans_copied)
    ctx.status.emit(message)
    return True
