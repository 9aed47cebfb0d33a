"""Exchange packages between a school and the district: export a year, import
it by UUID (added, then nothing on a second import), newer edits win and
conflicts are listed, the preview writes nothing, the import is all or
nothing, and a clash with a different record here is a sentence."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from metodesk.services import demo, exchange_export, exchange_import, exchange_package
from metodesk.services.exchange_format import exchange_tables
from metodesk.services.exchange_report import count_lines, report_lines
from metodesk.services.setup import prepare_database
from metodesk.storage.database import Database
from metodesk.storage.models import Decision, Meeting, Organisation, ReviewedDocument, SchoolPlan, Subject, Teacher

YEAR = "2025-2026"


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo school and a fresh district database, made once; each test gets copies."""
    folder = tmp_path_factory.mktemp("templates")
    school_db = prepare_database(folder / "school.sqlite3")
    with school_db.transaction() as session:
        demo.fill_demo(session)
    school_db.close()
    prepare_database(folder / "district.sqlite3").close()
    return folder / "school.sqlite3", folder / "district.sqlite3"


def _copy(template: Path, folder: Path) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, folder / "metodesk.sqlite3")
    return prepare_database(folder / "metodesk.sqlite3")


@pytest.fixture
def school(templates, _isolated_data_dir):
    """The demo school (in the test's data folder)."""
    db = _copy(templates[0], _isolated_data_dir)
    yield db
    db.close()


@pytest.fixture
def district(templates, tmp_path):
    """Another computer: a database seeded on its own (its own year and subject UUIDs)."""
    db = _copy(templates[1], tmp_path / "district")
    yield db
    db.close()


def export(db: Database, out: Path, association_id: int | None = None) -> Path:
    with db.reading() as session:
        return exchange_export.export_package(session, YEAR, out, association_id).path


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read with plain sqlite3."""
    conn = sqlite3.connect(f"{db.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        conn.close()


def by_uuid(db: Database, model: type, *columns: str) -> dict[str, tuple[Any, ...]]:
    with db.reading() as session:
        return {r.uuid: tuple(getattr(r, c) for c in columns) for r in session.scalars(select(model))}


# --- export ---------------------------------------------------------------------------------------


def test_export_holds_the_year_with_uuids_never_ids(school, tmp_path) -> None:
    path = export(school, tmp_path / "school.zip")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        meetings = json.loads(archive.read("tables/meeting.json"))
        links = json.loads(archive.read("tables/teacher_subject.json"))
    assert manifest["format"] == "metodesk-exchange" and manifest["format_version"] == 1
    assert manifest["scope"]["year"] == YEAR and manifest["scope"]["association"] is None
    assert set(manifest["files"]) == names - {"manifest.json"}
    # 9 meetings of the three associations and 5 of the methodical council (an association row of its own kind)
    assert manifest["counts"]["meeting"] == 14 == len(meetings)
    assert manifest["counts"]["association"] == 4 and manifest["counts"]["plan"] == 3
    assert manifest["counts"]["lesson"] == 14 and manifest["counts"]["decision"] == 38
    # Teachers: exactly those a packed record names (members, speakers, mentors …).
    with zipfile.ZipFile(path) as archive:
        packed = {
            name: json.loads(archive.read(name)) for name in archive.namelist() if name.startswith("tables/")
        }
    named = {
        row[fk.column]
        for info in exchange_tables()
        for fk in info.fks
        if fk.target == "teacher"
        for row in packed.get(f"tables/{info.name}.json", [])
        if row[fk.column]
    }
    assert {t["uuid"] for t in packed["tables/teacher.json"]} == named
    with school.reading() as session:
        assert len(named) < session.scalar(select(func.count(Teacher.id)))  # not every teacher of the school
    local = by_uuid(school, Meeting, "number")
    for row in meetings:
        assert "id" not in row and "association_id" in row
        assert row["uuid"] in local
        assert len(row["association_id"]) == 36 and len(row["year_id"]) == 36
    assert links and all(set(link) == {"teacher_id", "subject_id"} for link in links)
    # Settings and the seeded wording library stay home.
    assert "tables/setting.json" not in names and "tables/wording.json" not in names


def test_export_to_a_folder_names_the_file_and_leaves_no_partial_file(school, tmp_path) -> None:
    folder = tmp_path / "flash"
    folder.mkdir()
    path = export(school, folder)
    assert path.parent == folder and path.name.startswith("metodesk-2025-2026-") and path.suffix == ".zip"
    assert [p.name for p in folder.iterdir()] == [path.name]


def test_export_of_an_unknown_year_or_association_is_a_sentence(school, tmp_path) -> None:
    from metodesk.domain.errors import DomainError

    with school.reading() as session, pytest.raises(DomainError, match="no academic year 1999-2000"):
        exchange_export.export_package(session, "1999-2000", tmp_path / "x.zip")
    with school.reading() as session, pytest.raises(DomainError, match="no association"):
        exchange_export.export_package(session, YEAR, tmp_path / "x.zip", association_id=999)
    assert not (tmp_path / "x.zip").exists()


# --- import ---------------------------------------------------------------------------------------


def test_import_adds_everything_and_a_second_import_changes_nothing(school, district, tmp_path) -> None:
    path = export(school, tmp_path / "school.zip")
    first = exchange_import.import_file(district, path)
    assert first.added["meeting"] == 14 and first.added["decision"] == 38
    counts = exchange_package.read_package(path).counts()
    assert first.added["teacher"] == counts["teacher"] and first.added["organisation"] == 3
    assert first.total_changed == 0 and not first.conflicts
    assert by_uuid(district, Meeting, "number", "date", "status") == by_uuid(
        school, Meeting, "number", "date", "status"
    )
    assert by_uuid(district, Decision, "text", "deadline") == by_uuid(school, Decision, "text", "deadline")
    # the council's basis, the school plan with its rows and the year's analysis travel to the district
    assert first.added["council_basis"] == first.added["school_plan"] == first.added["year_analysis"] == 1
    assert first.added["school_plan_row"] == 4
    assert by_uuid(district, SchoolPlan, "theme", "status", "pedcouncil_number") == by_uuid(
        school, SchoolPlan, "theme", "status", "pedcouncil_number"
    )
    assert by_uuid(district, ReviewedDocument, "conclusion", "conclusion_reason") == by_uuid(
        school, ReviewedDocument, "conclusion", "conclusion_reason"
    )
    before = snapshot(district)
    second = exchange_import.import_file(district, path)
    assert (second.total_added, second.total_changed, second.conflicts) == (0, 0, [])
    assert second.unchanged == sum(exchange_package.read_package(path).counts().values())
    assert snapshot(district) == before
    assert "Added: 0. Changed: 0." in report_lines(second)[0]


def test_what_every_database_seeds_for_itself_is_not_doubled(school, district, tmp_path) -> None:
    def counts(db: Database) -> tuple[int, ...]:
        snap = snapshot(db)
        return len(snap["academic_year"]), len(snap["term"]), len(snap["subject"]), len(snap["criterion"])

    before = counts(district)
    exchange_import.import_file(district, export(school, tmp_path / "school.zip"))
    assert counts(district) == before == (1, 4, 31, 16)


def test_local_facts_do_not_travel(school, district, tmp_path) -> None:
    """The school's "our organisation" stays the school's; the district's current year stays current."""
    exchange_import.import_file(district, export(school, tmp_path / "school.zip"))
    with district.reading() as session:
        assert session.scalar(select(Organisation).where(Organisation.is_ours.is_(True))) is None
    assert (
        "is_ours"
        not in json.loads(zipfile.ZipFile(tmp_path / "school.zip").read("tables/organisation.json"))[0]
    )


