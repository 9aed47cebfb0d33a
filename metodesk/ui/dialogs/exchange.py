"""File → "Export a package…" and "Import a package…": the exchange packages a
school carries to the district cabinet (and back) on a flash drive.

Export asks for the year, optionally one association, and the file, then
builds the package in the background. Import reads the package and previews
the merge in the background (nothing kept), shows what it would add and change
and the conflicts, asks, and only then merges it in one transaction in the
background: a cancel or an error rolls all of it back. After an import every
tab hears that its data changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from metodesk import files
from metodesk.domain.errors import DomainError
from metodesk.i18n import _, ngettext
from metodesk.services import associations, exchange_export, exchange_import, exchange_package, years
from metodesk.services.exchange_format import InvalidRecord
from metodesk.services.exchange_import import ImportReport
from metodesk.services.exchange_report import count_lines, report_lines
from metodesk.ui import common
from metodesk.ui.background import BackgroundTask, run_in_background
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.year_documents import PathField
from metodesk.ui.saving import remembered_folder

FOLDER_KEY = "paths/exchange_folder"
# every data area a tab may reload for; an import can touch all of them
ALL_AREAS = (
    "teachers",
    "associations",
    "meetings",
    "plans",
    "lessons",
    "mentoring",
    "attestation",
    "settings",
)


def choose_package_file(parent: QWidget | None, suggested: str) -> str:
    """Where to save the package ('' when cancelled); tests replace it."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the package as"), suggested, _("metodesk packages (*.zip)")
    )
    return chosen


def choose_package_to_import(parent: QWidget | None, start: str) -> str:
    """The package to import ('' when cancelled); tests replace it."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _("Choose a package to import"), start, _("metodesk packages (*.zip);;All files (*)")
    )
    return chosen


class PackageExportDialog(FormDialog):
    """The year, the whole year or one association of it, and the file."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("Export a package"), parent)
        self.chosen: tuple[str, int | None, Path] | None = None
        with ctx.reading() as session:
            year_rows = years.list_years(session)
            current = years.current_year(session)
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
        self.add_field(_("Records"), self.association_combo, "association")
        folder = Path(remembered_folder(ctx, FOLDER_KEY))
        self.file_field = PathField(
            "package_file_edit",
            str(folder / exchange_export.default_name(self.year_combo.currentText())),
            lambda start: choose_package_file(self, start),
        )
        self.add_field(_("Package file"), self.file_field, "out")
        export = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        export.setText(_("Export"))
        export.setObjectName("export_button")
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self._fill_associations()
        self.setMinimumWidth(560)

    def _fill_associations(self) -> None:
        self.association_combo.clear()
        self.association_combo.addItem(_("All associations of the year"), None)
        year_id = self.year_combo.currentData()
        if year_id is None:
            return
        with self.ctx.reading() as session:
            rows = associations.list_associations(session, int(year_id))
        for row in rows:
            self.association_combo.addItem(row.name(self.ctx.lang) or row.name_kk, row.id)

    def _year_changed(self, _index: int) -> None:
        self._fill_associations()
        path = self.file_field.path()
        if path is not None and path.name.startswith("metodesk-"):  # our own suggestion follows the year
            self.file_field.edit.setText(
                str(path.with_name(exchange_export.default_name(self.year_combo.currentText())))
            )

    def save(self, session) -> None:  # type: ignore[no-untyped-def]
        if self.year_combo.currentData() is None:
            raise DomainError(_("Choose the academic year."), field="year")
        out = self.file_field.path()
        if out is None:
            raise DomainError(_("Choose where to save the package."), field="out")
        if not out.is_dir():
            if not out.parent.is_dir():
                raise DomainError(_("The folder {path} does not exist.").format(path=out.parent), field="out")
            if out.suffix.lower() != ".zip":
                out = out.with_name(out.name + ".zip")
        try:
            exchange_export.package_target(out, self.year_combo.currentText())
        except files.ProtectedTargetError as exc:
            raise DomainError(str(exc), field="out") from exc
        association = self.association_combo.currentData()
        self.chosen = (self.year_combo.currentText(), None if association is None else int(association), out)
        return None


