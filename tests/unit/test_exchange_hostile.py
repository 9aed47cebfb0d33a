"""Issue 14: a package that is well-formed but wrong cannot poison, exhaust or
crash metodesk. Each value is checked like a value typed in the window; a
package with a wrong record is refused whole with a sentence naming the record
and the field (or, when asked, imported without it and the skip reported);
what is stored can always be read back by every list and export."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metodesk.domain import limits
from metodesk.domain.errors import DomainError
from metodesk.services import demo, exchange_export, exchange_import
from metodesk.services.exchange_package import PackageRefused
from metodesk.services.setup import prepare_database

ROOT = Path(__file__).resolve().parents[2]
YEAR = "2025-2026"
Members = dict[str, bytes]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    db = prepare_database(folder / "school.sqlite3")
    with db.transaction() as session:
        demo.fill_demo(session)
        exchange_export.export_package(session, YEAR, folder / "school.zip")
    db.close()
    return folder / "school.zip"


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded database nobody has filled: the district's side."""
    folder = tmp_path_factory.mktemp("empty")
    prepare_database(folder / "metodesk.sqlite3").close()
    return folder / "metodesk.sqlite3"


def members_of(path: Path) -> Members:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, members: Members) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def rows_of(members: Members, table: str) -> list[dict[str, Any]]:
    return json.loads(members[f"tables/{table}.json"])


def with_rows(members: Members, table: str, rows: list[dict[str, Any]]) -> Members:
    """The table's member replaced, the manifest's checksum and count put right."""
    out = dict(members)
    name = f"tables/{table}.json"
    data = json.dumps(rows).encode()  # a lone surrogate travels as its \\u escape
    out[name] = data
    manifest = json.loads(out["manifest.json"])
    manifest["files"][name] = hashlib.sha256(data).hexdigest()
    manifest["counts"][table] = len(rows)
    out["manifest.json"] = json.dumps(manifest).encode()
    return out


def changed(members: Members, table: str, index: int, **values: Any) -> Members:
    rows = rows_of(members, table)
    rows[index].update(values)
    return with_rows(members, table, rows)


def dump(path: Path) -> str:
    """The whole database as SQL text: equal dumps, identical data."""
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def target(empty_template: Path, tmp_path: Path):
    path = tmp_path / "target" / "metodesk.sqlite3"
    path.parent.mkdir()
    shutil.copy(empty_template, path)
    db = prepare_database(path)
    yield db
    db.close()


def refusal(db, path: Path, **kwargs: Any) -> str:
    before = dump(db.path)
    with pytest.raises(DomainError) as caught:
        exchange_import.import_file(db, path, **kwargs)
    assert dump(db.path) == before
    sentence = str(caught.value)
    assert "\n" not in sentence and "Traceback" not in sentence
    sentence.encode("utf-8")  # no lone surrogate: it can be printed
    return sentence


def exercise(data_dir: Path, out: Path) -> None:
    """Every list of the command line and the exports that broke on stored
    values (the attestation list and plan as XLSX and PDF, a plan, the lessons)."""
    from metodesk.__main__ import main

    out.mkdir(exist_ok=True)
    con = sqlite3.connect(data_dir / "metodesk.sqlite3")  # which organisation is ours never travels
    with con:
        con.execute("update organisation set is_ours = 1 where id = (select min(id) from organisation)")
    con.close()
    base = ["--data-dir", str(data_dir), "--lang", "kk"]
    for what in ("teachers", "associations", "meetings --association 1", "plans", "lessons", "mentoring", "attestation"):
        assert main([*base, "list", *what.split()]) in (0, 2)
    for document in (
        ["attestation-list", "--year", YEAR, "--out", str(out / "list.xlsx")],
        ["attestation-list", "--year", YEAR, "--out", str(out / "list.pdf")],
        ["attestation-plan", "--from", YEAR, "--out", str(out / "plan.xlsx")],
        ["lessons", "--year", YEAR, "--out", str(out / "lessons.pdf")],
    ):
        assert main([*base, "export", *document]) == 0, document


# --- the cases -----------------------------------------------------------

