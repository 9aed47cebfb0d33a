"""Official dates in Kazakh and Russian: the forms of docs/domain/glossary.md, protocol
references, blank date lines, and agreement with babel's (CLDR's) month names."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date

from metodesk.i18n.dates import (
    KK_MONTHS,
    RU_MONTHS_GENITIVE,
    RU_MONTHS_NOMINATIVE,
    blank_date_line,
    month_name,
    official_date,
    official_date_dated,
    parse_short_date,
    protocol_reference,
    short_date,
)

# docs/domain/glossary.md, 'Kazakh month forms', copied row by row:
# nominative | "dated …" | "from …" | "to …" | short
GLOSSARY_KK_MONTHS = """
қаңтар | қаңтардағы | қаңтардан | қаңтарға | қаң.
ақпан | ақпандағы | ақпаннан | ақпанға | ақп.
наурыз | наурыздағы | наурыздан | наурызға | нау.
сәуір | сәуірдегі | сәуірден | сәуірге | сәу.
мамыр | мамырдағы | мамырдан | мамырға | мам.
маусым | маусымдағы | маусымнан | маусымға | мау.
шілде | шілдедегі | шілдеден | шілдеге | шіл.
тамыз | тамыздағы | тамыздан | тамызға | там.
қыркүйек | қыркүйектегі | қыркүйектен | қыркүйекке | қыр.
қазан | қазандағы | қазаннан | қазанға | қаз.
қараша | қарашадағы | қарашадан | қарашаға | қар.
желтоқсан | желтоқсандағы | желтоқсаннан | желтоқсанға | жел.
"""
GLOSSARY_ROWS = [
    tuple(cell.strip() for cell in line.split("|")) for line in GLOSSARY_KK_MONTHS.strip().splitlines()
]
RU_GENITIVE = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
MONTHS = range(1, 13)


def test_glossary_copy_is_complete() -> None:
    assert len(GLOSSARY_ROWS) == 12 and all(len(row) == 5 for row in GLOSSARY_ROWS)


# --- the examples the documents give ------------------------------------------


def test_official_date_kazakh() -> None:
    assert official_date(dt.date(2025, 8, 28), "kk") == "2025 жылғы 28 тамыз"
    assert official_date(dt.date(2023, 8, 10), "kk") == "2023 жылғы 10 тамыз"


def test_official_date_russian() -> None:
    assert official_date(dt.date(2025, 8, 28), "ru") == "28 августа 2025 г."
    assert official_date(dt.date(2023, 8, 10), "ru") == "10 августа 2023 г."


def test_official_date_english() -> None:
    assert official_date(dt.date(2025, 8, 28), "en") == "28 August 2025"


def test_day_is_not_zero_padded() -> None:
    assert official_date(dt.date(2026, 1, 5), "kk") == "2026 жылғы 5 қаңтар"
    assert official_date(dt.date(2026, 1, 5), "ru") == "5 января 2026 г."


def test_dated_form_of_the_order() -> None:
    # docs/domain/glossary.md, 'Official dates': "2023 жылғы 10 тамыздағы № 253 бұйрық"
    assert f"{official_date_dated(dt.date(2023, 8, 10), 'kk')} № 253 бұйрық" == (
        "2023 жылғы 10 тамыздағы № 253 бұйрық"
    )
    assert official_date_dated(dt.date(2025, 8, 28), "ru") == "от 28 августа 2025 г."


# --- every month against the glossary -----------------------------------------


def test_month_table_equals_glossary() -> None:
    assert [tuple(row) for row in KK_MONTHS] == GLOSSARY_ROWS


@pytest.mark.parametrize("month", MONTHS)
def test_kazakh_official_date_every_month(month: int) -> None:
    nominative = GLOSSARY_ROWS[month - 1][0]
    assert official_date(dt.date(2025, month, 14), "kk") == f"2025 жылғы 14 {nominative}"


@pytest.mark.parametrize("month", MONTHS)
def test_kazakh_dated_form_every_month(month: int) -> None:
    dated = GLOSSARY_ROWS[month - 1][1]
    assert official_date_dated(dt.date(2026, month, 3), "kk") == f"2026 жылғы 3 {dated}"


@pytest.mark.parametrize("month", MONTHS)
def test_russian_forms_every_month(month: int) -> None:
    genitive = RU_GENITIVE[month - 1]
    day = dt.date(2025, month, 21)
    assert official_date(day, "ru") == f"21 {genitive} 2025 г."
    assert official_date_dated(day, "ru") == f"от 21 {genitive} 2025 г."


@pytest.mark.parametrize("month", MONTHS)
def test_month_name_is_nominative(month: int) -> None:
    assert month_name(month, "kk") == GLOSSARY_ROWS[month - 1][0]
    assert month_name(month, "ru") == RU_MONTHS_NOMINATIVE[month - 1]
    assert month_name(month, "en") == format_date(dt.date(2025, month, 1), "LLLL", locale="en")


# --- agreement with babel (CLDR) ----------------------------------------------


@pytest.mark.parametrize("month", MONTHS)
def test_kazakh_nominative_agrees_with_babel(month: int) -> None:
    day = dt.date(2025, month, 28)
    assert format_date(day, "d MMMM", locale="kk") == f"28 {KK_MONTHS[month - 1][0]}"
    assert format_date(day, "y 'жылғы' d MMMM", locale="kk") == official_date(day, "kk")


@pytest.mark.parametrize("month", MONTHS)
def test_russian_months_agree_with_babel(month: int) -> None:
    day = dt.date(2025, month, 28)
    assert format_date(day, "d MMMM", locale="ru") == f"28 {RU_MONTHS_GENITIVE[month - 1]}"
    assert format_date(day, "LLLL", locale="ru") == RU_MONTHS_NOMINATIVE[month - 1]


# --- protocol references and blank lines ---------------------------------------


def test_protocol_reference_kazakh() -> None:
    # docs/domain/order-253.md, 'Approval chain': "Қаралды: ӘБ отырысында, № 1 хаттама, date"
    assert protocol_reference(1, dt.date(2025, 8, 28), "kk") == "№ 1 хаттама, 2025 жылғы 28 тамыз"


def test_protocol_reference_russian() -> None:
    # docs/domain/glossary.md, 'Official dates': "протокол № 1 от 28 августа 2025 г."
    assert protocol_reference(1, dt.date(2025, 8, 28), "ru") == "протокол № 1 от 28 августа 2025 г."


def test_protocol_reference_accepts_text_numbers() -> None:
    assert protocol_reference("3а", dt.date(2026, 1, 9), "ru") == "протокол № 3а от 9 января 2026 г."
    assert protocol_reference(2, dt.date(2026, 1, 9), "en") == "protocol No. 2 of 9 January 2026"


def test_blank_date_line() -> None:
    # docs/domain/glossary.md, 'Official dates': «___» ________ 20__ ж. / «___» ______ 20__ г.
    assert blank_date_line("kk") == "«___» __________ 20__ ж."
    assert blank_date_line("ru") == "«___» __________ 20__ г."
    assert blank_date_line("kk", 2025) == "«___» __________ 2025 ж."
    assert blank_date_line("ru", 2026) == "«___» __________ 2026 г."
    assert blank_date_line("en", 2025) == "«___» __________ 2025"


# --- short dates ----------------------------------------------------------------


def test_short_date() -> None:
    assert short_date(dt.date(2025, 8, 3)) == "03.08.2025"
    assert short_date(None) == ""


@pytest.mark.parametrize("text", ["28.08.2025", "2025-08-28", "  28.08.2025 "])
def test_parse_short_date(text: str) -> None:
    assert parse_short_date(text) == dt.date(2025, 8, 28)


def test_parse_short_date_empty_and_wrong() -> None:
    assert parse_short_date("") is None
    assert parse_short_date("   ") is None
    for wrong in ("31.02.2025", "28/08/2025", "завтра", "2025"):
        with pytest.raises(ValueError):
            parse_short_date(wrong)


def test_short_date_round_trip() -> None:
    day = dt.date(2024, 2, 29)
    assert parse_short_date(short_date(day)) == day
