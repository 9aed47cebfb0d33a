"""``metodesk --smoke``: the frozen program checks itself and quits (issue 9).

On a temporary data folder filled with the demo school it opens the window,
exports one protocol in Kazakh and one in Russian, opens the protocol in the
preview dialog (QtPdf) and prints it to a PDF file (QtPrintSupport), then runs
one document of every kind in the documents registry in every format it has
(PDF, DOCX, XLSX), and the year's documents as Word from the command line. Every PDF is loaded back into QtPdf and must show the
language's own letters; every DOCX/XLSX must be a package with Cyrillic text.
It returns 0 when all of it worked; any failure prints one line and returns 1.

Its purpose is to catch what a trimmed bundle lost (a library, a plugin, a
data file, a hidden import), so each step touches a different dependency:
reportlab with its fonts, python-docx with its template, openpyxl, QtPdf and
QtPdfWidgets, QtPrintSupport, the migrations, catalogs and style sheet. Its
lines are for whoever builds the program, so they stay in English (no
catalog entries).
"""

from __future__ import annotations

import re
import sys
import tempfile
import zipfile
from pathlib import Path

from metodesk import files, paths
from metodesk.i18n import set_language

# Letters only Kazakh has (Russian shares the rest of the Cyrillic alphabet) and
# letters only Russian has: a document in the wrong language or a font without
# them fails the check.
OWN_LETTERS = {"kk": re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]"), "ru": re.compile("[ыэъЫЭЪ]")}
CYRILLIC = re.compile("[а-яА-ЯёЁ]")


# Kazakh sorts ұ before ү and і after ы; Russian sorts і by и and ү before ұ, and
# Cyrillic before Latin. Qt's collation takes these from ICU's data, which the
# Linux build slims to the languages metodesk speaks (build_spec/icu_data.py).
COLLATION = {
    "kk": ["ель", "ё", "ұ", "ү", "ы", "і"],
    "ru": ["а", "і", "ү", "ұ", "ы", "z"],
}


class SmokeFailure(RuntimeError):
    """One step of the check went wrong; the message says which and why."""


def _say(text: str) -> None:
    print(text, flush=True)


def _check_pdf(path: Path, lang: str) -> int:
    """The file is a PDF that QtPdf opens, with the language's letters on page one; its page count."""
    from PySide6.QtPdf import QPdfDocument

    if not path.read_bytes().startswith(b"%PDF"):
        raise SmokeFailure(f"{path.name} is not a PDF")
    document = QPdfDocument()
    document.load(str(path))
    pages = document.pageCount()
    if document.status() != QPdfDocument.Status.Ready or pages < 1:
        raise SmokeFailure(f"QtPdf cannot open {path.name} ({document.error()})")
    text = document.getAllText(0).text()
    document.close()
    if not OWN_LETTERS[lang].search(text):
        raise SmokeFailure(f"{path.name}: page 1 has no {lang} letters: {text[:80]!r}")
    return pages


def _check_package(path: Path, main_part: str) -> None:
    """An Office file: a zip with its main part and Cyrillic text somewhere in it."""
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            if main_part not in names:
                raise SmokeFailure(f"{path.name} has no {main_part}")
            text = "".join(
                package.read(name).decode("utf-8", "replace") for name in names if name.endswith(".xml")
            )
    except zipfile.BadZipFile as exc:
        raise SmokeFailure(f"{path.name} is not an Office file: {exc}") from exc
    if not CYRILLIC.search(text):
        raise SmokeFailure(f"{path.name} holds no Cyrillic text")


def _report(path: Path, lang: str) -> None:
    """Check one written document by its kind and print a line about it."""
    if not path.exists() or path.stat().st_size == 0:
        raise SmokeFailure(f"{path.name} was not written")
    detail = ""
    if path.suffix == ".pdf":
        detail = f", {_check_pdf(path, lang)} page(s)"
    elif path.suffix == ".docx":
        _check_package(path, "word/document.xml")
    elif path.suffix == ".xlsx":
        _check_package(path, "xl/workbook.xml")
    _say(f"smoke: written {path.name} ({path.stat().st_size} bytes{detail})")


def _check_collation() -> None:
    """Qt sorts Kazakh and Russian words by their alphabets (Linux: ICU's data is there)."""
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale

    for lang, expected in COLLATION.items():
        collator = QCollator(QLocale(lang))
        found = sorted(reversed(expected), key=cmp_to_key(collator.compare))
        if found != expected:
            raise SmokeFailure(f"{lang} collation sorts {' '.join(found)}")
    _say("smoke: Kazakh and Russian collation")


def _export_protocols(folder: Path) -> tuple[int, list[Path]]:
    """One held meeting's protocol in Kazakh and in Russian; the meeting and the files."""
    from sqlalchemy import select

    from metodesk import reports
    from metodesk.services import protocol_rows
    from metodesk.services.setup import prepare_database
    from metodesk.storage.models import Meeting

    db = prepare_database(paths.database_path())
    try:
        with db.reading() as session:
            meeting_id = session.scalar(
                select(Meeting.id).where(Meeting.status == "held").order_by(Meeting.id)
            )
            if meeting_id is None:
                raise SmokeFailure("the demo school has no held meeting")
            data = protocol_rows.protocol_data(session, meeting_id)
    finally:
        db.close()
    written = []
    for lang in ("kk", "ru"):
        out = folder / f"protocol-{lang}.pdf"
        files.write_file(out, reports.build_protocol(data, lang))
        written.append(out)
    return meeting_id, written


