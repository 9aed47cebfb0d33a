"""Every document kind metodesk makes, in one table: the window, the command
line, the year's documents and the smoke check read it. The single documents
come from ``single.SINGLE_KINDS``; the association-year archive is bound from them."""

from __future__ import annotations

from typing import Any

from metodesk.documents.archive import ArchiveKind
from metodesk.documents.base import DocumentKind
from metodesk.documents.single import SINGLE_KINDS

KINDS: tuple[DocumentKind[Any], ...] = (*SINGLE_KINDS, ArchiveKind())
_BY_KEY = {kind.key: kind for kind in KINDS}


def kind(key: str) -> DocumentKind[Any]:
    """The kind registered as ``key`` ("protocol"); KeyError for an unknown one."""
    return _BY_KEY[key]


def keys() -> tuple[str, ...]:
    return tuple(_BY_KEY)
