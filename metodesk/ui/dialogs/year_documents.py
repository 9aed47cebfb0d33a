"""File → "Export the year's documents…": every document of one academic year
that the registry lists (``metodesk.documents``: the kinds whose
``year_label`` names them — plans, protocols, attendance sheets, the schedule
of open lessons, observation sheets, mentoring documents, the attestation
list), of the whole school or one association, one file each, as PDF or Word,
in Kazakh or Russian, into a folder (``documents.batch``).

The dialog only asks; the documents are built in the background with a
progress dialog that can be cancelled (then no file is written), and the end
is one sentence with a button that opens the folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from metodesk import files
from metodesk.documents import KINDS, batch
from metodesk.documents.base import Format
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.services import associations, settings, years
from metodesk.ui import common
from metodesk.ui.background import BackgroundTask, run_in_background
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.wording import language_combo
from metodesk.ui.saving import remembered_folder

FOLDER_KEY = "paths/year_documents_folder"
FORMATS = (Format.PDF, Format.DOCX)  # what the year's documents are written as


def year_kinds() -> list[tuple[str, str]]:
    """(key, label) of every registered kind the year's documents can hold."""
    return [(kind.key, label) for kind in KINDS if (label := kind.year_label()) is not None]


def choose_folder(parent: QWidget | None, start: str) -> str:
    """The folder for the documents ('' when cancelled); tests replace it."""
    return QFileDialog.getExistingDirectory(parent, _("Choose a folder for the documents"), start)


