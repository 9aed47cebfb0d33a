"""Small pieces the document kinds share: a year named on the command line,
an association's name in a document's language, a request's whole numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from metodesk.documents.base import Request

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from metodesk.storage.models import Association

MAX_ASSOCIATION = 70  # characters of an association's name in a file name


def year_id(session: Session, request: Request, key: str = "year") -> int | None:
    """The id of the academic year the request names ("2025-2026"), or None
    when it names none; NotFound with a sentence for a year that is not there."""
    from metodesk.services import years

    name = request.get(key)
    return years.year_by_name(session, str(name)).id if name else None


def number(request: Request, key: str) -> int | None:
    """A whole number of the request, or None when it is not given."""
    value: Any = request.get(key)
    return None if value is None else int(value)


def association_name(assoc: Association, lang: str) -> str:
    """The association's name in ``lang`` (the other language's when empty),
    short enough for a file name."""
    name = (assoc.name_ru or assoc.name_kk) if lang == "ru" else (assoc.name_kk or assoc.name_ru)
    return name[:MAX_ASSOCIATION]