def _set(db: Database, model: type, uuid: str, **values: Any) -> None:
    with db.transaction() as session:
        session.execute(update(model).where(model.uuid == uuid).values(**values))


def test_newer_edits_win_and_a_newer_local_edit_is_kept_as_a_conflict(school, district, tmp_path) -> None:
    exchange_import.import_file(district, export(school, tmp_path / "first.zip"))
    with school.reading() as session:
        first, second = session.scalars(select(Teacher).order_by(Teacher.id).limit(2)).all()
        first_uuid, second_uuid, second_surname = first.uuid, second.uuid, second.surname
    package_time = dt.datetime.now() + dt.timedelta(days=1)  # later than the first import
    _set(school, Teacher, first_uuid, patronymic="Мектепте түзетілген", updated_at=package_time)
    _set(school, Teacher, second_uuid, patronymic="Мектепте де түзетілген", updated_at=package_time)
    # The district edited the second teacher after the school made its package.
    _set(
        district,
        Teacher,
        second_uuid,
        patronymic="Ауданда түзетілген",
        updated_at=package_time + dt.timedelta(days=1),
    )
    path = export(school, tmp_path / "second.zip")

    preview = exchange_import.import_file(district, path, dry_run=True)
    report = exchange_import.import_file(district, path)
    assert (preview.added, preview.changed, preview.conflicts) == (
        report.added,
        report.changed,
        report.conflicts,
    )
    assert report.changed == {"teacher": 1} and report.total_added == 0
    assert len(report.conflicts) == 1 and "Teachers" in report.conflicts[0]
    assert "the version here was kept" in report.conflicts[0]
    kept = by_uuid(district, Teacher, "patronymic", "updated_at")
    assert kept[first_uuid] == ("Мектепте түзетілген", package_time)
    assert kept[second_uuid][0] == "Ауданда түзетілген"
    assert second_surname in report.conflicts[0]  # the sentence names the record
    again = exchange_import.import_file(district, path)
    assert (again.total_added, again.total_changed) == (0, 0) and len(again.conflicts) == 1


