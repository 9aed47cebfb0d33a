"""Members of an association: picking teachers to add, and giving a member a
role (the leader with how, when and on what basis they came, item 29)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.enums import AssociationLevel, LeaderChosen, MemberRole
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import associations, teachers
from metodesk.services.associations import MemberRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.models import ROW_ROLE, Column, RowTableModel
from metodesk.ui.tabs.base import make_table, save_table_state
from metodesk.ui.widgets import DateField, SearchBox


class MemberPickerDialog(FormDialog):
    """Active teachers who may join: of the association's own organisation for a
    school association, of any organisation for a district one. Several can be
    chosen; they are added in one transaction."""

    def __init__(self, ctx: AppContext, association_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Add members"), parent)
        self.association_id = association_id
        lang = ctx.lang
        with ctx.reading() as session:
            detail = associations.get_detail(session, association_id)
            school = detail.row.level == AssociationLevel.SCHOOL.value
            rows = teachers.list_teachers(
                session, organisation_id=detail.row.organisation_id if school else None
            )
        members = {m.teacher_id for m in detail.members}
        self.candidates = [t for t in rows if t.id not in members and not t.archived]

        intro = QLabel(
            _("Teachers of {organisation} who are not yet members.").format(
                organisation=detail.row.organisation(lang)
            )
            if school
            else _("Teachers of all organisations who are not yet members.")
        )
        intro.setObjectName("picker_intro")
        intro.setWordWrap(True)
        self.form.addRow(intro)

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.search_box = SearchBox()
        column.addWidget(self.search_box)
        self.model = RowTableModel(
            [
                Column(lambda: _("Teacher"), lambda t: t.full_name),
                Column(lambda: _("Organisation"), lambda t: t.organisation(lang)),
                Column(lambda: _("Subjects"), lambda t: ", ".join(t.subjects(lang))),
            ]
        )
        self.model.set_rows(self.candidates)
        self.table, self.proxy = make_table("picker_table", self.model, ctx)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setMinimumHeight(260)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.search_box.search_changed.connect(self.proxy.set_search)
        column.addWidget(self.table)
        self.empty_label = QLabel(
            _(
                "There is no active teacher of this school left to add. "
                "Teachers of several schools can join a district association."
            )
            if school
            else _("There is no active teacher left to add.")
        )
        self.empty_label.setObjectName("picker_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not self.candidates)
        column.addWidget(self.empty_label)
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.add_field(_("Teachers"), holder, "teacher_id")
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.setStretchFactor(self.form, 10)
        if ctx.settings.value("tables/picker_table") is None:
            self.table.setColumnWidth(0, 240)
            self.table.setColumnWidth(1, 160)
        self.table.setColumnHidden(1, school)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Add"))
        self.resize(max(self.width(), 640), max(self.height(), 480))

    def chosen_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ROW_ROLE).id for index in sorted(rows, key=lambda i: i.row())]

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        ids = self.chosen_ids()
        if not ids:
            raise DomainError(_("Choose a teacher in the list."), field="teacher_id")
        membership_id = 0
        for teacher_id in ids:
            membership_id = associations.add_member(session, self.association_id, teacher_id)
        return membership_id

    def done(self, result: int) -> None:
        save_table_state(self.table, self.ctx)
        super().done(result)


class MemberRoleDialog(FormDialog):
    """Member, leader or secretary. The leader's details are asked only for the leader;
    the previous leader or secretary becomes a member (the service does it)."""

    def __init__(self, ctx: AppContext, member: MemberRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Role in the association"), parent)
        self.member = member
        who = QLabel(member.full_name)
        who.setObjectName("member_name")
        who.setStyleSheet("font-weight: bold;")
        self.form.addRow(who)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("role_combo")
        for code, label in MemberRole.choices():
            self.role_combo.addItem(label, code)
        self.add_field(_("Role"), self.role_combo, "role")
        self.chosen_combo = QComboBox()
        self.chosen_combo.setObjectName("chosen_combo")
        for code, label in LeaderChosen.choices():
            self.chosen_combo.addItem(label, code)
        self.add_field(_("Elected or appointed"), self.chosen_combo, "leader_chosen")
        self.since_field = DateField("leader_since")
        self.add_field(_("Leader since"), self.since_field, "leader_since")
        self.basis_edit = QLineEdit()
        self.basis_edit.setObjectName("leader_basis")
        self.basis_edit.setPlaceholderText(_("For example: protocol No. 1, or order No. 45"))
        self.add_field(_("Basis"), self.basis_edit, "leader_basis")

        self.role_combo.setCurrentIndex(max(self.role_combo.findData(member.role), 0))
        if member.leader_chosen:
            self.chosen_combo.setCurrentIndex(max(self.chosen_combo.findData(member.leader_chosen), 0))
        self.since_field.set_date(member.leader_since)
        self.basis_edit.setText(member.leader_basis)
        self.role_combo.currentIndexChanged.connect(self._update_leader_rows)
        self._update_leader_rows()
        self.resize(max(self.width(), 520), self.sizeHint().height())

    def is_leader(self) -> bool:
        return self.role_combo.currentData() == MemberRole.LEADER.value

    def _update_leader_rows(self) -> None:
        leader = self.is_leader()
        for widget in (self.chosen_combo, self.since_field, self.basis_edit):
            self.form.setRowVisible(widget.parentWidget(), leader)
        self.adjustSize()

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        role = str(self.role_combo.currentData())
        if role == MemberRole.LEADER.value:
            associations.set_role(
                session,
                self.member.membership_id,
                role,
                chosen=str(self.chosen_combo.currentData()),
                since=self.since_field.date(),
                basis=self.basis_edit.text(),
            )
        else:
            associations.set_role(session, self.member.membership_id, role)
        return self.member.membership_id
