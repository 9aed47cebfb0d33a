"""Associations → the association → "Archive of the year…": every document of
the association's academic year in one PDF (the registry's "archive" kind,
``metodesk.documents.archive``), built in the background with a progress
dialog that can be cancelled, then shown in the documents' preview (pages,
zoom, print, save, open outside).

Choosing the other language in the preview builds the archive again in the
background; a cancel or a refusal there puts the language back. An
association with no documents in the year is one sentence, no preview."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from metodesk.documents.archive import build_archive
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import settings
from metodesk.ui import common
from metodesk.ui.background import BackgroundTask, Progress, run_in_background
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog


def _work(ctx: AppContext, association_id: int, year_id: int, lang: str) -> Callable[[Progress], bytes]:
    """What the worker thread runs: the archive built through its own sessions."""
    db = ctx.db
    return lambda progress: build_archive(db, association_id, year_id, lang, progress)


class ArchivePreviewDialog(DocumentPreviewDialog):
    """The archive already built in ``lang`` (``pdf``); another language is
    built in the background when it is chosen, once."""

    def __init__(
        self,
        ctx: AppContext,
        association_id: int,
        year_id: int,
        lang: str,
        pdf: bytes,
        parent: QWidget | None = None,
    ) -> None:
        self.association_id = association_id
        self.year_id = year_id
        self._built = {lang: pdf}
        self._shown_lang = lang
        self.task: BackgroundTask | None = None
        super().__init__(ctx, "archive", {"association": association_id, "year_id": year_id}, lang, parent)
        self.setObjectName("ArchivePreviewDialog")

    def rebuild(self, _index: int = 0) -> None:
        lang = self.lang()
        if lang in self._built:
            self._shown_lang = lang
            self.show_pdf(self._built[lang])
            return

        def built(pdf: bytes) -> None:
            self._built[lang] = pdf
            self._shown_lang = lang
            self.show_pdf(pdf)

        self.task = run_in_background(
            self,
            _("Archive of the year"),
            _work(self.ctx, self.association_id, self.year_id, lang),
            on_done=built,
            on_cancelled=self._language_back,
            on_failed=self._language_back,
            text=_("Putting together the archive of the year…"),
        )

    def _language_back(self, sentence: str = "") -> None:
        """The archive stays in the language it is shown in (a sentence says why)."""
        self.lang_combo.blockSignals(True)
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(self._shown_lang))
        self.lang_combo.blockSignals(False)
        if sentence:
            common.show_error(self, sentence)


def open_archive(ctx: AppContext, association_id: int, year_id: int, parent: QWidget) -> BackgroundTask:
    """Build the association's archive of the year in the print language, in
    the background, then show it; the running task."""
    with ctx.reading() as session:
        lang = settings.print_language(session)

    def show(pdf: bytes) -> None:
        try:
            dialog = ArchivePreviewDialog(ctx, association_id, year_id, lang, pdf, parent)
        except DomainError as err:  # the association went meanwhile
            common.show_error(parent, err.message)
            return
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    return run_in_background(
        parent,
        _("Archive of the year"),
        _work(ctx, association_id, year_id, lang),
        on_done=show,
        on_cancelled=lambda: ctx.status.emit(_("The archive was not made: cancelled.")),
        text=_("Putting together the archive of the year…"),
    )