CASES: list[tuple[str, str, dict[str, Any], str]] = [
    ("plan-status", "plan", {"status": "bogus"}, "status"),
    ("lesson-status", "lesson", {"status": "bogus"}, "status"),
    ("far-category-date", "teacher", {"category_date": "9999-12-31"}, "category_date"),
    ("nul-in-a-name", "teacher", {"surname": "Ахмет\x00ов"}, "surname"),
    ("control-in-a-name", "teacher", {"first_name": "Ай\x0bгүл"}, "first_name"),
    ("lone-surrogate", "teacher", {"surname": "Ахм\ud800етов"}, "surname"),
    ("surname-too-long", "teacher", {"surname": "Ж" * 101}, "surname"),
    ("huge-number", "meeting", {"number": 2**62}, "number"),
    ("scale-upside-down", "observation", {"scale_min": 5, "scale_max": 1}, "scale_max"),
    ("year-name", "academic_year", {"name": "2025-2030"}, "name"),
    ("created-long-ago", "teacher", {"created_at": "1900-01-01T00:00:00"}, "created_at"),
]


@pytest.mark.parametrize(("table", "values", "column"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_wrong_value_refuses_the_package_naming_record_and_field(
    package, target, tmp_path, table, values, column
) -> None:
    bad = write_zip(tmp_path / "bad.zip", changed(members_of(package), table, 0, **values))
    sentence = refusal(target, bad)
    assert f"“{column}”" in sentence
    if table == "teacher" and "surname" not in values:
        surname = rows_of(members_of(package), "teacher")[0]["surname"]
        assert surname in sentence  # the record is named


def test_a_wrong_record_can_be_left_out_and_the_skip_reported(package, target, tmp_path) -> None:
    members = members_of(package)
    plans = rows_of(members, "plan")
    bad = write_zip(tmp_path / "bad.zip", changed(members, "plan", 0, status="bogus"))
    report = exchange_import.import_file(target, bad, skip_invalid=True)
    assert report.added["plan"] == len(plans) - 1
    assert len(report.skipped) == 1 and "“status”" in report.skipped[0]
    assert report.left_out["plan_task"] + report.left_out["plan_activity"] > 0  # what needs the plan
    exercise(target.path.parent, tmp_path / "out")


def test_a_far_future_edit_does_not_win_over_later_local_edits(package, target, tmp_path) -> None:
    """updated_at in 9999 is taken as now: an edit made here afterwards wins."""
    members = members_of(package)
    first = rows_of(members, "teacher")[0]
    future = write_zip(tmp_path / "future.zip", changed(members, "teacher", 0, updated_at="9999-12-31T00:00:00"))
    exchange_import.import_file(target, future)
    con = sqlite3.connect(target.path)
    stamp = con.execute("select updated_at from teacher where uuid = ?", (first["uuid"],)).fetchone()[0]
    con.close()
    assert dt.datetime.fromisoformat(stamp) <= limits.latest_time()


@pytest.mark.parametrize("version", [True, 1.0, "1", None])
def test_a_format_version_that_only_looks_like_1_is_refused(package, target, tmp_path, version) -> None:
    members = members_of(package)
    manifest = json.loads(members["manifest.json"])
    manifest["format_version"] = version
    members["manifest.json"] = json.dumps(manifest).encode()
    assert "format" in refusal(target, write_zip(tmp_path / "v.zip", members))


def test_an_optional_link_to_nowhere_is_emptied_and_reported(package, target, tmp_path) -> None:
    members = members_of(package)
    meetings = rows_of(members, "meeting")
    index = next(i for i, m in enumerate(meetings) if m["chair_id"])
    odd = changed(members, "meeting", index, chair_id="00000000-0000-4000-8000-000000000000")
    report = exchange_import.import_file(target, write_zip(tmp_path / "odd.zip", odd))
    assert report.emptied[("meeting", "teacher")] == 1
    assert any("left empty" in line for line in report.conflicts)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_device_is_not_read(target, tmp_path) -> None:
    fifo = tmp_path / "package.zip"
    os.mkfifo(fifo)
    assert "is not a file" in refusal(target, fifo)  # at once: opening a FIFO would wait for a writer
    if Path("/dev/zero").exists():
        assert "is not a file" in refusal(target, Path("/dev/zero"))


# --- the property ----------------------------------------------------------------

_WEIRD_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "\x00", "\ud800", "bogus", "\ufffe", "a\x1bb", "Ж" * 400, "9999-12-31"]),
)
VALUES = st.one_of(
    _WEIRD_TEXT,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, -1, 2**63, 9, 10, 11, 999, 1000]),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=True),
    st.sampled_from(
        ["9999-12-31", "0001-01-01", "1939-12-31", "2101-01-01", "2026-02-30", "2025-09-01T00:00:00", "9999-12-31T23:59:59"]
    ),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


