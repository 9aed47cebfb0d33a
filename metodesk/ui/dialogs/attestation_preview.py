"""The attestation documents in the shared PDF preview (``PdfPreviewDialog``:
language, pages, zoom, print, save, open): the perspective plan and the list
of one year, for one organisation. The XLSX for the district is written
straight to a file (``save_xlsx``), in the language the user picks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from metodesk.domain.attestation import year_name
from metodesk.domain.errors import DomainError
from metodesk.domain.rows.attestation import AttestationDocData
from metodesk.i18n import _
from metodesk.services import attestation_print, settings
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.pdf_preview import PdfPreviewDialog
from metodesk.ui.saving import save_chosen

PLAN, LIST = "attestation_plan", "attestation_list"
PLAN_YEARS = 5
FILE_NAMES = {
    (PLAN, "kk"): "Аттестаттаудың перспективалық жоспары {first} – {last}",
    (PLAN, "ru"): "Перспективный план аттестации {first} – {last}",
    (LIST, "kk"): "Аттестатталатын педагогтер тізімі {first}",
    (LIST, "ru"): "Список аттестуемых педагогов {first}",
}


def read_document(
    ctx: AppContext, document: str, first_year: int, organisation_id: int | None, today: dt.date
) -> tuple[AttestationDocData, str]:
    """The document's rows and the print language chosen in the settings."""
    with ctx.reading() as session:
        if document == PLAN:
            data = attestation_print.plan_data(session, first_year, PLAN_YEARS, today, organisation_id)
        else:
            data = attestation_print.list_data(session, first_year, today, organisation_id)
        return data, settings.print_language(session)


def file_stem(document: str, data: AttestationDocData, lang: str) -> str:
    return FILE_NAMES[(document, lang)].format(
        first=year_name(data.first_year), last=year_name(data.last_year)
    )


class AttestationPreviewDialog(PdfPreviewDialog):
    """The shared preview of the plan (``document`` PLAN) or the list (LIST)."""

    def __init__(
        self,
        ctx: AppContext,
        document: str,
        first_year: int,
        organisation_id: int | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        self.request = (first_year, organisation_id, today)
        super().__init__(ctx, 0, document, parent)

    def load(self, record_id: int) -> str:
        first_year, organisation_id, today = self.request
        self.data, lang = read_document(self.ctx, self.document_kind, first_year, organisation_id, today)
        if self.document_kind == PLAN:
            self.setWindowTitle(_("Perspective attestation plan: preview"))
        else:
            self.setWindowTitle(
                _("Attestation list for {year}: preview").format(year=year_name(self.data.first_year))
            )
        return lang

    def build_pdf(self, lang: str) -> bytes:
        from metodesk.reports import attestation_plan

        if self.document_kind == PLAN:
            return attestation_plan.build_plan(self.data, lang)
        return attestation_plan.build_list(self.data, lang)

    def file_name(self) -> str:
        return file_stem(self.document_kind, self.data, self.lang()) + ".pdf"


def open_attestation_preview(
    ctx: AppContext,
    document: str,
    first_year: int,
    organisation_id: int | None,
    today: dt.date,
    parent: QWidget,
) -> bool:
    """Show the preview; a refusal (no organisation of ours yet) is one sentence instead."""
    try:
        dialog = AttestationPreviewDialog(ctx, document, first_year, organisation_id, today, parent)
    except DomainError as err:
        common.show_error(parent, err.message)
        return False
    dialog.exec()
    return True


def _choose_language(parent: QWidget, lang: str) -> str | None:
    names = [_("Kazakh"), _("Russian")]
    chosen, ok = QInputDialog.getItem(
        parent,
        _("Language of the document"),
        _("Language of the document"),
        names,
        0 if lang == "kk" else 1,
        False,
    )
    if not ok:
        return None
    return "kk" if chosen == names[0] else "ru"


def save_xlsx(
    ctx: AppContext,
    document: str,
    first_year: int,
    organisation_id: int | None,
    today: dt.date,
    parent: QWidget,
) -> Path | None:
    """Ask for the language and the file, then write the XLSX; None when cancelled or refused."""
    try:
        data, lang = read_document(ctx, document, first_year, organisation_id, today)
    except DomainError as err:
        common.show_error(parent, err.message)
        return None
    lang = _choose_language(parent, lang)
    if lang is None:
        return None
    saved = ctx.settings.value("paths/xlsx_folder")
    folder = (
        saved
        if isinstance(saved, str) and Path(saved).is_dir()
        else (
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or str(Path.home())
        )
    )
    suggested = str(Path(folder) / (file_stem(document, data, lang) + ".xlsx"))
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the table"), suggested, _("Excel tables (*.xlsx)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    from metodesk.reports import attestation_xlsx

    content = (
        attestation_xlsx.build_plan(data, lang)
        if document == PLAN
        else attestation_xlsx.build_list(data, lang)
    )
    if not save_chosen(parent, path, content):
        return None
    ctx.settings.setValue("paths/xlsx_folder", str(path.parent))
    ctx.status.emit(_("Saved: {path}").format(path=path))
    return path
