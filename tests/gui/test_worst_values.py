"""Issue 14: a value that is stored can always be read. Every table of a real
export is filled with the worst values its columns admit (text at the column's
length limit, dates at the domain's last day, numbers at the top of their
range, every flag set), imported, and then every list, tab and export of the
program must still work."""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, DateTime, Integer

from metodesk import paths
from metodesk.__main__ import main
from metodesk.domain import academic_year, iin, limits
from metodesk.services import demo, exchange_export, exchange_import, exchange_rules
from metodesk.services.exchange_format import exchange_tables
from metodesk.services.setup import prepare_database

YEAR = "2025-2026"
# Columns kept as exported: natural keys (changing them would clash with the
# seeds or with each other), the year itself, codes (their rule is a list).
KEEP = {
    ("meeting", "number"),
    ("term", "number"),
    ("decision", "number"),
    ("attestation_case", "year_start"),
    ("attestation_rule", "valid_from"),
    ("attestation_rule", "subject"),
    ("criteria_set", "code"),
    ("wording", "code"),
    ("teacher", "search_key"),
}
WORDS = "Қазақстан Республикасы Білім және ғылым министрлігінің бұйрығы "
TIGHTER = {("lesson", "grade"): 12, ("lesson", "period"): 8, ("lesson_move", "from_period"): 8}
TIGHTER |= {("lesson_move", "to_period"): 8, ("observation_score", "score"): 2}


