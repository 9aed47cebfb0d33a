"""Any registered document kind (``metodesk.documents.registry``) in the
shared PDF preview: language, pages, zoom, print, save as PDF, and, for a
kind also made as Word or Excel, "Save as Word…" / "Save as Excel…" in the
language chosen in the preview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from metodesk.documents.base import DocumentKind, Format, Request
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import settings
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.pdf_preview import PdfPreviewDialog
from metodesk.ui.saving import save_chosen


class KindPreviewDialog(PdfPreviewDialog):
    """The preview of ``kind`` for ``request``."""

    def __init__(
        self, ctx: AppContext, kind: DocumentKind[Any], request: Request, parent: QWidget | None = None
    ) -> None:
        self.kind, self.request = kind, request
        super().__init__(ctx, 0, kind.key, parent)
        self.setObjectName("KindPreviewDialog")
        self.other_buttons: dict[Format, QPushButton] = {}
        for fmt in kind.formats:
            if fmt is Format.PDF:
                continue
            text = _("Save as Word…") if fmt is Format.DOCX else _("Save as Excel…")
            button = self._button(f"save_{fmt.value}_button", text, lambda _c=False, f=fmt: self.save_other(f))
            self.other_buttons[fmt] = button
            self._actions_row.insertWidget(2 + len(self.other_buttons), button)

    def _build_actions(self):  # type: ignore[no-untyped-def]
        self._actions_row = super()._build_actions()
        return self._actions_row

    def load(self, record_id: int) -> str:
        with self.ctx.reading() as session:
            self.data = self.kind.read(session, self.request)
            lang = settings.print_language(session)
        self.setWindowTitle(self.kind.preview_title(self.data))
        return lang

    def build_pdf(self, lang: str) -> bytes:
        return self.kind.build(self.data, lang, Format.PDF)

    def file_name(self) -> str:
        return self.kind.file_name(self.data, self.lang(), Format.PDF)

    def save_other(self, fmt: Format) -> Path | None:
        """Build the document as ``fmt`` in the preview's language and save it where the user says."""
        name = self.kind.file_name(self.data, self.lang(), fmt)
        pattern = _("Word documents (*.docx)") if fmt is Format.DOCX else _("Excel workbooks (*.xlsx)")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the document"), str(Path(self._default_folder()) / name), pattern
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != fmt.suffix:
            path = path.with_name(path.name + fmt.suffix)
        if not save_chosen(self, path, self.kind.build(self.data, self.lang(), fmt)):
            return None
        self.ctx.status.emit(_("Saved: {path}").format(path=path))
        return path


def open_kind_preview(ctx: AppContext, key: str, request: Request, parent: QWidget) -> bool:
    """Show the preview of the kind registered as ``key``; a refusal is one sentence."""
    from metodesk.documents import registry

    try:
        dialog = KindPreviewDialog(ctx, registry.kind(key), request, parent)
    except DomainError as err:
        common.show_error(parent, err.message)
        return False
    dialog.exec()
    return True
