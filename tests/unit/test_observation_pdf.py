"""The observation sheet and the open-lessons schedule as PDFs: Kazakh and
Russian labels and letters, filled scores, a blank sheet with the criteria and
no scores (lines and boxes for the pen), a batch in one file, the schedule on
landscape pages, every font embedded, metadata, never "None"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from metodesk.domain.rows.lessons import ScheduleData, ScheduleRow, ScoreRow, SheetData, SheetLesson
from metodesk.reports import lessons_schedule, observation_sheet
from metodesk.reports.lesson_words import class_phrase, lesson_line, period_text
from metodesk.services.lesson_print import sign_name

KAZAKH_LETTERS = "әғқңөұүһі"
DAY = dt.date(2025, 10, 22)
CRITERIA = (
    ScoreRow(1, "Сабақтың ұйымдастырылуы", "Организация урока", 2),
    ScoreRow(2, "Мақсат қою", "Целеполагание", 1),
    ScoreRow(3, "Саралап оқыту", "Дифференциация обучения", None),
    ScoreRow(4, "Кері байланыс", "Обратная связь", 0),
)
LESSON = SheetLesson(
    teacher_name="Төлеуова Айгүл Маратқызы",
    teacher_sign="А.М. Төлеуова",
    subject_kk="Қазақ тілі",
    subject_ru="Казахский язык",
    grade=6,
    class_letter="Ә",
    group_name="",
    date=DAY,
    period=3,
    topic="Зат есімнің септелуі",
    objectives="6.4.2.1 – зат есімнің септелуін біліп, мәтінде дұрыс қолдану",
    kind="open_lesson",
)
KK_LABELS = (
    "САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ",
    "Педагог (аты-жөні):",
    "Пән:",
    "Сынып:",
    "Күні:",
    "Сабақ:",
    "Өткізу түрі:",
    "Сабақтың тақырыбы:",
    "Оқу мақсаттары:",
    "Сабаққа қатысу мақсаты:",
    "Бақылаушы (аты-жөні):",
    "Лауазымы:",
    "Критерийлер",
    "Жалпы балл",
    "Бағалау шкаласы:",
    "Сабақтың күшті жақтары:",
    "Ұсыныстар:",
    "Бақылаушының қорытындысы:",
    "Танысты:",
    "(қолы)",
    "1-бет / ",
)
RU_LABELS = (
    "ЛИСТ НАБЛЮДЕНИЯ УРОКА",
    "Учитель (ФИО):",
    "Предмет:",
    "Класс:",
    "Дата:",
    "Урок:",
    "Форма проведения:",
    "Тема урока:",
    "Цели обучения:",
    "Цель посещения:",
    "Наблюдатель (ФИО):",
    "Должность:",
    "Критерии",
    "Итого баллов",
    "Шкала оценивания:",
    "Сильные стороны урока:",
    "Рекомендации:",
    "Выводы наблюдателя:",
    "Ознакомлен(а):",
    "(подпись)",
    "стр. 1 из ",
)


def filled(**changes) -> SheetData:
    data = SheetData(
        filled=True,
        organisation_kk="Ақсу ауылының жалпы орта білім беретін мектебі",
        organisation_ru="Общеобразовательная школа села Аксу",
        association_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
        association_ru="МО учителей казахского языка",
        lesson=LESSON,
        purpose="Озық тәжірибені тарату",
        observer_name="Нұрғалиева Әсел Бауыржанқызы",
        observer_sign="Ә.Б. Нұрғалиева",
        observer_position="",
        observer_position_code="deputy",
        set_name_kk="Негізгі критерийлер",
        set_name_ru="Основные критерии",
        scale_min=0,
        scale_max=2,
        legend_kk="0 – байқалмады; 1 – ішінара; 2 – толық",
        legend_ru="0 – не проявлено; 1 – частично; 2 – в полной мере",
        criteria=CRITERIA,
        strengths="Оқу мақсаттары нақты қойылды & <топтық> жұмыс.",
        recommendations="Саралап оқытуға көңіл бөлу, шаһар мектептерінің тәжірибесін пайдалану.",
        conclusion="Сабақ жоғары деңгейде өтті.",
        acknowledged=True,
        acknowledged_on=dt.date(2025, 10, 23),
    )
    return dataclasses.replace(data, **changes)


def blank(**changes) -> SheetData:
    data = filled(
        filled=False,
        purpose="",
        observer_name="",
        observer_sign="",
        observer_position_code="",
        criteria=tuple(dataclasses.replace(c, score=None) for c in CRITERIA),
        strengths="",
        recommendations="",
        conclusion="",
        acknowledged=False,
        acknowledged_on=None,
    )
    return dataclasses.replace(data, **changes)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def lone_digits(text: str, start: str, end: str) -> list[int]:
    """The numbers standing alone on a line between two labels: the scale's
    header, the criteria's numbers and any score."""
    region = text[text.index(start) : text.index(end)]
    return [int(line) for line in (x.strip() for x in region.splitlines()) if line.isdigit()]


