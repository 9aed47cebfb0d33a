"""Every document of the registry (``metodesk.documents``) on screen and on
paper: one preview dialog for all kinds (QtPdf) in Kazakh or Russian whatever
the window speaks — page through it, zoom, print it with the system's print
dialog, save it in each format the kind is made in (PDF, Word, Excel), or open
it in the system's PDF viewer — and the tabs' direct "Save as…" without the
preview.

A document is named the way the registry names it: a kind (its key, "protocol",
or the kind itself) and a request (``{"meeting": 12}``). The data is read once,
in one short session; switching the language only builds it again. A request
that names nothing any more (a meeting deleted meanwhile, a cancelled lesson)
is one sentence, never a traceback. reportlab, python-docx and openpyxl load
only when a document is built."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from metodesk.documents import DocumentKind, Format, kind as registered_kind
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services import settings
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.wording import language_combo
from metodesk.ui.flow import FlowLayout
from metodesk.ui.saving import remembered_folder, save_chosen, save_temporary

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PRINT_DPI = 300  # enough for text on paper, small enough to render quickly
GEOMETRY_KEY = "dialogs/PdfPreviewDialog"  # the size users gave the protocol's preview carries on
# the folder last saved to, one per format
FOLDER_KEYS = {Format.PDF: "paths/pdf_folder", Format.DOCX: "paths/docx_folder", Format.XLSX: "paths/xlsx_folder"}
BUTTON_NAMES = {Format.PDF: "save_as_button", Format.DOCX: "save_docx_button", Format.XLSX: "save_xlsx_button"}


def save_text(fmt: Format) -> str:
    """The button or menu entry that saves a document in ``fmt``."""
    return {
        Format.PDF: _("Save as PDF…"),
        Format.DOCX: _("Save as Word…"),
        Format.XLSX: _("Save as Excel…"),
    }[fmt]


def _caption(fmt: Format) -> str:
    return {
        Format.PDF: _("Save the PDF"),
        Format.DOCX: _("Save the Word document"),
        Format.XLSX: _("Save the table"),
    }[fmt]


def _file_filter(fmt: Format) -> str:
    return {
        Format.PDF: _("PDF files (*.pdf)"),
        Format.DOCX: _("Word documents (*.docx)"),
        Format.XLSX: _("Excel tables (*.xlsx)"),
    }[fmt]


def kind_of(kind: str | DocumentKind[Any]) -> DocumentKind[Any]:
    """The registered kind, from its key or itself."""
    return registered_kind(kind) if isinstance(kind, str) else kind


def read_document(ctx: AppContext, kind: DocumentKind[Any], request: Mapping[str, Any]) -> tuple[Any, str]:
    """The document's data and the print language of the settings, read in one
    session; a DomainError with one sentence when the request names nothing."""
    with ctx.reading() as session:
        return kind.read(session, request), settings.print_language(session)


def ask_file(parent: QWidget | None, ctx: AppContext, fmt: Format, name: str) -> Path | None:
    """Ask where to save a ``fmt`` file, offering ``name`` in the folder last
    used for that format; None when cancelled. The ending is added when missing."""
    suggested = str(Path(remembered_folder(ctx, FOLDER_KEYS[fmt])) / name)
    chosen, _filter = QFileDialog.getSaveFileName(parent, _caption(fmt), suggested, _file_filter(fmt))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != fmt.suffix:
        path = path.with_name(path.name + fmt.suffix)
    return path


def write_document(parent: QWidget | None, ctx: AppContext, path: Path, content: bytes, fmt: Format) -> bool:
    """Write the file whole (a sentence when it cannot be) and remember its folder."""
    if not save_chosen(parent, path, content):
        return False
    ctx.settings.setValue(FOLDER_KEYS[fmt], str(path.parent))
    ctx.status.emit(_("Saved: {path}").format(path=path))
    return True


def choose_language(parent: QWidget | None, lang: str) -> str | None:
    """Ask for the document's language, ``lang`` offered first; None when cancelled."""
    names = [_("Kazakh"), _("Russian")]
    chosen, ok = QInputDialog.getItem(
        parent, _("Language of the document"), _("Language of the document"), names, 0 if lang == "kk" else 1, False
    )
    if not ok:
        return None
    return "kk" if chosen == names[0] else "ru"