# Where a wrong value used to break a reader (issue 14's runs), and such values.
SENSITIVE = [
    ("plan", "status"),
    ("lesson", "status"),
    ("teacher", "category_date"),
    ("teacher", "surname"),
    ("teacher", "first_name"),
    ("category_award", "award_date"),
    ("meeting", "chair_id"),
    ("observation", "scale_max"),
    ("lesson", "grade"),
    ("teacher", "updated_at"),
]
POISON = ["bogus", "9999-12-31", "Ахмет\x00ов", "\ud800", "9999-12-31T00:00:00", 2**63, -5, "Ж" * 100_000]


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_mutated_package_is_refused_or_leaves_everything_readable(
    package, empty_template, tmp_path_factory, data
) -> None:
    members = members_of(package)
    tables = sorted(name[len("tables/") : -len(".json")] for name in members if name.startswith("tables/"))
    aimed = data.draw(st.one_of(st.none(), st.sampled_from(SENSITIVE)))
    table = aimed[0] if aimed else data.draw(st.sampled_from(tables))
    rows = rows_of(members, table)
    if not rows:
        return
    index = data.draw(st.integers(0, len(rows) - 1))
    column = aimed[1] if aimed else data.draw(st.sampled_from(sorted(rows[index])))
    rows[index][column] = data.draw(st.one_of(st.sampled_from(POISON), VALUES))
    folder = tmp_path_factory.mktemp("prop")
    bad = write_zip(folder / "bad.zip", with_rows(members, table, rows))
    (folder / "data").mkdir()
    shutil.copy(empty_template, folder / "data" / "metodesk.sqlite3")
    db = prepare_database(folder / "data" / "metodesk.sqlite3")
    before = dump(db.path)
    try:
        exchange_import.import_file(db, bad)
    except PackageRefused as exc:
        assert dump(db.path) == before
        str(exc).encode("utf-8")
        return
    finally:
        db.close()
    exercise(folder / "data", folder / "out")


# --- the caps ----------------------------------------------------------------------

_CHILD = """
import resource, sys
from pathlib import Path
from metodesk.services.exchange_package import read_package, PackageRefused
try:
    read_package(Path(sys.argv[1]))
    outcome = "read"
except PackageRefused as exc:
    outcome = "refused"
usage = resource.getrusage(resource.RUSAGE_SELF)
# CPU seconds, not the wall clock: the cost of a refusal, whatever else the machine runs.
# Peak memory from VmHWM where there is /proc: Linux carries ru_maxrss over an exec, so
# getrusage would report the parent's peak (a pytest worker's hundreds of MB).
try:
    peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except OSError:
    peak_kb = usage.ru_maxrss
print(outcome, usage.ru_utime + usage.ru_stime, peak_kb // 1024)
"""


def _measure(path: Path) -> tuple[str, float, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    outcome, seconds, megabytes = done.stdout.split()
    return outcome, float(seconds), int(megabytes)


def _bomb(members: Members, table: str, data: bytes, count: int) -> Members:
    out = dict(members)
    name = f"tables/{table}.json"
    out[name] = data
    manifest = json.loads(out["manifest.json"])
    manifest["files"][name] = hashlib.sha256(data).hexdigest()
    manifest["counts"][table] = count
    out["manifest.json"] = json.dumps(manifest).encode()
    return out


BOMBS = {
    "empty-objects": lambda: (b"[" + b"{}," * 9_000_000 + b"{}]", 9_000_001),
    "nested-lists": lambda: (b"[" + b"[]," * 9_000_000 + b"[]]", 9_000_001),
    "one-huge-surname": lambda: (
        b'[{"uuid": "a", "surname": "' + b"x" * 30_000_000 + b'"}]',
        1,
    ),
    "one-object-with-millions-of-keys": lambda: (b'[{"uuid": "a", ' + b'"x": "", ' * 3_000_000 + b'"y": 1}]', 1),
}


@pytest.mark.slow
@pytest.mark.parametrize("bomb", sorted(BOMBS))
def test_a_bomb_is_refused_in_seconds_and_little_memory(package, tmp_path, bomb) -> None:
    data, count = BOMBS[bomb]()
    for claimed in (count, 90_000):
        path = write_zip(tmp_path / f"{bomb}.zip", _bomb(members_of(package), "teacher", data, claimed))
        assert path.stat().st_size < 1_000_000
        outcome, seconds, megabytes = _measure(path)
        assert outcome == "refused"
        assert seconds < 5 and megabytes < 400, (seconds, megabytes)
