"""An organisation's card: the fields shared by the dialog for neighbouring
organisations and the in-place form of our own organisation in Settings."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from metodesk.domain.enums import OrgKind
from metodesk.i18n import _
from metodesk.services import organisations
from metodesk.services.common import MAX_NAME, MAX_TITLE
from metodesk.services.organisations import OrganisationInput, OrganisationRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog

AddField = Callable[[str, QWidget, str], QWidget]


class OrganisationFields:
    """The eight inputs of an organisation, laid out by whoever passes ``add_field``
    (label, widget, field name) so that refused input shows under its own field."""

    def __init__(self, add_field: AddField) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code, label in OrgKind.choices():
            self.kind.addItem(label, code)
        add_field(_("Kind of organisation"), self.kind, "kind")
        self.name_kk = self._line(add_field, _("Name in Kazakh"), "name_kk", MAX_TITLE)
        self.name_ru = self._line(add_field, _("Name in Russian"), "name_ru", MAX_TITLE)
        self.district = self._line(add_field, _("District"), "district")
        self.region = self._line(add_field, _("Region"), "region")
        self.head_name = self._line(add_field, _("Head's full name"), "head_name")
        self.head_title = self._line(add_field, _("Head's title"), "head_title")
        self.head_title.setPlaceholderText(_("For example: Мектеп директоры"))
        self.deputy_name = self._line(add_field, _("Deputy for methodical work"), "deputy_name")
        self.deputy_name.setPlaceholderText(_("Full name of the deputy director"))

    @staticmethod
    def _line(add_field: AddField, label: str, field: str, limit: int = MAX_NAME) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(field)
        edit.setMaxLength(limit)
        add_field(label, edit, field)
        return edit

    def texts(self) -> list[QLineEdit]:
        return [
            self.name_kk,
            self.name_ru,
            self.district,
            self.region,
            self.head_name,
            self.head_title,
            self.deputy_name,
        ]

    def set_row(self, row: OrganisationRow | None) -> None:
        """Show ``row``'s values; empty fields (and a school) for None."""
        kind = row.kind if row is not None else OrgKind.SCHOOL.value
        index = self.kind.findData(kind)
        self.kind.setCurrentIndex(max(index, 0))
        for edit in self.texts():
            edit.setText(getattr(row, edit.objectName()) if row is not None else "")
            edit.setCursorPosition(0)

    def data(self) -> OrganisationInput:
        return OrganisationInput(
            kind=str(self.kind.currentData()),
            **{edit.objectName(): edit.text() for edit in self.texts()},
        )


class OrganisationDialog(FormDialog):
    """Adds or edits an organisation (a neighbouring school, usually)."""

    def __init__(
        self, ctx: AppContext, org: OrganisationRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = _("New organisation") if org is None else _("Edit organisation")
        super().__init__(ctx, title, parent)
        self.org_id = org.id if org is not None else None
        self.fields = OrganisationFields(self.add_field)
        self.fields.set_row(org)
        if not ctx.settings.contains(f"dialogs/{type(self).__name__}"):
            self.resize(620, self.sizeHint().height())

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return organisations.save_organisation(session, self.fields.data(), self.org_id)
