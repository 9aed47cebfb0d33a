"""Where an export command writes: the ``--out`` path checked before anything is
built, and the document written whole.

An ``--out`` is refused with one sentence (exit 2) when it is a folder, when
its ending is not one the document can be written as (PDF bytes in ``x.docx``
would only puzzle whoever opens it), or when it is metodesk's own data (the
database, its -wal/-shm, the lock, a backup; see ``files.check_target``). The
file is then written through ``files.write_file``: on a full disk the old file
under that name stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from metodesk import files
from metodesk.cli import EXIT_OK, CommandError
from metodesk.i18n import _

PDF = (".pdf",)
PDF_DOCX = (".pdf", ".docx")
PDF_XLSX = (".pdf", ".xlsx")
PDF_DOCX_XLSX = (".pdf", ".docx", ".xlsx")
ZIP = (".zip",)


def _wrong_ending(formats: tuple[str, ...], name: str) -> str:
    if formats == PDF_DOCX:
        return _("The file name must end in .pdf or .docx; {name} does not.").format(name=name)
    if formats == PDF_XLSX:
        return _("Give a file name ending in .pdf or .xlsx, not {name}.").format(name=name)
    if formats == PDF_DOCX_XLSX:
        return _("The file name must end in .pdf, .docx or .xlsx; {name} does not.").format(name=name)
    if formats == ZIP:
        return _("Give the package a file name ending in .zip, not {name}.").format(name=name)
    return _("Give a file name ending in .pdf, not {name}.").format(name=name)


def _a_folder(formats: tuple[str, ...], path: Path) -> str:
    if formats in (PDF_DOCX, PDF_DOCX_XLSX):
        return _("{path} is a folder; give a file name for the document.").format(path=path)
    if formats == PDF_XLSX:
        return _("{path} is a folder; give a file name ending in .pdf or .xlsx.").format(path=path)
    return _("{path} is a folder; give a file name for the PDF.").format(path=path)


def output_path(value: str, formats: tuple[str, ...] = PDF) -> Path:
    """``--out`` as a Path a document of ``formats`` may be written to; a
    CommandError with one sentence otherwise."""
    out = Path(value).expanduser()
    if out.is_dir():
        raise CommandError(_a_folder(formats, out))
    if out.suffix.lower() not in formats:
        raise CommandError(_wrong_ending(formats, out.name or value))
    check_output(out)
    return out


def check_output(out: Path) -> Path:
    """Refuse metodesk's own data files as a target (one sentence, exit 2)."""
    try:
        return files.check_target(out)
    except files.ProtectedTargetError as exc:
        raise CommandError(str(exc)) from exc


def write_output(out: Path, content: bytes) -> int:
    """Write ``content`` whole to ``out`` and say so; the exit code."""
    files.write_chosen(out, content)
    print(_("Written: {path}").format(path=out))
    return EXIT_OK