class DocumentPreviewDialog(QDialog):
    """The preview of one document of any kind: ``kind`` (a key or the kind),
    ``request`` (what identifies it), ``lang`` the language it opens in (the
    print language of the settings when None)."""

    def __init__(
        self,
        ctx: AppContext,
        kind: str | DocumentKind[Any],
        request: Mapping[str, Any],
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind_of(kind)
        self.request = dict(request)
        self.setObjectName("DocumentPreviewDialog")
        self.data, print_lang = read_document(ctx, self.kind, self.request)
        self.setWindowTitle(self.kind.preview_title(self.data))
        self.pdf = b""
        self.pdf_document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar(lang or print_lang))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.pdf_document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._build_actions())
        self.lang_combo.currentIndexChanged.connect(self.rebuild)
        self.rebuild()
        self.resize(900, 720)  # the actions on one line in either language, unless Excel is among them
        geometry = ctx.settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _button(self, name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_bar(self, lang: str) -> FlowLayout:
        bar = FlowLayout()
        caption = QLabel(_("Language of the document"))
        self.lang_combo = language_combo("document_lang_combo", lang)
        caption.setBuddy(self.lang_combo)
        bar.addWidget(_row(caption, self.lang_combo))
        self.previous_button = self._button("previous_page_button", _("◀ Previous"), self.previous_page)
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_spin")
        self.page_spin.setMinimum(1)
        self.page_spin.valueChanged.connect(self.go_to_page)
        self.page_count = QLabel()
        self.page_count.setObjectName("page_count")
        self.next_button = self._button("next_page_button", _("Next ▶"), self.next_page)
        bar.addWidget(_row(self.previous_button, self.page_spin, self.page_count, self.next_button))
        self.zoom_combo = QComboBox()
        self.zoom_combo.setObjectName("zoom_combo")
        self.zoom_combo.addItem(_("Fit width"), "width")
        self.zoom_combo.addItem(_("Whole page"), "page")
        for factor in ZOOMS:
            self.zoom_combo.addItem(f"{round(factor * 100)} %", factor)
        self.zoom_combo.currentIndexChanged.connect(self._zoom_chosen)
        zoom_caption = QLabel(_("Zoom"))
        zoom_caption.setBuddy(self.zoom_combo)
        bar.addWidget(_row(zoom_caption, self.zoom_combo))
        return bar

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        actions = FlowLayout()
        self.print_button = self._button("print_button", _("Print…"), self.print_document)
        actions.addWidget(self.print_button)
        self.save_buttons: dict[Format, QPushButton] = {}
        for fmt in self.kind.formats:
            button = self._button(BUTTON_NAMES[fmt], save_text(fmt), lambda _checked=False, f=fmt: self.save_as(f))
            actions.addWidget(button)
            self.save_buttons[fmt] = button
        self.save_button = self.save_buttons[Format.PDF]
        self.open_button = self._button("open_external_button", _("Open in the PDF viewer"), self.open_external)
        actions.addWidget(self.open_button)
        row.addLayout(actions, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("dialog_buttons")
        close.rejected.connect(self.reject)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignBottom)
        return row

    # ---- the document ---------------------------------------------------------------------------

    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    def build(self, fmt: Format) -> bytes:
        """The document in the chosen language and ``fmt`` (the PDF shown is reused)."""
        if fmt is Format.PDF and self.pdf:
            return self.pdf
        return self.kind.build(self.data, self.lang(), fmt)

    def file_name(self, fmt: Format = Format.PDF) -> str:
        """The file name offered, in the document's language."""
        return self.kind.file_name(self.data, self.lang(), fmt)

    def rebuild(self, _index: int = 0) -> None:
        """Build the PDF in the chosen language and show it from the first page."""
        self.show_pdf(self.kind.build(self.data, self.lang(), Format.PDF))

    def show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` (the document in the chosen language) from the first page."""
        self.pdf = pdf
        old = self._buffer
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document.load(self._buffer)
        if old is not None:
            old.close()
            old.deleteLater()
        pages = self.pdf_document.pageCount()
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(pages, 1))
        self.page_spin.setValue(1)
        self.page_spin.blockSignals(False)
        self.page_count.setText(_("of {count}").format(count=pages))
        self._update_pages(0)

    def _update_pages(self, page: int) -> None:
        pages = self.pdf_document.pageCount()
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < pages - 1)

    def _page_shown(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self._update_pages(page)

    def go_to_page(self, number: int) -> None:
        page = min(max(number - 1, 0), max(self.pdf_document.pageCount() - 1, 0))
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())
        self._update_pages(page)

    def previous_page(self) -> None:
        self.go_to_page(self.page_spin.value() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.page_spin.value() + 1)

    def _zoom_chosen(self, _index: int) -> None:
        choice = self.zoom_combo.currentData()
        if choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    # ---- printing and saving ------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name().removesuffix(Format.PDF.suffix))
        printer.setFromTo(1, max(self.pdf_document.pageCount(), 1))
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("print_dialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Draw every chosen page on the printer; False (and a sentence) when it cannot start."""
        pages = self.pdf_document.pageCount()
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or pages, pages)
        painter = QPainter()
        if not painter.begin(printer):
            common.show_error(self, _("The printer could not be started. Check that it is ready and try again."))
            return False
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for page in range(first - 1, last):
                if page > first - 1:
                    printer.newPage()
                points = self.pdf_document.pagePointSize(page)
                image = self.pdf_document.render(
                    page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                )
                area = painter.viewport()
                scale = min(area.width() / image.width(), area.height() / image.height())
                target = QRect(0, 0, round(image.width() * scale), round(image.height() * scale))
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.ctx.status.emit(_("Sent to the printer."))
        return True

    def save_as(self, fmt: Format = Format.PDF) -> Path | None:
        """Ask where, then write the document in the chosen language and ``fmt``;
        the path written, or None (cancelled, or a sentence shown)."""
        path = ask_file(self, self.ctx, fmt, self.file_name(fmt))
        if path is None or not write_document(self, self.ctx, path, self.build(fmt), fmt):
            return None
        return path

    def open_external(self) -> Path | None:
        """Write the PDF to a temporary folder and hand it to the system's viewer."""
        path = Path(tempfile.gettempdir()) / "metodesk" / self.file_name()
        if not save_temporary(self, path, self.pdf):
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            common.show_error(
                self, _("No program to open PDF files was found. Use “Save as PDF…” and open the file yourself.")
            )
            return None
        return path

    def done(self, result: int) -> None:
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)


def _row(*widgets: QWidget) -> QWidget:
    """Widgets side by side, kept together when the bar wraps."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return holder


def open_document(
    ctx: AppContext,
    key: str | DocumentKind[Any],
    request: Mapping[str, Any],
    parent: QWidget | None,
    lang: str | None = None,
) -> bool:
    """Show the preview of a document; a request that names nothing (a record
    deleted meanwhile, a cancelled lesson) is one sentence instead. True when shown."""
    try:
        dialog = DocumentPreviewDialog(ctx, key, request, lang, parent)
    except DomainError as err:
        common.show_error(parent, err.message)
        return False
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()  # not kept as the tab's child with its PDF once closed
    return True


def export_document(
    ctx: AppContext,
    key: str | DocumentKind[Any],
    request: Mapping[str, Any],
    fmt: Format,
    parent: QWidget | None,
    lang: str | None = None,
) -> Path | None:
    """Save a document without the preview: read it, ask for the language when
    ``lang`` is None (the print language offered first), ask for the file, then
    build and write it. The path written, or None (cancelled, or a sentence shown)."""
    kind = kind_of(key)
    try:
        data, print_lang = read_document(ctx, kind, request)
    except DomainError as err:
        common.show_error(parent, err.message)
        return None
    if lang is None:
        lang = choose_language(parent, print_lang)
        if lang is None:
            return None
    path = ask_file(parent, ctx, fmt, kind.file_name(data, lang, fmt))
    if path is None or not write_document(parent, ctx, path, kind.build(data, lang, fmt), fmt):
        return None
    return path
