"""One home for every document metodesk makes (see ``base`` for what a kind
is and ``registry`` for the table of kinds)."""

from metodesk.documents.base import DocumentKind, Entry, Format, Option, Request
from metodesk.documents.registry import KINDS, keys, kind

__all__ = ["KINDS", "DocumentKind", "Entry", "Format", "Option", "Request", "keys", "kind"]
