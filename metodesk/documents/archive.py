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

from dataclasses import dataclass

from sqlalchemy.orm import Session

from metodesk.documents.base import Entry, Format, document_language, safe_file_name
from metodesk.documents.batch import Planned, build_all
from metodesk.documents.year import year_entries
from metodesk.domain.academic_year import today
from metodesk.domain.archive import ArchiveHead, shown_title
from metodesk.domain.errors import DomainError, NotFound
from metodesk.i18n import _, language
from metodesk.services.progress import ProgressCallback, step
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


def build_archive(
    db: Database,
    association_id: int,
    year_id: int,
    lang: str,
    progress: ProgressCallback | None = None,
) -> bytes:
    """The association's archive of the year as PDF bytes in ``lang`` ("kk" or
    "ru"): title page, contents, every document; ``progress`` hears of each
    document and may stop the work (``Cancelled``) between them."""
    from metodesk.reports import archive

    lang = document_language(lang)
    with db.reading() as session:
        plan = plan_archive(session, association_id, year_id, lang)
    planned = [Planned(entry, title) for entry, title in zip(plan.entries, plan.titles, strict=True)]
    total = len(planned) + 1  # each document, then binding them
    built = build_all(db, planned, lang, Format.PDF, progress, total)
    step(progress, total - 1, total, _("Putting the archive together…"))
    parts = [archive.Part(item.name, pdf) for item, pdf in built]
    return archive.assemble(plan.head, parts, lang)


def archive_file_name(head: ArchiveHead, lang: str) -> str:
    """The file name offered for the archive, in its language:
    «Құжаттар мұрағаты 2025-2026 «Математика» … бірлестігі.pdf»."""
    lang = document_language(lang)
    title = FILE_TITLES[lang].format(year=head.year_name, association=head.association(lang))
    return safe_file_name(title) + Format.PDF.suffix
