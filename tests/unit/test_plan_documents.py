"""The printed plan: PDF text in Kazakh and Russian (approval, review and
agreement blocks, sections, the activities table on landscape pages with its
header repeated, the meetings' schedule), every font embedded, metadata,
blanks instead of "None"; the Word document read back with python-docx; the
shared wording (dates, months, titles)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pypdf import PdfReader

from metodesk.domain.plan_forms import activity_when, head_title, months_text, signature_name
from metodesk.domain.rows.plan import PlanData, PrintedActivity, ScheduledMeeting, ScheduledTopic
from metodesk.reports import plan_docx, plan_pdf, plan_text

KAZAKH_LETTERS = "әғқңөұүһі"


def _activity(n: int, **values) -> PrintedActivity:
    base = {
        "number": n,
        "content": f"Шеберлік сынып өткізу, {n}-іс-шара",
        "form": "master_class",
        "form_text": "",
        "direction": "best_practice",
        "start_date": dt.date(2025, 10, 1),
        "end_date": None,
        "months": (),
        "responsible": ("Нұрғалиева Ә.Б.",),
        "responsible_text": "",
        "expected": "Тәжірибе таратылды",
        "status": "planned",
    }
    base.update(values)
    return PrintedActivity(**base)


def sample(approved: bool = True, count: int = 3, **values) -> PlanData:
    activities = [_activity(n) for n in range(1, count + 1)]
    activities[0] = _activity(1, status="done", meeting_number=1, form="association_meeting")
    if count > 1:
        activities[1] = _activity(
            2, form="", form_text="Ашық сабақ", direction="", start_date=None, months=(9, 10, 11),
            responsible=(), responsible_text="ӘБ мүшелері", expected="", status="moved", status_note="сәуірге",
            carried_over=True,
        )  # fmt: skip
    data = {
        "organisation_kk": "Ақсу ауылының мектебі",
        "organisation_ru": "Школа села Аксу",
        "organisation_kind": "school",
        "association_kk": "«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
        "association_ru": "МО учителей казахского языка",
        "association_kind": "subject",
        "year_name": "2025-2026",
        "status": "approved" if approved else "draft",
        "analysis": "Өткен жылы бірлестік бес отырыс өткізді, Гауһар Әбенова ашық сабақ берді.\nБілім сапасы 58,4 % болды.",
        "theme": "Функционалдық сауаттылықты дамыту",
        "goal": "Білім сапасын арттыру",
        "tasks": ("Бағдарламаларды меңгеру", "Тәжірибе тарату"),
        "activities": tuple(activities),
        "meetings": (
            ScheduledMeeting(
                1, 1, dt.date(2025, 8, 28), True, (ScheduledTopic("regular", "Жоспарды қарау туралы"),)
            ),
            ScheduledMeeting(2, 2, dt.date(2025, 11, 5), False, (ScheduledTopic("review", ""),)),
        ),
        "review_number": 1 if approved else None,
        "review_date": dt.date(2025, 8, 28) if approved else None,
        "approved_name": "Сейітқали Бауыржан Ерланұлы" if approved else "",
        "approved_title": "Мектеп директоры" if approved else "",
        "approved_on": dt.date(2025, 8, 29) if approved else None,
        "head_name": "Сейітқали Бауыржан Ерланұлы",
        "head_title": "Мектеп директоры",
        "deputy_name": "Жақсылықова Гүлнар Серікқызы",
        "leader": "Нұрғалиева Әсел Бауыржанқызы",
    }
    data.update(values)
    return PlanData(**data)


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _flat(text: str) -> str:
    """Extracted text with line breaks and the no-break spaces made plain spaces
    (a line broken after a dash joined again)."""
    return re.sub(r"\s+", " ", re.sub(r"–\n\s*", "–", text.replace("\u00a0", " ")))


def test_kazakh_pdf_has_the_blocks_sections_table_and_schedule() -> None:
    pages = _pages(plan_pdf.build(sample(), "kk"))
    text = _flat("\n".join(pages))
    for words in (
        "БЕКІТЕМІН", "Мектеп директоры", "Б.Е. Сейітқали", "«29» тамыз 2025 ж.",
        "Қаралды", "ӘБ отырысында", "№ 1 хаттама", "2025 жылғы 28 тамыз",
        "ЖҰМЫС ЖОСПАРЫ", "2025-2026 оқу жылына арналған", "Өткен оқу жылының талдауы", "58,4 %",
        "Әдістемелік тақырып: Функционалдық сауаттылықты дамыту", "Мақсаты:", "1. Бағдарламаларды меңгеру",
        "Іс-шаралар жоспары", "Өткізу түрі", "Күтілетін нәтиже", "Шеберлік сынып", "ӘБ отырысы",
        "орындалды, № 1 хаттама", "ауыстырылды (сәуірге)", "(өткен жылдан ауыстырылды)", "қыркүйек–қараша",
        "Үздік, жаңашыл тәжірибені пайдалану", "01.10.2025",
        "Әдістемелік бірлестік отырыстарының кестесі", "Жоспарды қарау туралы",
        "Алдыңғы отырыс шешімдерінің орындалуы туралы", "өткізілді", "жоспарланған",
        "ӘБ жетекшісі:", "Ә.Б. Нұрғалиева", "1-бет /",
    ):  # fmt: skip
        assert words in text, words
    assert all(letter in text for letter in KAZAKH_LETTERS)
    assert "None" not in text and "Келісілді" not in text  # approved without an agreement


def test_russian_pdf_prints_the_russian_words() -> None:
    data = sample(agreed_name="Жақсылықова Г.С.", agreed_on=dt.date(2025, 8, 29))
    text = _flat("\n".join(_pages(plan_pdf.build(data, "ru"))))
    for words in (
        "УТВЕРЖДАЮ", "Директор школы", "«29» августа 2025 г.", "Рассмотрено", "на заседании МО",
        "протокол № 1", "от 28 августа 2025 г.", "Согласовано", "Заместитель директора по учебной работе",
        "Г.С. Жақсылықова", "ПЛАН РАБОТЫ", "на 2025-2026 учебный год", "Анализ работы за прошлый учебный год",
        "Методическая тема:", "Задачи:", "План мероприятий", "Форма проведения", "Ответственные",
        "Мастер-класс", "Заседание МО", "выполнено, протокол № 1", "перенесено (сәуірге)", "сентябрь–ноябрь",
        "График заседаний методического объединения", "О выполнении решений предыдущего заседания",
        "Руководитель МО:", "стр. 1 из",
    ):  # fmt: skip
        assert words in text, words
    assert "None" not in text and "БЕКІТЕМІН" not in text


def test_a_plan_not_yet_approved_prints_lines_to_fill() -> None:
    data = sample(approved=False, leader="", tasks=(), analysis="", goal="")
    for lang, blank_date, protocol, agreed in (
        ("kk", "«___» __________ 20__ ж.", "№ ___ хаттама", "Келісілді"),
        ("ru", "«___» __________ 20__ г.", "протокол № ___", "Согласовано"),
    ):
        text = _flat("\n".join(_pages(plan_pdf.build(data, lang))))
        assert blank_date in text and protocol in text and agreed in text
        assert "Б.Е. Сейітқали" in text and "Г.С. Жақсылықова" in text  # who will sign
        assert "None" not in text and plan_text.BLANK_NAME in text  # the leader's name to write


def test_landscape_table_repeats_its_header_and_fonts_are_embedded() -> None:
    pdf = plan_pdf.build(sample(count=60), "kk")
    reader = PdfReader(io.BytesIO(pdf))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes[0] == (595, 842) and len(sizes) >= 4
    assert all(size == (842, 595) for size in sizes[1:])  # the table and schedule: landscape A4
    texts = _pages(pdf)
    assert all("Мазмұны" in t and "Жауапты" in t for t in texts[1:])  # header row on every page
    assert all(f"{n}-бет / {len(texts)}" in _flat(t) for n, t in enumerate(texts, start=1))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert seen and not any("Helvetica" in name for name in seen), seen
    assert reader.trailer["/Root"]["/Lang"] == "kk-KZ"
    assert (
        reader.metadata.title
        == "«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі: 2025-2026 оқу жылына арналған жұмыс жоспары"
    )


def test_long_hyphenated_words_break_at_the_hyphen() -> None:
    data = sample(activities=(_activity(1, form="instructive_meeting"),))
    text = "\n".join(_pages(plan_pdf.build(data, "kk")))
    assert "Нұсқаулық-\nәдістемелік" in text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        plan_pdf.build(sample(), "en")
    with pytest.raises(ValueError):
        plan_docx.build(sample(), "de")


def _docx(data: PlanData, lang: str):
    return Document(io.BytesIO(plan_docx.build(data, lang)))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_docx_activities_table_reads_back(lang: str) -> None:
    data = sample(count=4)
    doc = _docx(data, lang)
    headers = plan_text.headers(plan_text.ACTIVITY_COLUMNS, lang)
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == headers)
    assert len(table.rows) == 1 + 4
    assert [c.text for c in table.rows[3].cells] == plan_text.activity_cells(data.activities[2], lang)
    first = [c.text for c in table.rows[1].cells]
    assert first[0] == "1" and first[7] == (
        "орындалды, № 1 хаттама" if lang == "kk" else "выполнено, протокол № 1"
    )
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    assert table.style.name == "Table Grid"
    widths = [round(c.width.mm) for c in table.rows[2].cells]
    assert widths == list(plan_docx.ACTIVITY_WIDTHS)


def test_docx_has_the_approval_block_sections_and_metadata() -> None:
    doc = _docx(sample(), "kk")
    blocks = doc.tables[0].rows[0].cells
    assert blocks[0].paragraphs[0].text == "Қаралды"
    assert [p.text for p in blocks[4].paragraphs][:2] == ["БЕКІТЕМІН", "Мектеп директоры"]
    assert "Б.Е.\u00a0Сейітқали" in blocks[4].text and "«29» тамыз 2025\u00a0ж." in blocks[4].text
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "ЖҰМЫС ЖОСПАРЫ" in body and "1. Бағдарламаларды меңгеру" in body and "None" not in body
    portrait, landscape = doc.sections[0], doc.sections[1]
    assert round(portrait.page_width.mm) == 210 and portrait.orientation == WD_ORIENT.PORTRAIT
    assert round(landscape.page_width.mm) == 297 and landscape.orientation == WD_ORIENT.LANDSCAPE
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.core_properties.language == "kk-KZ"
    assert doc.core_properties.title.endswith("2025-2026 оқу жылына арналған жұмыс жоспары")
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    schedule = doc.tables[-2]  # the last one holds the leader's signature
    assert [c.text for c in schedule.rows[2].cells][2] == "1. Алдыңғы отырыс шешімдерінің орындалуы туралы"


def test_docx_of_a_draft_prints_blanks_not_none() -> None:
    doc = _docx(sample(approved=False, activities=()), "ru")
    blocks = doc.tables[0].rows[0].cells
    assert "«___» __________ 20__\u00a0г." in blocks[4].text and "протокол № ___" in blocks[0].text
    everything = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "None" not in everything
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "№")
    assert len(table.rows) == 4  # empty rows to fill by hand


def test_shared_wording() -> None:
    approved, draft = sample(), sample(approved=False)
    assert plan_text.review_line(approved, "kk") == "Қаралды: ӘБ отырысында, № 1 хаттама, 2025 жылғы 28 тамыз"
    assert plan_text.review_line(approved, "ru") == (
        "Рассмотрено на заседании МО, протокол № 1 от 28 августа 2025 г."
    )
    assert (
        plan_text.review_line(draft, "kk")
        == "Қаралды: ӘБ отырысында, № ___ хаттама, «___» ________ 20__ ж."
    )
    assert (
        plan_text.abbreviation("cycle_commission", "ru") == "ПЦК"
        and plan_text.abbreviation("tvet", "kk") == "ОӘБ"
    )
    assert plan_text.date_line(dt.date(2025, 9, 1), "kk") == "«01» қыркүйек 2025\u00a0ж."
    assert plan_text.date_line(None, "ru") == "«___» __________ 20__\u00a0г."
    assert months_text((9, 10, 11, 12, 1, 2, 3, 4, 5), "kk") == "оқу жылы бойы"
    assert months_text((8, 9, 1), "ru") == "август, сентябрь, январь"
    assert months_text((10, 11, 12, 2), "kk") == "қазан–желтоқсан, ақпан"
    assert activity_when(None, None, (), "kk") == ""
    assert activity_when(dt.date(2025, 9, 1), dt.date(2025, 9, 1), (), "kk") == "01.09.2025"
    assert head_title("Мектеп директоры", "school", "ru") == "Директор школы"
    assert head_title("", "college", "kk") == "Колледж директоры"
    assert head_title("Басшы", "school", "ru") == "Басшы"
    assert signature_name("Сейітқали Бауыржан Ерланұлы") == "Б.Е. Сейітқали"
    assert signature_name("Б.Е. Сейітқали") == "Б.Е. Сейітқали" and signature_name("Ким") == "Ким"