class PathField(QWidget):
    """A path in a line edit with a "Choose…" button beside it; ``chooser(start)``
    returns the chosen path or ''."""

    def __init__(self, name: str, path: str, chooser, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.chooser = chooser
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(path)
        self.edit.setObjectName(name)
        self.edit.setMinimumWidth(320)
        self.button = QPushButton(_("Choose…"))
        self.button.setObjectName(f"{name}_button")
        self.button.clicked.connect(self._choose)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    def _choose(self) -> None:
        chosen = self.chooser(self.edit.text().strip())
        if chosen:
            self.edit.setText(str(Path(chosen)))

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None


@dataclass(frozen=True)
class YearExport:
    """What the dialog asked for, and what it will write."""

    year_id: int
    year_name: str
    lang: str
    kinds: tuple[str, ...]
    folder: Path
    count: int
    replacing: tuple[str, ...]
    fmt: Format = Format.PDF
    association_id: int | None = None


class YearDocumentsDialog(FormDialog):
    """Year, whole school or one association, language, format, kinds of
    documents, folder; Export checks them (a sentence under the field) and
    counts what will be written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Export the year's documents"), parent)
        self.request: YearExport | None = None
        with ctx.reading() as session:
            year_rows = years.list_years(session)
            current = years.current_year(session)
            lang = settings.print_language(session)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year_combo")
        for year in year_rows:
            self.year_combo.addItem(year.name, year.id)
        if current is not None:
            self.year_combo.setCurrentIndex(max(self.year_combo.findData(current.id), 0))
        self.add_field(_("Academic year"), self.year_combo, "year")
        self.association_combo = QComboBox()
        self.association_combo.setObjectName("association_combo")
        self.association_combo.setMinimumContentsLength(30)
        self.association_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_field(_("Association"), self.association_combo, "association")
        self.lang_combo = language_combo("document_lang_combo", lang)
        self.add_field(_("Language of the documents"), self.lang_combo, "lang")
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("format_combo")
        for fmt in FORMATS:
            self.format_combo.addItem(fmt.label, fmt.value)
        self.add_field(_("File format"), self.format_combo, "format")
        kinds = QWidget()
        column = QVBoxLayout(kinds)
        column.setContentsMargins(0, 0, 0, 0)
        self.kind_boxes: dict[str, QCheckBox] = {}
        for key, label in year_kinds():
            box = QCheckBox(label)
            box.setObjectName(f"kind_{key}")
            box.setChecked(True)
            column.addWidget(box)
            self.kind_boxes[key] = box
        self.add_field(_("Documents"), kinds, "kinds")
        self.folder_field = PathField(
            "folder_edit",
            remembered_folder(ctx, FOLDER_KEY),
            lambda start: choose_folder(self, start),
        )
        self.add_field(_("Folder"), self.folder_field, "folder")
        export = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        export.setText(_("Export"))
        export.setObjectName("export_button")
        self.year_combo.currentIndexChanged.connect(self._fill_associations)
        self._fill_associations()
        self.setMinimumWidth(560)

    def _fill_associations(self, _index: int = 0) -> None:
        """All associations of the chosen year, or one of them."""
        self.association_combo.clear()
        self.association_combo.addItem(_("All associations of the year"), None)
        year_id = self.year_combo.currentData()
        if year_id is None:
            return
        with self.ctx.reading() as session:
            rows = associations.list_associations(session, int(year_id))
        for row in rows:
            self.association_combo.addItem(row.name(self.ctx.lang) or row.name_kk, row.id)

    def fmt(self) -> Format:
        return Format(self.format_combo.currentData())

    def association_id(self) -> int | None:
        chosen = self.association_combo.currentData()
        return None if chosen is None else int(chosen)

    def save(self, session) -> None:  # type: ignore[no-untyped-def]
        """Check the choices and count the documents (nothing is written here)."""
        kinds = tuple(kind for kind, box in self.kind_boxes.items() if box.isChecked())
        if not kinds:
            raise DomainError(_("Tick at least one kind of document."), field="kinds")
        folder = self.folder_field.path()
        if folder is None:
            raise DomainError(_("Choose the folder to write the documents to."), field="folder")
        if not folder.is_dir():
            raise DomainError(_("The folder {path} does not exist.").format(path=folder), field="folder")
        year_id = self.year_combo.currentData()
        if year_id is None:
            raise DomainError(_("Choose the academic year."), field="year")
        lang = str(self.lang_combo.currentData())
        association_id = self.association_id()
        planned = batch.documents(session, int(year_id), kinds, lang, self.fmt(), association_id)
        if not planned:
            if association_id is None:
                sentence = _("The year {year} has no documents of the kinds ticked.").format(
                    year=self.year_combo.currentText()
                )
            else:
                sentence = _("The association has no documents of the kinds ticked in {year}.").format(
                    year=self.year_combo.currentText()
                )
            raise DomainError(sentence, field="kinds")
        try:
            for document in planned:
                files.check_target(folder / document.name)
        except files.ProtectedTargetError as exc:
            raise DomainError(str(exc), field="folder") from exc
        self.request = YearExport(
            int(year_id),
            self.year_combo.currentText(),
            lang,
            kinds,
            folder,
            len(planned),
            tuple(batch.already_there(folder, planned)),
            self.fmt(),
            association_id,
        )
        return None


def open_folder(folder: Path) -> None:
    """Show the folder in the system's file manager; tests replace it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def tell_written(parent: QWidget | None, sentence: str, folder: Path) -> None:
    """The closing sentence, with a button that opens the folder; tests replace it."""
    box = QMessageBox(
        QMessageBox.Icon.Information, _("metodesk"), sentence, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("written_box")
    open_button = box.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)
    open_button.setObjectName("open_folder_button")
    box.exec()
    if box.clickedButton() is open_button:
        open_folder(folder)


def written_sentence(count: int, folder: Path) -> str:
    return ngettext(
        "{count} document written to {folder}.", "{count} documents written to {folder}.", count
    ).format(count=count, folder=folder)


def export_year_documents(window) -> BackgroundTask | None:  # type: ignore[no-untyped-def]
    """Ask, then write the documents in the background; the running task, or
    None when the user changed their mind."""
    ctx: AppContext = window.ctx
    dialog = YearDocumentsDialog(ctx, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.request is None:
        return None
    request = dialog.request
    if request.replacing and not common.confirm(
        window,
        ngettext(
            "{count} file of this name, “{name}”, is already in the folder and will be replaced. Go on?",
            "{count} files of these names are already in the folder and will be replaced, "
            "“{name}” among them. Go on?",
            len(request.replacing),
        ).format(count=len(request.replacing), name=request.replacing[0]),
    ):
        return None
    ctx.settings.setValue(FOLDER_KEY, str(request.folder))
    db = ctx.db

    def work(progress):  # type: ignore[no-untyped-def]
        return batch.export_documents(
            db,
            request.year_id,
            request.lang,
            request.kinds,
            request.folder,
            progress,
            request.fmt,
            request.association_id,
        )

    def done(result: batch.BatchResult) -> None:
        sentence = written_sentence(result.count, result.folder)
        ctx.status.emit(sentence)
        tell_written(window, sentence, result.folder)

    return run_in_background(
        window,
        _("Export the year's documents"),
        work,
        on_done=done,
        on_cancelled=lambda: ctx.status.emit(_("The export was cancelled; no file was written.")),
        text=_("Preparing the documents of {year}…").format(year=request.year_name),
    )
