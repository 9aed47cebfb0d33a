"""Each school sees only its own (issue 20): a school login cannot read or
change another school's teachers, and the server itself refuses it."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from metodesk.__main__ import main
from metodesk.domain.errors import DomainError, NotFound
from metodesk.services import associations, organisations, teachers
from metodesk.services.setup import prepare_database
from metodesk.services.teachers import TeacherInput
from metodesk.storage import district
from metodesk.storage.server import engine_url


def _org(s, name: str) -> int:
    return organisations.save_organisation(
        s, organisations.OrganisationInput(kind="school", name_kk=f"{name} мектебі", name_ru=f"Школа {name}")
    )


@pytest.fixture
def district_db(server_database, pg_server):
    """A server database with two schools, a teacher in each, and the logins made here (dropped after)."""
    db = server_database()
    with db.transaction() as s:
        a, b = _org(s, "Ақсу"), _org(s, "Қаратал")
        ta = teachers.save_teacher(s, TeacherInput(surname="Ахметова", first_name="Әсел", organisation_id=a))
        tb = teachers.save_teacher(s, TeacherInput(surname="Борисова", first_name="Анна", organisation_id=b))
    logins: list[str] = []

    def login(suffix: str) -> str:
        name = f"{pg_server.prefix}_{suffix}".lower()
        logins.append(name)
        return name

    yield db, (a, b), (ta, tb), login
    db.close()
    pg_server.drop(db.url)
    for name in logins:
        pg_server.execute(f'DROP ROLE IF EXISTS "{name}"')


def _as(db, login: str) -> str:
    return make_url(db.url).set(username=login).render_as_string(hide_password=False)


def test_a_school_login_sees_and_changes_only_its_own_teachers(district_db, capsys) -> None:
    db, (a, b), (ta, tb), login = district_db
    name = login("aksu")
    assert main(["--lang", "en", "--database", db.url, "district", "add-user", "--organisation", str(a),
                 "--login", name]) == 0
    out = capsys.readouterr().out
    assert f"The login {name} sees and changes only organisation {a}." in out

    # Through metodesk's services, as the school's login.
    school = prepare_database(_as(db, name))
    try:
        with school.reading() as s:
            assert [t.id for t in teachers.list_teachers(s)] == [ta]
            assert {o.id for o in organisations.list_organisations(s)} >= {a, b}  # names are shared
        with pytest.raises((DomainError, NotFound)):
            with school.transaction() as s:
                teachers.save_teacher(
                    s, TeacherInput(surname="Өзгертілген", first_name="Анна", organisation_id=b), teacher_id=tb
                )
    finally:
        school.close()

    # The server itself refuses, whatever a program sends.
    engine = create_engine(engine_url(_as(db, name)))
    try:
        with engine.begin() as conn:
            assert conn.execute(text("SELECT count(*) FROM teacher")).scalar() == 1
            assert conn.execute(text("UPDATE teacher SET surname = 'X' WHERE id = :id"), {"id": tb}).rowcount == 0
            assert conn.execute(text("DELETE FROM teacher WHERE id = :id"), {"id": tb}).rowcount == 0
        with pytest.raises(ProgrammingError, match="row-level security"):
            with engine.begin() as conn:
                conn.execute(text("UPDATE teacher SET organisation_id = :b WHERE id = :id"), {"b": b, "id": ta})
        with pytest.raises(ProgrammingError, match="row-level security"):
            with engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO teacher (uuid, surname, first_name, patronymic, search_key, organisation_id,"
                        " position, category, young_specialist, archived, created_at, updated_at)"
                        " VALUES ('u-1', 'Жаңа', 'Жан', '', '', :b, 'teacher', 'none', false, false, now(), now())"
                    ),
                    {"b": b},
                )
        with pytest.raises(ProgrammingError, match="permission denied"):
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO district_login VALUES ('x', :b)"), {"b": b})
    finally:
        engine.dispose()
    with db.reading() as s:  # the other school's teacher is as it was
        assert teachers.get_teacher(s, tb).full_name == "Борисова Анна"
        assert len(teachers.list_teachers(s)) == 2


def test_a_district_association_is_seen_by_its_members_schools(district_db) -> None:
    db, (a, b), (ta, tb), login = district_db
    with db.transaction() as s:
        year_id = s.execute(text("SELECT id FROM academic_year WHERE is_current")).scalar()
        assoc = associations.save_association(
            s,
            associations.AssociationInput(
                kind="primary", level="district", name_kk="Аудандық бірлестік", year_id=year_id, organisation_id=b
            ),
        )
        associations.add_member(s, assoc, ta)
        own_b = associations.save_association(
            s,
            associations.AssociationInput(
                kind="primary", level="school", name_kk="Қаратал бірлестігі", year_id=year_id, organisation_id=b
            ),
        )
    name = login("aksu2")
    district.add_login(db.engine, name, a)
    engine = create_engine(engine_url(_as(db, name)))
    try:
        with engine.connect() as conn:
            seen = set(conn.execute(text("SELECT id FROM association")).scalars())
            assert seen == {assoc}  # the district one she is in, not the other school's own
            assert own_b not in seen
    finally:
        engine.dispose()


def test_a_district_login_sees_every_school(district_db) -> None:
    db, _orgs, (ta, tb), login = district_db
    name = login("district")
    assert district.add_login(db.engine, name, None) is True
    engine = create_engine(engine_url(_as(db, name)))
    try:
        with engine.connect() as conn:
            assert set(conn.execute(text("SELECT id FROM teacher")).scalars()) == {ta, tb}
    finally:
        engine.dispose()


def test_add_user_refuses_what_it_cannot_do(district_db, capsys) -> None:
    db, (a, _b), _teachers, _login = district_db
    for argv, sentence in [
        (["--database", db.url, "district", "add-user", "--organisation", "999999", "--login", "nobody_here"],
         "There is no organisation 999999."),
        (["--database", db.url, "district", "add-user", "--organisation", str(a), "--login", "Robert'); DROP"],
         "cannot be a login"),
        (["--database", db.url, "district", "add-user", "--organisation", str(a), "--login", "metodesk_school"],
         "cannot be a login"),
        (["district", "add-user", "--organisation", str(a), "--login", "aigul"],
         "Logins exist only on a database server"),
    ]:
        assert main(["--lang", "en", *argv]) == 2
        err = capsys.readouterr().err
        assert sentence in err and "Traceback" not in err