def assert_fonts_embedded(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert seen and not any("Helvetica" in name for name in seen), seen


# the observation sheet ---------------------------------------------------------------


@pytest.mark.parametrize(("lang", "labels"), [("kk", KK_LABELS), ("ru", RU_LABELS)])
def test_a_filled_sheet_prints_labels_and_scores(lang: str, labels: tuple[str, ...]) -> None:
    pdf = observation_sheet.build(filled(), lang)
    text = pdf_text(pdf)
    for label in labels:
        assert label in text, label
    one_line = flat(text)
    assert "Төлеуова Айгүл Маратқызы" in one_line and "Зат есімнің септелуі" in one_line
    assert "3 / 8" in one_line  # 2 + 1 + 0 of 4 criteria × 2
    assert "Оқу мақсаттары нақты қойылды & <топтық> жұмыс." in one_line  # printed, not read as markup
    assert "Ә.Б. Нұрғалиева" in one_line and "А.М. Төлеуова" in one_line
    if lang == "kk":
        assert "2025 жылғы 22 қазан" in one_line and "6 «Ә»" in one_line and "3-сабақ" in one_line
        assert "Ашық сабақ" in one_line and "Сабақтың ұйымдастырылуы" in one_line
        assert "директордың оқу ісі жөніндегі орынбасары" in one_line  # the observer's position
        assert "2025 жылғы 23 қазан" in one_line  # acknowledged
        for letter in KAZAKH_LETTERS:
            assert letter in text, letter
    else:
        assert "22 октября 2025 г." in one_line and "3-й урок" in one_line and "Открытый урок" in one_line
        assert "Организация урока" in one_line and "Казахский язык" in one_line
        assert "заместитель директора по учебной работе" in one_line
    assert "None" not in text
    # scale 0 1 2, then row 1 scored 2, row 2 scored 1, row 3 unscored, row 4 scored 0
    end = "Жалпы балл" if lang == "kk" else "Итого баллов"
    assert lone_digits(text, labels[12], end) == [0, 1, 2, 1, 2, 2, 1, 3, 4, 0]


@pytest.mark.parametrize(("lang", "labels"), [("kk", KK_LABELS), ("ru", RU_LABELS)])
def test_a_blank_sheet_has_the_criteria_and_no_scores(lang: str, labels: tuple[str, ...]) -> None:
    text = pdf_text(observation_sheet.build(blank(), lang))
    for label in labels:
        assert label in text, label
    for criterion in CRITERIA:
        assert criterion.text(lang) in text
    end = "Жалпы балл" if lang == "kk" else "Итого баллов"
    assert lone_digits(text, labels[12], end) == [0, 1, 2, 1, 2, 3, 4]  # numbers only, no score
    assert "_____ / 8" in text
    assert "«___» __________ 2025" in text  # the date the teacher acknowledges it
    assert "Зат есімнің септелуі" in text  # the lesson's own header is filled in
    assert "None" not in text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_wholly_blank_form(lang: str) -> None:
    text = pdf_text(observation_sheet.build(blank(lesson=None, association_kk="", association_ru=""), lang))
    assert "None" not in text and "«___» __________ 20__" in text
    assert ("САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ" if lang == "kk" else "ЛИСТ НАБЛЮДЕНИЯ УРОКА") in text
    assert "Төлеуова" not in text
    reader = PdfReader(io.BytesIO(observation_sheet.build(blank(lesson=None), lang)))
    assert reader.metadata.title == (
        "Сабақты бақылау парағы (бос үлгі)" if lang == "kk" else "Лист наблюдения урока (бланк)"
    )


def test_a_batch_puts_every_sheet_on_its_own_pages() -> None:
    other = dataclasses.replace(
        LESSON, teacher_name="Ибраев Ілияс Қанатұлы", teacher_sign="І.Қ. Ибраев", period=5
    )
    pdf = observation_sheet.build([blank(), blank(lesson=other)], "kk")
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    starts = [n for n, page in enumerate(pages) if "САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ" in page]
    assert len(starts) == 2 and starts[0] == 0 and starts[1] >= 1
    assert "Төлеуова Айгүл" in pages[0] and "Ибраев Ілияс" in pages[starts[1]]
    assert reader.metadata.title == "Сабақты бақылау парақтары, 2025 жылғы 22 қазан"
    assert f"{len(pages)}-бет / {len(pages)}" in pages[-1]


def test_a_long_scale_gets_one_column_to_write_in() -> None:
    scores = tuple(dataclasses.replace(c, score=n * 3) for n, c in enumerate(CRITERIA))
    text = pdf_text(
        observation_sheet.build(
            filled(scale_min=0, scale_max=10, criteria=scores, legend_kk="", legend_ru=""), "kk"
        )
    )
    assert "18 / 40" in flat(text)
    assert "0 – 10 балл" in flat(text)  # the plain legend when the set has none
    assert lone_digits(text, "Критерийлер", "Жалпы балл") == [1, 0, 2, 3, 3, 6, 4, 9]


def test_a_preschool_group_and_a_typed_position() -> None:
    group = dataclasses.replace(LESSON, grade=None, class_letter="", group_name="Балапан", period=None)
    text = flat(pdf_text(observation_sheet.build(filled(lesson=group, observer_position="әдіскер"), "kk")))
    assert "Топ: «Балапан»" in text and "әдіскер" in text and "None" not in text
    russian = flat(pdf_text(observation_sheet.build(filled(lesson=group), "ru")))
    assert "Группа: «Балапан»" in russian


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_sheet_fonts_metadata_and_page(lang: str) -> None:
    pdf = observation_sheet.build(filled(), lang)
    assert_fonts_embedded(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == {"kk": "kk-KZ", "ru": "ru-RU"}[lang]
    expected = {
        "kk": "Сабақты бақылау парағы: Төлеуова Айгүл Маратқызы, 2025 жылғы 22 қазан",
        "ru": "Лист наблюдения урока: Төлеуова Айгүл Маратқызы, 22 октября 2025 г.",
    }
    assert reader.metadata.title == expected[lang]
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_only_kk_or_ru_and_at_least_one_sheet() -> None:
    with pytest.raises(ValueError):
        observation_sheet.build(filled(), "en")
    with pytest.raises(ValueError):
        observation_sheet.build([], "kk")
    with pytest.raises(ValueError):
        lessons_schedule.build(schedule(), "de")


# the schedule --------------------------------------------------------------------------


def row(day: dt.date, **changes) -> ScheduleRow:
    data = ScheduleRow(
        date=day,
        period=3,
        teacher_name="Төлеуова Айгүл Маратқызы",
        teacher_short="Төлеуова А.М.",
        subject_kk="Қазақ тілі",
        subject_ru="Казахский язык",
        grade=6,
        class_letter="Ә",
        group_name="",
        topic="Зат есімнің септелуі",
        kind="open_lesson",
        status="held",
        original_date=None,
        association_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
        association_ru="МО учителей казахского языка",
    )
    return dataclasses.replace(data, **changes)


def schedule(**changes) -> ScheduleData:
    data = ScheduleData(
        organisation_kk="Ақсу ауылының жалпы орта білім беретін мектебі",
        organisation_ru="Общеобразовательная школа села Аксу",
        association_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
        association_ru="МО учителей казахского языка",
        year_name="2025-2026",
        signer_title_code="leader",
        signer_sign="Ә.Б. Нұрғалиева",
        rows=(
            row(DAY),
            row(
                dt.date(2026, 2, 27), kind="master_class", status="moved", original_date=dt.date(2026, 2, 13)
            ),
            row(dt.date(2026, 3, 11), kind="lesson_study", status="planned", period=None, topic="Етістік"),
            row(dt.date(2026, 3, 18), status="cancelled", topic="Сын есім"),
        ),
    )
    return dataclasses.replace(data, **changes)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_schedule_of_an_association(lang: str) -> None:
    pdf = lessons_schedule.build(schedule(), lang)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape from the first page
    text = flat(pdf_text(pdf))
    if lang == "kk":
        for needed in (
            "АШЫҚ САБАҚТАР КЕСТЕСІ",
            "2025-2026 оқу жылы",
            "Қазан 2025",
            "Ақпан 2026",
            "Наурыз 2026",
            "ауыстырылды (бұрын: 13.02.2026)",
            "Шеберлік сынып",
            "өткізілді",
            "жоспарланған",
            "бас тартылды",
            "ӘБ жетекшісі:",
            "1-бет / 1",
        ):
            assert needed in text, needed
    else:
        for needed in (
            "ГРАФИК ОТКРЫТЫХ УРОКОВ",
            "на 2025-2026 учебный год",
            "Октябрь 2025",
            "перенесено (было: 13.02.2026)",
            "Мастер-класс",
            "Lesson Study",
            "Руководитель МО:",
            "МО учителей казахского языка",
            "стр. 1 из 1",
        ):
            assert needed in text, needed
    assert "Ә.Б. Нұрғалиева" in text and "22.10.2025" in text and "6 «Ә»" in text
    assert "None" not in text
    assert_fonts_embedded(pdf)
    assert reader.metadata.title.endswith("2025-2026 оқу жылы" if lang == "kk" else "2025-2026 учебный год")


def test_the_whole_schools_schedule_groups_by_association() -> None:
    primary = dict(association_kk="Бастауыш сынып мұғалімдерінің ӘБ", association_ru="МО начальных классов")
    data = schedule(
        association_kk="",
        association_ru="",
        signer_title_code="deputy",
        signer_sign="Г.С. Жақсылықова",
        rows=(row(DAY), row(dt.date(2025, 12, 10), topic="Дыбыс пен әріп", **primary)),
    )
    text = flat(pdf_text(lessons_schedule.build(data, "kk")))
    assert text.index("Бастауыш сынып мұғалімдерінің ӘБ") < text.index("«Қазақ тілі» пәні")  # Б before Қ
    assert "Директордың оқу ісі жөніндегі орынбасары:" in text and "Г.С. Жақсылықова" in text
    assert "Қазан 2025" not in text  # grouped by association, not by month


def test_an_empty_schedule_says_so_and_a_long_one_repeats_its_header() -> None:
    text = pdf_text(lessons_schedule.build(schedule(rows=(), signer_sign=""), "ru"))
    assert "На этот учебный год уроки не запланированы." in flat(text) and "None" not in text
    many = tuple(row(dt.date(2025, 9, 1) + dt.timedelta(days=n * 2), topic=f"Тақырып {n}") for n in range(90))
    pdf = lessons_schedule.build(schedule(rows=many), "kk")
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 3 and all("Тақырыбы" in p for p in pages)
    assert "Тақырып 89" in pages[-1]


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_sees_only_embedded_fonts(tmp_path: Path) -> None:
    for name, pdf in (
        ("s.pdf", observation_sheet.build([filled(), blank()], "kk")),
        ("g.pdf", lessons_schedule.build(schedule(), "ru")),
    ):
        (tmp_path / name).write_bytes(pdf)
        rows = subprocess.run(["pdffonts", str(tmp_path / name)], capture_output=True, text=True, check=True)
        lines = rows.stdout.splitlines()[2:]
        assert lines
        for line in lines:
            assert "DejaVu" in line and line.split()[-5] == "yes", line


# the words ---------------------------------------------------------------------------------


def test_lesson_words() -> None:
    assert class_phrase(6, "Ә", "", "kk") == "6 «Ә» сынып" and class_phrase(6, "А", "", "ru") == "6 «А» класс"
    assert class_phrase(None, "", "Балапан", "kk") == "«Балапан» тобы"
    assert class_phrase(None, "", "Балапан", "ru") == "группа «Балапан»"
    assert class_phrase(None, "", "", "kk") == "" and class_phrase(11, "", "", "ru") == "11 класс"
    assert (
        period_text(3, "kk") == "3-сабақ"
        and period_text(3, "ru") == "3-й урок"
        and period_text(None, "kk") == ""
    )
    line = lesson_line("mutual_visit", "Етістік", "Қазақ тілі", 7, "А", "", DAY, "Ибраев І.Қ.", "kk")
    assert line == "Сабаққа өзара қатысу: «Етістік», Қазақ тілі, 7 «А» сынып, 22.10.2025, Ибраев І.Қ."
    assert (
        sign_name("Жақсылықова Гүлнар Серікқызы") == "Г.С. Жақсылықова"
        and sign_name("Ахметова") == "Ахметова"
    )
