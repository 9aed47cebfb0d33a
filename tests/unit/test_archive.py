"""The association-year archive (documents/archive.py, reports/archive.py) on
the demo school: one bookmark per document, leading to its first page; as
many pages as its documents have, plus the title page and the contents;
«N / total» in the top right corner of every page, portrait or landscape; the
documents' own pages untouched; a contents that needs more than one page; and
a sentence, not an empty PDF, for an association with nothing to put in."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from metodesk.documents.archive import archive_file_name, build_archive, plan_archive
from metodesk.documents.base import Format
from metodesk.documents.registry import kind as kind_for
from metodesk.domain.archive import ArchiveHead, shown_title
from metodesk.domain.errors import DomainError
from metodesk.i18n import set_language
from metodesk.reports import archive as archive_pdf
from metodesk.services import associations, organisations, years
from metodesk.storage.database import Database
from metodesk.storage.models import Association

PINNED_DAY = dt.date(2026, 5, 20)
PRIMARY_KK = "Бастауыш сынып"  # the demo's association that has every kind of document
TOP_MARGIN_FREE = 10 * 72 / 25.4  # the narrowest top margin of a document (the observation sheet's)


@dataclass(frozen=True)
class Built:
    """An archive and, built apart from it, each of its documents."""

    pdf: bytes
    reader: PdfReader
    titles: list[str]
    kinds: list[str]
    parts: list[bytes]
    heard: list[tuple[int, int, str]]  # what the progress callback was told


@pytest.fixture(scope="module")
def school(_demo_templates, tmp_path_factory) -> Iterator[tuple[Database, int, int]]:
    """The demo school (read only by these tests): the primary association and its year."""
    from tests.conftest import _copy_and_open

    db = _copy_and_open(_demo_templates(None), tmp_path_factory.mktemp("archive") / "metodesk.sqlite3")
    with db.reading() as session:
        year_id = years.current_year(session).id
        found = next(
            r.id for r in associations.list_associations(session, year_id) if r.name_kk.startswith(PRIMARY_KK)
        )
    yield db, found, year_id
    db.close()


@pytest.fixture(scope="module")
def built(school) -> dict[str, Built]:
    db, association_id, year_id = school
    made = {}
    for lang in ("kk", "ru"):
        with db.reading() as session:
            plan = plan_archive(session, association_id, year_id, lang)
            data = [kind_for(e.kind).read(session, e.request) for e in plan.entries]
        parts = [kind_for(e.kind).build(d, lang, Format.PDF) for e, d in zip(plan.entries, data, strict=True)]
        heard: list[tuple[int, int, str]] = []
        pdf = build_archive(db, association_id, year_id, lang, lambda *step: heard.append(step))
        made[lang] = Built(
            pdf, PdfReader(io.BytesIO(pdf)), plan.titles, [e.kind for e in plan.entries], parts, heard
        )
    return made


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _starts(parts: list[bytes], front: int = 2) -> list[int]:
    """Each part's first page (0-based) behind ``front`` pages."""
    starts, page = [], front
    for part in parts:
        starts.append(page)
        page += _pages(part)
    return starts


