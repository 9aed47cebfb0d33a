"""The year's documents at once: one PDF per document in a folder.

The protocols of every held meeting, the annual plans, the filled observation
sheets and the schedule of open lessons of an academic year, built with the
same data functions and report builders the single-document exports use, in
Kazakh or Russian. File names are readable and in the document's language:
the association, what the document is, its number and date
("«Математика» ӘБ - Хаттама № 2 2025-11-12.pdf").

Nothing half-written: each file is written whole (``files.write_file``:
flushed and fsynced) into a hidden folder inside the chosen one, and they are
moved into place only when all of them are built; an error or a cancel
(``Cancelled`` raised by the progress callback between documents) removes that
folder and leaves the chosen one as it was. Files of the same names already
there are first moved aside into that folder, so a file that cannot be
replaced (open in another program on Windows) puts every one back.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk import files
from metodesk.domain.errors import DomainError
from metodesk.domain.text import initials_name, sort_key
from metodesk.i18n import _
from metodesk.services.meetings import MeetingStatus
from metodesk.services.progress import ProgressCallback, step
from metodesk.storage.database import Database
from metodesk.storage.models import AcademicYear, Association, Meeting, Teacher
from metodesk.storage.models.lessons import Lesson, Observation
from metodesk.storage.models.plans import Plan

PROTOCOLS, PLANS, SHEETS, SCHEDULE = "protocols", "plans", "sheets", "schedule"
KINDS = (PROTOCOLS, PLANS, SHEETS, SCHEDULE)

# what each document is called in its own language
TITLES = {
    (PROTOCOLS, "kk"): "Хаттама № {number} {date}",
    (PROTOCOLS, "ru"): "Протокол № {number} {date}",
    (PLANS, "kk"): "Жұмыс жоспары {year}",
    (PLANS, "ru"): "План работы {year}",
    (SHEETS, "kk"): "Сабақты бақылау парағы {teacher} {date}",
    (SHEETS, "ru"): "Лист наблюдения урока {teacher} {date}",
    (SCHEDULE, "kk"): "Ашық сабақтар кестесі {year}",
    (SCHEDULE, "ru"): "График открытых уроков {year}",
}
NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
MAX_ASSOCIATION = 70  # characters of the association's name in a file name
MAX_NAME = 150
STAGING_PREFIX = ".metodesk-export-"


@dataclass(frozen=True)
class Document:
    """One PDF to write: its kind, the record it is built from, its file name."""

    kind: str
    record_id: int
    name: str


@dataclass(frozen=True)
class BatchResult:
    folder: Path
    written: tuple[Path, ...]

    @property
    def count(self) -> int:
        return len(self.written)


def _safe(text: str, limit: int = MAX_NAME) -> str:
    """Text fit for a file name on every system: no separators or reserved
    characters, spaces collapsed, not too long, no trailing dot."""
    return " ".join(NOT_IN_NAMES.sub(" ", text).split())[:limit].rstrip(" .")


def _association_name(assoc: Association, lang: str) -> str:
    name = (assoc.name_ru or assoc.name_kk) if lang == "ru" else (assoc.name_kk or assoc.name_ru)
    return _safe(name, MAX_ASSOCIATION)


def _file_name(kind: str, lang: str, association: str = "", **values: Any) -> str:
    title = TITLES[(kind, lang if lang in ("kk", "ru") else "kk")].format(**values)
    return _safe(f"{association} - {title}" if association else title) + ".pdf"


def _protocols(session: Session, year_id: int, lang: str) -> list[tuple[Any, Document]]:
    query = (
        select(Meeting.id, Meeting.number, Meeting.date, Association)
        .join(Association, Association.id == Meeting.association_id)
        .where(Meeting.year_id == year_id, Meeting.status == MeetingStatus.HELD.value)
    )
    found = []
    for meeting_id, number, day, assoc in session.execute(query):
        name = _association_name(assoc, lang)
        document = Document(
            PROTOCOLS, meeting_id, _file_name(PROTOCOLS, lang, name, number=number, date=day.isoformat())
        )
        found.append(((sort_key(name, lang), 1, number, day), document))
    return found


def _plans(session: Session, year_id: int, year_name: str, lang: str) -> list[tuple[Any, Document]]:
    query = (
        select(Plan.id, Association)
        .join(Association, Association.id == Plan.association_id)
        .where(Plan.year_id == year_id)
    )
    found = []
    for plan_id, assoc in session.execute(query):
        name = _association_name(assoc, lang)
        document = Document(PLANS, plan_id, _file_name(PLANS, lang, name, year=year_name))
        found.append(((sort_key(name, lang), 0, 0, plan_id), document))
    return found


def _sheets(session: Session, year_id: int, lang: str) -> list[tuple[Any, Document]]:
    query = (
        select(Observation.id, Lesson.date, Teacher, Association)
        .join(Lesson, Lesson.id == Observation.lesson_id)
        .join(Teacher, Teacher.id == Lesson.teacher_id)
        .join(Association, Association.id == Lesson.association_id)
        .where(Lesson.year_id == year_id)
    )
    found = []
    for observation_id, day, teacher, assoc in session.execute(query):
        name = _association_name(assoc, lang)
        who = initials_name(teacher.surname, teacher.first_name, teacher.patronymic)
        document = Document(
            SHEETS, observation_id, _file_name(SHEETS, lang, name, teacher=who, date=day.isoformat())
        )
        found.append(((sort_key(name, lang), 2, day.toordinal(), observation_id), document))
    return found


def _has_lessons(session: Session, year_id: int) -> bool:
    return session.scalar(select(Lesson.id).where(Lesson.year_id == year_id).limit(1)) is not None


def _unique(documents: Iterable[Document]) -> list[Document]:
    """Two documents of the same name (two sheets of one teacher on one day,
    two associations named alike) get "(2)", "(3)"… before the extension."""
    seen: set[str] = set()
    result = []
    for document in documents:
        name, number = document.name, 1
        while name.casefold() in seen:
            number += 1
            name = f"{document.name[:-4]} ({number}).pdf"
        seen.add(name.casefold())
        result.append(Document(document.kind, document.record_id, name))
    return result


def documents(session: Session, year_id: int, kinds: Iterable[str], lang: str) -> list[Document]:
    """What an export of ``kinds`` writes for the year, in order: by
    association (its plan, protocols by number, sheets by date), then the
    schedule of open lessons (only when the year has lessons)."""
    year = session.get(AcademicYear, year_id)
    if year is None:
        raise DomainError(_("The academic year was not found."), field="year")
    wanted = set(kinds)
    found: list[tuple[Any, Document]] = []
    if PLANS in wanted:
        found += _plans(session, year_id, year.name, lang)
    if PROTOCOLS in wanted:
        found += _protocols(session, year_id, lang)
    if SHEETS in wanted:
        found += _sheets(session, year_id, lang)
    found.sort(key=lambda pair: pair[0])
    listed = [document for _key, document in found]
    if SCHEDULE in wanted and _has_lessons(session, year_id):
        listed.append(Document(SCHEDULE, year_id, _file_name(SCHEDULE, lang, year=year.name)))
    return _unique(listed)


def already_there(folder: Path, planned: Iterable[Document]) -> list[str]:
    """The planned names a file in ``folder`` already has (they would be replaced)."""
    return [d.name for d in planned if (folder / d.name).exists()]


def _builder(kind: str) -> tuple[Callable[[Session, int], Any], Callable[[Any, str], bytes]]:
    """(read the data in a session, build the PDF) for a kind; reportlab is
    loaded here, when the first document is built."""
    if kind == PROTOCOLS:
        from metodesk import reports
        from metodesk.services import protocol_rows

        return protocol_rows.protocol_data, reports.build_protocol
    if kind == PLANS:
        from metodesk.reports import plan_pdf
        from metodesk.services import plan_rows

        return plan_rows.plan_data, plan_pdf.build
    from metodesk.services import lesson_print

    if kind == SHEETS:
        from metodesk.reports import observation_sheet

        return lesson_print.sheet_for_observation, observation_sheet.build
    from metodesk.reports import lessons_schedule

    return lesson_print.schedule_data, lessons_schedule.build


def export_documents(
    db: Database,
    year_id: int,
    lang: str,
    kinds: Iterable[str],
    folder: Path,
    progress: ProgressCallback | None = None,
) -> BatchResult:
    """Write the year's documents of ``kinds`` in ``lang`` into ``folder``:
    all of them, or (on an error or a cancel) none. Each document is read in
    a short session of its own and built outside it."""
    if not folder.is_dir():
        raise DomainError(_("The folder {path} does not exist.").format(path=folder), field="folder")
    with db.reading() as session:
        planned = documents(session, year_id, kinds, lang)
    for document in planned:
        files.check_target(folder / document.name)  # never into metodesk's backups folder
    total = len(planned) + 1  # each document, then moving them into place
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    except OSError as exc:
        raise files.as_write_error(exc, folder / planned[0].name if planned else folder) from exc
    try:
        for done, document in enumerate(planned):
            step(progress, done, total, _("Writing “{name}”…").format(name=document.name))
            read, build = _builder(document.kind)
            with db.reading() as session:
                data = read(session, document.record_id)
            files.write_file(staging / document.name, build(data, lang))
        step(progress, total - 1, total, _("Putting the files into the folder…"))
        written = _move_in(staging, folder, [document.name for document in planned])
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
