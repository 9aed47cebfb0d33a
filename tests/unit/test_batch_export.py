"""The year's documents at once (services/batch_export): one PDF per held
meeting's protocol, annual plan, filled observation sheet and the schedule of
open lessons, with readable names in the document's language; progress between
documents; a cancel or an error leaves the folder as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError
from metodesk.services import batch_export, years
from metodesk.services.progress import Cancelled
from metodesk.storage.models import Meeting
from metodesk.storage.models.lessons import Lesson, Observation
from metodesk.storage.models.plans import Plan

TODAY = dt.date(2025, 12, 20)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the documents (the data folder is beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def school(demo_database):
    db = demo_database(TODAY)  # what fill_demo(session, today=TODAY) makes
    with db.reading() as session:
        year_id = years.current_year(session).id
    yield db, year_id
    db.close()


def _expected(db, year_id: int) -> dict[str, int]:
    """What the year holds, counted here without the service."""
    with db.reading() as s:
        return {
            "protocols": s.scalar(
                select(func.count(Meeting.id)).where(Meeting.year_id == year_id, Meeting.status == "held")
            ),
            "plans": s.scalar(select(func.count(Plan.id)).where(Plan.year_id == year_id)),
            "sheets": s.scalar(
                select(func.count(Observation.id)).join(Lesson).where(Lesson.year_id == year_id)
            ),
        }


def test_every_document_of_the_year_is_written_with_a_readable_name(school, out) -> None:
    db, year_id = school
    expected = _expected(db, year_id)
    assert all(expected.values()), expected  # the demo school has some of each
    result = batch_export.export_documents(db, year_id, "kk", batch_export.KINDS, out)
    names = sorted(p.name for p in out.iterdir())
    assert result.count == len(names) == sum(expected.values()) + 1  # + the schedule
    assert sorted(p.name for p in result.written) == names
    assert sum(" - Хаттама № " in n for n in names) == expected["protocols"]
    assert sum(" - Жұмыс жоспары 2025-2026" in n for n in names) == expected["plans"]
    assert sum(" - Сабақты бақылау парағы " in n for n in names) == expected["sheets"]
    assert "Ашық сабақтар кестесі 2025-2026.pdf" in names
    assert "Бастауыш сынып мұғалімдерінің әдістемелік бірлестігі - Хаттама № 1 2025-08-28.pdf" in names
    assert all(n.endswith(".pdf") and not any(c in n for c in '\\/:*?"<>|') for n in names)
    for path in out.iterdir():
        assert path.read_bytes().startswith(b"%PDF")
    protocol = out / "Бастауыш сынып мұғалімдерінің әдістемелік бірлестігі - Хаттама № 1 2025-08-28.pdf"
    assert "ХАТТАМА" in PdfReader(protocol).pages[0].extract_text().upper()


def test_russian_names_and_only_the_kinds_asked_for(school, out) -> None:
    db, year_id = school
    expected = _expected(db, year_id)
    result = batch_export.export_documents(db, year_id, "ru", [batch_export.PROTOCOLS], out)
    names = sorted(p.name for p in result.written)
    assert len(names) == expected["protocols"]
    assert all(" - Протокол № " in n for n in names)
    assert "Методическое объединение учителей начальных классов - Протокол № 1 2025-08-28.pdf" in names
    assert sorted(p.name for p in out.iterdir()) == names


def test_two_documents_of_one_name_are_kept_apart(school) -> None:
    db, year_id = school
    with db.reading() as session:
        planned = batch_export.documents(session, year_id, batch_export.KINDS, "kk")
    names = [d.name.casefold() for d in planned]
    assert len(set(names)) == len(names)
    assert any(d.name.endswith(" (2).pdf") for d in planned)  # two observers of one lesson


def test_progress_goes_document_by_document(school, out) -> None:
    db, year_id = school
    heard: list[tuple[int, int, str]] = []
    result = batch_export.export_documents(
        db, year_id, "kk", batch_export.KINDS, out, progress=lambda *a: heard.append(a)
    )
    total = result.count + 1
    assert [h[0] for h in heard] == list(range(total))
    assert {h[1] for h in heard} == {total}
    assert all(h[2] for h in heard)
    assert result.written[0].name in heard[0][2]  # the sentence names the document being written


def test_a_cancel_leaves_the_folder_as_it_was(school, out) -> None:
    db, year_id = school
    with db.reading() as session:
        first = batch_export.documents(session, year_id, batch_export.KINDS, "kk")[0].name
    (out / first).write_bytes(b"an older copy")
    (out / "notes.txt").write_text("mine")

    def progress(done: int, total: int, text: str) -> None:
        if done == 4:
            raise Cancelled

    with pytest.raises(Cancelled):
        batch_export.export_documents(db, year_id, "kk", batch_export.KINDS, out, progress)
    assert sorted(p.name for p in out.iterdir()) == sorted([first, "notes.txt"])
    assert (out / first).read_bytes() == b"an older copy"


def test_a_cancel_at_the_last_moment_still_writes_nothing(school, out) -> None:
    db, year_id = school

    def progress(done: int, total: int, text: str) -> None:
        if done == total - 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        batch_export.export_documents(db, year_id, "kk", batch_export.KINDS, out, progress)
    assert list(out.iterdir()) == []


def test_an_error_half_way_writes_nothing(school, out, monkeypatch) -> None:
    db, year_id = school
    real = batch_export._builder
    calls = {"n": 0}

    def failing(kind: str):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(kind)

    monkeypatch.setattr(batch_export, "_builder", failing)
    with pytest.raises(OSError):
        batch_export.export_documents(db, year_id, "kk", batch_export.KINDS, out)
    assert list(out.iterdir()) == []


def test_files_already_there_are_listed_and_replaced(school, out) -> None:
    db, year_id = school
    with db.reading() as session:
        planned = batch_export.documents(session, year_id, [batch_export.PLANS], "ru")
    (out / planned[0].name).write_bytes(b"old")
    assert batch_export.already_there(out, planned) == [planned[0].name]
    batch_export.export_documents(db, year_id, "ru", [batch_export.PLANS], out)
    assert (out / planned[0].name).read_bytes().startswith(b"%PDF")


def test_a_missing_folder_or_year_is_a_sentence(school, out) -> None:
    db, year_id = school
    with pytest.raises(DomainError) as err:
        batch_export.export_documents(db, year_id, "kk", batch_export.KINDS, out / "nowhere")
    assert err.value.field == "folder" and "nowhere" in err.value.message
    with pytest.raises(DomainError) as err, db.reading() as session:
        batch_export.documents(session, 9999, batch_export.KINDS, "kk")
    assert err.value.field == "year"


def test_a_year_without_lessons_has_no_schedule(db, ours) -> None:
    with db.reading() as session:
        year_id = years.current_year(session).id
        assert batch_export.documents(session, year_id, batch_export.KINDS, "kk") == []


def test_names_are_safe_and_not_too_long() -> None:
    name = batch_export._file_name(
        batch_export.PROTOCOLS, "kk", batch_export._safe('A/B: "C"? ' * 20, 70), number=3, date="2025-10-01"
    )
    assert not any(c in name for c in '\\/:*?"<>|')
    assert len(name) <= batch_export.MAX_NAME + 4
    assert name.endswith("Хаттама № 3 2025-10-01.pdf")


def test_the_folder_holds_no_leftovers(school, out) -> None:
    db, year_id = school
    batch_export.export_documents(db, year_id, "kk", [batch_export.SCHEDULE], out)
    assert [p.name for p in out.iterdir()] == ["Ашық сабақтар кестесі 2025-2026.pdf"]
    assert not any(p.name.startswith(batch_export.STAGING_PREFIX) for p in out.iterdir())
