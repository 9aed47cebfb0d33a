"""A package that is malformed, truncated, of an unknown format version, from a
newer metodesk, far too large, altered, or that names files outside its folder
is refused with one sentence, read in memory only, and the database is untouched."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from metodesk.domain.errors import DomainError
from metodesk.services import demo, exchange_export, exchange_import, exchange_package
from metodesk.services.exchange_package import PackageRefused
from metodesk.services.setup import prepare_database
from metodesk.storage.database import Database

Members = dict[str, bytes]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("package")
    db = prepare_database(folder / "school.sqlite3")
    with db.transaction() as session:
        demo.fill_demo(session)
        exchange_export.export_package(session, "2025-2026", folder / "school.zip")
    db.close()
    return folder / "school.zip"


@pytest.fixture
def district(db) -> Database:
    return db


def members_of(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, members: Members | list[tuple[str, bytes]]) -> Path:
    items = members.items() if isinstance(members, dict) else members
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about a duplicate name
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in items:
                archive.writestr(name, data)
    return path


def manifest(members: Members) -> dict[str, Any]:
    return json.loads(members["manifest.json"])


def with_member(members: Members, name: str, data: bytes, *, listed: bool = True) -> Members:
    """A member added or replaced, its checksum (and count) in the manifest put right."""
    out = dict(members)
    out[name] = data
    if listed:
        info = manifest(out)
        info["files"][name] = hashlib.sha256(data).hexdigest()
        table = name[len("tables/") : -len(".json")]
        try:
            info["counts"][table] = len(json.loads(data))
        except (ValueError, RecursionError):
            pass
        out["manifest.json"] = json.dumps(info).encode()
    return out


def with_manifest(members: Members, **changes: Any) -> Members:
    info = manifest(members)
    info.update(changes)
    return {**members, "manifest.json": json.dumps(info).encode()}


def snapshot(db: Database) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"{db.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        conn.close()


def refused(db: Database, path: Path, dry_run: bool = False) -> str:
    """The sentence of the refusal; the database is unchanged."""
    before = snapshot(db)
    with pytest.raises(PackageRefused) as caught:
        exchange_import.import_file(db, path, dry_run=dry_run)
    assert snapshot(db) == before
    sentence = str(caught.value)
    assert isinstance(caught.value, DomainError)
    assert sentence.endswith(".") and "\n" not in sentence and "Traceback" not in sentence
    return sentence


def _meeting_date(members: Members) -> Members:
    rows = json.loads(members["tables/meeting.json"])
    rows[0]["date"] = "2026-02-30"
    return with_member(members, "tables/meeting.json", json.dumps(rows).encode())


def _meeting_number_text(members: Members) -> Members:
    rows = json.loads(members["tables/meeting.json"])
    rows[0]["number"] = "three"
    return with_member(members, "tables/meeting.json", json.dumps(rows).encode())


def _unknown_column(members: Members) -> Members:
    rows = json.loads(members["tables/teacher.json"])
    rows[0]["password"] = "x"
    return with_member(members, "tables/teacher.json", json.dumps(rows).encode())


def _missing_uuid(members: Members) -> Members:
    rows = json.loads(members["tables/teacher.json"])
    del rows[0]["uuid"]
    return with_member(members, "tables/teacher.json", json.dumps(rows).encode())


def _twice_the_same_uuid(members: Members) -> Members:
    rows = json.loads(members["tables/teacher.json"])
    rows[1]["uuid"] = rows[0]["uuid"]
    return with_member(members, "tables/teacher.json", json.dumps(rows).encode())


def _count_differs(members: Members) -> Members:
    info = manifest(members)
    info["counts"]["teacher"] += 1
    return {**members, "manifest.json": json.dumps(info).encode()}


CASES: list[tuple[str, Callable[[Members], Members], str]] = [
    ("malformed-table-json", lambda m: with_member(m, "tables/meeting.json", b'[{"uuid": '), "malformed"),
    (
        "deeply-nested-json",
        lambda m: with_member(m, "tables/meeting.json", b"[" * 100_000 + b"]" * 100_000),
        "The records of “Meetings”",
    ),
    (
        "deeply-nested-manifest",
        lambda m: {**m, "manifest.json": b"[" * 100_000 + b"]" * 100_000},
        "damaged or incomplete",
    ),
    ("table-not-a-list", lambda m: with_member(m, "tables/meeting.json", b'{"a": 1}'), "malformed"),
    ("malformed-manifest", lambda m: {**m, "manifest.json": b"{not json"}, "damaged or incomplete"),
    (
        "manifest-not-ours",
        lambda m: with_manifest(m, format="something-else"),
        "not a metodesk exchange package",
    ),
    ("unknown-format-version", lambda m: with_manifest(m, format_version=2), "in format 2"),
    ("newer-schema", lambda m: with_manifest(m, schema="9999_future"), "newer version of metodesk"),
    (
        "checksum-mismatch",
        lambda m: {**m, "tables/teacher.json": m["tables/teacher.json"].replace(b"\xd0", b"\xd1", 1)},
        "checksum",
    ),
    (
        "member-missing",
        lambda m: {k: v for k, v in m.items() if k != "tables/decision.json"},
        "damaged or incomplete",
    ),
    (
        "member-not-listed",
        lambda m: with_member(m, "tables/extra.json", b"[]", listed=False),
        "does not list",
    ),
    ("unknown-table", lambda m: with_member(m, "tables/future_table.json", b"[]"), "does not know"),
    ("impossible-date", _meeting_date, "a wrong value in “date”"),
    ("text-for-a-number", _meeting_number_text, "a wrong value in “number”"),
    ("unknown-column", _unknown_column, "a wrong value in “password”"),
    ("missing-uuid", _missing_uuid, "a wrong value in “uuid”"),
    ("same-uuid-twice", _twice_the_same_uuid, "malformed"),
    ("count-differs", _count_differs, "malformed"),
    (
        "no-manifest",
        lambda m: {k: v for k, v in m.items() if k != "manifest.json"},
        "not a metodesk exchange package",
    ),
]


@pytest.mark.parametrize(("change", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_package_is_refused_and_the_database_untouched(
    package, district, tmp_path, change, expected
) -> None:
    bad = write_zip(tmp_path / "bad.zip", change(members_of(package)))
    assert expected in refused(district, bad)
    assert expected in refused(district, bad, dry_run=True)


def test_the_unchanged_package_is_accepted(package, district) -> None:
    """The cases above change one thing each in a package that imports."""
    assert exchange_import.import_file(district, package).added["meeting"] == 14  # 9 of associations, 5 of the council


def test_a_truncated_package_is_refused(package, district, tmp_path) -> None:
    data = package.read_bytes()
    for cut in (len(data) // 2, len(data) - 30, 100):
        short = tmp_path / f"short-{cut}.zip"
        short.write_bytes(data[:cut])
        assert "damaged or incomplete" in refused(district, short)


def test_a_damaged_member_is_refused(package, district, tmp_path) -> None:
    data = bytearray(package.read_bytes())
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo("tables/observation_score.json")
    start = info.header_offset + 30 + len(info.filename) + 10
    data[start : start + 40] = b"\x00" * 40
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    sentence = refused(district, damaged)
    assert "damaged or incomplete" in sentence or "checksum" in sentence


def test_not_a_zip_and_no_file_are_sentences(district, tmp_path) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("Хаттама", encoding="utf-8")
    assert "not a metodesk exchange package" in refused(district, text)
    assert "There is no file" in refused(district, tmp_path / "missing.zip")
    assert "is not a file" in refused(district, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        "../evil.json",
        "/tmp/evil.json",
        "tables/../../evil.json",
        "tables/../manifest.json",
        "C:/evil.json",
        "tables\\..\\evil.json",
        "tables/sub/teacher.json",
        "tables/.json",
    ],
)
def test_a_name_outside_the_package_folder_is_refused(package, district, tmp_path, name) -> None:
    members = with_member(members_of(package), name, b"[]")
    work = tmp_path / "work"
    work.mkdir()
    bad = write_zip(work / "bad.zip", members)
    assert "outside its folder" in refused(district, bad)
    assert sorted(p.name for p in work.iterdir()) == ["bad.zip"]  # nothing was unpacked
    assert not (tmp_path / "evil.json").exists()


def test_a_name_twice_is_refused(package, district, tmp_path) -> None:
    members = members_of(package)
    items = [*members.items(), ("tables/teacher.json", members["tables/teacher.json"])]
    assert "twice" in refused(district, write_zip(tmp_path / "twice.zip", items))


def test_far_too_many_members_are_refused(package, district, tmp_path) -> None:
    members = members_of(package)
    items = list(members.items()) + [
        (f"tables/x{i}.json", b"[]") for i in range(exchange_package.MAX_MEMBERS)
    ]
    assert "far too large" in refused(district, write_zip(tmp_path / "many.zip", items))


def test_a_package_far_too_large_unpacked_is_refused_before_it_is_read(
    package, district, tmp_path, monkeypatch
) -> None:
    """210 MB of zeros that pack into a few hundred KB: the sizes in the zip's
    directory are checked first, and no member is read at all."""
    bomb = tmp_path / "bomb.zip"
    members = members_of(package)
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        with archive.open("tables/padding.json", "w", force_zip64=True) as handle:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(210):
                handle.write(chunk)
    assert bomb.stat().st_size < 5 * 1024 * 1024

    def no_reading(*args, **kwargs):
        raise AssertionError("a member was read")

    monkeypatch.setattr(exchange_package, "_read_member", no_reading)
    sentence = refused(district, bomb)
    assert "far too large" in sentence and "210 MB" in sentence


def test_a_required_key_that_points_nowhere_refuses_or_leaves_the_record_out(package, district, tmp_path) -> None:
    """A consistent package never has one: a hand-made one is refused with a
    sentence naming the record and the field (issue 14 item 6), or, read
    leniently, merged without it (and what needs it), each skip reported."""
    members = members_of(package)
    rows = json.loads(members["tables/meeting.json"])
    rows[0]["association_id"] = "00000000-0000-0000-0000-000000000000"
    odd = write_zip(
        tmp_path / "odd.zip", with_member(members, "tables/meeting.json", json.dumps(rows).encode())
    )
    sentence = refused(district, odd)
    assert "“association_id”" in sentence and "Meetings" in sentence
    report = exchange_import.import_file(district, odd, skip_invalid=True)
    assert report.added["meeting"] == 13 and len(report.skipped) == 1 and "association_id" in report.skipped[0]
    assert report.left_out["agenda_item"] >= 1
    assert any("left out" in c for c in report.conflicts)


def test_an_older_package_without_a_new_column_takes_its_default(package, district, tmp_path) -> None:
    members = members_of(package)
    rows = json.loads(members["tables/teacher.json"])
    for row in rows:
        del row["young_specialist"]
    old = write_zip(
        tmp_path / "old.zip", with_member(members, "tables/teacher.json", json.dumps(rows).encode())
    )
    assert exchange_import.import_file(district, old).added["teacher"] == len(rows)


def test_reading_never_writes_next_to_the_package(package, tmp_path) -> None:
    folder = tmp_path / "flash"
    folder.mkdir()
    copy = Path(shutil.copy(package, folder / "p.zip"))
    read = exchange_package.read_package(copy)
    assert read.counts()["meeting"] == 14 and read.scope["year"] == "2025-2026"
    assert [p.name for p in folder.iterdir()] == ["p.zip"]