def worst_text(limit: int) -> str:
    """At the limit: a word too long for any column, then long words."""
    if limit <= 120:
        return "Ғ" * limit
    return ("Ж" * 80 + " " + WORDS * (limit // len(WORDS) + 1))[:limit]


SERIALS = itertools.count(10_000)


def worst_row(table: str, row: dict[str, Any], info: Any) -> None:
    for column in info.data_columns:
        if (table, column) in KEEP or (table, column) in exchange_rules.CODES or table == "academic_year":
            continue
        kind = info.table.c[column].type
        if isinstance(kind, Boolean):
            row[column] = True
        elif isinstance(kind, Integer):
            low, high = exchange_rules.INT_RANGES.get((table, column), exchange_rules.DEFAULT_INT_RANGE)
            if column == "scale_min":
                high -= 1
            row[column] = TIGHTER.get((table, column), high)
        elif isinstance(kind, DateTime):
            continue
        elif isinstance(kind, Date):
            row[column] = limits.DATE_MAX.isoformat()
        else:
            row[column] = worst_text(exchange_rules.text_limit(table, column, kind))
    if table == "teacher":  # birth date and IIN have rules of their own: the oldest teacher allowed
        birth = iin.birth_date_bounds(academic_year.today())[0]
        row["birth_date"] = birth.isoformat()
        row["iin"] = next(  # each teacher its own: an IIN is unique
            first + str(digit)
            for serial in SERIALS
            if (digit := iin.control_digit(first := birth.strftime("%y%m%d") + str(serial))) is not None
        )


@pytest.fixture(scope="module")
def worst_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("worst")
    school = prepare_database(folder / "school.sqlite3")
    with school.transaction() as session:
        demo.fill_demo(session)
        exchange_export.export_package(session, YEAR, folder / "school.zip")
    school.close()
    infos = {info.name: info for info in exchange_tables()}
    with zipfile.ZipFile(folder / "school.zip") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(members["manifest.json"])
    for name in [n for n in members if n.startswith("tables/")]:
        table = name[len("tables/") : -len(".json")]
        rows = json.loads(members[name])
        for row in rows:
            worst_row(table, row, infos[table])
        members[name] = json.dumps(rows, ensure_ascii=False).encode()
        manifest["files"][name] = hashlib.sha256(members[name]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(folder / "worst.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = folder / "data"
    data.mkdir()
    db = prepare_database(data / "metodesk.sqlite3")
    report = exchange_import.import_file(db, folder / "worst.zip")
    db.close()
    assert report.total_added > 500
    con = sqlite3.connect(data / "metodesk.sqlite3")
    with con:  # which organisation is ours never travels
        con.execute("update organisation set is_ours = 1 where id = (select min(id) from organisation)")
    con.close()
    return data


def ids(data: Path, table: str) -> list[int]:
    con = sqlite3.connect(data / "metodesk.sqlite3")
    try:
        return [r[0] for r in con.execute(f"select id from {table} order by id limit 2")]  # noqa: S608
    finally:
        con.close()


LISTS = ["teachers", "associations", "plans", "lessons", "mentoring", "attestation", "backups"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_list_and_export_reads_the_worst_values(worst_folder: Path, tmp_path: Path, lang: str) -> None:
    base = ["--data-dir", str(worst_folder), "--lang", lang]
    for what in LISTS:
        assert main([*base, "list", what]) == 0, what
    association = ids(worst_folder, "association")[0]
    assert main([*base, "list", "meetings", "--association", str(association)]) == 0
    out = tmp_path
    documents = [
        ["protocol", "--association", str(association), "--number", "1", "--out", str(out / "p.pdf")],
        ["attendance", "--association", str(association), "--number", "1", "--out", str(out / "a.pdf")],
        ["plan", "--association", str(association), "--out", str(out / "plan.pdf")],
        ["plan", "--association", str(association), "--out", str(out / "plan.docx")],
        ["observation", "--observation", str(ids(worst_folder, "observation")[0]), "--out", str(out / "o.pdf")],
        ["observation-blank", "--lesson", str(ids(worst_folder, "lesson")[0]), "--out", str(out / "b.pdf")],
        ["mentoring-plan", "--pair", str(ids(worst_folder, "mentoring_pair")[0]), "--out", str(out / "mp.pdf")],
        ["mentoring-report", "--pair", str(ids(worst_folder, "mentoring_pair")[0]), "--out", str(out / "mr.pdf")],
        ["attestation-plan", "--from", YEAR, "--out", str(out / "ap.pdf")],
        ["attestation-plan", "--from", YEAR, "--out", str(out / "ap.xlsx")],
        ["attestation-list", "--year", YEAR, "--out", str(out / "al.pdf")],
        ["attestation-list", "--year", YEAR, "--out", str(out / "al.xlsx")],
    ]
    for document in documents:
        assert main([*base, "export", *document]) == 0, document


@pytest.mark.slow
def test_the_lessons_schedule_reads_the_worst_values(worst_folder: Path, tmp_path: Path) -> None:
    base = ["--data-dir", str(worst_folder), "--lang", "kk"]
    assert main([*base, "export", "lessons", "--year", YEAR, "--out", str(tmp_path / "l.pdf")]) == 0


@pytest.mark.slow
def test_every_tab_reads_the_worst_values(worst_folder: Path, qtbot, monkeypatch) -> None:
    from metodesk.ui import errors
    from metodesk.ui.context import AppContext
    from metodesk.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(errors, "show_unexpected", shown.append)
    paths.set_data_dir(worst_folder)
    db = prepare_database(paths.database_path())
    try:
        window = MainWindow(AppContext(db))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(window.tabs_built, timeout=20_000)
        for tab in window.tabs:
            tab.ensure_loaded()
        assert shown == []
        window.close()
    finally:
        db.close()


@pytest.mark.parametrize("key", ["council-protocol", "reviewed-documents", "school-plan", "year-analysis"])
def test_the_council_documents_read_the_worst_values(worst_folder: Path, key: str) -> None:
    """The methodical council's documents (issue 17) read and print the worst values, PDF and Word."""
    from metodesk.documents import registry
    from metodesk.documents.base import Format
    from metodesk.storage.database import open_database

    db = open_database(worst_folder / "metodesk.sqlite3")
    kind = registry.kind(key)
    try:
        with db.reading() as session:
            data = kind.read(session, {"number": 1, "year": YEAR} if key == "council-protocol" else {"year": YEAR})
        for lang in ("kk", "ru"):
            assert kind.build(data, lang, Format.PDF).startswith(b"%PDF")
            assert kind.build(data, lang, Format.DOCX)[:2] == b"PK"
    finally:
        db.close()
