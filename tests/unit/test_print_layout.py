"""The printed page read back (pypdf, page by page) for every document of the
demo school in Kazakh and Russian, and for a generated long protocol and plan:
signatures never stand alone on a page, a table's header row is printed only
at the top of a page, observation sheets fit one page."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from demo_documents import build_all, fill
from pdf_pages import page_texts, signatures_only
from test_plan_documents import _activity
from test_plan_documents import sample as plan_sample
from test_protocol_pdf import sample as protocol_sample

from metodesk.domain.rows.protocol import PrintedDecision, PrintedItem
from metodesk.reports import build_protocol, plan_pdf

CUT_WORDS: list[str] = []  # paragraphs in which reportlab cut a word without a hyphen


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """name → page texts of every demo PDF (built once for the module), noting
    every paragraph where a word was cut without a hyphen."""
    from reportlab.platypus.paragraph import Paragraph

    from metodesk.services.setup import prepare_database

    original = Paragraph.breakLines

    def noting(self, width):
        result = original(self, width)
        if getattr(self, "_splitLongWordCount", 0):
            CUT_WORDS.append(self.text)
        return result

    folder = tmp_path_factory.mktemp("layout")
    db = prepare_database(folder / "metodesk.sqlite3")
    Paragraph.breakLines = noting
    try:
        fill(db)
        built = build_all(db)
    finally:
        Paragraph.breakLines = original
        db.close()
    return {name: page_texts(pdf) for name, pdf in built.items()}


def _lonely(pages: list[str]) -> list[int]:
    return [number for number, page in enumerate(pages, start=1) if signatures_only(page)]


def test_the_demo_prints_every_kind_of_document(documents: dict[str, list[str]]) -> None:
    kinds = {name.rsplit("-", 1)[0].split("-")[0] for name in documents}
    assert {"protocol", "attendance", "plan", "observation", "lessons", "mentoring", "attestation"} <= kinds
    assert sum(name.startswith("protocol-") for name in documents) == 28  # 14 in each language (5 of the council)


def test_no_page_holds_only_signatures(documents: dict[str, list[str]]) -> None:
    lonely = {name: _lonely(pages) for name, pages in documents.items() if _lonely(pages)}
    assert not lonely


def test_no_word_of_the_demo_is_cut_without_a_hyphen(documents: dict[str, list[str]]) -> None:
    assert documents and not CUT_WORDS


def test_observation_sheets_fit_one_page(documents: dict[str, list[str]]) -> None:
    sheets = {name: len(pages) for name, pages in documents.items() if name.startswith("observation-")}
    assert sheets and set(sheets.values()) == {1}, sheets


# a word of the header row that no cell of the body repeats
HEADER_WORDS = {
    "attestation-plan-kk": "Ескертпе",
    "attestation-plan-ru": "Примечание",
    "attestation-list-kk": "Ескертпе",
    "attestation-list-ru": "Примечание",
    "lessons-kk": "Өткізу түрі",
    "lessons-ru": "Форма",
}


def test_a_header_row_is_printed_at_most_once_per_page(documents: dict[str, list[str]]) -> None:
    for name, word in HEADER_WORDS.items():
        for number, page in enumerate(documents[name + ".pdf"], start=1):
            assert page.count(word) <= 1, (name, number)


def test_the_signatures_of_a_long_protocol_share_their_page() -> None:
    """Whatever the length, the end of the last decisions table goes with them."""
    for count in range(1, 30):
        decisions = tuple(
            PrintedDecision(f"1.{n}", "Шешім мәтіні, екі жолға созылатын ұзындықта жазылған сөйлем. " * 2,
                            "Бекова Ж.А.", None, "үнемі", False, None)
            for n in range(1, count + 1)
        )  # fmt: skip
        item = PrintedItem(1, "regular", "Мәселе", "Бекова Ж.А.", "Баяндама.", decisions=decisions)
        data = dataclasses.replace(protocol_sample(), items=(item,))
        pages = page_texts(build_protocol(data, "kk"))
        assert not _lonely(pages), count
        for number, page in enumerate(pages, start=1):
            assert page.count("Жауапты") <= 1, (count, number)  # the header only at the top of a page
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            assert lines[-2] not in ("ШЕШТІ:", "Жауапты", "Мерзімі"), (count, number)  # nor left at the foot


def test_a_plan_of_101_activities_repeats_its_header_only_at_page_tops() -> None:
    activities = tuple(
        _activity(n, content=("Әдістемелік іс-шара мазмұны " * (1 + n % 5)).strip()) for n in range(1, 102)
    )
    for lang, word in (("kk", "Мазмұны"), ("ru", "Содержание")):
        pages = page_texts(plan_pdf.build(plan_sample(activities=activities), lang))
        assert not _lonely(pages)
        table_pages = [page for page in pages if word in page]
        assert len(table_pages) >= 4
        assert all(page.count(word) == 1 for page in table_pages)


def test_a_long_table_breaks_each_cells_lines_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab measures a table's rows again on every page it splits and once
    more to draw them; a cell's lines are broken once (reports/base.CellParagraph),
    not once per page: 101 activities broke 4,000 times, now 1 per cell."""
    from reportlab.platypus.paragraph import Paragraph

    activities = tuple(_activity(n, content=f"Іс-шара {n} мазмұны") for n in range(1, 102))
    original, calls = Paragraph.breakLines, [0]

    def counting(self: Paragraph, width: object) -> object:
        calls[0] += 1
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    pages = page_texts(plan_pdf.build(plan_sample(activities=activities), "kk"))
    assert len(pages) >= 4
    assert any("Іс-шара 101 мазмұны" in page for page in pages)
    assert calls[0] < 12 * len(activities)  # a row's cells once each, and the few paragraphs outside tables


