"""The mentoring documents: the mentor's plan and the year's report in Kazakh
and Russian (their words, the Kazakh letters, the marks, the log with its
lesson and sheet), every font embedded, page numbers, empty fields printed
as lines to fill and never as "None"; and the rows read from the database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from metodesk.domain.rows.mentoring import (
    MentoringDocData,
    PrintedActivity,
    PrintedEntry,
    PrintedLesson,
    PrintedTeacher,
)
from metodesk.reports import mentoring_plan, mentoring_report

D = dt.date
KAZAKH_LETTERS = "әғқңөұүһі"

MENTOR = PrintedTeacher(
    "Смағұлова Мәдина Ерболқызы",
    "Смағұлова М.Е.",
    "М.Е. Смағұлова",
    "primary_teacher",
    "legacy_first",
    ("Сауат ашу", "Математика"),
    ("Обучение грамоте", "Математика"),
    D(1998, 9, 1),
)
MENTEE = PrintedTeacher(
    "Әбдірахманова Ұлжан Серікқызы",
    "Әбдірахманова Ұ.С.",
    "Ұ.С. Әбдірахманова",
    "primary_teacher",
    "none",
    ("Сауат ашу",),
    ("Обучение грамоте",),
    D(2024, 9, 1),
)
LESSON = PrintedLesson(
    "open_lesson",
    "Дыбыс пен әріп",
    "Сауат ашу",
    "Обучение грамоте",
    2,
    "Ә",
    "",
    D(2025, 10, 22),
    "Әбдірахманова Ұ.С.",
)


def sample(**changes) -> MentoringDocData:
    data = MentoringDocData(
        organisation_kk="Ақсу ауылының жалпы орта білім беретін шағын жинақты мектебі",
        organisation_ru="Малокомплектная общеобразовательная школа села Аксу",
        organisation_kind="small_school",
        head_name="Сейітқали Бауыржан Ерланұлы",
        head_title="Мектеп директоры",
        year_name="2025-2026",
        mentor=MENTOR,
        mentee=MENTEE,
        mentee_kind="young_specialist",
        order_number="112",
        order_date=D(2025, 8, 29),
        goals="Жас маманның бейімделуіне көмектесу.\nМіндеттері: ҚМЖ құруға көмектесу.",
        start_date=D(2025, 9, 1),
        end_date=D(2026, 5, 25),
        activities=(
            PrintedActivity(
                1, "Кәсіби қиындықтарды анықтау", D(2025, 9, 30), "", "Сауалнама", D(2025, 9, 27), ""
            ),
            PrintedActivity(
                2, "Сабақтарға қатысу", D(2026, 5, 25), "Жыл бойы", "Бақылау парағы", None, "жартылай"
            ),
            PrintedActivity(3, "Ашық сабақ (Гауһар апайдың үлгісімен)", None, "", "", None, ""),
        ),
        entries=(
            PrintedEntry(D(2025, 9, 5), "consultation", "ҚМЖ құрылымы", 45, "Үлгі берілді."),
            PrintedEntry(
                D(2025, 10, 22),
                "visit_mentee",
                "Ашық сабақты талдау",
                45,
                "",
                LESSON,
                "Смағұлова М.Е.",
                26,
                32,
            ),
            PrintedEntry(D(2025, 11, 5), "visit_mentor", "Тәлімгер сабағы", None, ""),
        ),
        summary="Жыл ішінде ҚМЖ құруды үйрендім.\nАшық сабақ бердім.",
        conclusion="Жас маман өз бетінше жұмыс істей алады.",
    )
    return dataclasses.replace(data, **changes)


def pdf_text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def assert_fonts_embedded(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert seen and not any("Helvetica" in name for name in seen), seen


PLAN_WORDS = {
    "kk": (
        "БЕКІТЕМІН",
        "Мектеп директоры",
        "Б.Е. Сейітқали",
        "ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫС ЖОСПАРЫ",
        "2025-2026 оқу жылы",
        "Тәлімгер: Смағұлова Мәдина Ерболқызы, бастауыш сынып мұғалімі (Сауат ашу, Математика), бірінші санат",
        "Жас маман: Әбдірахманова Ұлжан Серікқызы",
        "Тағайындау туралы бұйрық: 2025 жылғы 29 тамыздағы № 112",
        "Тәлімгерлік мерзімі: 01.09.2025 – 25.05.2026",
        "Мақсаты мен міндеттері: Жас маманның бейімделуіне көмектесу.",
        "Іс-шаралар",
        "Мерзімі",
        "Белгі",
        "орындалды, 27.09.2025",
        "Жыл бойы",
        "жартылай",
        "(қолы)",
        "1-бет / 1",
    ),
    "ru": (
        "УТВЕРЖДАЮ",
        "Директор школы",
        "ПЛАН РАБОТЫ НАСТАВНИКА С МОЛОДЫМ СПЕЦИАЛИСТОМ",
        "на 2025-2026 учебный год",
        "Наставник: Смағұлова Мәдина Ерболқызы, учитель начальных классов (Обучение грамоте, Математика), "
        "первая категория",
        "Молодой специалист: Әбдірахманова Ұлжан Серікқызы",
        "Приказ о назначении: № 112 от 29 августа 2025 г.",
        "Срок наставничества: 01.09.2025 – 25.05.2026",
        "Цели и задачи:",
        "Мероприятия",
        "Сроки",
        "Отметка",
        "выполнено, 27.09.2025",
        "(подпись)",
        "стр. 1 из 1",
    ),
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_plan_prints_its_words(lang: str) -> None:
    pdf = mentoring_plan.build(sample(), lang)
    text = pdf_text(pdf)
    for words in PLAN_WORDS[lang]:
        assert words in text, words
    assert "Кәсіби қиындықтарды анықтау" in text and "Ашық сабақ" in text
    for letter in KAZAKH_LETTERS:
        assert letter in text, letter
    assert "None" not in text
    assert_fonts_embedded(pdf)
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert "Әбдірахманова Ұ.С." in info.title and "2025-2026" in info.title


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_report_prints_plan_log_summary_and_conclusion(lang: str) -> None:
    pdf = mentoring_report.build(sample(), lang)
    text = pdf_text(pdf)
    if lang == "kk":
        needed = (
            "ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫСЫ ТУРАЛЫ ЕСЕП",
            "1. Жұмыс жоспарының орындалуы",
            "Орындалған іс-шаралар: 1 / 3.",
            "2. Кездесулер журналы",
            "Кеңес беру",
            "Тәлімгердің жас маманның сабағына қатысуы",
            "Жас маманның тәлімгер сабағына қатысуы",
            "Ашық сабақ: «Дыбыс пен әріп», Сауат ашу, 2 «Ә» сынып, 22.10.2025",
            "Бақылау парағы: Смағұлова М.Е., ұпай саны: 26 / 32",
            "Барлығы: 3 кездесу, 1 сағ 30 мин.",
            "3. Жас маманның жыл қорытындысы",
            "4. Тәлімгердің қорытындысы",
        )
    else:
        needed = (
            "ОТЧЁТ О РАБОТЕ НАСТАВНИКА С МОЛОДЫМ СПЕЦИАЛИСТОМ",
            "за 2025-2026 учебный год",
            "1. Выполнение плана работы",
            "Выполнено мероприятий: 1 из 3.",
            "2. Журнал встреч",
            "Консультация",
            "Посещение наставником урока молодого специалиста",
            "Посещение урока наставника молодым специалистом",
            "Открытый урок: «Дыбыс пен әріп», Обучение грамоте, 2 «Ә» класс, 22.10.2025",
            "Лист наблюдения: Смағұлова М.Е., сумма баллов: 26 из 32",
            "Всего: 3 встречи, 1 ч 30 мин.",
            "3. Итоги года молодого специалиста",
            "4. Заключение наставника",
        )
    for words in (*needed, "Ашық сабақ бердім.", "Жас маман өз бетінше жұмыс істей алады.", "ҚМЖ құрылымы"):
        assert words in text, words
    assert "None" not in text
    assert_fonts_embedded(pdf)


def test_a_trainee_is_named_as_one() -> None:
    data = sample(mentee_kind="trainee")
    assert "ТӘЛІМГЕРДІҢ ПЕДАГОГ-СТАЖЕРМЕН ЖҰМЫС ЖОСПАРЫ" in pdf_text(mentoring_plan.build(data, "kk"))
    report = pdf_text(mentoring_report.build(data, "ru"))
    assert "ОТЧЁТ О РАБОТЕ НАСТАВНИКА С ПЕДАГОГОМ-СТАЖЁРОМ" in report
    # a narrow cell breaks the word after its hyphen, never inside it
    assert "Посещение наставником урока педагога- стажёра" in report
    assert "Педагог-стажёр" in report


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_empty_fields_print_as_lines_to_fill(lang: str) -> None:
    empty = sample(
        order_number="",
        order_date=None,
        goals="",
        start_date=None,
        end_date=None,
        head_name="",
        activities=(),
        entries=(),
        summary="",
        conclusion="",
    )
    for build in (mentoring_plan.build, mentoring_report.build):
        text = pdf_text(build(empty, lang))
        assert "None" not in text and "____" in text
        assert "Тағайындау туралы бұйрық: ____" in text or "Приказ о назначении: ____" in text
    report = pdf_text(mentoring_report.build(empty, lang))
    assert ("Кездесулер журналға енгізілмеген." if lang == "kk" else "Встречи в журнал не внесены.") in report
    half = sample(order_date=None)
    text = pdf_text(mentoring_plan.build(half, lang))
    assert ("«___» __________ 20__ ж. № 112" if lang == "kk" else "назначении: № 112 от «___»") in text
    assert "бұйрық: " + "«___»" in text if lang == "kk" else "приказ №" not in text  # no doubled label


def test_a_long_plan_and_log_run_onto_numbered_pages() -> None:
    activities = tuple(
        PrintedActivity(
            n, f"Іс-шара {n}: " + "өте ұзақ сипаттама " * 8, D(2025, 10, 1), "", "Кеңес", None, ""
        )
        for n in range(1, 41)
    )
    entries = tuple(PrintedEntry(D(2025, 10, 1), "consultation", f"Тақырып {n}", 30, "") for n in range(60))
    pdf = mentoring_report.build(sample(activities=activities, entries=entries), "ru")
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 4
    text = pdf_text(pdf)
    assert f"стр. {len(pages)} из {len(pages)}" in text and "Всего: 60 встреч, 30 ч." in text
    assert text.count("Мероприятия") >= 2  # the header row repeats on the next page


def test_documents_are_printed_in_kk_or_ru_only() -> None:
    with pytest.raises(ValueError):
        mentoring_plan.build(sample(), "en")
    with pytest.raises(ValueError):
        mentoring_report.build(sample(), "de")


def test_counts_and_durations_in_both_languages() -> None:
    assert [mentoring_report.meetings_count(n, "ru") for n in (1, 3, 5, 11, 21, 22)] == [
        "1 встреча",
        "3 встречи",
        "5 встреч",
        "11 встреч",
        "21 встреча",
        "22 встречи",
    ]
    assert mentoring_report.meetings_count(7, "kk") == "7 кездесу"
    assert mentoring_report.duration(45, "kk") == "45 мин"
    assert mentoring_report.duration(120, "ru") == "2 ч"
    assert mentoring_report.duration(135, "kk") == "2 сағ 15 мин"


def test_the_rows_come_from_the_database(db, ours) -> None:
    from metodesk.services import (
        associations,
        lessons,
        mentoring,
        mentoring_log,
        observations,
        teachers,
        years,
    )
    from metodesk.services.lessons import LessonInput
    from metodesk.services.mentoring_print import mentoring_data
    from metodesk.services.observations import ObservationInput

    today = D(2026, 2, 10)
    with db.transaction() as s:
        year = years.current_year(s).id

        def person(surname: str, first: str, young: bool = False) -> int:
            data = teachers.TeacherInput(
                surname=surname,
                first_name=first,
                patronymic="Ерболқызы",
                organisation_id=ours,
                young_specialist=young,
            )
            return teachers.save_teacher(s, data, today=today)

        mentor, mentee = person("Смағұлова", "Мәдина"), person("Әбдірахманова", "Ұлжан", True)
        assoc = associations.save_association(
            s,
            associations.AssociationInput(
                kind="primary", level="school", name_kk="Бастауыш ӘБ", year_id=year, organisation_id=ours
            ),
        )
        lesson = lessons.save_lesson(
            s,
            LessonInput(
                association_id=assoc,
                teacher_id=mentee,
                subject_text="Сауат ашу",
                grade=2,
                date=D(2025, 10, 22),
                topic="Дыбыс",
            ),
            today=today,
        )
        sheet = observations.save_observation(
            s, lesson, ObservationInput(observer_teacher_id=mentor, scores=[2, 2, 1]), today=today
        )
        pair = mentoring.save_pair(
            s,
            mentoring.PairInput(
                year_id=year, mentor_id=mentor, mentee_id=mentee, order_number="7", template_lang="ru"
            ),
        )
        mentoring_log.save_entry(
            s,
            pair,
            mentoring_log.EntryInput(D(2025, 10, 22), "visit_mentee", "Талдау", 40, "", lesson, sheet),
            today=today,
        )
    with db.reading() as s:
        data = mentoring_data(s, pair)
    assert data.organisation_kk == "№1 мектеп" and data.mentee.short_name == "Әбдірахманова Ұ.Е."
    assert (
        data.mentor.sign_name == "М.Е. Смағұлова" and data.order_number == "7" and len(data.activities) == 10
    )
    assert data.entries[0].lesson is not None and data.entries[0].lesson.topic == "Дыбыс"
    assert data.entries[0].sheet_total == 5 and data.entries[0].sheet_observer == "Смағұлова М.Е."
    text = pdf_text(mentoring_report.build(data, "ru"))
    assert "Диагностика профессиональных затруднений" in text and "сумма баллов: 5 из" in text
