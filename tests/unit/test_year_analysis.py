"""The analysis of the year's methodical work: figures computed from the
records (per association and for the school), the methodist's texts with the
pedagogical council's protocol, next year's tasks flowing into next year's
school plan, and the document in PDF and Word, Kazakh and Russian."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from metodesk.documents import registry
from metodesk.documents.base import Format
from metodesk.domain.errors import DomainError
from metodesk.services import school_plan, school_plan_rows, year_analysis, years

TODAY = dt.date(2026, 2, 10)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.fixture
def demo(demo_database):
    database = demo_database(TODAY)
    yield database
    database.close()


def _year(session) -> int:
    year = years.current_year(session)
    assert year is not None
    return year.id


def test_the_figures_come_from_the_records(demo) -> None:
    with demo.reading() as s:
        data = year_analysis.analysis_data(s, _year(s), as_of=TODAY)
    council = [b for b in data.bodies if b.council]
    assert len(council) == 1 and council[0].meetings_planned == 5 and council[0].meetings_held == 3
    assert len(data.bodies) == 4 and all(b.meetings_planned == 3 for b in data.bodies if not b.council)
    assert data.staff == sum(count for _code, count in data.categories) > 0
    assert data.lessons_held >= data.lessons_observed > 0 and data.observations > 0
    assert data.criteria and all(0 <= c.average <= c.scale_max for c in data.criteria)
    assert data.pairs > 0 and data.pair_meetings > 0
    assert sum(n for _m, n in data.lessons_by_month) <= data.lessons_held
    assert data.next_tasks and data.conclusions  # the demo's words


def test_the_texts_and_the_protocol_are_kept_and_checked(db, ours) -> None:
    with db.transaction() as s:
        year_id = _year(s)
        with pytest.raises(DomainError) as err:
            year_analysis.save_texts(s, year_id, "", "", "", "3", None)
        assert err.value.field == "pedcouncil_date"
        year_analysis.save_texts(s, year_id, "Қорытынды", "Мәселе", "Бір\n\nЕкі ", "№ 7", dt.date(2026, 5, 28))
        data = year_analysis.analysis_data(s, year_id)
        assert (data.conclusions, data.problems, data.next_tasks) == ("Қорытынды", "Мәселе", ("Бір", "Екі"))
        assert (data.pedcouncil_number, data.pedcouncil_date) == ("7", dt.date(2026, 5, 28))
        # next year's school plan starts with these tasks
        next_id = years.save_year(s, years.year_after(years.get_year(s, year_id)))
        plan_id = school_plan.ensure_school_plan(s, next_id)
        assert school_plan_rows.school_plan_data(s, plan_id).tasks == ("Бір", "Екі")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_analysis_prints_in_pdf_and_word(demo, lang: str) -> None:
    kind = registry.kind("year-analysis")
    with demo.reading() as s:
        data = kind.read(s, {})
        assert kind.in_year(s, _year(s), None, lang)
    words = {
        "kk": ("2025-2026 оқу жылындағы әдістемелік жұмыстың талдауы", "Әдістемелік кеңес", "Келесі оқу жылының міндеттері"),
        "ru": ("Анализ методической работы за 2025-2026 учебный год", "Методический совет", "Задачи на следующий учебный год"),
    }
    pdf, word = pdf_text(kind.build(data, lang, Format.PDF)), docx_text(kind.build(data, lang, Format.DOCX))
    for text in (pdf, word):
        for expected in words[lang]:
            assert expected in text, expected
        assert "Шешімдердің орындалуын әр отырыста бақылау" in text
        assert "None" not in text


def test_events_olympiads_and_experience_are_counted(demo) -> None:
    from collections import Counter

    from metodesk.services import growth, growth_events

    with demo.reading() as s:
        year_id = _year(s)
        data = year_analysis.analysis_data(s, year_id, as_of=TODAY)
        events = growth_events.list_events(s, year_id)
        olympiads = growth_events.list_olympiads(s, year_id)
        experience = growth.list_experience(s, year_id)
    # the demo school's records on TODAY (its seventh olympiad result is dated after TODAY)
    assert (len(events), len(olympiads), len(experience)) == (6, 6, 2)
    assert dict(data.events_by_form) == Counter(e.form for e in events) and len(data.events_by_form) == 6
    assert dict(data.events_by_level) == Counter(e.level for e in events)
    speakers = {(e.level, p.teacher_id) for e in events for p in e.participants if p.role == "speaker"}
    assert dict(data.speakers_by_level) == Counter(level for level, _t in speakers)
    assert data.event_speakers == len({t for _level, t in speakers}) > 0
    assert dict(data.olympiads_by_level) == Counter(r.level for r in olympiads)
    assert dict(data.olympiads_by_result) == Counter(r.result for r in olympiads)
    assert {(lv, rs): n for lv, rs, n in data.olympiad_table} == Counter((r.level, r.result) for r in olympiads)
    assert dict(data.experience_by_level) == Counter(x.level for x in experience)
    assert (data.events, data.olympiads, data.experience) == (6, 6, 2)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_events_section_prints_in_pdf_and_word(demo, lang: str) -> None:
    kind = registry.kind("year-analysis")
    with demo.reading() as s:
        data = kind.read(s, {})
    words = {
        "kk": ("7. Әдістемелік іс-шаралар және оқушылардың олимпиадалары", "Өткізілген әдістемелік іс-шаралар: 6;"),
        "ru": ("7. Методические мероприятия и олимпиады учащихся", "Проведено методических мероприятий: 6;"),
    }
    for fmt, read in ((Format.PDF, pdf_text), (Format.DOCX, docx_text)):
        text = read(kind.build(data, lang, fmt))
        for expected in words[lang]:
            assert expected in text, (fmt, expected)
        assert "None" not in text


def test_an_empty_year_says_so_in_one_line(db, ours) -> None:
    from metodesk.reports.school_doc import Grid, Text
    from metodesk.reports.year_analysis_text import WORDS, growth_parts

    with db.reading() as s:
        data = year_analysis.analysis_data(s, _year(s))
    assert (data.events_by_form, data.olympiad_table, data.experience_by_level, data.event_speakers) == ((), (), (), 0)
    for lang in ("kk", "ru"):
        parts = growth_parts(data, lang)
        assert len(parts) == 2 and isinstance(parts[1], Text) and not any(isinstance(p, Grid) for p in parts)
        assert parts[1].text == WORDS[lang]["growth_none"]


def test_the_olympiad_table_has_every_result_column() -> None:
    from metodesk.domain.rows.council import AnalysisData
    from metodesk.reports.school_doc import Grid
    from metodesk.reports.year_analysis_text import growth_parts

    data = AnalysisData(
        *("Мектеп", "Школа", "2025-2026", 2025, TODAY, 0, (), (), 0, 0, 0, (), 0, 0, 0, 0, 0, 0, 0, (), 0, 0, ()),
        olympiads_by_level=(("school", 3), ("region", 1)),
        olympiads_by_result=(("first", 2), ("participant", 2)),
        olympiad_table=(("school", "first", 1), ("school", "participant", 2), ("region", "first", 1)),
    )
    grids = [p for p in growth_parts(data, "ru") if isinstance(p, Grid)]
    assert len(grids) == 1
    header, rows = grids[0].header, grids[0].rows
    assert header == ("Этап", "1 место", "2 место", "3 место", "Диплом", "Участие", "Всего")
    assert rows == (
        ("Школьный", "1", "0", "0", "0", "2", "3"),
        ("Областной", "1", "0", "0", "0", "0", "1"),
        ("Всего", "2", "0", "0", "0", "2", "4"),
    )
    assert abs(sum(grids[0].widths) - 1) < 1e-9

