"""A school subject's two names, Kazakh and Russian."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from metodesk.i18n import _
from metodesk.services import subjects
from metodesk.services.common import MAX_NAME
from metodesk.services.subjects import SubjectRow
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog


class SubjectDialog(FormDialog):
    """Adds or renames a subject; both names are required because documents
    are printed in either language."""

    def __init__(
        self, ctx: AppContext, subject: SubjectRow | None = None, parent: QWidget | None = None
    ) -> None:
        title = _("New subject") if subject is None else _("Edit subject")
        super().__init__(ctx, title, parent)
        self.subject_id = subject.id if subject is not None else None
        self.name_kk = QLineEdit(subject.name_kk if subject else "")
        self.name_kk.setObjectName("name_kk")
        self.name_kk.setMaxLength(MAX_NAME)
        self.add_field(_("Name in Kazakh"), self.name_kk, "name_kk")
        self.name_ru = QLineEdit(subject.name_ru if subject else "")
        self.name_ru.setObjectName("name_ru")
        self.name_ru.setMaxLength(MAX_NAME)
        self.add_field(_("Name in Russian"), self.name_ru, "name_ru")
        if not ctx.settings.contains(f"dialogs/{type(self).__name__}"):
            self.resize(520, self.sizeHint().height())

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        return subjects.save_subject(session, self.name_kk.text(), self.name_ru.text(), self.subject_id)
