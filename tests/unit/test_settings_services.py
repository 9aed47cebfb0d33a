"""The Settings area's services: organisations, academic years with their terms,
subjects, stored settings, database set-up, and the UI language's resolution
order (--lang, METODESK_LANG, settings.ini, Kazakh)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from metodesk import config, paths
from metodesk.domain.errors import DomainError, NotFound
from metodesk.services import associations, organisations, settings, subjects, teachers, years
from metodesk.services.organisations import OrganisationInput
from metodesk.services.setup import prepare_database, seed_defaults
from metodesk.services.years import TermRow, YearInput
from metodesk.storage.models import AcademicYear, Organisation, Subject, Term

# Each test that uses the database runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_databases

D = dt.date


def _count(session, column) -> int:
    return session.scalar(select(func.count(column)))


def _subject(session, name_kk: str) -> int:
    return next(s.id for s in subjects.list_subjects(session, include_archived=True) if s.name_kk == name_kk)


def _teacher(session, org: int, *subject_ids: int) -> int:
    return teachers.save_teacher(
        session,
        teachers.TeacherInput(
            surname="Бекова", first_name="Жанар", organisation_id=org, subject_ids=list(subject_ids)
        ),
        today=D(2025, 11, 1),
    )


def _assoc(session, org: int, subject_id: int | None = None, year_id: int | None = None) -> int:
    return associations.save_association(
        session,
        associations.AssociationInput(
            kind="subject" if subject_id else "primary",
            name_kk="ӘБ",
            subject_id=subject_id,
            year_id=year_id or years.current_year(session).id,  # type: ignore[union-attr]
            organisation_id=org,
        ),
    )


# --- organisations ---------------------------------------------------------------------


def test_save_organisation_cleans_and_fills_the_other_name(session) -> None:
    org_id = organisations.save_organisation(
        session,
        OrganisationInput(
            kind="small_school",
            name_kk="  Ақсу   ауылының мектебі ",
            district=" Қарасай ауданы ",
            region="Алматы облысы",
            head_name="Сейітқали Б.Е.",
            head_title="Мектеп директоры",
            deputy_name="Жақсылықова Г.С.",
        ),
    )
    row = organisations.get_organisation(session, org_id)
    assert row.name_kk == row.name_ru == "Ақсу ауылының мектебі"
    assert row.district == "Қарасай ауданы"
    assert (row.kind, row.head_title, row.is_ours) == ("small_school", "Мектеп директоры", False)
    assert row.name("ru") == "Ақсу ауылының мектебі"


def test_update_organisation(session, ours) -> None:
    same = organisations.save_organisation(
        session, OrganisationInput(kind="college", name_kk="Колледж", name_ru="Колледж РУ"), ours
    )
    assert same == ours
    row = organisations.get_organisation(session, ours)
    assert (row.kind, row.name("kk"), row.name("ru"), row.is_ours) == (
        "college",
        "Колледж",
        "Колледж РУ",
        True,
    )
    assert _count(session, Organisation.id) == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (OrganisationInput(name_kk="", name_ru="   "), "name_kk"),
        (OrganisationInput(kind="university", name_kk="Мектеп"), "kind"),
        (OrganisationInput(name_kk="М" * 301), "name_kk"),
        (OrganisationInput(name_kk="Мектеп", district="Д" * 201), "district"),
    ],
)
def test_organisation_bad_input(session, data, field) -> None:
    with pytest.raises(DomainError) as caught:
        organisations.save_organisation(session, data)
    assert caught.value.field == field
    assert _count(session, Organisation.id) == 0


def test_refused_update_leaves_the_organisation_as_it_was(session, ours) -> None:
    with pytest.raises(DomainError):
        organisations.save_organisation(
            session, OrganisationInput(name_kk="Жаңа атау", head_name="Х" * 201), ours
        )
    assert organisations.get_organisation(session, ours).name_kk == "№1 мектеп"


def test_only_one_organisation_is_ours(session, ours) -> None:
    other = organisations.save_organisation(session, OrganisationInput(name_kk="Қаратал"))
    assert organisations.ours(session).id == ours  # type: ignore[union-attr]
    organisations.make_ours(session, other)
    assert organisations.ours(session).id == other  # type: ignore[union-attr]
    listed = organisations.list_organisations(session)
    assert [o.id for o in listed] == [other, ours]
    assert [o.is_ours for o in listed] == [True, False]


def test_no_organisation_yet(session) -> None:
    assert organisations.ours(session) is None
    with pytest.raises(NotFound):
        organisations.get_organisation(session, 1)
    with pytest.raises(NotFound):
        organisations.make_ours(session, 1)


def test_delete_organisation_rules(session, ours) -> None:
    with pytest.raises(DomainError):
        organisations.delete_organisation(session, ours)
    with_teacher = organisations.save_organisation(session, OrganisationInput(name_kk="Қаратал"))
    _teacher(session, with_teacher)
    with pytest.raises(DomainError):
        organisations.delete_organisation(session, with_teacher)
    hosting = organisations.save_organisation(session, OrganisationInput(name_kk="Аудан"))
    _assoc(session, hosting)
    with pytest.raises(DomainError):
        organisations.delete_organisation(session, hosting)
    empty = organisations.save_organisation(session, OrganisationInput(name_kk="Жаңатұрмыс"))
    organisations.delete_organisation(session, empty)
    assert {o.id for o in organisations.list_organisations(session)} == {ours, with_teacher, hosting}


# --- academic years ------------------------------------------------------------------------


def test_seeded_calendar_2025_2026(session) -> None:
    (year,) = years.list_years(session)
    assert (year.name, year.start_date, year.end_date, year.is_current) == (
        "2025-2026",
        D(2025, 9, 1),
        D(2026, 5, 25),
        True,
    )
    assert [(t.number, t.kind, t.start_date, t.end_date) for t in year.terms] == [
        (1, "quarter", D(2025, 9, 1), D(2025, 10, 26)),
        (2, "quarter", D(2025, 11, 3), D(2025, 12, 28)),
        (3, "quarter", D(2026, 1, 8), D(2026, 3, 18)),
        (4, "quarter", D(2026, 3, 30), D(2026, 5, 25)),
    ]
    assert years.current_year(session) == year
    assert years.year_by_name(session, " 2025-2026 ") == year
    assert year.contains(D(2025, 12, 31)) and not year.contains(D(2026, 5, 26))


def _semesters(first: int) -> YearInput:
    return YearInput(
        name=f"{first}-{first + 1}",
        start_date=D(first, 9, 1),
        end_date=D(first + 1, 6, 30),
        terms=[
            TermRow(9, "semester", D(first + 1, 1, 10), D(first + 1, 6, 30)),  # given out of order
            TermRow(7, "semester", D(first, 9, 1), D(first, 12, 28)),
        ],
    )


def test_new_year_terms_renumbered_in_date_order(session) -> None:
    year_id = years.save_year(session, _semesters(2026))
    year = years.get_year(session, year_id)
    assert [(t.number, t.kind, t.start_date) for t in year.terms] == [
        (1, "semester", D(2026, 9, 1)),
        (2, "semester", D(2027, 1, 10)),
    ]
    assert not year.is_current  # 2025-2026 stays current
    assert [y.name for y in years.list_years(session)] == ["2026-2027", "2025-2026"]


def test_update_year_replaces_terms(session) -> None:
    year_id = years.save_year(session, _semesters(2026))
    data = _semesters(2026)
    data.terms = [TermRow(1, "quarter", D(2026, 9, 1), D(2026, 10, 30))]
    assert years.save_year(session, data, year_id) == year_id
    assert [(t.number, t.kind) for t in years.get_year(session, year_id).terms] == [(1, "quarter")]
    assert _count(session, Term.id) == 4 + 1


def test_unknown_term_kind_becomes_quarter(session) -> None:
    data = _semesters(2027)
    data.terms = [TermRow(1, "trimester", D(2027, 9, 1), D(2027, 11, 30))]
    year_id = years.save_year(session, data)
    assert years.get_year(session, year_id).terms[0].kind == "quarter"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "2026/2027"}, "name"),
        ({"name": "2026-2028"}, "name"),
        ({"name": "26-27"}, "name"),
        ({"name": ""}, "name"),
        ({"name": "2025-2026"}, "name"),  # already exists
        ({"start_date": None}, "start_date"),
        ({"end_date": None}, "start_date"),
        ({"end_date": D(2026, 9, 1)}, "end_date"),  # ends the day it starts
        ({"end_date": D(2026, 8, 1)}, "end_date"),
        ({"start_date": D(2025, 9, 1)}, "start_date"),  # not in 2026-2027
        ({"end_date": D(2028, 5, 25)}, "start_date"),
        ({"terms": [TermRow(1, "quarter", D(2026, 11, 1), D(2026, 10, 1))]}, "terms"),
        ({"terms": [TermRow(1, "quarter", D(2026, 8, 25), D(2026, 10, 1))]}, "terms"),
        ({"terms": [TermRow(1, "quarter", D(2027, 5, 1), D(2027, 6, 1))]}, "terms"),
        (
            {
                "terms": [
                    TermRow(1, "quarter", D(2026, 9, 1), D(2026, 10, 30)),
                    TermRow(2, "quarter", D(2026, 10, 30), D(2026, 12, 28)),  # shares a day
                ]
            },
            "terms",
        ),
    ],
)
def test_year_bad_input(session, changes, field) -> None:
    data = YearInput(name="2026-2027", start_date=D(2026, 9, 1), end_date=D(2027, 5, 25))
    for key, value in changes.items():
        setattr(data, key, value)
    with pytest.raises(DomainError) as caught:
        years.save_year(session, data)
    assert caught.value.field == field
    assert _count(session, AcademicYear.id) == 1
    assert _count(session, Term.id) == 4


def test_saving_a_year_under_its_own_name(session) -> None:
    year = years.current_year(session)
    data = years.calendar_2025_2026()
    data.end_date = D(2026, 5, 29)
    assert years.save_year(session, data, year.id) == year.id  # type: ignore[union-attr]
    assert years.get_year(session, year.id).end_date == D(2026, 5, 29)  # type: ignore[union-attr]


def test_current_year_and_deleting(session, ours) -> None:
    old = years.current_year(session).id  # type: ignore[union-attr]
    new = years.save_year(session, _semesters(2026))
    years.set_current(session, new)
    assert years.current_year(session).id == new  # type: ignore[union-attr]
    assert [y.is_current for y in years.list_years(session)] == [True, False]
    with pytest.raises(DomainError):
        years.delete_year(session, new)  # current
    _assoc(session, ours, year_id=old)
    with pytest.raises(DomainError):
        years.delete_year(session, old)  # has an association
    spare = years.save_year(session, _semesters(2027))
    years.delete_year(session, spare)
    assert [y.name for y in years.list_years(session)] == ["2026-2027", "2025-2026"]
    assert _count(session, Term.id) == 4 + 2


def test_first_year_of_an_empty_database_becomes_current(session) -> None:
    (seeded,) = years.list_years(session)
    session.delete(session.get(AcademicYear, seeded.id))
    session.flush()
    year_id = years.save_year(session, _semesters(2026))
    assert years.current_year(session).id == year_id  # type: ignore[union-attr]


def test_missing_year(session) -> None:
    with pytest.raises(DomainError):
        years.year_by_name(session, "1999-2000")
    with pytest.raises(NotFound):
        years.get_year(session, 999)
    with pytest.raises(NotFound):
        years.set_current(session, 999)


# --- subjects ---------------------------------------------------------------------------------


def test_subjects_seeded_from_the_glossary(session) -> None:
    listed = subjects.list_subjects(session)
    assert len(listed) == len(subjects.SEED_SUBJECTS) == 31
    assert [(s.name_kk, s.name_ru) for s in listed] == list(subjects.SEED_SUBJECTS)
    assert listed[0].name("kk") == "Қазақ тілі" and listed[0].name("ru") == "Казахский язык"
    assert subjects.seed_subjects(session) == 0  # not twice
    assert _count(session, Subject.id) == 31


def test_add_and_edit_subject(session) -> None:
    new = subjects.save_subject(session, "  Робототехника ", "Робототехника")
    assert subjects.list_subjects(session)[-1] == subjects.SubjectRow(
        new, "Робототехника", "Робототехника", False
    )
    assert subjects.save_subject(session, "Робототехника", "Робототехника и STEM", new) == new
    assert subjects.list_subjects(session)[-1].name_ru == "Робототехника и STEM"


@pytest.mark.parametrize(
    ("kk", "ru", "field"),
    [
        ("", "Астрономия", "name_kk"),
        ("Астрономия", "  ", "name_ru"),
        ("ҚАЗАҚ ТІЛІ", "Казахский язык 2", "name_kk"),  # same Kazakh name, other case
        ("Қазақ тілі 2", "казахский язык", "name_kk"),  # same Russian name
    ],
)
def test_subject_bad_input(session, kk, ru, field) -> None:
    with pytest.raises(DomainError) as caught:
        subjects.save_subject(session, kk, ru)
    assert caught.value.field == field
    assert _count(session, Subject.id) == 31


def test_renaming_onto_another_subject_refused(session) -> None:
    physics = _subject(session, "Физика")
    with pytest.raises(DomainError):
        subjects.save_subject(session, "Химия", "Химия", physics)


def test_delete_unused_subject(session) -> None:
    music = _subject(session, "Музыка")
    assert subjects.delete_subject(session, music) is True
    assert session.get(Subject, music) is None
    assert "Музыка" not in {s.name_kk for s in subjects.list_subjects(session, include_archived=True)}


def test_subject_in_use_is_archived_not_deleted(session, ours) -> None:
    taught = _subject(session, "Физика")
    teacher = _teacher(session, ours, taught)
    with_assoc = _subject(session, "Химия")
    _assoc(session, ours, with_assoc)
    assert subjects.delete_subject(session, taught) is False
    assert subjects.delete_subject(session, with_assoc) is False
    active = {s.id for s in subjects.list_subjects(session)}
    everything = {s.id: s for s in subjects.list_subjects(session, include_archived=True)}
    assert taught not in active and with_assoc not in active
    assert everything[taught].archived and everything[with_assoc].archived
    assert teachers.get_teacher(session, teacher).subject_ids == (taught,)
    subjects.set_archived(session, taught, False)
    assert taught in {s.id for s in subjects.list_subjects(session)}


def test_missing_subject(session) -> None:
    for call in (
        lambda: subjects.delete_subject(session, 999),
        lambda: subjects.set_archived(session, 999, True),
        lambda: subjects.save_subject(session, "А", "Б", 999),
    ):
        with pytest.raises(NotFound):
            call()


# --- settings kept with the data -------------------------------------------------------------


def test_settings_get_and_put(session) -> None:
    assert settings.get(session, "first_run_done") == ""
    assert settings.get(session, "first_run_done", "no") == "no"
    settings.put(session, "first_run_done", "yes")
    settings.put(session, "first_run_done", "yes, really")
    session.flush()
    assert settings.get(session, "first_run_done") == "yes, really"


def test_print_language(session) -> None:
    assert settings.print_language(session) == "kk"
    assert settings.print_language(session, "ru") == "ru"
    settings.put(session, settings.PRINT_LANGUAGE, "ru")
    assert settings.print_language(session) == "ru"
    settings.put(session, settings.PRINT_LANGUAGE, "en")  # documents are not printed in English
    assert settings.print_language(session) == "kk"


def test_settings_survive_a_new_session(db) -> None:
    with db.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
    with db.reading() as s:
        assert settings.print_language(s) == "ru"


# --- set-up ------------------------------------------------------------------------------------


def test_prepare_database_twice_seeds_once(db) -> None:
    again = prepare_database(db.address)
    try:
        with again.transaction() as s:
            seed_defaults(s)
            assert _count(s, Subject.id) == 31
            assert _count(s, AcademicYear.id) == 1
    finally:
        again.close()


def test_seed_keeps_the_users_years(db) -> None:
    with db.transaction() as s:
        years.save_year(s, _semesters(2026))
        years.set_current(s, years.year_by_name(s, "2026-2027").id)
        years.delete_year(s, years.year_by_name(s, "2025-2026").id)
    with db.transaction() as s:
        seed_defaults(s)
        assert [y.name for y in years.list_years(s)] == ["2026-2027"]


# --- the interface language ---------------------------------------------------------------------


@pytest.fixture
def no_lang_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("METODESK_LANG", raising=False)
    return monkeypatch


def test_default_language_is_kazakh(no_lang_env) -> None:
    assert not paths.settings_path().exists()
    assert config.saved_language() is None
    assert config.resolve_language(None) == "kk"


def test_settings_ini_beats_the_default(no_lang_env) -> None:
    config.put("language", "ru")
    assert config.saved_language() == "ru"
    assert config.resolve_language(None) == "ru"
    assert "language = ru" in paths.settings_path().read_text(encoding="utf-8")


def test_environment_beats_settings_ini(no_lang_env) -> None:
    config.put("language", "ru")
    no_lang_env.setenv("METODESK_LANG", " EN ")
    assert config.resolve_language(None) == "en"


def test_command_line_beats_everything(no_lang_env) -> None:
    config.put("language", "ru")
    no_lang_env.setenv("METODESK_LANG", "en")
    assert config.resolve_language("kk") == "kk"


def test_unknown_values_are_ignored(no_lang_env) -> None:
    config.put("language", "de")
    no_lang_env.setenv("METODESK_LANG", "fr")
    assert config.resolve_language(None) == "kk"


def test_damaged_settings_ini_is_ignored(no_lang_env) -> None:
    path = paths.ensure_data_dir() / paths.SETTINGS_FILENAME
    path.write_bytes(b"\xff\xfe not [an ini\nlanguage ru\n")
    assert config.resolve_language(None) == "kk"
    config.put("language", "ru")  # writing replaces the damaged file
    assert config.resolve_language(None) == "ru"


def test_put_keeps_other_keys_and_leaves_no_temporary_files(no_lang_env) -> None:
    config.put("language", "ru")
    config.put("geometry", "abc")
    config.put("language", "kk")
    assert config.get("geometry") == "abc" and config.saved_language() == "kk"
    assert sorted(p.name for p in paths.data_dir().iterdir()) == [paths.SETTINGS_FILENAME]


def test_data_dir_option_beats_environment(tmp_path: Path) -> None:
    paths.set_data_dir(tmp_path / "elsewhere")
    assert paths.data_dir() == (tmp_path / "elsewhere").resolve()
    assert paths.settings_path().parent == (tmp_path / "elsewhere").resolve()
    paths.set_data_dir(None)
    assert paths.data_dir() == (tmp_path / "data").resolve()
