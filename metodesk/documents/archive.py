"""The association-year archive: every document of one association's academic
year in one PDF, for the shelf or the district (issue 16).

What goes in, and in which order, is the registry's (``year.year_entries`` with
``archive=True``): the annual plan, each held meeting's protocol followed by its
attendance sheet, the association's schedule of open lessons, its observation
sheets by date, the mentoring plans and reports of its members. Each is built
exactly as it prints on its own (``batch.build_all``: each kind's data read in
one short session, then built outside it), and ``reports.archive`` binds them
behind a title page and a contents page, with a bookmark per document and the
archive's page numbers «N / total» on every page.

An association asked for in another academic year is taken as its counterpart
there (as ``metodesk export plan --year`` does). One with no document in the
year gets a sentence, not an empty PDF. Nothing is written here: the command
line writes the bytes with ``files.write_chosen``, the window's preview saves
them with ``save_chosen`` (both through ``metodesk.files``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from metodesk.documents import common
from metodesk.documents.base import (
    LANGUAGES,
    DocumentKind,
    Entry,
    Format,
    Option,
    Request,
    document_language,
    safe_file_name,
)
from metodesk.documents.single import single_kind as kind_for
from metodesk.documents.year import year_entries
from metodesk.domain.academic_year import today
from metodesk.domain.archive import ArchiveHead, shown_title
from metodesk.domain.errors import DomainError, NotFound
from metodesk.i18n import _, language
from metodesk.services.progress import ProgressCallback, step

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from metodesk.storage.database import Database

FILE_TITLES = {"kk": "Құжаттар мұрағаты {year} {association}", "ru": "Архив документов {year} {association}"}


@dataclass(frozen=True)
class ArchivePlan:
    """What an archive holds, read before anything is built: the association it
    is of (the counterpart in the year asked for), its title page's facts, and
    its documents in reading order."""

    association_id: int
    head: ArchiveHead
    entries: tuple[Entry, ...]

    @property
    def titles(self) -> list[str]:
        """The documents' titles as the contents and the bookmarks show them."""
        return [shown_title(entry.title) for entry in self.entries]


def association_year(session: Session, association_id: int) -> int:
    """The id of the academic year the association belongs to; NotFound with
    a sentence for an association that is not there."""
    from metodesk.storage.models import Association

    assoc = session.get(Association, association_id)
    if assoc is None:
        raise NotFound(_("There is no association with id {id}.").format(id=association_id), field="association")
    return assoc.year_id


def plan_archive(session: Session, association_id: int, year_id: int, lang: str) -> ArchivePlan:
    """The archive of ``association_id`` (or its counterpart) in ``year_id``,
    named in ``lang``; a DomainError with one sentence when the association or
    the year is not there, or when the year holds none of its documents."""
    from metodesk.services import plan_copy
    from metodesk.storage.models import AcademicYear

    lang = document_language(lang)
    year = session.get(AcademicYear, year_id)
    if year is None:
        raise NotFound(_("The academic year was not found."), field="year")
    association_year(session, association_id)  # a sentence for a wrong id
    assoc = plan_copy.counterpart(session, association_id, year_id)
    if assoc is None:
        raise NotFound(
            _("The association {id} has no counterpart in {year}.").format(id=association_id, year=year.name),
            field="year",
        )
    organisation = assoc.organisation
    head = ArchiveHead(
        organisation_kk=organisation.name_kk,
        organisation_ru=organisation.name_ru,
        association_kk=assoc.name_kk,
        association_ru=assoc.name_ru,
        year_name=year.name,
        made_on=today(),
    )
    entries = year_entries(session, year_id, lang, assoc.id, archive=True)
    if not entries:
        raise DomainError(
            _(
                "{association}: there are no documents of {year} to put in an archive: no annual plan, "
                "no held meeting, no open lesson, no mentoring of its members."
            ).format(association=head.association(language()), year=year.name),
            field="association",
        )
    return ArchivePlan(assoc.id, head, tuple(entries))


