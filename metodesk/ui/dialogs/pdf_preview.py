"""Preview of a meeting's protocol or blank attendance sheet inside metodesk
(QtPdf), in Kazakh or Russian whatever the window's language: page through it,
zoom, print it with the system's print dialog, save it, or open it in the
system's PDF viewer. reportlab is loaded only here, when a document is built."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, QStandardPaths, QUrl
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
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from metodesk.domain.errors import DomainError
from metodesk.domain.rows.protocol import ProtocolData
from metodesk.i18n import _
from metodesk.services import protocol_rows, settings
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.wording import language_combo
from metodesk.ui.saving import save_chosen, save_temporary

PROTOCOL, ATTENDANCE = "protocol", "attendance"
# file names in the document's own language
FILE_NAMES = {
    (PROTOCOL, "kk"): "Хаттама № {number} {date}.pdf",
    (PROTOCOL, "ru"): "Протокол № {number} {date}.pdf",
    (ATTENDANCE, "kk"): "Қатысу парағы № {number} {date}.pdf",
    (ATTENDANCE, "ru"): "Лист регистрации № {number} {date}.pdf",
}
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PRINT_DPI = 300  # enough for text on paper, small enough to render quickly


def build_document(data: ProtocolData, document: str, lang: str) -> bytes:
    from metodesk import reports

    if document == ATTENDANCE:
        return reports.build_attendance_sheet(data, lang)
    return reports.build_protocol(data, lang)


class PdfPreviewDialog(QDialog):
    """``document`` is "protocol" or "attendance" (the blank sheet to sign). Another
    document (the annual plan) subclasses it: ``load``, ``build_pdf``, ``file_name``."""

    def __init__(
        self, ctx: AppContext, meeting_id: int, document: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document_kind = document
        self.setObjectName("PdfPreviewDialog")
        lang = self.load(meeting_id)
        self.pdf = b""
        self.pdf_document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar(lang))
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
        self.resize(820, 700)
        geometry = ctx.settings.value("dialogs/PdfPreviewDialog")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _button(self, name: str, text: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_bar(self, lang: str) -> QHBoxLayout:
        bar = QHBoxLayout()
        caption = QLabel(_("Language of the document"))
        self.lang_combo = language_combo("document_lang_combo", lang)
        caption.setBuddy(self.lang_combo)
        bar.addWidget(caption)
        bar.addWidget(self.lang_combo)
        bar.addSpacing(16)
        self.previous_button = self._button("previous_page_button", _("◀ Previous"), self.previous_page)
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_spin")
        self.page_spin.setMinimum(1)
        self.page_spin.valueChanged.connect(self.go_to_page)
        self.page_count = QLabel()
        self.page_count.setObjectName("page_count")
        self.next_button = self._button("next_page_button", _("Next ▶"), self.next_page)
        for widget in (self.previous_button, self.page_spin, self.page_count, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        self.zoom_combo = QComboBox()
        self.zoom_combo.setObjectName("zoom_combo")
        self.zoom_combo.addItem(_("Fit width"), "width")
        self.zoom_combo.addItem(_("Whole page"), "page")
        for factor in ZOOMS:
            self.zoom_combo.addItem(f"{round(factor * 100)} %", factor)
        self.zoom_combo.currentIndexChanged.connect(self._zoom_chosen)
        zoom_caption = QLabel(_("Zoom"))
        zoom_caption.setBuddy(self.zoom_combo)
        bar.addWidget(zoom_caption)
        bar.addWidget(self.zoom_combo)
        bar.addStretch(1)
        return bar

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = self._button("print_button", _("Print…"), self.print_document)
        self.save_button = self._button("save_as_button", _("Save as…"), self.save_as)
        self.open_button = self._button(
            "open_external_button", _("Open in the PDF viewer"), self.open_external
        )
        for widget in (self.print_button, self.save_button, self.open_button):
            row.addWidget(widget)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("dialog_buttons")
        close.rejected.connect(self.reject)
        row.addWidget(close)
        return row

    # ---- the document (a subclass previews another kind: it overrides these three) ------------

    def load(self, record_id: int) -> str:
        """Read what the document needs and set the window title; return the
        document language to start with."""
        with self.ctx.reading() as session:
            self.data = protocol_rows.protocol_data(session, record_id)
            lang = settings.print_language(session)
        self.setWindowTitle(
            _("Protocol No. {number}: preview").format(number=self.data.number)
            if self.document_kind == PROTOCOL
            else _("Attendance sheet for meeting No. {number}: preview").format(number=self.data.number)
        )
        return lang

    def build_pdf(self, lang: str) -> bytes:
        return build_document(self.data, self.document_kind, lang)

    def file_name(self) -> str:
        pattern = FILE_NAMES[(self.document_kind, self.lang())]
        return pattern.format(number=self.data.number, date=self.data.date.isoformat())

    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    def rebuild(self, _index: int = 0) -> None:
        """Build the PDF in the chosen language and show it from the first page."""
        self.pdf = self.build_pdf(self.lang())
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
        printer.setDocName(self.file_name().removesuffix(".pdf"))
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
            common.show_error(
                self, _("The printer could not be started. Check that it is ready and try again.")
            )
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

    def _default_folder(self) -> str:
        saved = self.ctx.settings.value("paths/pdf_folder")
        if isinstance(saved, str) and Path(saved).is_dir():
            return saved
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )

    def save_as(self) -> Path | None:
        suggested = str(Path(self._default_folder()) / self.file_name())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save the PDF"), suggested, _("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not save_chosen(self, path, self.pdf):
            return None
        self.ctx.settings.setValue("paths/pdf_folder", str(path.parent))
        self.ctx.status.emit(_("Saved: {path}").format(path=path))
        return path

    def open_external(self) -> Path | None:
        """Write the PDF to a temporary folder and hand it to the system's viewer."""
        path = Path(tempfile.gettempdir()) / "metodesk" / self.file_name()
        if not save_temporary(self, path, self.pdf):
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            common.show_error(
                self,
                _("No program to open PDF files was found. Use “Save as…” and open the file yourself."),
            )
            return None
        return path

    def done(self, result: int) -> None:
        self.ctx.settings.setValue("dialogs/PdfPreviewDialog", self.saveGeometry())
        super().done(result)


def open_preview(ctx: AppContext, meeting_id: int, document: str, parent: QWidget) -> None:
    """Show the preview; a meeting that vanished meanwhile is one sentence, not a crash."""
    try:
        dialog = PdfPreviewDialog(ctx, meeting_id, document, parent)
    except DomainError as err:
        common.show_error(parent, err.message)
        return
    dialog.exec()