def test_a_district_association_prints_each_members_school(documents: dict[str, list[str]]) -> None:
    """Association 3 of the demo is the district one: members from three schools."""
    sheet = " ".join(documents["attendance-3-1-ru.pdf"]).replace("\n", " ")
    assert "Организация образования" in sheet and "Каратал" in sheet and "Жанатурмыс" in sheet
    protocol = " ".join(documents["protocol-3-1-kk.pdf"]).replace("\n", " ")
    assert "Қаратал ауылының негізгі орта мектебі — Иванова С.Н." in protocol
    school = " ".join(documents["attendance-1-1-kk.pdf"])
    assert "Білім беру ұйымы" not in school  # a school's own association: one school, no column


@pytest.mark.parametrize(("lang", "title"), [("kk", "меңгерушісі"), ("ru", "Заведующий районным")])
def test_a_district_plan_is_approved_by_the_district_cabinet(
    documents: dict[str, list[str]], lang: str, title: str
) -> None:
    first = documents[f"plan-3-{lang}.pdf"][0]
    assert title in first and "Сейітқали" not in first
    assert "Сейітқали" in documents[f"plan-1-{lang}.pdf"][0]  # a school's plan: its director


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_signatures_name_people_the_same_way(documents: dict[str, list[str]], lang: str) -> None:
    """'Б.Е. Сейітқали', never the full name, on every signature line."""
    for name in (f"attestation-plan-{lang}.pdf", f"attestation-list-{lang}.pdf", f"plan-1-{lang}.pdf"):
        text = " ".join(documents[name])
        assert "Б.Е. Сейітқали" in text and "Сейітқали Бауыржан" not in text, name
    assert "Г.С. Жақсылықова" in " ".join(documents[f"attestation-plan-{lang}.pdf"])


def test_the_kazakh_plan_title_is_in_the_genitive(documents: dict[str, list[str]]) -> None:
    first = " ".join(documents["plan-1-kk.pdf"][0].split())
    assert "әдістемелік бірлестігінің 2025-2026 оқу жылына арналған ЖҰМЫС ЖОСПАРЫ" in first
    russian = " ".join(documents["plan-1-ru.pdf"][0].split())
    assert "начальных классов ПЛАН РАБОТЫ" in russian or "ПЛАН РАБОТЫ" in russian


@pytest.mark.parametrize(("lang", "header"), [("kk", "Ұзақтығы, мин"), ("ru", "Длительность, мин")])
def test_the_mentoring_log_says_what_its_number_is(
    documents: dict[str, list[str]], lang: str, header: str
) -> None:
    text = " ".join(" ".join(documents[f"mentoring-report-1-{lang}.pdf"]).split())
    assert header.split(",")[0][:6] in text and "Минут " not in text


def test_open_lessons_and_mutual_visits_are_coded_forms(documents: dict[str, list[str]]) -> None:
    """A Kazakh association's plan printed in Russian says 'Открытый урок', not
    the Kazakh words typed as its own form."""
    pages = " ".join(documents["plan-1-ru.pdf"]).replace("-\n", "")  # hyphenated words joined
    russian = " ".join(pages.split())
    # the activity's content (as typed, in Kazakh), then its form in the document's language
    assert "ашық сабақ өткізу және талқылау Открытый урок" in russian
    assert "және талдау Взаимопосещение уроков" in russian
    kazakh = " ".join(" ".join(documents["plan-2-kk.pdf"]).split())
    assert "Ашық сабақ" in kazakh


def test_a_long_attestation_plan_keeps_year_headings_with_their_rows() -> None:
    """Five years of twelve teachers: the header row only at a page's top, a year's
    heading never the last line of a page, the signature never alone."""
    from metodesk.domain.rows.attestation import AttestationDocData, PlanYear, PrintedTeacher
    from metodesk.reports import attestation_plan

    def teacher(n: int) -> PrintedTeacher:
        subjects = ("Қазақ тілі", "Қазақ әдебиеті"), ("Казахский язык",)
        awarded, expiry = dt.date(2021, 5, 25), dt.date(2026, 5, 25)
        return PrintedTeacher(
            f"Тестова{n} Айгүл Маратқызы", "subject_teacher", *subjects,
            10 + n % 20, "moderator", awarded, "№ 82", expiry, "", "jan_may", False,
        )  # fmt: skip

    years = tuple(PlanYear(2025 + y, tuple(teacher(12 * y + n) for n in range(12))) for y in range(5))
    head = "Сейітқали Бауыржан Ерланұлы"
    data = AttestationDocData("Ақсу мектебі", "Школа Аксу", head, "", years, dt.date(2026, 2, 10))
    for lang, word, heading in (("kk", "Ескертпе", "оқу жылы"), ("ru", "Примечание", "учебный год")):
        pages = page_texts(attestation_plan.build_plan(data, lang))
        assert len(pages) >= 3 and not _lonely(pages)
        for number, page in enumerate(pages, start=1):
            assert page.count(word) <= 1, (lang, number)
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            assert not lines[-2].endswith(heading), (lang, number)  # the line before the page number