@dataclass(frozen=True)
class ArchiveData:
    """An archive read and ready to build in either language: its plan named
    in each language, and each document's data (read once, by its kind and
    request)."""

    plans: Mapping[str, ArchivePlan]
    data: Mapping[tuple[str, tuple[tuple[str, Any], ...]], Any]

    def parts(self, lang: str) -> list[tuple[Entry, str, Any]]:
        """(entry, title, data) of every document, in the order of ``lang``'s plan."""
        plan = self.plans[lang]
        return [
            (entry, title, self.data[_key(entry)])
            for entry, title in zip(plan.entries, plan.titles, strict=True)
        ]


def _key(entry: Entry) -> tuple[str, tuple[tuple[str, Any], ...]]:
    return entry.kind, tuple(sorted(entry.request.items()))


class ArchiveKind(DocumentKind[ArchiveData]):
    """The association-year archive as a document kind: the command line's
    ``metodesk export archive``, the window's preview and the smoke check take
    it from the registry like any other."""

    key = "archive"
    summary = "every document of an association's year in one PDF: title page, contents, bookmarks, page numbers"
    formats = (Format.PDF,)
    options = (
        Option("association", "association id", required=True, metavar="ID"),
        Option("year", "academic year, e.g. 2025-2026 (default: the association's)", kind="year", metavar="YEAR"),
    )

    def title(self) -> str:
        return _("Archive of the year")

    def read(self, session: Session, request: Request) -> ArchiveData:
        """``association`` and ``year`` (a name) or ``year_id``; the
        association's own year when neither is given."""
        association_id = int(request["association"])
        year_id = common.number(request, "year_id") or common.year_id(session, request)
        if year_id is None:
            year_id = association_year(session, association_id)
        plans = {lang: plan_archive(session, association_id, year_id, lang) for lang in LANGUAGES}
        data = {_key(entry): kind_for(entry.kind).read(session, entry.request) for entry in plans["kk"].entries}
        return ArchiveData(plans, data)

    def build_format(self, data: ArchiveData, lang: str, fmt: Format) -> bytes:
        return self.assemble(data, lang)

    def assemble(self, data: ArchiveData, lang: str, progress: ProgressCallback | None = None) -> bytes:
        """Every document built in ``lang`` and bound behind the title page
        and the contents; ``progress`` hears of each document and may stop
        the work (``Cancelled``) between them."""
        from metodesk.reports import archive

        parts = data.parts(lang)
        total = len(parts) + 1  # each document, then binding them
        built = []
        for done, (entry, title, document) in enumerate(parts):
            step(progress, done, total, _("Writing “{name}”…").format(name=title))
            built.append(archive.Part(title, kind_for(entry.kind).build(document, lang, Format.PDF)))
        step(progress, total - 1, total, _("Putting the archive together…"))
        return archive.assemble(data.plans[lang].head, built, lang)

    def file_title(self, data: ArchiveData, lang: str) -> str:
        return archive_file_name(data.plans[lang].head, lang).removesuffix(Format.PDF.suffix)

    def preview_title(self, data: ArchiveData) -> str:
        head = data.plans["kk"].head
        return _("Archive of the year {year}: {association}").format(
            year=head.year_name, association=head.association(language())
        )

    def example(self, session: Session, year_id: int) -> Request | None:
        from sqlalchemy import select

        from metodesk.storage.models import Association

        for association_id in session.scalars(select(Association.id).where(Association.year_id == year_id)):
            if year_entries(session, year_id, "kk", association_id, archive=True):
                return {"association": association_id, "year_id": year_id}
        return None


ARCHIVE = ArchiveKind()


def build_archive(
    db: Database,
    association_id: int,
    year_id: int,
    lang: str,
    progress: ProgressCallback | None = None,
) -> bytes:
    """The association's archive of the year as PDF bytes in ``lang`` ("kk" or
    "ru"): read in one short session, then built outside it."""
    with db.reading() as session:
        data = ARCHIVE.read(session, {"association": association_id, "year_id": year_id})
    return ARCHIVE.assemble(data, document_language(lang), progress)


def archive_file_name(head: ArchiveHead, lang: str) -> str:
    """The file name offered for the archive, in its language:
    «Құжаттар мұрағаты 2025-2026 «Математика» … бірлестігі.pdf»."""
    lang = document_language(lang)
    title = FILE_TITLES[lang].format(year=head.year_name, association=head.association(lang))
    return safe_file_name(title) + Format.PDF.suffix