def test_the_preview_writes_nothing(school, district, tmp_path) -> None:
    path = export(school, tmp_path / "school.zip")
    before = snapshot(district)
    preview = exchange_import.import_file(district, path, dry_run=True)
    assert preview.dry_run and preview.added["meeting"] == 14
    assert snapshot(district) == before
    assert report_lines(preview)[0].startswith("Preview: nothing was written.")
    real = exchange_import.import_file(district, path)
    assert real.added == preview.added and not real.dry_run


def test_the_import_is_all_or_nothing(school, district, tmp_path, monkeypatch) -> None:
    path = export(school, tmp_path / "school.zip")
    before = snapshot(district)
    add = exchange_import._Merger._add_all  # new records go in a batch per table
    calls = {"n": 0}

    def failing_add(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 12:  # after eleven tables were written
            raise OSError("the flash drive was pulled out")
        return add(self, *args, **kwargs)

    monkeypatch.setattr(exchange_import._Merger, "_add_all", failing_add)
    with pytest.raises(OSError):
        exchange_import.import_file(district, path)
    assert calls["n"] == 12
    assert snapshot(district) == before


def test_a_clash_with_a_different_record_here_is_a_sentence(school, district, tmp_path) -> None:
    """The district renumbered a meeting to 4; the school then made its own
    meeting 4. Its number clashes with a different record: a conflict sentence,
    the meeting and what hangs under it left out, everything else imported."""
    from metodesk.services import agenda, meetings

    exchange_import.import_file(district, export(school, tmp_path / "first.zip"))
    with school.reading() as session:
        third = session.scalar(select(Meeting).where(Meeting.number == 3).order_by(Meeting.id))
        assoc_id, third_uuid = third.association_id, third.uuid
    _set(district, Meeting, third_uuid, number=4, updated_at=dt.datetime(2030, 1, 1))
    with school.transaction() as session:
        new_id = meetings.save_meeting(
            session,
            meetings.MeetingInput(association_id=assoc_id, number=4, date=dt.date(2026, 3, 10)),
            today=dt.date(2026, 1, 10),
        )
        agenda.save_item(session, new_id, agenda.ItemInput(title="Жаңа мәселе"))
        new_uuid = session.get(Meeting, new_id).uuid
    report = exchange_import.import_file(district, export(school, tmp_path / "second.zip"))
    assert new_uuid not in by_uuid(district, Meeting, "number")
    assert by_uuid(district, Meeting, "number")[third_uuid] == (4,)
    clash = [c for c in report.conflicts if "clashes with a different record here" in c]
    assert len(clash) == 1 and "Meetings" in clash[0] and "No. 4" in clash[0]
    assert report.left_out["agenda_item"] >= 1
    assert any("left out" in c for c in report.conflicts)


def test_a_package_back_from_the_district_changes_nothing_at_the_school(school, district, tmp_path) -> None:
    exchange_import.import_file(district, export(school, tmp_path / "school.zip"))
    back = export(district, tmp_path / "district.zip")
    before = snapshot(school)
    report = exchange_import.import_file(school, back)
    assert (report.total_added, report.total_changed, report.conflicts) == (0, 0, [])
    assert snapshot(school) == before


def test_count_lines_name_tables_for_people(school, tmp_path) -> None:
    with school.reading() as session:
        result = exchange_export.export_package(session, YEAR, tmp_path / "p.zip")
    lines = count_lines(result.counts)
    assert f"Teachers: {result.counts['teacher']}" in lines and "Meetings: 14" in lines
    assert lines.index("Academic years: 1") < lines.index("Meetings: 14")


def test_subjects_a_district_renamed_arrive_as_new_ones(school, district, tmp_path) -> None:
    """Matching by content is exact: a subject spelled differently here is another subject."""
    with district.transaction() as session:
        session.execute(update(Subject).values(name_ru=Subject.name_ru + " (район)"))
    path = export(school, tmp_path / "school.zip")
    report = exchange_import.import_file(district, path)
    assert report.added["subject"] == exchange_package.read_package(path).counts()["subject"] > 0


def test_the_district_keeps_two_schools_apart(school, district, tmp_path) -> None:
    """A second school (its own records, its own names) arrives beside the first."""
    folder = tmp_path / "second"
    folder.mkdir()
    other = prepare_database(folder / "metodesk.sqlite3")
    try:
        with other.transaction() as session:
            demo.fill_demo(session)
            session.execute(update(Organisation).values(name_kk=Organisation.name_kk + " (2)"))
        first = exchange_import.import_file(district, export(school, tmp_path / "first.zip"))
        second = exchange_import.import_file(district, export(other, tmp_path / "second.zip"))
    finally:
        other.close()
    assert second.added["teacher"] == first.added["teacher"] > 0
    assert second.added["meeting"] == first.added["meeting"] == 14
    assert second.added["subject"] == 0  # the same subjects, seeded on both sides
    assert len(snapshot(district)["teacher"]) == 2 * first.added["teacher"]


# --- a teacher's birth date and IIN (issue 19.4) ----------------------------------------------------


def _teacher_info():
    return next(info for info in exchange_tables() if info.name == "teacher")


def test_birth_date_and_iin_travel(school, district, tmp_path) -> None:
    from tests.unit.test_teacher_ids import BORN, make_iin

    iin = make_iin(BORN)
    with school.reading() as session:
        uuid = session.scalars(select(Teacher.uuid).order_by(Teacher.id)).first()
    _set(school, Teacher, uuid, birth_date=BORN, iin=iin, updated_at=dt.datetime(2026, 1, 5))
    first = exchange_import.import_file(district, export(school, tmp_path / "school.zip"))
    assert not first.conflicts
    assert by_uuid(district, Teacher, "birth_date", "iin")[uuid] == (BORN, iin)
    with district.reading() as session:  # every other teacher came without them
        assert session.scalar(select(func.count()).where(Teacher.iin.is_not(None))) == 1


def test_an_older_package_without_them_still_imports(school, district, tmp_path) -> None:
    """A package written before revision 0008: its teachers have neither column."""
    path = export(school, tmp_path / "school.zip")
    older = tmp_path / "older.zip"
    with zipfile.ZipFile(path) as source:
        members = {item.filename: source.read(item) for item in source.infolist()}
    rows = json.loads(members["tables/teacher.json"])
    for row in rows:
        del row["birth_date"], row["iin"]
    members["tables/teacher.json"] = json.dumps(rows, ensure_ascii=False).encode()
    manifest = json.loads(members["manifest.json"])
    manifest["schema"] = "0007"
    manifest["files"]["tables/teacher.json"] = hashlib.sha256(members["tables/teacher.json"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(older, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    report = exchange_import.import_file(district, older)
    counts = exchange_package.read_package(path).counts()
    assert report.added["teacher"] == counts["teacher"] and not report.conflicts
    assert set(by_uuid(district, Teacher, "birth_date", "iin").values()) == {(None, None)}


def test_a_package_iin_keeps_the_dialogs_rules() -> None:
    from metodesk.services.exchange_format import decode_row
    from metodesk.services.exchange_rules import BadValue
    from tests.unit.test_teacher_ids import BORN, make_iin

    iin = make_iin(BORN)
    base = {
        "uuid": "t-1", "created_at": "2025-09-01T00:00:00", "updated_at": "2025-09-01T00:00:00",
        "surname": "Нұрғалиева", "first_name": "Әсел", "organisation_id": "o-1",
    }
    row = decode_row(_teacher_info(), {**base, "iin": iin, "birth_date": BORN.isoformat()})
    assert (row["iin"], row["birth_date"]) == (iin, BORN)
    wrong = [
        ({"iin": iin[:11] + str((int(iin[11]) + 1) % 10)}, "iin"),
        ({"iin": "12345"}, "iin"),
        ({"iin": ""}, "iin"),
        ({"iin": iin, "birth_date": "1985-03-15"}, "iin"),
        ({"birth_date": "2020-01-01"}, "birth_date"),
        ({"birth_date": "1900-01-01"}, "birth_date"),
    ]
    for values, column in wrong:
        with pytest.raises(BadValue) as caught:
            decode_row(_teacher_info(), {**base, **values})
        assert caught.value.column == column
        assert iin not in caught.value.reason  # personal data is never quoted


def test_an_iin_another_teacher_holds_here_is_a_clash_that_never_quotes_it(school, district, tmp_path) -> None:
    from tests.unit.test_teacher_ids import BORN, make_iin

    iin = make_iin(BORN)
    exchange_import.import_file(district, export(school, tmp_path / "first.zip"))
    with school.reading() as session:
        first, second = session.scalars(select(Teacher.uuid).order_by(Teacher.id).limit(2)).all()
    soon = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)  # later than the demo's own edits
    _set(district, Teacher, second, iin=iin, updated_at=soon + dt.timedelta(hours=1))
    _set(school, Teacher, first, iin=iin, updated_at=soon + dt.timedelta(hours=2))
    report = exchange_import.import_file(district, export(school, tmp_path / "second.zip"))
    held = by_uuid(district, Teacher, "iin")
    assert held[second] == (iin,) and held[first] == (None,)
    assert any("clashes with another record here" in c for c in report.conflicts)
    assert not any(iin in line for line in [*report.conflicts, *report_lines(report)])
