"""What a document kind is: the one object that knows how to read its data
from a Session, build it in a language and a format, and name its file.

A kind is registered once (``metodesk.documents.registry``) and everything
that writes documents goes through it: the window's preview (page through,
print, save as PDF or Word), the command line's ``metodesk export KIND``, the
year's documents in one folder, the association-year archive and the
``--smoke`` check. Adding a kind is: its data function in ``services/`` (rows
from ``domain/``), its builders in ``reports/``, one class here, its strings.

A document is asked for by a *request*: a plain mapping of the options that
identify it. The command-line options a kind declares (``options``) fill it
from ``--association 3 --number 2``; the window fills the same keys, or a
record's id directly (``{"meeting": 12}``), which ``read`` accepts too.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from metodesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DataT = TypeVar("DataT")
Request = Mapping[str, Any]
LANGUAGES = ("kk", "ru")

NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
MAX_NAME = 150  # characters of a file name before its ending


class Format(str, Enum):
    """A file format a document can be written in."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"

    @property
    def suffix(self) -> str:
        return "." + self.value

    @property
    def label(self) -> str:
        """The format as a user knows it, for buttons and file dialogs."""
        return {Format.PDF: "PDF", Format.DOCX: "Word (.docx)", Format.XLSX: "Excel (.xlsx)"}[self]

    @classmethod
    def for_path(cls, path: Path) -> Format | None:
        """The format a file name's ending asks for, or None."""
        ending = path.suffix.lower().lstrip(".")
        return next((f for f in cls if f.value == ending), None)


@dataclass(frozen=True)
class Option:
    """One thing that identifies a document, offered on the command line as
    ``--name VALUE`` (``--name`` alone for a flag).

    ``parse`` turns the text into a value or raises ValueError with a sentence
    in the user's language; ``kind`` says which of the shared parsers the
    command line uses when ``parse`` is None: "id" (a whole number from 1),
    "year" (2025-2026, kept as text), "date" (2026-03-11), "flag"."""

    name: str
    help: str
    kind: str = "id"
    required: bool = False
    metavar: str = ""
    default: Any = None
    parse: Callable[[str], Any] | None = None

    @property
    def key(self) -> str:
        """The request's key: the option's name with "-" as "_"."""
        return self.name.replace("-", "_")


@dataclass(frozen=True)
class Entry:
    """One document of a year's set (the year's documents, the archive): its
    kind, the request that reads it, and how it is called in a language."""

    kind: str
    request: Mapping[str, Any]
    title: str  # what it is, in the document's language ("Хаттама № 2 2025-11-12")
    association: str = ""  # the association it belongs to, in that language ("" for the school's)
    order: tuple[Any, ...] = field(default=(), compare=False)

    @property
    def file_stem(self) -> str:
        stem = f"{self.association} - {self.title}" if self.association else self.title
        return safe_file_name(stem)


def safe_file_name(text: str, limit: int = MAX_NAME) -> str:
    """Text fit for a file name on every system: no separators or reserved
    characters, spaces collapsed, not too long, no trailing dot."""
    return " ".join(NOT_IN_NAMES.sub(" ", text).split())[:limit].rstrip(" .")


def document_language(lang: str) -> str:
    """``lang`` when metodesk prints in it, Kazakh otherwise."""
    return lang if lang in LANGUAGES else "kk"


class DocumentKind(ABC, Generic[DataT]):
    """One kind of document. Subclasses set the class attributes and write
    ``read``, ``build_format`` and ``file_title``; the rest is shared."""

    key: ClassVar[str]  # the command-line name: ``metodesk export KEY``
    summary: ClassVar[str]  # the command line's help for it (English, like the other help texts)
    formats: ClassVar[tuple[Format, ...]] = (Format.PDF, Format.DOCX)
    options: ClassVar[tuple[Option, ...]] = ()
    in_archive: ClassVar[bool] = False  # part of the association-year archive

    @abstractmethod
    def title(self) -> str:
        """What the kind is called, in the window's language ("Protocol")."""

    @abstractmethod
    def read(self, session: Session, request: Request) -> DataT:
        """The document's data, read in one session; a DomainError with one
        sentence when the request names nothing that exists."""

    @abstractmethod
    def build_format(self, data: DataT, lang: str, fmt: Format) -> bytes:
        """The document's bytes in ``fmt`` (one of ``formats``); the builder
        (reportlab, python-docx, openpyxl) is imported here, when needed."""

    @abstractmethod
    def file_title(self, data: DataT, lang: str) -> str:
        """What the document is called in its language, for its file name."""

    def preview_title(self, data: DataT) -> str:
        """The preview window's title, in the window's language."""
        return _("{document}: preview").format(document=self.title())

    def build(self, data: DataT, lang: str, fmt: Format = Format.PDF) -> bytes:
        """The document in ``lang`` ("kk" or "ru") and ``fmt``."""
        if fmt not in self.formats:
            raise ValueError(f"{self.key} is not made as {fmt.value}")
        return self.build_format(data, document_language(lang), fmt)

    def file_name(self, data: DataT, lang: str, fmt: Format = Format.PDF) -> str:
        """The file name a user is offered, in the document's language."""
        return safe_file_name(self.file_title(data, document_language(lang))) + fmt.suffix

    def year_label(self) -> str | None:
        """How the year's documents of this kind are named in a list of what to
        export ("Protocols of every held meeting"); None when ``in_year`` lists none."""
        return None

    def example(self, session: Session, year_id: int) -> Request | None:
        """A request for one document of this kind in the year (the first the
        year lists), for the smoke check and the tests; None when there is none."""
        entries = self.in_year(session, year_id, None, "kk")
        return entries[0].request if entries else None

    def for_organisation(
        self, session: Session, year_id: int, organisation_id: int, lang: str
    ) -> list[Entry] | None:
        """The year's documents of this kind for one organisation of a district
        database, when the kind lists them otherwise than association by
        association (the school's whole schedule, its attestation list); None
        (the default) lists them through ``in_year`` for each of its associations."""
        return None

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        """The documents of this kind an academic year has (of one association,
        or all when ``association_id`` is None), named in ``lang``; none by default."""
        return []
