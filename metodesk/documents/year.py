"""The documents an academic year has, in one ordered list: by association
(its plan, then each held meeting's protocol with its attendance sheet, the
association's schedule of open lessons, its observation sheets by date, the
mentoring documents of its members), then the school's documents (the whole
schedule, the attestation list). The year's folder and the association-year
archive both read it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from metodesk.documents.base import Entry, document_language
from metodesk.documents.registry import KINDS
from metodesk.domain.errors import DomainError
from metodesk.i18n import _


def year_entries(
    session: Session,
    year_id: int,
    lang: str,
    association_id: int | None = None,
    kinds: Iterable[str] | None = None,
    archive: bool = False,
) -> list[Entry]:
    """Every document of the year (of one association, when given; of the
    ``kinds`` named, when given; only the archive's kinds with ``archive``),
    named in ``lang`` and in reading order."""
    from metodesk.storage.models import AcademicYear

    if session.get(AcademicYear, year_id) is None:
        raise DomainError(_("The academic year was not found."), field="year")
    lang = document_language(lang)
    wanted = set(kinds) if kinds is not None else None
    found: list[Entry] = []
    for kind in KINDS:
        if wanted is not None and kind.key not in wanted:
            continue
        if archive and not kind.in_archive:
            continue
        found.extend(kind.in_year(session, year_id, association_id, lang))
    return sorted(found, key=lambda entry: entry.order)


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