def test_the_demo_association_has_every_kind_of_the_archive(built) -> None:
    kinds = built["kk"].kinds
    assert set(kinds) == {
        "plan", "protocol", "attendance", "lessons", "observation", "mentoring-plan", "mentoring-report"
    }  # fmt: skip
    assert kinds[0] == "plan" and kinds[1:3] == ["protocol", "attendance"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_one_bookmark_per_document_leading_to_its_first_page(built, lang: str) -> None:
    archive = built[lang]
    outline = archive.reader.outline
    assert [item.title for item in outline] == archive.titles
    assert [archive.reader.get_destination_page_number(item) for item in outline] == _starts(archive.parts)
    assert archive.reader.page_mode == "/UseOutlines"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_pages_are_the_documents_pages_plus_title_and_contents(built, lang: str) -> None:
    archive = built[lang]
    assert len(archive.reader.pages) == sum(_pages(part) for part in archive.parts) + 2


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_page_says_its_number_of_the_total_in_its_top_right_corner(built, lang: str) -> None:
    """Above the text of every document (portrait or landscape), apart from
    the documents' own page labels («1-бет / 3», «стр. 1 из 3»), which stay."""
    pages = built[lang].reader.pages
    own_label = re.compile(r"\d+-бет / \d+" if lang == "kk" else r"стр\. \d+ из \d+")
    total = len(pages)
    landscape_pages = 0
    for number, page in enumerate(pages, start=1):
        label = f"{number} / {total}"
        found: list[tuple[float, float]] = []

        def visit(text, cm, tm, font, size, label=label, found=found):  # type: ignore[no-untyped-def]
            if text.strip() == label:
                found.append((tm[4], tm[5]))

        text = page.extract_text(visitor_text=visit)
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert len(found) == 1, (number, text)
        x, y = found[0]
        assert width * 0.75 < x < width and height - TOP_MARGIN_FREE < y < height, (number, x, y, width, height)
        assert (own_label.search(text) is None) == (number <= 2)  # the title and contents have none
        landscape_pages += width > height
    assert landscape_pages >= 2  # the plan's activities and the lessons schedule


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_each_document_keeps_its_own_pages(built, lang: str) -> None:
    """Each page as the document printed it (its content drawn first and
    unchanged, the number after it), of the same size."""
    archive = built[lang]
    for part, start in zip(archive.parts, _starts(archive.parts), strict=True):
        for offset, page in enumerate(PdfReader(io.BytesIO(part)).pages):
            bound = archive.reader.pages[start + offset]
            own = page.get_contents().get_data()
            assert bound.get_contents().get_data().startswith(b"q\n" + own)
            assert (bound.mediabox.width, bound.mediabox.height) == (page.mediabox.width, page.mediabox.height)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("kk", ["ҚҰЖАТТАР МҰРАҒАТЫ", "2025-2026 оқу жылы", "Құжаттар саны: 11", "бірлестігі"]),
        ("ru", ["АРХИВ ДОКУМЕНТОВ", "2025-2026 учебный год", "Количество документов: 11", "Методическое объединение"]),
    ],
)
def test_the_title_page_names_the_association_and_the_year(built, lang: str, words: list[str]) -> None:
    archive = built[lang]
    text = archive.reader.pages[0].extract_text()
    for word in words + [f"{len(archive.reader.pages)}"]:
        assert word in text
    assert "None" not in text
    association = "Бастауыш сынып" if lang == "kk" else "Методическое объединение учителей начальных классов"
    assert archive.reader.metadata.title.startswith(
        ("Құжаттар мұрағаты 2025-2026: " if lang == "kk" else "Архив документов 2025-2026: ") + association
    )


@pytest.mark.parametrize(("lang", "heading"), [("kk", "МАЗМҰНЫ"), ("ru", "СОДЕРЖАНИЕ")])
def test_the_contents_lists_each_document_with_its_first_page(built, lang: str, heading: str) -> None:
    archive = built[lang]
    text = archive.reader.pages[1].extract_text()
    assert text.splitlines()[0].strip() == heading
    body = " ".join(text.split())
    for number, (title, start) in enumerate(zip(archive.titles, _starts(archive.parts), strict=True), start=1):
        assert f"{number} {title} {start + 1}" in body


def test_titles_show_dates_as_tables_do() -> None:
    assert shown_title("Хаттама № 2 2025-11-05") == "Хаттама № 2 05.11.2025"
    assert shown_title("Жұмыс жоспары 2025-2026") == "Жұмыс жоспары 2025-2026"


