"""The preview of any registered document kind (``metodesk.documents``): the
protocols' preview dialog (pages, zoom, print, save, open outside) fed by the
kind's ``read`` / ``build`` / ``file_name``, with "Save as Word…" for a kind
made as Word too. Used by the methodical council's tab for its protocol, the
register of reviewed documents, the school plan and the year's analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QWidget

from metodesk.documents import registry
from metodesk.documents.base import Format, Request
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import settings
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.pdf_preview import PdfPreviewDialog
from metodesk.ui.saving import save_chosen


class KindPreviewDialog(PdfPreviewDialog):
    """A registered kind's document, asked for by ``request``, in the preview."""

    def __init__(self, ctx: AppContext, key: str, request: Request, parent: QWidget | None = None) -> None:
        self.kind = registry.kind(key)
        self.request = request
        super().__init__(ctx, 0, key, parent)
        self.setObjectName("KindPreviewDialog")

    def load(self, record_id: int) -> str:
        with self.ctx.reading() as session:
            self.data: Any = self.kind.read(session, self.request)
            lang = settings.print_language(session)
        self.setWindowTitle(self.kind.preview_title(self.data))
        return lang

    def build_pdf(self, lang: str) -> bytes:
        return self.kind.build(self.data, lang, Format.PDF)

    def file_name(self) -> str:
        return self.kind.file_name(self.data, self.lang(), Format.PDF)

    def _build_actions(self) -> QHBoxLayout:
        row = super()._build_actions()
        if Format.DOCX in self.kind.formats:
            self.word_button = self._button("save_word_button", _("Save as Word…"), self.save_word)
            row.insertWidget(2, self.word_button)
        return row

    def save_word(self) -> Path | None:
        saved = self.ctx.settings.value("paths/docx_folder")
        folder = (
            saved
            if isinstance(saved, str) and Path(saved).is_dir()
            else QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        )
        suggested = str(Path(folder) / self.kind.file_name(self.data, self.lang(), Format.DOCX))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save as Word"), suggested, _("Word documents (*.docx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        if not save_chosen(self, path, self.kind.build(self.data, self.lang(), Format.DOCX)):
            return None
        self.ctx.settings.setValue("paths/docx_folder", str(path.parent))
        self.ctx.status.emit(_("Saved: {path}").format(path=path))
        return path


def open_kind_preview(ctx: AppContext, key: str, request: Request, parent: QWidget) -> None:
    """Show the preview; a record that vanished meanwhile is one sentence, not a crash."""
    try:
        dialog = KindPreviewDialog(ctx, key, request, parent)
    except DomainError as err:
        common.show_error(parent, err.message)
        return
    dialog.exec()
