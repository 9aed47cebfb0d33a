"""The documents registry (metodesk/documents/): every kind reads its data
from the demo school, builds in every format it declares in Kazakh and in
Russian (read back: PDF with pypdf, DOCX with python-docx, XLSX with openpyxl),
names its file in the document's language; the year's list of documents is in
reading order, filters by association and kind, and names files uniquely."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from metodesk.documents import KINDS, Format, kind
from metodesk.documents.base import Entry, safe_file_name
from metodesk.documents.year import unique_names, year_entries
from metodesk.domain.errors import DomainError
from metodesk.services import years
from metodesk.storage.database import Database
from metodesk.storage.models import Association, Meeting

OWN = {"kk": re.compile("[әғқңөұүһі]"), "ru": re.compile("[ыэъ]")}
FORBIDDEN = re.compile(r'[\\/:*?"<>|]')


@pytest.fixture(scope="module")
def school(demo_database_module) -> Iterator[tuple[Database, int]]:  # type: ignore[no-untyped-def]
    db = demo_database_module()
    with db.reading() as session:
        year_id = years.current_year(session).id
    yield db, year_id
    db.close()


@pytest.fixture(scope="module")
def demo_database_module(tmp_path_factory, _demo_templates):  # type: ignore[no-untyped-def]
    """The demo school once for this module (the tests only read it)."""
    import shutil

    from metodesk.storage.database import open_database

    def make() -> Database:
        folder = tmp_path_factory.mktemp("registry")
        path = folder / "metodesk.sqlite3"
        shutil.copyfile(_demo_templates(None), path)
        return open_database(path)

    return make


def _text(content: bytes, fmt: Format) -> str:
    if fmt is Format.PDF:
        assert content.startswith(b"%PDF")
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    if fmt is Format.DOCX:
        document = Document(io.BytesIO(content))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return " ".join([p.text for p in document.paragraphs] + cells)
    book = load_workbook(io.BytesIO(content))
    return " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)


def test_keys_are_unique_and_every_kind_has_pdf_and_word() -> None:
    keys = [k.key for k in KINDS]
    assert len(keys) == len(set(keys))
    assert {"plan", "protocol", "attendance", "lessons", "observation", "observation-blank"} <= set(keys)
    assert {"mentoring-plan", "mentoring-report", "attestation-plan", "attestation-list"} <= set(keys)
    for document_kind in KINDS:
        if document_kind.key != "archive":  # one PDF of PDFs, with bookmarks
            assert document_kind.formats[:2] == (Format.PDF, Format.DOCX), document_kind.key
        assert kind(document_kind.key) is document_kind
        assert document_kind.title() and document_kind.summary
    assert kind("attestation-list").formats == (Format.PDF, Format.DOCX, Format.XLSX)
    with pytest.raises(KeyError):
        kind("no-such-kind")


@pytest.mark.parametrize("key", [k.key for k in KINDS])
def test_every_kind_builds_every_format_in_both_languages(school, key: str) -> None:
    db, year_id = school
    document_kind = kind(key)
    with db.reading() as session:
        request = document_kind.example(session, year_id)
        assert request is not None, key
        data = document_kind.read(session, request)
    names = set()
    for fmt in document_kind.formats:
        for lang in ("kk", "ru"):
            text = _text(document_kind.build(data, lang, fmt), fmt)
            assert OWN[lang].search(text.lower()), (key, fmt, lang)
            assert "None" not in text, (key, fmt, lang)
            name = document_kind.file_name(data, lang, fmt)
            assert name.endswith(fmt.suffix) and not FORBIDDEN.search(name), name
            names.add(name)
        assert document_kind.preview_title(data)
    # the Kazakh and the Russian file names differ (each in its document's language)
    assert len(names) == 2 * len(document_kind.formats)


def test_a_format_the_kind_lacks_is_refused(school) -> None:
    db, year_id = school
    protocol = kind("protocol")
    with db.reading() as session:
        data = protocol.read(session, protocol.example(session, year_id) or {})
    with pytest.raises(ValueError):
        protocol.build(data, "kk", Format.XLSX)


def test_a_request_for_nothing_is_one_sentence(school) -> None:
    db, _year_id = school
    with db.reading() as session:
        with pytest.raises(DomainError):
            kind("protocol").read(session, {"association": 999_999, "number": 1})
        with pytest.raises(DomainError):
            kind("mentoring-plan").read(session, {"pair": 999_999})
        with pytest.raises(DomainError, match="not both"):
            kind("observation-blank").read(session, {"lesson": 1, "date": __import__("datetime").date(2026, 3, 2)})


def test_the_year_lists_every_held_meeting_once_per_kind_in_reading_order(school) -> None:
    db, year_id = school
    with db.reading() as session:
        entries = year_entries(session, year_id, "ru")
        held = session.scalar(
            select(func.count(Meeting.id)).where(Meeting.year_id == year_id, Meeting.status == "held")
        )
        associations = session.scalars(
            select(Association).where(Association.year_id == year_id, Association.kind != "council")
        ).all()
    kinds = [e.kind for e in entries]
    assert kinds.count("protocol") == kinds.count("attendance") == held > 0
    assert kinds.count("plan") == len(associations)
    # each association's plan comes before its protocols; each protocol is followed by its sheet
    for index, entry in enumerate(entries):
        if entry.kind == "protocol":
            assert entries[index + 1].kind == "attendance"
            assert entries[index + 1].request == entry.request
    groups: dict[str, list[str]] = {}
    for entry in entries:
        groups.setdefault(entry.association, []).append(entry.kind)
    for association, group in groups.items():
        if "plan" in group:
            assert group[0] == "plan", association
    # the school's own documents close the list
    school_kinds = {e.kind for e in entries if e.association == ""}
    assert {"attestation-list", "school-plan", "year-analysis"} <= school_kinds
    assert entries[-1].association == ""
    assert all(re.search("[А-Яа-я]", e.title) for e in entries)


def test_one_association_and_chosen_kinds(school) -> None:
    db, year_id = school
    with db.reading() as session:
        association = session.scalars(
            select(Association).where(Association.year_id == year_id).order_by(Association.id)
        ).first()
        mine = year_entries(session, year_id, "kk", association.id)
        protocols = year_entries(session, year_id, "kk", kinds=["protocol"])
        archive = year_entries(session, year_id, "kk", association.id, archive=True)
    assert mine and {e.association for e in mine} == {association.name_kk[:70]}
    assert "attestation-list" not in {e.kind for e in mine}  # the school's, not the association's
    assert {e.kind for e in protocols} == {"protocol"}
    assert {e.kind for e in archive} <= {k.key for k in KINDS if k.in_archive}


def test_names_are_unique_and_safe() -> None:
    same = Entry("observation", {"observation": 1}, "Лист наблюдения урока Ким А. 2026-03-02", "МО: «Физика»")
    named = unique_names([same, same, same], ".pdf")
    assert [name for _entry, name in named] == [
        "МО «Физика» - Лист наблюдения урока Ким А. 2026-03-02.pdf",
        "МО «Физика» - Лист наблюдения урока Ким А. 2026-03-02 (2).pdf",
        "МО «Физика» - Лист наблюдения урока Ким А. 2026-03-02 (3).pdf",
    ]
    assert safe_file_name('a/b\\c:d*e?f"g<h>i|j. ') == "a b c d e f g h i j"
    assert len(safe_file_name("я" * 400)) == 150


def test_an_unknown_year_is_one_sentence(school) -> None:
    db, _year_id = school
    with db.reading() as session:
        with pytest.raises(DomainError):
            year_entries(session, 999_999, "kk")


def _request_keys(document_kind: Any) -> set[str]:
    return {option.key for option in document_kind.options}


def test_command_line_options_are_what_read_accepts(school) -> None:
    """The options a kind offers on the command line name a document by themselves."""
    db, year_id = school
    with db.reading() as session:
        association = session.scalars(select(Association).where(Association.year_id == year_id)).first()
        meeting = session.scalars(
            select(Meeting).where(Meeting.association_id == association.id).order_by(Meeting.number)
        ).first()
        year = years.get_year(session, year_id).name
        by_options = {
            "protocol": {"association": association.id, "number": meeting.number, "year": None},
            "plan": {"association": association.id, "year": year, "for_approval": True},
            "lessons": {"year": year, "association": None, "organisation": None},
            "attestation-list": {"year": year, "organisation": None},
        }
        for key, request in by_options.items():
            assert set(request) <= _request_keys(kind(key)), key
            assert kind(key).read(session, request) is not None
        plan = kind("plan").read(session, by_options["plan"])
    assert plan == plan.for_approval()
