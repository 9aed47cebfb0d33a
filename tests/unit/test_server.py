"""A database on a PostgreSQL server (issue 20): the URL, the same migrations,
`metodesk check` there, and search and alphabetical order equal to SQLite's."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from metodesk import paths
from metodesk.__main__ import main
from metodesk.domain.errors import StorageError
from metodesk.domain.text import sort_key
from metodesk.services import organisations, teachers
from metodesk.services.server_health import check_server
from metodesk.services.setup import prepare_database
from metodesk.services.teachers import TeacherInput
from metodesk.storage import migrate, server
from metodesk.storage.base import Base

pytestmark = pytest.mark.both_databases


def test_server_urls_are_told_from_other_text() -> None:
    assert server.is_server_url("postgresql://u@h/d")
    assert server.is_server_url("postgres://u@h/d")
    assert server.is_server_url(" postgresql+psycopg://u@h:5433/d ")
    assert not server.is_server_url("/home/me/metodesk.sqlite3")
    assert not server.is_server_url("sqlite:///x.sqlite3")
    assert not server.is_server_url("mysql://u@h/d")
    assert server.engine_url("postgres://u@h/d").drivername == "postgresql+psycopg"
    with pytest.raises(StorageError, match="not a database server address"):
        server.engine_url("/tmp/x")


def test_a_password_is_never_shown() -> None:
    shown = server.shown("postgresql://methodist:s3cret@db.local:5432/district")
    assert "s3cret" not in shown
    assert shown.startswith("postgresql://methodist@db.local:5432/district")


def test_the_database_option_refuses_what_is_not_a_server(capsys) -> None:
    assert main(["--lang", "en", "--database", "/tmp/file.sqlite3", "list", "teachers"]) == 2
    err = capsys.readouterr().err
    assert "--database needs a server address" in err and "Traceback" not in err


def test_an_unreachable_server_is_one_sentence(capsys, tmp_path) -> None:
    url = f"postgresql://nobody@/nowhere?host={tmp_path}"
    assert main(["--lang", "en", "--database", url, "list", "teachers"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("metodesk: The database server postgresql://nobody@/nowhere")
    assert "Traceback" not in err and len(err.splitlines()) == 1


NAMES = [
    ("Әбенова", "Әсел"),
    ("абенова", "Айгүл"),
    ("Ёлкина", "Ирина"),
    ("Елкина", "Инна"),
    ("ІЛИЯСОВ", "Ілияс"),
    ("Иванов", "Иван"),
    ("Ұлықбекова", "Үміт"),
    ("Уразова", "Ольга"),
    ("Zimmer", "Anna"),
    ("Щукина", "Яна"),
    ("Шевченко", "Юлия"),
    ("Өмірзақов", "Ерлан"),
    ("Оспанов", "Нұрлан"),
    ("Қасымова", "Гүлнар"),
    ("Кимова", "Ғалия"),
]


def _fill(db) -> None:
    with db.transaction() as s:
        org = organisations.save_organisation(
            s, organisations.OrganisationInput(kind="school", name_kk="№1 мектеп", name_ru="Школа №1")
        )
        for surname, first in NAMES:
            teachers.save_teacher(s, TeacherInput(surname=surname, first_name=first, organisation_id=org))


SEARCHES = [
    ("әбенова", {"Әбенова Әсел"}),
    ("ӘБЕН", {"Әбенова Әсел"}),
    ("абен", {"абенова Айгүл"}),
    ("ЕЛКИНА", {"Ёлкина Ирина", "Елкина Инна"}),  # ё is searched as е
    ("ёлк", {"Ёлкина Ирина", "Елкина Инна"}),
    ("ілияс", {"ІЛИЯСОВ Ілияс"}),
    ("iliyas", set()),
    ("ILIYASOV ilias", set()),
    ("ұлық үміт", {"Ұлықбекова Үміт"}),
    ("ZIM", {"Zimmer Anna"}),
    ("%", set()),
    ("НОВ", {"Әбенова Әсел", "абенова Айгүл", "Иванов Иван", "Оспанов Нұрлан"}),
]


def test_search_is_the_same_on_both(db) -> None:
    """Case-insensitive, Kazakh and Russian letters, ё as е, і as i: the folded
    key is made in Python and compared with LIKE on both kinds of database
    (one database for all the searches: a server database costs ~0.2 s)."""
    _fill(db)
    with db.reading() as s:
        found = {query: {r.full_name for r in teachers.search_teachers(s, query)} for query, _ in SEARCHES}
    assert found == dict(SEARCHES)


def test_alphabetical_order_is_the_same_on_both(db) -> None:
    """Both databases hand back the same rows in the same order (code-point
    order of the surname: SQLite's binary collation, the server's C.UTF-8), and
    the Kazakh and Russian alphabetical orders are made in Python from them, so
    they never depend on a server's collation."""
    _fill(db)
    with db.reading() as s:
        rows = teachers.list_teachers(s)
    surnames = [r.full_name.split()[0] for r in rows]
    assert surnames == sorted(surnames)  # what the SQL ORDER BY gave, on either database
    kk = [r.full_name.split()[0] for r in sorted(rows, key=lambda r: sort_key(r.full_name, "kk"))]
    ru = [r.full_name.split()[0] for r in sorted(rows, key=lambda r: sort_key(r.full_name, "ru"))]
    assert kk == [
        "абенова", "Әбенова", "Елкина", "Ёлкина", "Иванов", "Кимова", "Қасымова", "Оспанов",
        "Өмірзақов", "Уразова", "Ұлықбекова", "Шевченко", "Щукина", "ІЛИЯСОВ", "Zimmer",
    ]
    assert ru == [
        "абенова", "Әбенова", "Елкина", "Ёлкина", "Иванов", "ІЛИЯСОВ", "Кимова", "Қасымова",
        "Оспанов", "Өмірзақов", "Уразова", "Ұлықбекова", "Шевченко", "Щукина", "Zimmer",
    ]


