"""The year's documents at once: one file per document in a folder, PDF or Word.

Every document of an academic year that the registry lists (``year.year_entries``:
plans, protocols with attendance sheets, schedules, observation sheets,
mentoring documents, the attestation list), of the kinds asked for, of one
association or all, in Kazakh or Russian. File names are readable and in the
document's language ("«Математика» ӘБ - Хаттама № 2 2025-11-12.pdf").

Nothing half-written: each file is written whole (``files.write_file``) into a
hidden folder inside the chosen one, and they are moved into place only when
all of them are built; an error or a cancel (``Cancelled`` raised by the
progress callback between documents) removes that folder and leaves the chosen
one as it was. Files of the same names already there are first moved aside
into that folder, so a file that cannot be replaced (open in another program on
Windows) puts every one back.

Each kind's documents are read in one short session (data read once per kind),
then built outside it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from metodesk import files
from metodesk.documents.base import Entry, Format
from metodesk.documents.registry import kind as kind_for
from metodesk.documents.year import unique_names, year_entries
from metodesk.domain.errors import DomainError
from metodesk.i18n import _
from metodesk.services.progress import ProgressCallback, step
from metodesk.storage.database import Database

STAGING_PREFIX = ".metodesk-export-"


@dataclass(frozen=True)
class Planned:
    """One file to write: the document and its file name."""

    entry: Entry
    name: str


@dataclass(frozen=True)
class BatchResult:
    folder: Path
    written: tuple[Path, ...]

    @property
    def count(self) -> int:
        return len(self.written)


def documents(
    session: Any,
    year_id: int,
    kinds: Iterable[str] | None,
    lang: str,
    fmt: Format = Format.PDF,
    association_id: int | None = None,
    organisation_id: int | None = None,
) -> list[Planned]:
    """What an export of ``kinds`` (registry keys; all when None) writes for
    the year, in reading order, with unique file names."""
    entries = [
        entry
        for entry in year_entries(session, year_id, lang, association_id, kinds, organisation_id=organisation_id)
        if fmt in kind_for(entry.kind).formats
    ]
    return [Planned(entry, name) for entry, name in unique_names(entries, fmt.suffix)]


def already_there(folder: Path, planned: Iterable[Planned]) -> list[str]:
    """The planned names a file in ``folder`` already has (they would be replaced)."""
    return [p.name for p in planned if (folder / p.name).exists()]


def build_all(
    db: Database,
    planned: list[Planned],
    lang: str,
    fmt: Format,
    progress: ProgressCallback | None = None,
    total: int | None = None,
) -> list[tuple[Planned, bytes]]:
    """Every planned document built: each kind's data read in one session
    (in the documents' order), then built outside it."""
    total = total if total is not None else len(planned)
    by_kind: dict[str, list[tuple[int, Planned]]] = {}
    for index, item in enumerate(planned):
        by_kind.setdefault(item.entry.kind, []).append((index, item))
    data: dict[int, Any] = {}
    for key, items in by_kind.items():
        document_kind = kind_for(key)
        with db.reading() as session:
            for index, item in items:
                data[index] = document_kind.read(session, item.entry.request)
    built = []
    for index, item in enumerate(planned):
        step(progress, index, total, _("Writing “{name}”…").format(name=item.name))
        built.append((item, kind_for(item.entry.kind).build(data.pop(index), lang, fmt)))
    return built


def export_documents(
    db: Database,
    year_id: int,
    lang: str,
    kinds: Iterable[str] | None,
    folder: Path,
    progress: ProgressCallback | None = None,
    fmt: Format = Format.PDF,
    association_id: int | None = None,
    organisation_id: int | None = None,
) -> BatchResult:
    """Write the year's documents of ``kinds`` in ``lang`` and ``fmt`` into
    ``folder``: all of them, or (on an error or a cancel) none."""
    if not folder.is_dir():
        raise DomainError(_("The folder {path} does not exist.").format(path=folder), field="folder")
    with db.reading() as session:
        planned = documents(session, year_id, kinds, lang, fmt, association_id, organisation_id)
    for item in planned:
        files.check_target(folder / item.name)  # never into metodesk's backups folder
    total = len(planned) + 1  # each document, then moving them into place
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    except OSError as exc:
        raise files.as_write_error(exc, folder / planned[0].name if planned else folder) from exc
    try:
        for item, content in build_all(db, planned, lang, fmt, progress, total):
            files.write_file(staging / item.name, content)
        step(progress, total - 1, total, _("Putting the files into the folder…"))
        written = _move_in(staging, folder, [item.name for item in planned])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BatchResult(folder, tuple(written))


def _move_in(staging: Path, folder: Path, names: list[str]) -> list[Path]:
    """Move the whole files ``names`` from ``staging`` into ``folder``: all of
    them, or (when one cannot be moved) none, with the files that were there
    put back. A FileWriteError names the file that could not be replaced."""
    old = staging / ".old"
    old.mkdir()
    aside: list[str] = []
    moved: list[str] = []
    current = names[0] if names else ""
    try:
        for name in names:
            current = name
            if (folder / name).exists() or (folder / name).is_symlink():
                os.replace(folder / name, old / name)
                aside.append(name)
        for name in names:
            current = name
            os.replace(staging / name, folder / name)
            moved.append(name)
    except OSError as exc:
        for name in moved:
            try:
                os.replace(folder / name, staging / name)
            except OSError:
                pass
        for name in aside:
            try:
                os.replace(old / name, folder / name)
            except OSError:
                pass
        raise files.as_write_error(exc, folder / current) from exc
    files.fsync_folder(folder)
    return [folder / name for name in names]