def export_package(window) -> BackgroundTask | None:  # type: ignore[no-untyped-def]
    """Ask, then write the package in the background; say what it holds."""
    ctx: AppContext = window.ctx
    dialog = PackageExportDialog(ctx, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return None
    year_name, association_id, out = dialog.chosen
    ctx.settings.setValue(FOLDER_KEY, str(out if out.is_dir() else out.parent))
    db = ctx.db

    def work(progress):  # type: ignore[no-untyped-def]
        with db.reading() as session:
            return exchange_export.export_package(session, year_name, out, association_id, progress)

    def done(result: exchange_export.ExportResult) -> None:
        head = ngettext(
            "The package {path} holds {count} record:",
            "The package {path} holds {count} records:",
            result.total,
        ).format(path=result.path, count=result.total)
        ctx.status.emit(_("Saved: {path}").format(path=result.path))
        common.show_info(window, "\n".join([head, *count_lines(result.counts)]))

    return run_in_background(
        window,
        _("Export a package"),
        work,
        on_done=done,
        on_cancelled=lambda: ctx.status.emit(_("The export was cancelled; no file was written.")),
        text=_("Finding the records of {year}…").format(year=year_name),
    )


class ImportPreviewDialog(QDialog):
    """What an import of the package would add and change, and the conflicts;
    accepted means: import it."""

    def __init__(
        self,
        path: Path,
        package: exchange_package.Package,
        report: ImportReport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportPreviewDialog")
        self.setWindowTitle(_("Import a package"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        scope = package.scope
        self.file_label = self._label("package_file", str(path))
        form.addRow(_("Package file"), self.file_label)
        self.year_label = self._label("package_year", str(scope.get("year") or "-"))
        form.addRow(_("Academic year"), self.year_label)
        self.association_label = self._label(
            "package_association", str(scope.get("association_name") or _("All associations of the year"))
        )
        form.addRow(_("Records"), self.association_label)
        layout.addLayout(form)
        lines = report_lines(report)
        self.summary = self._label("preview_summary", "\n".join(lines[:2]))
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit("\n".join(line.strip() for line in lines[2:]))
        self.details.setObjectName("preview_details")
        self.details.setReadOnly(True)
        self.details.setVisible(len(lines) > 2)
        layout.addWidget(self.details, 1)
        self.question = self._label(
            "import_question",
            _("Import the package? It is merged in one step: nothing here is deleted, and newer edits win."),
        )
        layout.addWidget(self.question)
        self.buttons = QDialogButtonBox()
        self.buttons.setObjectName("dialog_buttons")
        self.import_button = self.buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_button")
        self.import_button.setAutoDefault(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    @staticmethod
    def _label(name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label


def ask_to_import(
    parent: QWidget | None, path: Path, package: exchange_package.Package, report: ImportReport
) -> bool:
    """Show the preview and ask; tests replace it."""
    return ImportPreviewDialog(path, package, report, parent).exec() == QDialog.DialogCode.Accepted


def import_package(window) -> BackgroundTask | None:  # type: ignore[no-untyped-def]
    """Choose a package, preview it in the background, ask, import it in the
    background; the preview's task (the import's starts from its end)."""
    ctx: AppContext = window.ctx
    chosen = choose_package_to_import(window, remembered_folder(ctx, FOLDER_KEY))
    if not chosen:
        return None
    path = Path(chosen)
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    db = ctx.db

    def read_and_preview(progress, skip_invalid: bool = False) -> tuple[Any, ImportReport | None]:  # type: ignore[no-untyped-def]
        try:
            package = exchange_package.read_package(path, skip_invalid=skip_invalid)
            return package, exchange_import.preview(db, package, progress)
        except InvalidRecord as refused:
            if skip_invalid:
                raise
            return refused, None

    def previewed(outcome: tuple[Any, ImportReport | None]) -> None:
        package, report = outcome
        if report is None:  # a record with a wrong value: the user chooses
            if ask_to_skip_invalid(window, str(package)):
                run_in_background(
                    window,
                    _("Import a package"),
                    lambda progress: read_and_preview(progress, skip_invalid=True),
                    on_done=previewed,
                    text=_("Reading the package…"),
                )
            return
        if ask_to_import(window, path, package, report):
            _start_import(window, path, package)

    return run_in_background(
        window, _("Import a package"), read_and_preview, on_done=previewed, text=_("Reading the package…")
    )


def ask_to_skip_invalid(parent: QWidget | None, sentence: str) -> bool:
    """A package with a wrong record: refuse it (the default), or import the
    rest (the records left out are listed in the preview and the report)."""
    return common.confirm(
        parent,
        sentence
        + "\n\n"
        + _("Import the package without the records that have a wrong value? They will be listed."),
    )


def _start_import(window, path: Path, package: exchange_package.Package) -> BackgroundTask:  # type: ignore[no-untyped-def]
    ctx: AppContext = window.ctx
    db = ctx.db

    def done(report: ImportReport) -> None:
        for area in _areas(window):
            ctx.changed.emit(area)
        ctx.status.emit(_("The package {path} is imported.").format(path=path))
        common.show_info(window, "\n".join(report_lines(report)))

    return run_in_background(
        window,
        _("Import a package"),
        lambda progress: exchange_import.apply(db, package, progress),
        on_done=done,
        on_cancelled=lambda: common.show_info(
            window, _("The import was cancelled; the database is as it was before.")
        ),
        text=_("Importing the package…"),
    )


def _areas(window) -> list[str]:  # type: ignore[no-untyped-def]
    """ALL_AREAS and any other area a tab of the window listens for."""
    extra = {area for tab in getattr(window, "tabs", ()) for area in getattr(tab, "areas", ())}
    return list(ALL_AREAS) + sorted(extra - set(ALL_AREAS))
