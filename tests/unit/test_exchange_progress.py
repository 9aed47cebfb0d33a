"""Exchange packages report progress and can be stopped: the export hears each
table and writes nothing when stopped; the preview and the import hear each
table (and, within a long one, every few hundred rows), and a stop during the
import rolls the whole merge back. Without a callback nothing changes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from metodesk.services import demo, exchange_export, exchange_import, exchange_package
from metodesk.services.exchange_format import exchange_tables
from metodesk.services.progress import Cancelled
from metodesk.services.setup import prepare_database
from metodesk.storage.database import Database

YEAR = "2025-2026"


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo school and a fresh database elsewhere, made once; each test gets copies."""
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
def school(templates, tmp_path):
    db = _copy(templates[0], tmp_path / "school")
    yield db
    db.close()


@pytest.fixture
def district(templates, tmp_path):
    db = _copy(templates[1], tmp_path / "district")
    yield db
    db.close()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export(db: Database, out: Path) -> Path:
    with db.reading() as session:
        return exchange_export.export_package(session, YEAR, out).path


def snapshot(db: Database) -> dict[str, list[Any]]:
    """Every row of every table, read with plain sqlite3."""
    conn = sqlite3.connect(f"{db.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"').fetchall())) for n in names}
    finally:
        conn.close()


def _recorder(stop_at: int | None = None, calls: list[tuple[int, int, str]] | None = None):
    heard = calls if calls is not None else []

    def progress(done: int, total: int, text: str) -> None:
        heard.append((done, total, text))
        if stop_at is not None and len(heard) == stop_at:
            raise Cancelled

    return progress, heard


def test_the_export_hears_every_table_then_the_writing(school, out: Path) -> None:
    progress, heard = _recorder()
    with school.reading() as session:
        result = exchange_export.export_package(session, YEAR, out / "p.zip", progress=progress)
    total = len(exchange_tables()) + 3
    steps = [h[0] for h in heard]
    assert sorted(set(steps)) == list(range(total)) and steps == sorted(steps)
    assert steps.count(0) > 1  # finding the records ticks between tables
    assert {h[1] for h in heard} == {total}
    assert next(h[2] for h in heard if h[0] == 1).startswith("Reading: ")
    assert heard[-1][2] == "Writing the package…"
    assert result.path.is_file() and result.total > 0


@pytest.mark.parametrize("stop_text", ["Finding the records", "Reading: ", "Writing the package"])
def test_a_stopped_export_writes_no_file(school, out: Path, stop_text: str) -> None:
    heard: list[str] = []

    def progress(done: int, total: int, text: str) -> None:
        heard.append(text)
        if text.startswith(stop_text):
            raise Cancelled

    with pytest.raises(Cancelled), school.reading() as session:
        exchange_export.export_package(session, YEAR, out, progress=progress)
    assert heard[-1].startswith(stop_text)
    assert list(out.iterdir()) == []


def test_the_import_hears_each_table_of_the_package(school, district, out: Path) -> None:
    package = exchange_package.read_package(export(school, out / "p.zip"))
    tables = [name for name, rows in package.rows.items() if rows]
    progress, heard = _recorder()
    report = exchange_import.apply(district, package, progress)
    steps = sorted({h[0] for h in heard})
    assert steps == list(range(len(tables) + 1))
    assert {h[1] for h in heard} == {len(tables)}
    assert heard[0][2].startswith("Merging: ") and heard[-1][2] == "Finishing…"
    assert report.total_added > 0


def test_a_stop_during_the_import_rolls_everything_back(school, district, out: Path) -> None:
    package = exchange_package.read_package(export(school, out / "p.zip"))
    before = snapshot(district)
    progress, heard = _recorder(stop_at=6)  # five tables merged in the transaction, then Cancel
    with pytest.raises(Cancelled):
        exchange_import.apply(district, package, progress)
    assert len(heard) == 6
    assert snapshot(district) == before
    # and the same package still imports whole afterwards
    assert exchange_import.apply(district, package).total_added > 0


def test_a_stop_at_the_very_end_still_keeps_nothing(school, district, out: Path) -> None:
    package = exchange_package.read_package(export(school, out / "p.zip"))
    before = snapshot(district)

    def progress(done: int, total: int, text: str) -> None:
        if done == total:
            raise Cancelled

    with pytest.raises(Cancelled):
        exchange_import.apply(district, package, progress)
    assert snapshot(district) == before


def test_a_long_table_is_heard_every_few_hundred_rows(school, district, out: Path, monkeypatch) -> None:
    monkeypatch.setattr(exchange_import, "_CHUNK", 5)
    package = exchange_package.read_package(export(school, out / "p.zip"))
    tables = [name for name, rows in package.rows.items() if rows]
    progress, heard = _recorder()
    exchange_import.preview(district, package, progress)
    assert len(heard) > len(tables) + 1 + 10  # repeats within tables, not just one per table
    assert [h[0] for h in heard] == sorted(h[0] for h in heard)  # never goes back
