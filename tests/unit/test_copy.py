"""`metodesk copy --to URL` and `--from URL`: a whole database to a server and
back, every table round-tripped row for row (issue 20)."""

from __future__ import annotations

from sqlalchemy import select

from metodesk import paths
from metodesk.__main__ import main
from metodesk.services import organisations, teachers
from metodesk.services.setup import prepare_database
from metodesk.services.teachers import TeacherInput
from metodesk.storage import copy
from metodesk.storage.engine import make_engine
from metodesk.storage.server import make_server_engine


def _everything(engine) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order."""
    found = {}
    with engine.connect() as conn:
        for table in copy.tables():
            order = list(table.primary_key.columns) or list(table.c)
            found[table.name] = [tuple(row) for row in conn.execute(select(table).order_by(*order))]
    return found


def test_copy_to_a_server_and_back_keeps_every_row(demo_database, pg_server, tmp_path, capsys) -> None:
    demo = demo_database()
    original = _everything(demo.engine)
    demo.close()
    assert sum(map(len, original.values())) > 500 and all(
        original[name] for name in ("teacher", "meeting", "plan", "lesson", "mentoring_pair", "category_award")
    )
    url = pg_server.url_of(f"{pg_server.prefix}_copy")
    pg_server.execute(f'CREATE DATABASE "{pg_server.prefix}_copy"')
    try:
        assert main(["--lang", "en", "copy", "--to", url]) == 0
        total = sum(map(len, original.values()))
        assert capsys.readouterr().out.strip().startswith(f"{total} records were copied into postgresql://")
        server = make_server_engine(url)
        try:
            assert _everything(server) == original
        finally:
            server.dispose()

        back = tmp_path / "back"
        assert main(["--lang", "en", "--data-dir", str(back), "copy", "--from", url]) == 0
        returned = make_engine(back / paths.DB_FILENAME)
        try:
            assert _everything(returned) == original
        finally:
            returned.dispose()

        # The server goes on from the copied ids: a new record gets a new one.
        db = prepare_database(url)
        try:
            with db.transaction() as s:
                org = organisations.ours(s).id
                new_id = teachers.save_teacher(s, TeacherInput(surname="Жаңа", first_name="Мұғалім", organisation_id=org))
            teacher_table = next(t for t in copy.tables() if t.name == "teacher")
            id_at = [c.name for c in teacher_table.c].index("id")
            assert new_id > max(row[id_at] for row in original["teacher"])
        finally:
            db.close()

        # A second copy into a database that holds records is refused, and changes nothing.
        assert main(["--lang", "en", "copy", "--to", url]) == 2
        assert "already holds records" in capsys.readouterr().err
        assert main(["--lang", "en", "--data-dir", str(back), "copy", "--from", url]) == 2
        assert "already holds a database" in capsys.readouterr().err
    finally:
        pg_server.drop(url)


def test_copy_refuses_what_is_not_a_server(capsys) -> None:
    assert main(["--lang", "en", "copy", "--to", "/tmp/elsewhere.sqlite3"]) == 2
    assert "is not a database server address" in capsys.readouterr().err


def test_a_school_package_merges_into_a_server_as_into_a_file(demo_database, server_database, fresh_database, tmp_path):
    """The same package, into a new file and into a new server database: the
    same report, and a second import changes nothing on either."""
    from metodesk.services import exchange_export, exchange_import, exchange_package

    demo = demo_database()
    with demo.reading() as s:
        made = exchange_export.export_package(s, "2025-2026", tmp_path / "school.zip")
    demo.close()
    package = exchange_package.read_package(made.path)
    reports = {}
    for kind, target in (("sqlite", fresh_database(tmp_path / "file" / "metodesk.sqlite3")), ("server", server_database())):
        first = exchange_import.apply(target, package)
        again = exchange_import.apply(target, package)
        assert first.total_added > 100 and not first.conflicts
        assert (again.total_added, again.total_changed, again.conflicts) == (0, 0, [])
        reports[kind] = (dict(first.added), dict(first.changed), first.unchanged)
        target.close()
    assert reports["sqlite"] == reports["server"]
