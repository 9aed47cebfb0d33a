"""Growth records travel: the demo's self-education topics, experience (with
its teachers), events (with their participants) and olympiad results go into
a year's package and arrive whole at the district; a second import changes
nothing; a bad code in a package or in a backup is refused by name; the demo
fills what the issue asks for."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

from sqlalchemy import func, select

from metodesk.services import backup_rules, demo_growth, exchange_export, exchange_import
from metodesk.services.exchange_format import exchange_tables
from metodesk.services.setup import prepare_database
from metodesk.storage.models import (
    EventParticipant,
    Experience,
    GrowthEvent,
    OlympiadResult,
    SelfEducation,
    Teacher,
    experience_teacher,
)

TODAY = dt.date(2026, 2, 10)
GROWTH = ("self_education", "experience", "experience_teacher", "growth_event", "event_participant", "olympiad_result")


def _counts(db) -> dict[str, int]:
    with db.reading() as s:
        return {
            "self_education": s.scalar(select(func.count(SelfEducation.id))),
            "experience": s.scalar(select(func.count(Experience.id))),
            "experience_teacher": s.scalar(select(func.count()).select_from(experience_teacher)),
            "growth_event": s.scalar(select(func.count(GrowthEvent.id))),
            "event_participant": s.scalar(select(func.count(EventParticipant.id))),
            "olympiad_result": s.scalar(select(func.count(OlympiadResult.id))),
        }


def test_the_demo_has_what_the_issue_asks_for(demo_database) -> None:
    db = demo_database(TODAY)
    with db.reading() as s:
        events = list(s.scalars(select(GrowthEvent)))
        assert len(events) >= 5
        assert len({e.form for e in events}) >= 5 and len({e.level for e in events}) >= 3
        teachers_with_experience = set(s.scalars(select(experience_teacher.c.teacher_id)))
        assert len(teachers_with_experience) >= 2
        assert s.scalar(select(func.count(OlympiadResult.id))) >= 5
        ours = s.scalars(select(Teacher).where(Teacher.surname.in_(demo_growth.TOPICS))).all()
        with_topic = set(s.scalars(select(SelfEducation.teacher_id)))
        assert {t.id for t in ours} <= with_topic


def test_growth_tables_travel_in_the_year_package(demo_database, tmp_path) -> None:
    assert set(GROWTH) <= {info.name for info in exchange_tables()}
    school = demo_database(TODAY)
    with school.reading() as s:
        path = exchange_export.export_package(s, "2025-2026", tmp_path / "school.zip").path
    (tmp_path / "district").mkdir()
    district = prepare_database(tmp_path / "district" / "metodesk.sqlite3")
    try:
        report = exchange_import.import_file(district, path)
        expected = _counts(school)
        assert all(n > 0 for n in expected.values())
        assert _counts(district) == expected
        assert {t: report.added.get(t, 0) for t in GROWTH if t != "experience_teacher"} == {
            t: expected[t] for t in GROWTH if t != "experience_teacher"
        }
        second = exchange_import.import_file(district, path)
        assert (second.total_added, second.total_changed) == (0, 0)
    finally:
        district.close()


def test_a_backup_with_a_bad_growth_code_is_refused(demo_database, tmp_path) -> None:
    db = demo_database(TODAY)
    db.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db.path, copy)
    assert backup_rules.first_broken(copy) is None
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE growth_event SET form = 'picnic' WHERE id = (SELECT min(id) FROM growth_event)")
    conn.execute("UPDATE olympiad_result SET grade = 40")
    conn.commit()
    conn.close()
    broken = backup_rules.first_broken(copy)
    assert broken is not None and (broken.table, broken.column) in {("growth_event", "form"), ("olympiad_result", "grade")}


def test_one_line_per_record_for_the_command_line(demo_database) -> None:
    import pytest

    from metodesk.domain.errors import DomainError
    from metodesk.services import growth_lines

    db = demo_database(TODAY)
    with db.reading() as s:
        events = growth_lines.event_lines(s, "2025-2026")
        experience = growth_lines.experience_lines(s)
        olympiads = growth_lines.olympiad_lines(s, "2025-2026", "ru")
        with pytest.raises(DomainError):
            growth_lines.event_lines(s, "1999-2000")
    assert len(events) == 6 and all(line.split("\t")[0].isdigit() for line in events)
    assert any("\tmaster_class\tdistrict\t" in line for line in events)
    assert len(experience) == 2 and "Нұрғалиева Ә.Б." in "\n".join(experience)
    assert any(line.endswith("\tМатематика\tЖақсылықова Г.С.") for line in olympiads)
