"""The Methodical council tab (Order No. 253 items 2.2, 27, 31): the school's
council of the chosen academic year — its composition (the director's order,
chair, secretary, members), its meetings in the associations' own meeting
editor, the documents it reviewed with its conclusion — and the school's
documents of the year it prepares: the plan of methodical work and the
analysis of the year.

The council is an association of kind "council" (``services.council``),
created here on demand; every write is one transaction and then tells the
other tabs ("associations": the council's meetings are meetings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import MemberRole
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import associations, council, years
from metodesk.services.associations import MemberRow
from metodesk.services.council import CouncilDetail
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.models import ROW_ROLE, Column, RowTableModel
from metodesk.ui.tabs.association_detail import make_button, run_action
from metodesk.ui.tabs.base import Tab, fill_year_combo, make_table, save_table_state, selected_row
from metodesk.ui.tabs.analysis_page import AnalysisPage
from metodesk.ui.tabs.meetings_page import MeetingsPage, ReviewedDocumentsPage
from metodesk.ui.tabs.school_plan_page import SchoolPlanPage
from metodesk.ui.widgets import DateField, SearchBox

ROLE_ORDER = {MemberRole.LEADER.value: 0, MemberRole.SECRETARY.value: 1, MemberRole.MEMBER.value: 2}


def council_role(code: str) -> str:
    """A council member's role: the chair holds the leader's place."""
    return {
        MemberRole.LEADER.value: _("Chair"),
        MemberRole.SECRETARY.value: _("Secretary"),
    }.get(code, _("Member"))


class CompositionPage(QWidget):
    """The council's basis (the director's order) and its members with their roles."""

    def __init__(self, tab: CouncilTab) -> None:
        super().__init__()
        self.tab, self.ctx = tab, tab.ctx
        self.setObjectName("composition_page")
        self.detail: CouncilDetail | None = None
        column = QVBoxLayout(self)
        intro = QLabel(
            _(
                "The council manages and coordinates the associations' work (Order No. 253, items 2.2 and 31). "
                "Its composition is set each year by the director's order; the deputy for methodical work "
                "usually chairs it."
            )
        )
        intro.setObjectName("council_intro")
        intro.setWordWrap(True)
        column.addWidget(intro)
        basis = QHBoxLayout()
        basis.addWidget(QLabel(_("Director's order No.")))
        self.order_number = QLineEdit()
        self.order_number.setObjectName("order_number")
        self.order_number.setMaximumWidth(120)
        basis.addWidget(self.order_number)
        basis.addWidget(QLabel(_("dated")))
        self.order_date = DateField("order_date")
        self.order_date.setMaximumWidth(110)
        basis.addWidget(self.order_date)
        self.save_basis_button = make_button("save_basis_button", _("Save the order"), self.save_basis)
        basis.addWidget(self.save_basis_button)
        basis.addStretch(1)
        column.addLayout(basis)
        facts = QFormLayout()
        self.chair_label = QLabel()
        self.chair_label.setObjectName("council_chair")
        self.secretary_label = QLabel()
        self.secretary_label.setObjectName("council_secretary")
        facts.addRow(_("Chair"), self.chair_label)
        facts.addRow(_("Secretary"), self.secretary_label)
        column.addLayout(facts)
        self.model = RowTableModel(
            [
                Column(lambda: _("Full name"), lambda m: m.full_name, tooltip=lambda m: m.full_name),
                Column(
                    lambda: _("Role"),
                    lambda m: council_role(m.role),
                    sort=lambda m: ROLE_ORDER.get(m.role, len(ROLE_ORDER)),
                ),
            ]
        )
        self.table, self.proxy = make_table("council_members_table", self.model, self.ctx)
        self.table.setColumnWidth(0, 320)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = make_button("add_council_member_button", _("Add member…"), self.add_member)
        self.chair_button = make_button("make_chair_button", _("Make chair"), lambda: self.set_role(MemberRole.LEADER))
        self.secretary_button = make_button(
            "make_secretary_button", _("Make secretary"), lambda: self.set_role(MemberRole.SECRETARY)
        )
        self.member_button = make_button(
            "make_member_button", _("Make a member"), lambda: self.set_role(MemberRole.MEMBER)
        )
        self.remove_button = make_button("remove_council_member_button", _("Remove member"), self.remove_member)
        for button in (self.add_button, self.chair_button, self.secretary_button, self.member_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)

    def show_council(self, detail: CouncilDetail | None) -> None:
        self.detail = detail
        kept = self.selected()
        if detail is None:
            self.model.set_rows([])
            return
        self.order_number.setText(detail.order_number)
        self.order_date.set_date(detail.order_date)
        self.chair_label.setText(detail.chair.full_name if detail.chair else _("not chosen yet"))
        self.secretary_label.setText(detail.secretary.full_name if detail.secretary else _("not chosen yet"))
        self.model.set_rows(list(detail.members))
        self.proxy.sort(1, Qt.SortOrder.AscendingOrder)
        if kept is not None:
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(ROW_ROLE).membership_id == kept.membership_id:
                    self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> MemberRow | None:
        return selected_row(self.table)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for button, role in (
            (self.chair_button, MemberRole.LEADER),
            (self.secretary_button, MemberRole.SECRETARY),
            (self.member_button, MemberRole.MEMBER),
        ):
            button.setEnabled(chosen is not None and chosen.role != role.value)
        self.remove_button.setEnabled(chosen is not None)

    def save_basis(self) -> None:
        if self.detail is None:
            return
        council_id = self.detail.association_id
        try:
            day = self.order_date.date()
        except DomainError as err:
            common.show_error(self, err.message)
            return
        number = self.order_number.text()
        if run_action(self, self.ctx, lambda s: council.set_basis(s, council_id, number, day)):
            self.tab.written()
            self.ctx.status.emit(_("The order is saved."))

    def add_member(self) -> None:
        from metodesk.ui.dialogs.member import MemberPickerDialog

        if self.detail is None:
            return
        if MemberPickerDialog(self.ctx, self.detail.association_id, self).exec():
            self.tab.written()

    def set_role(self, role: MemberRole) -> None:
        member = self.selected()
        if member is None:
            return
        if run_action(self, self.ctx, lambda s: associations.set_role(s, member.membership_id, role.value)):
            self.tab.written()

    def remove_member(self) -> None:
        member = self.selected()
        if member is None:
            return
        if not common.confirm(self, _("Remove {name} from the methodical council?").format(name=member.full_name)):
            return
        if run_action(self, self.ctx, lambda s: associations.remove_member(s, member.membership_id)):
            self.tab.written()


class CouncilTab(Tab):
    """Year selector; the council of that year (set up on demand) in pages."""

    areas = ("associations", "teachers", "settings", "plans", "lessons", "mentoring", "attestation")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._own_write = False
        self.detail: CouncilDetail | None = None
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        year_label = QLabel(_("Academic year"))
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("council_year_combo")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        year_label.setBuddy(self.year_combo)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(year_label)
        top.addWidget(self.year_combo)
        self.basis_label = QLabel()
        self.basis_label.setObjectName("council_basis")
        top.addSpacing(12)
        top.addWidget(self.basis_label, 1)
        self.search_box = SearchBox()
        self.search_box.setMaximumWidth(260)
        top.addWidget(self.search_box)
        column.addLayout(top)
        self.stack = QStackedWidget()
        self.stack.setObjectName("council_stack")
        empty = QWidget()
        empty_column = QVBoxLayout(empty)
        empty_column.addStretch(1)
        self.empty_label = QLabel(
            _(
                "The methodical council of this academic year is not set up yet. Set it up to record its "
                "composition, meetings and the documents it reviews."
            )
        )
        self.empty_label.setObjectName("council_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_column.addWidget(self.empty_label)
        self.setup_button = QPushButton(_("Set up the methodical council"))
        self.setup_button.setObjectName("setup_council_button")
        self.setup_button.clicked.connect(self.set_up)
        empty_column.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_column.addStretch(2)
        self.stack.addWidget(empty)
        self.pages = QTabWidget()
        self.pages.setObjectName("council_pages")
        self.composition = CompositionPage(self)
        self.pages.addTab(self.composition, _("Composition"))
        self.meetings_page = MeetingsPage(ctx)
        self.meetings_page.written.connect(lambda _id: self.written())
        self.pages.addTab(self.meetings_page, _("Meetings"))
        self.documents_page = ReviewedDocumentsPage(ctx, council=True)
        self.documents_page.written.connect(lambda _id: self.written())
        self.pages.addTab(self.documents_page, _("Documents reviewed"))
        self.school_plan_page = SchoolPlanPage(ctx, self.written)
        self.pages.addTab(self.school_plan_page, _("School plan"))
        self.analysis_page = AnalysisPage(ctx, self.written)
        self.pages.addTab(self.analysis_page, _("Analysis of the year"))
        self.stack.addWidget(self.pages)
        column.addWidget(self.stack, 1)
        for proxy in (self.composition.proxy, self.meetings_page.proxy, self.documents_page.proxy):
            self.search_box.search_changed.connect(proxy.set_search)

    def title(self) -> str:
        return _("Methodical council")

    def year_id(self) -> int | None:
        data = self.year_combo.currentData()
        return int(data) if data is not None else None

    def reload(self) -> None:
        detail = None
        with self.ctx.reading() as session:
            this_year = years.current_year(session)
            fill_year_combo(
                self.year_combo, years.list_years(session), self.year_id() or (this_year.id if this_year else None)
            )
            year_id = self.year_id()
            try:
                found = council.find_council(session, year_id) if year_id is not None else None
                detail = council.get_council(session, found) if found is not None else None
            except DomainError:  # no organisation yet
                detail = None
        self.detail = detail
        self.setup_button.setEnabled(year_id is not None)
        self.stack.setCurrentIndex(1 if detail is not None else 0)
        self.basis_label.setText(self._basis_text(detail))
        self.composition.show_council(detail)
        shown = detail.detail if detail is not None else None
        self.meetings_page.set_association(shown)
        self.documents_page.set_association(shown)
        self.school_plan_page.set_year(year_id)
        self.analysis_page.set_year(year_id)

    def _basis_text(self, detail: CouncilDetail | None) -> str:
        if detail is None:
            return ""
        if detail.order_number and detail.order_date:
            return _("Composition set by the director's order No. {number} of {date}.").format(
                number=detail.order_number, date=short_date(detail.order_date)
            )
        return _("The director's order on the composition is not recorded yet.")

    def set_up(self) -> None:
        year_id = self.year_id()
        if year_id is None:
            return
        if run_action(self, self.ctx, lambda s: council.set_up_council(s, year_id)):
            self.written()

    def written(self) -> None:
        """After a write: tell the other tabs, then show the fresh rows here (once)."""
        self._own_write = True
        try:
            self.ctx.changed.emit("associations")
        finally:
            self._own_write = False
        self._stale = False
        self.reload()

    def _on_changed(self, area: str) -> None:
        if not self._own_write:
            super()._on_changed(area)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def new_record(self) -> None:
        """Ctrl+N: a new meeting of the council."""
        if self.detail is not None:
            self.pages.setCurrentWidget(self.meetings_page)
            self.meetings_page.new_meeting()

    def save_state(self) -> None:
        save_table_state(self.composition.table, self.ctx)
        self.meetings_page.save_state()
        self.documents_page.save_state()
        self.school_plan_page.save_state()
