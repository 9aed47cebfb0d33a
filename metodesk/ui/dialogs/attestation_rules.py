"""The attestation rules as the user edits them: every number with the group
it applies to and the date it applies from. Adding, changing and deleting a
rule are each written at once, in one transaction; ``changed`` tells the tab."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import attestation_rules
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.attestation_rule import RuleDialog
from metodesk.ui.models import Column, RowTableModel
from metodesk.ui.tabs.base import make_table, save_table_state, selected_row


class RulesDialog(QDialog):
    """Lists every rule; Add, Edit and Delete work on it in place."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.setObjectName("RulesDialog")
        self.setWindowTitle(_("Attestation rules"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Every number of the attestation rules applies from its date. When the rules are "
                "revised, add the new value with the date it applies from: awards and tests of "
                "earlier dates keep the old one."
            )
        )
        intro.setObjectName("rules_intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowTableModel(
            [
                Column(lambda: _("Rule"), lambda r: r.kind_label),
                Column(lambda: _("Applies to"), lambda r: r.subject_label),
                Column(lambda: _("Value"), lambda r: str(r.value), sort=lambda r: r.value, align_right=True),
                Column(
                    lambda: _("Applies from"), lambda r: short_date(r.valid_from), sort=lambda r: r.valid_from
                ),
            ]
        )
        self.table, self.proxy = make_table("rules_table", self.model, ctx)
        self.table.setSortingEnabled(False)
        self.proxy.sort(-1)  # the service's order: by kind and group, then date
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = self._button("rule_add_button", _("Add…"), self.add_rule)
        self.edit_button = self._button("rule_edit_button", _("Edit…"), self.edit_rule)
        self.delete_button = self._button("rule_delete_button", _("Delete"), self.delete_rule)
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("dialog_buttons")
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()
        self.resize(780, 560)
        geometry = ctx.settings.value("dialogs/RulesDialog")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if ctx.settings.value("tables/rules_table") is None:
            for column, width in enumerate((250, 220, 70)):
                self.table.setColumnWidth(column, width)

    def _button(self, name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def reload(self, select_id: int | None = None) -> None:
        with self.ctx.reading() as session:
            rows = attestation_rules.list_rules(session)
        self.model.set_rows(rows)
        if select_id is not None:
            for index, row in enumerate(rows):
                if row.id == select_id:
                    self.table.selectRow(self.proxy.mapFromSource(self.model.index(index, 0)).row())
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        chosen = selected_row(self.table) is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _double_clicked(self, *_args: object) -> None:
        self.edit_rule()

    def _written(self, select_id: int | None) -> None:
        self.changed = True
        self.ctx.changed.emit("attestation")
        self.reload(select_id)

    def add_rule(self) -> None:
        """A new rule; with a rule selected, a revision of it (same kind and group)."""
        current = selected_row(self.table)
        dialog = RuleDialog(
            self.ctx, None, current.kind if current else None, current.subject if current else None, self
        )
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)

    def edit_rule(self) -> None:
        current = selected_row(self.table)
        if current is None:
            return
        dialog = RuleDialog(self.ctx, current, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._written(dialog.saved_id)

    def delete_rule(self) -> None:
        current = selected_row(self.table)
        if current is None:
            return
        question = _("Delete the rule “{rule}” for {group} applying from {date}?").format(
            rule=current.kind_label, group=current.subject_label, date=short_date(current.valid_from)
        )
        if not common.confirm(self, question):
            return
        try:
            with self.ctx.transaction() as session:
                attestation_rules.delete_rule(session, current.id)
        except DomainError as err:
            common.show_error(self, err.message)
            return
        self._written(None)

    def done(self, result: int) -> None:
        self.ctx.settings.setValue("dialogs/RulesDialog", self.saveGeometry())
        save_table_state(self.table, self.ctx)
        super().done(result)
