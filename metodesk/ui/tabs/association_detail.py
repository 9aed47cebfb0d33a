"""The right half of the Associations tab: one association's facts, the item-23
warning, and a tab widget of its pages (Members now; Meetings later).

The panel writes only through its own buttons, each in one transaction, and then
emits ``written(association_id)`` so that the tab reloads its list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import AssociationKind, AssociationLevel, LeaderChosen, MemberRole
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.i18n.dates import short_date
from metodesk.services import associations
from metodesk.services.associations import AssociationDetail, MemberRow
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.member import MemberPickerDialog, MemberRoleDialog
from metodesk.ui.models import ROW_ROLE, Column, RowTableModel
from metodesk.ui.tabs.base import header_width, make_table, save_table_state, selected_row
from metodesk.ui.tabs.meetings_page import MeetingsPage, ReviewedDocumentsPage

MEMBER_WIDTHS = (200, 120, 95)  # first-start widths; then the user's are remembered
MEMBER_ORG_COLUMN = 1
ROLE_ORDER = {MemberRole.LEADER.value: 0, MemberRole.SECRETARY.value: 1, MemberRole.MEMBER.value: 2}


def label_of(enum_type: type, code: str) -> str:
    """The human name of a stored code; the code itself if it is unknown."""
    try:
        return enum_type(code).label
    except ValueError:
        return code


def text_column(title: Callable[[], str], text: Callable[[Any], str]) -> Column:
    """A text column whose cells show their whole text as a tooltip when elided."""
    return Column(title, text, tooltip=text)


def make_button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def run_action(parent: QWidget, ctx: AppContext, action: Callable[[Any], None]) -> bool:
    """One user action in one transaction; a refusal is shown and nothing is kept."""
    try:
        with ctx.transaction() as session:
            action(session)
    except DomainError as err:
        common.show_error(parent, err.message)
        return False
    return True


def leader_details(member: MemberRow) -> str:
    """'Elected; since 28.08.2025; № 1 хаттама' for the leader, empty otherwise."""
    if member.role != MemberRole.LEADER.value:
        return ""
    parts = []
    if member.leader_chosen:
        parts.append(label_of(LeaderChosen, member.leader_chosen))
    if member.leader_since:
        parts.append(_("since {date}").format(date=short_date(member.leader_since)))
    if member.leader_basis:
        parts.append(member.leader_basis)
    return "; ".join(parts)


def item23_text(count: int) -> str:
    """The item-23 warning for a school association with ``count`` teachers of its subject."""
    return ngettext(
        "Only {n} teacher of this subject works in the school; Order No. 253 item 23 asks "
        "for at least 3 to form a school association. Consider a district (inter-school) "
        "association under item 24.",
        "Only {n} teachers of this subject work in the school; Order No. 253 item 23 asks "
        "for at least 3 to form a school association. Consider a district (inter-school) "
        "association under item 24.",
        count,
    ).format(n=count)


class AssociationDetailPanel(QStackedWidget):
    """Page 0: a hint when nothing is chosen; page 1: the chosen association."""

    written = Signal(int)  # an association id: it changed, reload and keep it selected

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("detail_stack")
        self.detail: AssociationDetail | None = None
        self.members_model = RowTableModel(
            [
                text_column(
                    lambda: _("Full name"),
                    lambda m: _("{name} (archived)").format(name=m.full_name) if m.archived else m.full_name,
                ),
                text_column(
                    lambda: _("Organisation"),
                    lambda m: m.organisation_ru if self.ctx.lang == "ru" else m.organisation_kk,
                ),
                Column(
                    lambda: _("Role"),
                    lambda m: label_of(MemberRole, m.role),
                    sort=lambda m: ROLE_ORDER.get(m.role, len(ROLE_ORDER)),
                ),
                text_column(lambda: _("Details"), leader_details),
            ]
        )
        self.empty_label = QLabel()
        self.empty_label.setObjectName("detail_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.addWidget(self.empty_label)
        self.addWidget(self._build_panel())
        self.show_detail(None, False)

    # ---- building -------------------------------------------------------------------------

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("detail_panel")
        column = QVBoxLayout(panel)
        column.setContentsMargins(6, 0, 0, 0)
        self.detail_name = QLabel()
        self.detail_name.setObjectName("detail_name")
        self.detail_name.setWordWrap(True)
        self.detail_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.detail_name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.detail_name.setFont(font)
        column.addWidget(self.detail_name)
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detail_kind = self._fact("detail_kind", _("Kind"))
        self.detail_level = self._fact("detail_level", _("Level"))
        self.detail_subject = self._fact("detail_subject", _("Subject"))
        self.detail_organisation = self._fact("detail_organisation", _("Organisation"))
        self.detail_year = self._fact("detail_year", _("Academic year"))
        self.detail_leader = self._fact("detail_leader", _("Leader"))
        column.addLayout(self.facts)
        column.addWidget(self._build_warning())
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("detail_tabs")
        self.detail_tabs.addTab(self._build_members(), _("Members"))
        self.meetings_page = MeetingsPage(self.ctx)
        self.meetings_page.written.connect(self.written)
        self.detail_tabs.addTab(self.meetings_page, _("Meetings"))
        self.documents_page = ReviewedDocumentsPage(self.ctx)
        self.documents_page.written.connect(self.written)
        self.detail_tabs.addTab(self.documents_page, _("Documents reviewed"))
        column.addWidget(self.detail_tabs, 1)
        return panel

    def _fact(self, name: str, title: str) -> QLabel:
        value = QLabel()
        value.setObjectName(name)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.addRow(title, value)
        return value

    def _build_warning(self) -> QFrame:
        self.item23_warning = QFrame()
        self.item23_warning.setObjectName("item23_warning")
        self.item23_warning.setStyleSheet(
            "QFrame#item23_warning { background: #fff4c2; border: 1px solid #e0b400; border-radius: 4px; }"
            "QFrame#item23_warning QLabel { background: transparent; border: none; color: #4a3b00; }"
        )
        box = QVBoxLayout(self.item23_warning)
        box.setContentsMargins(8, 6, 8, 6)
        self.item23_text = QLabel()
        self.item23_text.setObjectName("item23_text")
        self.item23_text.setWordWrap(True)
        box.addWidget(self.item23_text)
        self.make_district_button = make_button(
            "make_district_button", _("Make it a district association"), self.make_district
        )
        box.addWidget(self.make_district_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.item23_warning.hide()
        return self.item23_warning

    def _build_members(self) -> QWidget:
        page = QWidget()
        page.setObjectName("members_page")
        column = QVBoxLayout(page)
        self.members_table, self.members_proxy = make_table("members_table", self.members_model, self.ctx)
        if self.ctx.settings.value("tables/members_table") is None:
            for section, width in enumerate(MEMBER_WIDTHS):
                self.members_table.setColumnWidth(
                    section, max(width, header_width(self.members_table, section))
                )
        self.members_table.doubleClicked.connect(lambda _index: self.set_role())
        self.members_table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        column.addWidget(self.members_table, 1)
        buttons = QHBoxLayout()
        self.add_member_button = make_button("add_member_button", _("Add member…"), self.add_member)
        self.set_role_button = make_button("set_role_button", _("Set role…"), self.set_role)
        self.remove_member_button = make_button(
            "remove_member_button", _("Remove member"), self.remove_member
        )
        for button in (self.add_member_button, self.set_role_button, self.remove_member_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return page

    # ---- showing ----------------------------------------------------------------------------

    def selected_member(self) -> MemberRow | None:
        return selected_row(self.members_table)

    def show_detail(self, detail: AssociationDetail | None, list_has_rows: bool) -> None:
        """Show an association (keeping the chosen member when it is the same one), or a hint."""
        same = self.detail is not None and detail is not None and self.detail.row.id == detail.row.id
        kept = self.selected_member() if same else None
        self.detail = detail
        self.meetings_page.set_association(detail)
        self.documents_page.set_association(detail)
        if detail is None:
            self.empty_label.setText(
                _("Choose an association in the list, or add one.")
                if list_has_rows
                else _("There are no associations in this year yet. Press Add to create one.")
            )
            self.setCurrentIndex(0)
            self.members_model.set_rows([])
            self.item23_warning.hide()
            self._update_buttons()
            return
        self._show_facts(detail)
        self.item23_text.setText(item23_text(detail.check.teachers_of_subject))
        self.item23_warning.setVisible(not detail.check.satisfied)
        # a school association's members all belong to its organisation, shown above
        school = detail.row.level == AssociationLevel.SCHOOL.value
        self.members_table.setColumnHidden(MEMBER_ORG_COLUMN, school)
        self.members_model.set_rows(detail.members)
        header = self.members_table.horizontalHeader()
        self.members_proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if kept is not None:
            self.select_member(kept.membership_id)
        self.setCurrentIndex(1)
        self._update_buttons()

    def _show_facts(self, detail: AssociationDetail) -> None:
        lang = self.ctx.lang
        row = detail.row
        self.detail_name.setText(row.name(lang))
        self.detail_kind.setText(label_of(AssociationKind, row.kind))
        self.detail_level.setText(label_of(AssociationLevel, row.level))
        by_subject = row.subject_id is not None
        self.facts.labelForField(self.detail_subject).setText(_("Subject") if by_subject else _("Direction"))
        self.detail_subject.setText((row.subject(lang) if by_subject else row.direction) or "—")
        self.detail_organisation.setText(row.organisation(lang))
        self.detail_year.setText(row.year_name)
        leader = detail.leader
        leader_name = (
            _("{name} (archived)").format(name=leader.full_name) if leader is not None and leader.archived else ""
        ) or (leader.full_name if leader is not None else "")
        if leader is None:
            self.detail_leader.setText(_("not chosen yet"))
        elif leader_details(leader):
            self.detail_leader.setText(
                _("{name} ({details})").format(name=leader_name, details=leader_details(leader))
            )
        else:
            self.detail_leader.setText(leader_name)

    def select_member(self, membership_id: int) -> None:
        for row in range(self.members_proxy.rowCount()):
            index = self.members_proxy.index(row, 0)
            if index.data(ROW_ROLE).membership_id == membership_id:
                self.members_table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.members_table.setCurrentIndex(index)
                break
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_member_button.setEnabled(self.detail is not None)
        member = self.detail is not None and self.selected_member() is not None
        self.set_role_button.setEnabled(member)
        self.remove_member_button.setEnabled(member)

    # ---- actions ------------------------------------------------------------------------------

    def make_district(self) -> None:
        """Item 24: the same association at district level, in one transaction; a name
        is renamed only while it is still the one metodesk suggested."""
        if self.detail is None:
            return
        row = self.detail.row
        question = _(
            "Make “{name}” a district (inter-school) association? Teachers of other schools can then join it."
        ).format(name=row.name(self.ctx.lang))
        if not common.confirm(self, question):
            return
        school = associations.suggest_names(
            row.kind, AssociationLevel.SCHOOL.value, row.subject_kk, row.subject_ru
        )
        district = associations.suggest_names(
            row.kind, AssociationLevel.DISTRICT.value, row.subject_kk, row.subject_ru
        )
        data = associations.AssociationInput(
            kind=row.kind,
            level=AssociationLevel.DISTRICT.value,
            name_kk=district[0] if row.name_kk == school[0] else row.name_kk,
            name_ru=district[1] if row.name_ru == school[1] else row.name_ru,
            subject_id=row.subject_id,
            direction=row.direction,
            year_id=row.year_id,
            organisation_id=row.organisation_id,
        )
        if run_action(self, self.ctx, lambda s: associations.save_association(s, data, row.id)):
            self.written.emit(row.id)

    def add_member(self) -> None:
        if self.detail is None:
            return
        association_id = self.detail.row.id
        dialog = MemberPickerDialog(self.ctx, association_id, self)
        if dialog.exec():
            self.written.emit(association_id)
            if dialog.saved_id:
                self.select_member(dialog.saved_id)

    def set_role(self) -> None:
        member = self.selected_member()
        if self.detail is None or member is None:
            return
        association_id = self.detail.row.id
        dialog = MemberRoleDialog(self.ctx, member, self)
        if dialog.exec():
            self.written.emit(association_id)

    def remove_member(self) -> None:
        member = self.selected_member()
        if self.detail is None or member is None:
            return
        association_id = self.detail.row.id
        question = _("Remove {name} from the association?").format(name=member.full_name)
        if not common.confirm(self, question):
            return
        if run_action(self, self.ctx, lambda s: associations.remove_member(s, member.membership_id)):
            self.written.emit(association_id)

    def save_state(self) -> None:
        save_table_state(self.members_table, self.ctx)
        self.meetings_page.save_state()
        self.documents_page.save_state()
