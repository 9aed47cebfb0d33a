"""The protocol and attendance-sheet PDFs: Kazakh and Russian words and letters
in the text, every font embedded, page numbers and metadata, huge meetings,
empty fields printed as lines to fill (never "None"), reportlab loaded lazily."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from metodesk.domain.rows.protocol import (
    PrintedAbsence,
    PrintedDecision,
    PrintedDocument,
    PrintedGuest,
    PrintedItem,
    PrintedPerson,
    PrintedReview,
    PrintedSpeech,
    ProtocolData,
)
from metodesk.reports import build_attendance_sheet, build_protocol

ROOT = Path(__file__).resolve().parents[2]
KAZAKH_LETTERS = "әғқңөұүһі"
KK_LABELS = (
    "№ 3 ХАТТАМА",
    "Өтетін орны:",
    "Төраға:",
    "Хатшы:",
    "Қатысқандар:",
    "Қатыспағандар:",
    "Шақырылғандар:",
    "КҮН ТӘРТІБІ:",
    "ТЫҢДАЛДЫ:",
    "СӨЙЛЕГЕНДЕР:",
    "ШЕШТІ:",
    "Шешім",
    "Жауапты",
    "Мерзімі",
    "(қолы)",
    "2025 жылғы 5 қараша",
    "1-бет / ",
)
RU_LABELS = (
    "ПРОТОКОЛ № 3",
    "Место проведения:",
    "Председатель:",
    "Секретарь:",
    "Присутствовали:",
    "Отсутствовали:",
    "Приглашённые:",
    "ПОВЕСТКА ДНЯ:",
    "СЛУШАЛИ:",
    "ВЫСТУПИЛИ:",
    "РЕШИЛИ (ПОСТАНОВИЛИ):",
    "Решение",
    "Ответственный",
    "Срок",
    "(подпись)",
    "5 ноября 2025 г.",
    "стр. 1 из ",
)


def person(surname: str, first: str, patronymic: str) -> PrintedPerson:
    return PrintedPerson(
        f"{surname} {first} {patronymic}",
        f"{surname} {first[0]}.{patronymic[0]}.",
        f"{first[0]}.{patronymic[0]}. {surname}",
    )


CHAIR = person("Нұрғалиева", "Әсел", "Бауыржанқызы")
SECRETARY = person("Ибраев", "Ілияс", "Қанатұлы")
GAUHAR = person("Өмірбекова", "Гауһар", "Ұланқызы")
DAY = dt.date(2025, 11, 5)


def sample(**changes) -> ProtocolData:
    """A held meeting with every part of a protocol filled in."""
    review = PrintedItem(
        number=1,
        kind="review",
        title="",
        speaker=CHAIR.short_name,
        summary="Алдыңғы отырыс шешімдерінің орындалуы туралы ақпарат берді.",
        reviewed=(
            PrintedReview(
                1, dt.date(2025, 8, 28), "1.1", "Жоспар бекітілсін.", CHAIR.short_name, None, "", True, DAY
            ),
            PrintedReview(
                1,
                dt.date(2025, 8, 28),
                "2.1",
                "Олимпиада тапсырмалары дайындалсын.",
                "",
                dt.date(2025, 10, 20),
                "",
                False,
                None,
            ),
        ),
        decisions=(
            PrintedDecision(
                "1.1", "Орындалғандары бақылаудан алынсын.", CHAIR.short_name, None, "үнемі", False, None
            ),
        ),
    )
    lesson = PrintedItem(
        number=2,
        kind="regular",
        title="Күнтізбелік-тақырыптық жоспарларды қарау туралы",
        speaker=GAUHAR.short_name,
        summary="Жоспарлар үлгілік оқу бағдарламаларына сәйкес.\nСағат саны оқу жоспарымен сәйкес келеді.",
        speeches=(
            PrintedSpeech(
                "Жақсылықова Г.С., директордың орынбасары",
                "Шаһар мектептерінің тәжірибесін пайдаланып, бекітуге ұсынды.",
            ),
        ),
        decisions=(
            PrintedDecision(
                "2.1",
                "Жоспарлар бекітуге ұсынылсын.",
                CHAIR.short_name,
                dt.date(2025, 11, 20),
                "",
                False,
                None,
            ),
            PrintedDecision("2.2", "Ұңғыма & <тексеру>", "ӘБ мүшелері", None, "", False, None),
        ),
        documents=(PrintedDocument("calendar_plan", "Қазақ тілі, 5-сынып", GAUHAR.short_name),),
    )
    data = ProtocolData(
        organisation_kk="Ақсу ауылының жалпы орта білім беретін мектебі",
        organisation_ru="Общеобразовательная школа села Аксу",
        association_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
        association_ru="МО учителей казахского языка",
        year_name="2025-2026",
        number=3,
        date=DAY,
        place="12-кабинет",
        held=True,
        chair=CHAIR,
        secretary=SECRETARY,
        members=(CHAIR, SECRETARY, GAUHAR),
        present=(CHAIR, SECRETARY),
        absent=(PrintedAbsence(GAUHAR, "ауруына байланысты"),),
        attendance_marked=True,
        guests=(PrintedGuest("Жақсылықова Гүлнар Серікқызы", "директордың орынбасары", ""),),
        items=(review, lesson),
    )
    return dataclasses.replace(data, **changes)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces as one space."""
    return re.sub(r"\s+", " ", text)


