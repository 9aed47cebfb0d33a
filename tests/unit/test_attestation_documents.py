"""The attestation documents: the perspective plan and the list of a year as
PDF in Kazakh and Russian (their text read back with pypdf, Kazakh letters
intact, every font embedded, landscape pages numbered, no "None"), and as
XLSX read back with openpyxl (headers in the chosen language, widths, the
frozen header row); and which teachers each year holds."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from metodesk.reports import attestation_plan, attestation_xlsx
from metodesk.services import attestation_cases, attestation_print, organisations
from metodesk.services.attestation_cases import CaseInput
from metodesk.services.demo_attestation import add_demo_attestation

TODAY = dt.date(2026, 2, 10)  # attestation year 2025-2026


@pytest.fixture
def school(demo_database):
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes
    with db.transaction() as s:
        add_demo_attestation(s, TODAY)
    yield db
    db.close()


@pytest.fixture
def plan(school):
    with school.reading() as s:
        return attestation_print.plan_data(s, 2025, 5, TODAY)


@pytest.fixture
def year_list(school):
    with school.reading() as s:
        return attestation_print.list_data(s, 2025, TODAY)


def pdf_text(content: bytes) -> str:
    """The pages' text on one line; a word broken after its hyphen or dash
    in a narrow column ('педагог-' / 'сарапшы') joined again."""
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return re.sub(r"(\w[-–]) (\w)", r"\1\2", text)


def surnames(year) -> list[str]:
    return sorted(t.full_name.split()[0] for t in year.teachers)


def test_the_plan_places_each_teacher_in_a_year(plan) -> None:
    assert [y.start for y in plan.years] == [2025, 2026, 2027, 2028, 2029]
    by_year = {y.start: surnames(y) for y in plan.years}
    assert by_year[2025] == ["Бекова", "Петренко", "Смағұлова", "Төлеуова"]  # Петренко: overdue
    assert by_year[2026] == ["Нұрғалиева"]
    assert "Қасымов" in by_year[2027]
    everyone = [name for names in by_year.values() for name in names]
    assert "Оразбекова" not in everyone and "Серікбаев" not in everyone  # no category; another school
    first = {t.full_name.split()[0]: t for t in plan.years[0].teachers}
    assert first["Петренко"].overdue and first["Петренко"].window == "jan_may"  # the next window not over
    assert first["Төлеуова"].target == "expert" and first["Төлеуова"].test_score == 78


def test_another_organisation_and_the_list(school, year_list) -> None:
    assert surnames(year_list.years[0]) == ["Бекова", "Петренко", "Смағұлова", "Төлеуова"]
    with school.reading() as s:
        karatal = next(o.id for o in organisations.list_organisations(s) if "Қаратал" in o.name_kk)
        other = attestation_print.list_data(s, 2025, TODAY, karatal)
        later = attestation_print.list_data(s, 2026, TODAY)
    assert surnames(other.years[0]) == ["Иванова", "Серікбаев"]
    assert surnames(later.years[0]) == ["Нұрғалиева"]  # the overdue stay in the current year's list


def test_an_early_case_moves_the_teacher_into_its_year(school) -> None:
    with school.transaction() as s:
        kasymov = next(
            t.teacher_id
            for t in attestation_print.attestation_rows(s, TODAY)
            if t.full_name.startswith("Қасымов")
        )
        attestation_cases.save_case(
            s,
            CaseInput(teacher_id=kasymov, year="2025-2026", target_category="moderator", basis="early"),
            today=TODAY,
        )
        data = attestation_print.plan_data(s, 2025, 5, TODAY)
    assert "Қасымов" in surnames(data.years[0]) and "Қасымов" not in surnames(data.years[2])


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "kk",
            [
                "БЕКІТЕМІН",
                "ПЕДАГОГТЕРДІ АТТЕСТАТТАУДЫҢ ПЕРСПЕКТИВАЛЫҚ ЖОСПАРЫ",
                "2025-2026 – 2029-2030 оқу жылдарына",
                "2026-2027 оқу жылы",
                "Смағұлова",
                "бірінші санат",
                "педагог-сарапшы",
                "мерзімі өтіп кеткен",
                "тамыз–желтоқсан 2026",
                "Аттестатталатын педагогтер жоқ",
                "1-бет / 2",
            ],
        ),
        (
            "ru",
            [
                "УТВЕРЖДАЮ",
                "ПЕРСПЕКТИВНЫЙ ПЛАН АТТЕСТАЦИИ ПЕДАГОГОВ",
                "на 2025-2026 – 2029-2030 учебные годы",
                "2026-2027 учебный год",
                "Смағұлова",
                "первая категория",
                "педагог-эксперт",
                "срок истёк",
                "стр. 1 из 2",
            ],
        ),
    ],
)
def test_plan_pdf_in_both_languages(plan, lang: str, words: list[str]) -> None:
    content = attestation_plan.build_plan(plan, lang)
    text = pdf_text(content)
    for word in words:
        assert word in text, word
    assert "None" not in text
    reader = PdfReader(io.BytesIO(content))
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    assert reader.metadata.title.startswith("Педагогтерді" if lang == "kk" else "Перспективный")


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "kk",
            [
                "2025-2026 ОҚУ ЖЫЛЫНДА АТТЕСТАТТАЛАТЫН ПЕДАГОГТЕР ТІЗІМІ",
                "ПББ нәтижесі",
                "78",
                "Төлеуова",
                "қаңтар–",
            ],
        ),
        (
            "ru",
            [
                "СПИСОК ПЕДАГОГОВ, ПОДЛЕЖАЩИХ АТТЕСТАЦИИ В 2025-2026 УЧЕБНОМ ГОДУ",
                "Результат ОЗП",
                "высшая категория",
            ],
        ),
    ],
)
def test_list_pdf_in_both_languages(year_list, lang: str, words: list[str]) -> None:
    text = pdf_text(attestation_plan.build_list(year_list, lang))
    for word in words:
        assert word in text, word
    assert "None" not in text


def test_every_font_is_embedded(plan) -> None:
    reader = PdfReader(io.BytesIO(attestation_plan.build_plan(plan, "kk")))
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts.append(str(font["/BaseFont"]))
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font[
                "/BaseFont"
            ]
    assert fonts and all("DejaVu" in name for name in fonts)


def test_an_empty_year_prints_a_sentence_not_a_blank(school) -> None:
    with school.reading() as s:
        far = attestation_print.list_data(s, 2034, TODAY)
    assert far.years[0].teachers == ()
    assert "Педагогов, подлежащих аттестации, нет." in pdf_text(attestation_plan.build_list(far, "ru"))


HEADER = 10  # the approval block, organisation and title come first


def test_plan_xlsx_read_back(plan) -> None:
    book = load_workbook(io.BytesIO(attestation_xlsx.build_plan(plan, "kk")))
    sheet = book.active
    assert sheet.title == "Жоспар"
    assert sheet.freeze_panes == f"A{HEADER + 1}"
    headers = [c.value for c in sheet[HEADER]]
    assert headers[:3] == ["Оқу жылы", "№", "Педагогтің аты-жөні"] and headers[-1] == "Ескерту"
    assert "Берілген күні" in headers and "Бұйрық №" in headers
    assert all(sheet.cell(HEADER, i + 1).font.bold for i in range(len(headers)))
    rows = list(sheet.iter_rows(min_row=HEADER + 1, values_only=True))
    assert [r[1] for r in rows] == list(range(1, len(rows) + 1))
    petrenko = next(r for r in rows if r[2].startswith("Петренко"))
    assert (
        petrenko[0] == "2025-2026" and petrenko[6] == "жоғары санат" and petrenko[-1] == "мерзімі өтіп кеткен"
    )
    assert isinstance(petrenko[5], int)  # experience, a number
    assert {r[0] for r in rows} >= {"2025-2026", "2026-2027"}
    assert not any(value == "None" for r in rows for value in r)
    assert book.properties.title.startswith("Педагогтерді аттестаттаудың")


def test_xlsx_dates_are_date_cells_and_the_order_number_has_its_column(plan) -> None:
    sheet = load_workbook(io.BytesIO(attestation_xlsx.build_plan(plan, "ru"))).active
    headers = [c.value for c in sheet[HEADER]]
    awarded, order, expiry = (headers.index(h) + 1 for h in ("Дата присвоения", "№ приказа", "Срок действия"))
    rows = range(HEADER + 1, sheet.max_row + 1)
    petrenko = next(r for r in rows if sheet.cell(r, 3).value.startswith("Петренко"))
    award_cell = sheet.cell(petrenko, awarded)
    assert award_cell.is_date and isinstance(award_cell.value, dt.datetime)
    assert award_cell.number_format == "DD.MM.YYYY" and sheet.cell(petrenko, expiry).is_date
    assert sheet.cell(petrenko, order).value.isdigit()  # "131", without "№" (the header says it)


def test_xlsx_prints_on_landscape_pages_with_its_header(plan) -> None:
    sheet = load_workbook(io.BytesIO(attestation_xlsx.build_plan(plan, "ru"))).active
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.print_title_rows == f"${HEADER}:${HEADER}"
    assert sheet.auto_filter.ref.startswith(f"A{HEADER}:")
    assert sheet[f"A{HEADER + 1}"].border.left.style == "thin"
    texts = [c.value for row in sheet.iter_rows(max_row=HEADER - 1) for c in row if c.value]
    assert "УТВЕРЖДАЮ" in texts and "ПЕРСПЕКТИВНЫЙ ПЛАН АТТЕСТАЦИИ ПЕДАГОГОВ" in texts
    assert any(t.endswith("Б.Е. Сейітқали") for t in texts)  # the director signs as "Б.Е. Сейітқали"


def test_list_xlsx_read_back_in_russian(year_list) -> None:
    sheet = load_workbook(io.BytesIO(attestation_xlsx.build_list(year_list, "ru"))).active
    headers = [c.value for c in sheet[HEADER]]
    assert sheet.title == "Список" and sheet.freeze_panes == f"A{HEADER + 1}"
    assert "Результат ОЗП" in headers and "Имеющаяся категория" in headers
    rows = sheet.iter_rows(min_row=HEADER + 1, values_only=True)
    toleuova = next(r for r in rows if r[2].startswith("Төлеуова"))
    assert toleuova[headers.index("Заявляемая категория")] == "педагог-эксперт"
    assert toleuova[headers.index("Результат ОЗП")].startswith("78 %")


def test_wrong_language_is_a_programming_error(plan) -> None:
    with pytest.raises(ValueError):
        attestation_plan.build_plan(plan, "en")
    with pytest.raises(ValueError):
        attestation_xlsx.build_plan(plan, "en")
