"""An annual plan on paper: the in-app preview (the protocols' preview dialog,
fed with the plan's PDF) and the export to a PDF or Word (DOCX) file, in
Kazakh or Russian whatever the window speaks. reportlab and python-docx are
loaded only here, when a document is built."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from metodesk.domain.errors import DomainError
from metodesk.domain.rows.plan import PlanData
from metodesk.i18n import _
from metodesk.services import plan_rows, settings
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.pdf_preview import PdfPreviewDialog
from metodesk.ui.saving import save_chosen

PDF, DOCX = ".pdf", ".docx"
# file names in the document's own language
FILE_NAMES = {
    "kk": "Жұмыс жоспары {year} {association}",
    "ru": "План работы {year} {association}",
}
FOLDER_KEYS = {PDF: "paths/pdf_folder", DOCX: "paths/docx_folder"}
NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
MAX_NAME = 120


def build(data: PlanData, lang: str, suffix: str, for_approval: bool = False) -> bytes:
    if for_approval:
        data = data.for_approval()
    if suffix == DOCX:
        from metodesk.reports import plan_docx

        return plan_docx.build(data, lang)
    from metodesk.reports import plan_pdf

    return plan_pdf.build(data, lang)


def file_name(data: PlanData, lang: str, suffix: str) -> str:
    """'Жұмыс жоспары 2025-2026 «Қазақ тілі» ... бірлестігі.pdf', safe on every system."""
    name = FILE_NAMES.get(lang, FILE_NAMES["kk"]).format(
        year=data.year_name, association=data.association(lang)
    )
    name = " ".join(NOT_IN_NAMES.sub(" ", name).split())[:MAX_NAME].rstrip(" .")
    return name + suffix


class PlanPreviewDialog(PdfPreviewDialog):
    """The plan's PDF in the preview: pages, zoom, print, save, open outside."""

    def __init__(
        self,
        ctx: AppContext,
        plan_id: int,
        lang: str,
        parent: QWidget | None = None,
        for_approval: bool = False,
    ) -> None:
        self._start_lang = lang
        self.for_approval = for_approval
        super().__init__(ctx, plan_id, "plan", parent)
        self.setObjectName("PlanPreviewDialog")

    def load(self, record_id: int) -> str:
        with self.ctx.reading() as session:
            self.data = plan_rows.plan_data(session, record_id)
        self.setWindowTitle(
            _("Annual plan of {association}, {year}: preview").format(
                association=self.data.association(self.ctx.lang), year=self.data.year_name
            )
        )
        return self._start_lang

    def build_pdf(self, lang: str) -> bytes:
        return build(self.data, lang, PDF, self.for_approval)

    def file_name(self) -> str:
        return file_name(self.data, self.lang(), PDF)


def default_language(ctx: AppContext) -> str:
    with ctx.reading() as session:
        return settings.print_language(session)


def open_preview(
    ctx: AppContext, plan_id: int, lang: str, parent: QWidget, for_approval: bool = False
) -> None:
    """Show the preview; a plan that vanished meanwhile is one sentence, not a crash."""
    try:
        dialog = PlanPreviewDialog(ctx, plan_id, lang, parent, for_approval)
    except DomainError as err:
        common.show_error(parent, err.message)
        return
    dialog.exec()


def _folder(ctx: AppContext, suffix: str) -> str:
    saved = ctx.settings.value(FOLDER_KEYS[suffix])
    if isinstance(saved, str) and Path(saved).is_dir():
        return saved
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )


def export_plan(
    ctx: AppContext, plan_id: int, lang: str, suffix: str, parent: QWidget, for_approval: bool = False
) -> Path | None:
    """Ask where to save, build the document in ``lang`` (for approval: without
    the column of what was done) and write it; the path written, or None
    (cancelled, or a sentence shown)."""
    try:
        with ctx.reading() as session:
            data = plan_rows.plan_data(session, plan_id)
    except DomainError as err:
        common.show_error(parent, err.message)
        return None
    suggested = str(Path(_folder(ctx, suffix)) / file_name(data, lang, suffix))
    if suffix == DOCX:
        title, filters = _("Export the plan to Word"), _("Word documents (*.docx)")
    else:
        title, filters = _("Export the plan to PDF"), _("PDF files (*.pdf)")
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    content = build(data, lang, suffix, for_approval)
    if not save_chosen(parent, path, content):
        return None
    ctx.settings.setValue(FOLDER_KEYS[suffix], str(path.parent))
    ctx.status.emit(_("Saved: {path}").format(path=path))
    return path
