"""The documents an academic year has, in one ordered list: by association
(its plan, then each held meeting's protocol with its attendance sheet, the
association's schedule of open lessons, its observation sheets by date, the
mentoring documents of its members), then the school's documents (the whole
schedule, the attestation list). The year's folder and the association-year
archive both read it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from metodesk.documents.base import Entry, document_language
from metodesk.documents.single import SINGLE_KINDS
from metodesk.domain.errors import DomainError
from metodesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def year_entries(
    session: Session,
    year_id: int,
    lang: str,
    association_id: int | None = None,
    kinds: Iterable[str] | None = None,
    archive: bool = False,
    organisation_id: int | None = None,
) -> list[Entry]:
    """Every document of the year (of one association, or of one organisation's
    associations and its own documents, when given; of the ``kinds`` named,
    when given; only the archive's kinds with ``archive``), named in ``lang``
    and in reading order; a document two associations share is listed once."""
    from sqlalchemy import select

    from metodesk.storage.models import AcademicYear, Association

    if session.get(AcademicYear, year_id) is None:
        raise DomainError(_("The academic year was not found."), field="year")
    lang = document_language(lang)
    wanted = set(kinds) if kinds is not None else None
    found: list[Entry] = []
    members: list[int] | None = None
    for kind in SINGLE_KINDS:
        if wanted is not None and kind.key not in wanted:
            continue
        if archive and not kind.in_archive:
            continue
        if organisation_id is None or association_id is not None:
            found.extend(kind.in_year(session, year_id, association_id, lang))
            continue
        own = kind.for_organisation(session, year_id, organisation_id, lang)
        if own is None:
            if members is None:
                members = list(
                    session.scalars(
                        select(Association.id).where(
                            Association.year_id == year_id, Association.organisation_id == organisation_id
                        )
                    )
                )
            own = [entry for member in members for entry in kind.in_year(session, year_id, member, lang)]
        found.extend(own)
    return sorted(_once(found), key=lambda entry: entry.order)


def _once(entries: list[Entry]) -> list[Entry]:
    """The entries without a second one of the same kind and request."""
    seen: set[tuple[str, tuple[tuple[str, object], ...]]] = set()
    kept = []
    for entry in entries:
        key = (entry.kind, tuple(sorted(entry.request.items())))
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def unique_names(entries: Iterable[Entry], suffix: str) -> list[tuple[Entry, str]]:
    """Each entry with its file name; two of the same name (two sheets of one
    teacher on one day) get "(2)", "(3)"… before the ending."""
    seen: set[str] = set()
    named = []
    for entry in entries:
        stem = entry.file_stem
        name, count = stem + suffix, 1
        while name.casefold() in seen:
            count += 1
            name = f"{stem} ({count}){suffix}"
        seen.add(name.casefold())
        named.append((entry, name))
    return named