def _preview_and_print(meeting_id: int, folder: Path) -> None:
    """The preview dialog shows the protocol (QtPdf, QtPdfWidgets) and prints it to a PDF file."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from metodesk.services.setup import prepare_database
    from metodesk.ui.context import AppContext
    from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog

    db = prepare_database(paths.database_path())
    try:
        dialog = DocumentPreviewDialog(AppContext(db), "protocol", {"meeting": meeting_id})
        dialog.show()
        dialog.grab()  # paints the page view
        pages = dialog.pdf_document.pageCount()
        if pages < 1:
            raise SmokeFailure("the preview shows no page")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printed = folder / "printed.pdf"
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)
        if not dialog.print_to(printer):
            raise SmokeFailure("the preview could not print")
        dialog.done(0)
        dialog.deleteLater()  # gone with its PDF document before Qt's objects are torn down
        QApplication.processEvents()
    finally:
        db.close()
    body = printed.read_bytes() if printed.exists() else b""
    if not body.startswith(b"%PDF") or len(body) < 10_000:
        raise SmokeFailure("printing the preview wrote no page")
    _say(f"smoke: preview shows {pages} page(s), printed {printed.name} ({len(body)} bytes)")


def _every_kind(folder: Path) -> None:
    """One document of every registered kind in every format it has, read and
    built through the documents registry, alternating the languages."""
    from metodesk.documents.registry import KINDS
    from metodesk.services import years
    from metodesk.services.setup import prepare_database

    db = prepare_database(paths.database_path())
    try:
        with db.reading() as session:
            current = years.current_year(session)
            if current is None:
                raise SmokeFailure("the demo school has no current year")
            year_id = current.id
            requests = {kind.key: kind.example(session, year_id) for kind in KINDS}
        missing = [key for key, request in requests.items() if request is None]
        if missing:
            raise SmokeFailure(f"the demo school has no {', '.join(missing)}")
        turn = 0
        for kind in KINDS:
            with db.reading() as session:
                data = kind.read(session, requests[kind.key] or {})
            for fmt in kind.formats:
                lang = ("kk", "ru")[turn % 2]
                turn += 1
                out = folder / f"{kind.key}-{lang}{fmt.suffix}"
                files.write_file(out, kind.build(data, lang, fmt))
                _report(out, lang)
    finally:
        db.close()


def _year_from_the_command_line(folder: Path) -> None:
    """The year's documents as Word through the command line, as a user would run it."""
    from metodesk.cli import build_parser, run_command

    out = folder / "year"
    argv = ["--data-dir", str(folder), "export", "year", "--year", _current_year_name(), "--format", "docx"]
    argv += ["--lang", "ru", "--out", str(out)]
    code = run_command(build_parser().parse_args(argv))
    written = sorted(out.glob("*.docx"))
    if code != 0 or not written:
        raise SmokeFailure(f"`metodesk {' '.join(argv)}` exited with {code} and wrote {len(written)} file(s)")
    _report(written[0], "ru")


def _current_year_name() -> str:
    from metodesk.services import years
    from metodesk.services.setup import prepare_database

    db = prepare_database(paths.database_path())
    try:
        with db.reading() as session:
            current = years.current_year(session)
            if current is None:
                raise SmokeFailure("the demo school has no current year")
            return current.name
    finally:
        db.close()


def run_smoke() -> int:
    """The whole check; the process exit code."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="metodesk-smoke-") as temp:
        folder = Path(temp)
        paths.set_data_dir(temp)
        paths.ensure_data_dir()
        set_language("kk")
        try:
            from metodesk.services import demo
            from metodesk.services.setup import prepare_database

            db = prepare_database(paths.database_path())
            try:
                with db.transaction() as session:
                    summary = demo.fill_demo(session)
            finally:
                db.close()
            _say(summary)
            from metodesk.app import create_application, install_qt_translator
            from metodesk.ui.startup import open_main_window

            app = create_application(sys.argv[:1])
            for lang in ("ru", "kk"):
                if not install_qt_translator(app, lang):
                    raise SmokeFailure(f"Qt's own {lang} translations are missing")
            window = open_main_window(app, explicit_language="kk")
            if window is None:
                raise SmokeFailure("the main window did not open")
            app.processEvents()
            _say(f"smoke: window shown: {window.windowTitle()}")
            if sys.platform.startswith("linux"):  # Windows and macOS collate with the system's own data
                _check_collation()
            meeting_id, protocols = _export_protocols(folder)
            for out, lang in zip(protocols, ("kk", "ru"), strict=True):
                _report(out, lang)
            _preview_and_print(meeting_id, folder)
            window.close()
            app.processEvents()
            _every_kind(folder)
            _year_from_the_command_line(folder)
        except Exception as exc:  # noqa: BLE001 - the smoke check reports any failure as one line
            _say(f"smoke: FAILED: {type(exc).__name__}: {exc}")
            return 1
    _say("smoke: passed")
    return 0