def _page_pdfs(count: int, sizes: tuple[tuple[float, float], ...] = (A4,)) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for index in range(count):
        canvas.setPageSize(sizes[index % len(sizes)])
        canvas.drawString(100, 100, f"page {index}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_contents_longer_than_a_page_is_counted_in_the_numbers() -> None:
    """An association of many documents: the contents takes more pages, and
    the numbers it prints, the bookmarks and the stamps all count them."""
    head = ArchiveHead("Мектеп", "Школа", "Бірлестік", "Объединение", "2025-2026", PINNED_DAY)
    one, two = _page_pdfs(1), _page_pdfs(2, (A4, landscape(A4)))
    parts = [archive_pdf.Part(f"Хаттама № {n} 05.11.2025", two if n % 2 else one) for n in range(60)]
    reader = PdfReader(io.BytesIO(archive_pdf.assemble(head, parts, "kk")))
    texts = [page.extract_text() for page in reader.pages[1:6]]
    assert texts[0].startswith("МАЗМҰНЫ")
    contents = next(index for index, text in enumerate(texts) if "Хаттама № " not in text)
    assert contents >= 2
    total = len(reader.pages)
    assert total == 1 + contents + sum(_pages(p.pdf) for p in parts)
    first = [reader.get_destination_page_number(item) for item in reader.outline]
    assert len(first) == 60 and first[0] == 1 + contents
    assert first == _starts([p.pdf for p in parts], 1 + contents)
    last_contents = " ".join(reader.pages[contents].extract_text().split())
    assert f"60 Хаттама № 59 05.11.2025 {first[-1] + 1}" in last_contents
    assert f"{total} / {total}" in reader.pages[-1].extract_text()
    assert f"Беттер саны: {total}" in reader.pages[0].extract_text()


def test_the_file_name_is_in_the_archive_language() -> None:
    head = ArchiveHead("Мектеп", "Школа", "«Қазақ тілі» бірлестігі", "МО «Казахский язык»", "2025-2026", PINNED_DAY)
    assert archive_file_name(head, "kk") == "Құжаттар мұрағаты 2025-2026 «Қазақ тілі» бірлестігі.pdf"
    assert archive_file_name(head, "ru") == "Архив документов 2025-2026 МО «Казахский язык».pdf"


# ---- refusals --------------------------------------------------------------------------------------


@pytest.fixture
def demo(demo_database) -> Iterator[tuple[Database, int]]:
    db = demo_database()
    with db.reading() as session:
        year_id = years.current_year(session).id
    yield db, year_id
    db.close()


def _empty_association(db: Database, year_id: int) -> int:
    with db.transaction() as session:
        ours = next(o.id for o in organisations.list_organisations(session) if o.is_ours)
        return associations.save_association(
            session,
            associations.AssociationInput(
                kind="class_teachers",
                name_kk="Сынып жетекшілерінің әдістемелік бірлестігі",
                name_ru="Методическое объединение классных руководителей",
                year_id=year_id,
                organisation_id=ours,
            ),
        )


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Сынып жетекшілерінің әдістемелік бірлестігі: there are no documents of 2025-2026 to put in an archive"),
        ("ru", "Методическое объединение классных руководителей: за 2025-2026 учебный год нет документов для архива"),
        ("kk", "Сынып жетекшілерінің әдістемелік бірлестігі: 2025-2026 оқу жылында мұрағатқа енетін құжат жоқ"),
    ],
)
def test_an_association_without_documents_gets_a_sentence(demo, lang: str, sentence: str) -> None:
    db, year_id = demo
    empty = _empty_association(db, year_id)
    set_language(lang)
    try:
        with pytest.raises(DomainError) as caught:
            build_archive(db, empty, year_id, "kk")
    finally:
        set_language("en")
    assert str(caught.value).startswith(sentence)
    assert "\n" not in str(caught.value) and str(caught.value).endswith(".")


def test_a_wrong_association_or_year_gets_a_sentence(demo) -> None:
    db, year_id = demo
    with pytest.raises(DomainError, match=r"^There is no association with id 999\.$"):
        build_archive(db, 999, year_id, "kk")
    with pytest.raises(DomainError, match=r"^The academic year was not found\.$"):
        build_archive(db, 1, 999, "kk")


def test_in_another_year_the_association_is_its_counterpart_there(demo) -> None:
    db, year_id = demo
    with db.transaction() as session:
        other = years.save_year(
            session, years.YearInput(name="2026-2027", start_date=dt.date(2026, 9, 1), end_date=dt.date(2027, 5, 25))
        )
    with db.reading() as session:
        association_id = session.query(Association.id).filter(Association.year_id == year_id).first()[0]
    with pytest.raises(DomainError, match=rf"^The association {association_id} has no counterpart in 2026-2027\.$"):
        build_archive(db, association_id, other, "kk")


def test_progress_hears_of_each_document(built) -> None:
    heard = built["ru"].heard
    total = heard[0][1]
    assert total == len(built["ru"].titles) + 1
    assert [done for done, _, _ in heard] == list(range(total))
    assert heard[1][2] == "Writing “Протокол № 1 28.08.2025”…"
    assert heard[-1][2] == "Putting the archive together…"
