"""Preview of a mentoring pair's documents (the mentor's plan, the year's
report) in the in-app PDF viewer, in Kazakh or Russian: the protocol
preview's dialog (pages, zoom, print, save, open) with these documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.rows.mentoring import MentoringDocData
from metodesk.i18n import _
from metodesk.services import mentoring_print
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.pdf_preview import PdfPreviewDialog
from metodesk.ui.saving import save_chosen

PLAN, REPORT = "plan", "report"
FILE_NAMES = {
    (PLAN, "kk"): "Тәлімгер жоспары {name} {year}.pdf",
    (PLAN, "ru"): "План наставника {name} {year}.pdf",
    (REPORT, "kk"): "Тәлімгер есебі {name} {year}.pdf",
    (REPORT, "ru"): "Отчёт наставника {name} {year}.pdf",
}


def build_document(data: MentoringDocData, document: str, lang: str) -> bytes:
    """The plan or the report as PDF bytes (reportlab loads here, not at start-up)."""
    if document == PLAN:
        from metodesk.reports import mentoring_plan as builder
    else:
        from metodesk.reports import mentoring_report as builder  # type: ignore[no-redef]
    return builder.build(data, lang)


def file_name(data: MentoringDocData, document: str, lang: str) -> str:
    return FILE_NAMES[(document, lang)].format(name=data.mentee.short_name, year=data.year_name)


class MentoringPreviewDialog(PdfPreviewDialog):
    """``document`` is "plan" or "report"; ``lang`` the language it opens in."""

    def __init__(
        self, ctx: AppContext, pair_id: int, document: str, lang: str, parent: QWidget | None = None
    ) -> None:
        self._start_lang = lang
        super().__init__(ctx, pair_id, document, parent)
        self.setObjectName("MentoringPreviewDialog")

    def load(self, record_id: int) -> str:
        with self.ctx.reading() as session:
            self.mentoring_data = mentoring_print.mentoring_data(session, record_id)
        name = self.mentoring_data.mentee.short_name
        self.setWindowTitle(
            _("The mentor's plan for {name}: preview").format(name=name)
            if self.document_kind == PLAN
            else _("The mentoring report on {name}: preview").format(name=name)
        )
        return self._start_lang

    def build_pdf(self, lang: str) -> bytes:
        return build_document(self.mentoring_data, self.document_kind, lang)

    def file_name(self) -> str:
        return file_name(self.mentoring_data, self.document_kind, self.lang())


def open_preview(ctx: AppContext, pair_id: int, document: str, lang: str, parent: QWidget) -> None:
    """Show the preview; a pair deleted meanwhile is one sentence, not a crash."""
    try:
        dialog = MentoringPreviewDialog(ctx, pair_id, document, lang, parent)
    except DomainError as err:
        common.show_error(parent, err.message)
        return
    dialog.exec()


def export(ctx: AppContext, pair_id: int, document: str, lang: str, parent: QWidget) -> Path | None:
    """Ask where to save the plan or the report, then write it; the path, or
    None when cancelled or refused (the user is told why)."""
    try:
        with ctx.reading() as session:
            data = mentoring_print.mentoring_data(session, pair_id)
    except DomainError as err:
        common.show_error(parent, err.message)
        return None
    saved = ctx.settings.value("paths/pdf_folder")
    if isinstance(saved, str) and Path(saved).is_dir():
        folder = Path(saved)
    else:
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents) if documents else Path.home()
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the PDF"), str(folder / file_name(data, document, lang)), _("PDF files (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    if not save_chosen(parent, path, build_document(data, document, lang)):
        return None
    ctx.settings.setValue("paths/pdf_folder", str(path.parent))
    ctx.status.emit(_("Saved: {path}").format(path=path))
    return path