def test_the_same_migrations_make_the_models_tables(db) -> None:
    with db.engine.connect() as conn:
        opts = {"compare_type": True, "include_name": lambda name, kind, _p: name != "district_login"}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == []
    assert migrate.stored_revision(db.engine) == migrate.head_revision()


def test_a_server_database_from_a_newer_metodesk_is_refused(server_database) -> None:
    db = server_database()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    with pytest.raises(StorageError, match="newer version of metodesk"):
        prepare_database(db.address)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"


def test_check_on_a_server(server_database, capsys) -> None:
    db = server_database()
    report = check_server(db.url)
    assert report.ok, report.lines
    assert report.lines[0].startswith("Connection: ok (PostgreSQL")
    assert any("current" in line for line in report.lines)
    assert report.lines[-1].startswith("Privileges: ok")
    assert main(["--lang", "en", "--database", db.url, "check"]) == 0
    assert "Privileges: ok" in capsys.readouterr().out


def test_check_names_a_login_without_rights(server_database, pg_server) -> None:
    db = server_database()
    from sqlalchemy.engine import make_url

    role = f"reader_{make_url(db.url).database}"
    pg_server.execute(f'DROP ROLE IF EXISTS "{role}"')
    pg_server.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        with db.engine.begin() as conn:
            conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
        weak = make_url(db.url).set(username=role).render_as_string(hide_password=False)
        report = check_server(weak)
        assert not report.ok
        assert report.lines[1] == f"Schema version {migrate.head_revision()}: current."
        assert report.lines[2].startswith(
            f"The login {role} may not read or change: academic_year (INSERT, UPDATE, DELETE); "
        )
    finally:
        db.close()
        with db.engine.begin() as conn:
            conn.execute(text(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"'))
        db.close()
        pg_server.execute(f'DROP ROLE "{role}"')


def test_check_on_an_empty_server_database(pg_server, capsys) -> None:
    name = f"{pg_server.prefix}_empty"
    pg_server.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.url_of(name)
    try:
        assert main(["--lang", "en", "--database", url, "check"]) == 1
        assert "holds no metodesk data yet" in capsys.readouterr().out
    finally:
        pg_server.drop(url)


def test_the_commands_work_on_a_server(pg_server, capsys, monkeypatch) -> None:
    """demo, list and check on a server, with METODESK_DATABASE_URL; no data-folder lock is taken."""
    url = pg_server.new_database()
    monkeypatch.setenv("METODESK_DATABASE_URL", url)
    try:
        assert main(["demo"]) == 0
        assert main(["--lang", "kk", "list", "teachers"]) == 0
        out = capsys.readouterr().out
        assert "Әбдірахманова Ұлжан" in out
        assert main(["--lang", "en", "check"]) == 0
        assert not (paths.data_dir() / "metodesk.lock").exists()
        assert not paths.database_path().exists()
        assert main(["--lang", "en", "backup", "--out", str(paths.data_dir())]) == 2
        assert "pg_dump" in capsys.readouterr().err
    finally:
        pg_server.drop(url)