def assert_fonts_embedded(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            assert "/FontDescriptor" in font, f"{font['/BaseFont']} is not embedded"
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert seen and not any("Helvetica" in name for name in seen), seen


@pytest.mark.parametrize(("lang", "labels"), [("kk", KK_LABELS), ("ru", RU_LABELS)])
def test_protocol_prints_its_labels(lang: str, labels: tuple[str, ...]) -> None:
    text = flat(pdf_text(build_protocol(sample(), lang)))
    for label in labels:
        assert label in text, label
    if lang == "kk":
        for letter in KAZAKH_LETTERS:
            assert letter in text, letter
    assert "None" not in text
    assert "Ұңғыма & <тексеру>" in text  # markup in user text is printed, not interpreted
    assert ("орындалды, 05.11.2025" if lang == "kk" else "выполнено, 05.11.2025") in text
    assert ("орындалмады" if lang == "kk" else "не выполнено") in text  # 2.1 was due on 20.10
    assert "Ә.Б. Нұрғалиева" in text and "І.Қ. Ибраев" in text  # signature lines


def test_russian_protocol_uses_the_russian_names_and_forms() -> None:
    text = pdf_text(build_protocol(sample(), "ru"))
    assert "Общеобразовательная школа села Аксу" in text
    assert "МО учителей казахского языка" in text
    assert "2 человека" in text and "1 человек" in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_font_is_embedded_and_metadata_is_set(lang: str) -> None:
    pdf = build_protocol(sample(), lang)
    assert_fonts_embedded(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == {"kk": "kk-KZ", "ru": "ru-RU"}[lang]
    assert reader.metadata.title.startswith({"kk": "№ 3 хаттама", "ru": "Протокол № 3"}[lang])
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_sees_only_embedded_fonts(tmp_path: Path) -> None:
    for name, pdf in (
        ("p.pdf", build_protocol(sample(), "kk")),
        ("a.pdf", build_attendance_sheet(sample(), "ru")),
    ):
        (tmp_path / name).write_bytes(pdf)
        rows = subprocess.run(["pdffonts", str(tmp_path / name)], capture_output=True, text=True, check=True)
        lines = rows.stdout.splitlines()[2:]
        assert lines
        for line in lines:
            assert "DejaVu" in line and line.split()[-5] == "yes", line  # the "emb" column


def test_a_huge_meeting_prints_on_numbered_pages() -> None:
    summary = ("Оқушылардың функционалдық сауаттылығын дамыту жұмыстары талданды. " * 80)[:5000]
    assert len(summary) == 5000
    items = tuple(
        PrintedItem(
            number=n,
            kind="regular",
            title=f"Күн тәртібінің {n}-мәселесі: " + "ұзақ атау " * 20,
            speaker=CHAIR.short_name,
            summary=summary if n == 1 else "Қысқаша мазмұн.",
            speeches=(PrintedSpeech(SECRETARY.short_name, "Қолдады. " * 30),),
            decisions=tuple(
                PrintedDecision(f"{n}.{d}", "Шешім мәтіні. " * 25, GAUHAR.short_name, DAY, "", False, None)
                for d in (1, 2, 3)
            ),
        )
        for n in range(1, 41)
    )
    pdf = build_protocol(sample(items=items), "kk")
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages > 10
    text = pdf_text(pdf)
    assert f"{pages}-бет / {pages}" in text
    assert "40.3" in text and "40. Күн тәртібінің 40-мәселесі" in text
    assert flat(text).count("функционалдық сауаттылығын") >= 70  # the whole summary, split across pages
    assert "None" not in text
    assert_fonts_embedded(pdf)


def test_one_huge_decision_splits_inside_its_table_row() -> None:
    decision = PrintedDecision("1.1", "Өте ұзақ шешім. " * 400, "", None, "", False, None)
    item = PrintedItem(1, "regular", "Мәселе", "", "", decisions=(decision,))
    pdf = build_protocol(sample(items=(item,)), "ru")
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 2
    # the row starts on a fresh page and is cut only there; one sentence may straddle each break
    assert flat(pdf_text(pdf)).count("Өте ұзақ шешім.") >= 400 - (pages - 1)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_empty_fields_print_as_lines_to_fill(lang: str) -> None:
    blank = sample(
        place="",
        held=False,
        chair=None,
        secretary=None,
        present=(),
        absent=(),
        attendance_marked=False,
        guests=(),
        items=(PrintedItem(1, "regular", "", "", ""),),
    )
    text = pdf_text(build_protocol(blank, lang))
    assert "None" not in text
    assert "____" in text
    words = KK_LABELS if lang == "kk" else RU_LABELS
    for label in words[1:11]:
        assert label in text, label
    empty = pdf_text(build_protocol(sample(items=(), chair=None), lang))
    assert "None" not in empty and "1. ____" in empty


def test_attendance_sheet_lists_members_and_guests() -> None:
    text = pdf_text(build_attendance_sheet(sample(), "kk"))
    for needed in ("ҚАТЫСУ ПАРАҒЫ", "Тегі, аты, әкесінің аты", "Қолы", "№ 3 хаттама", "2025 жылғы 5 қараша"):
        assert needed in text, needed
    assert text.index("Ибраев Ілияс") < text.index("Нұрғалиева Әсел") < text.index("Өмірбекова Гауһар")
    assert "Жақсылықова Гүлнар Серікқызы" in text and "Шақырылғандар" in text
    assert "None" not in text
    russian = pdf_text(build_attendance_sheet(sample(secretary=None, guests=()), "ru"))
    for needed in (
        "ЛИСТ РЕГИСТРАЦИИ",
        "Фамилия, имя, отчество",
        "Подпись",
        "протокол № 3 от 5 ноября 2025 г.",
    ):
        assert needed in russian, needed
    assert "None" not in russian and "Приглашённые" not in russian


def test_documents_are_printed_in_kk_or_ru_only() -> None:
    with pytest.raises(ValueError):
        build_protocol(sample(), "en")
    with pytest.raises(ValueError):
        build_attendance_sheet(sample(), "de")


def test_reports_package_does_not_load_reportlab_until_used() -> None:
    code = (
        "import json, sys\n"
        "import metodesk.reports, metodesk.services.protocol_rows, metodesk.cli.meetings\n"
        "print(json.dumps('reportlab' in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip()) is False
