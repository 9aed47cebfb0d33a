"""The year's documents at once (``documents.batch``): one file per document of
the registry's year kinds — plans, protocols and attendance sheets of held
meetings, the schedule of open lessons, filled observation sheets, mentors'
plans and reports, the attestation list — as PDF or Word, with readable names
in the document's language; of the whole school or one association; progress
between documents; a cancel or an error leaves the folder as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy import func, select

from metodesk import files, paths
from metodesk.documents import KINDS, batch
from metodesk.documents.base import DocumentKind, Entry, Format, safe_file_name
from metodesk.domain.errors import DomainError
from metodesk.services import years
from metodesk.services.progress import Cancelled
from metodesk.storage.models import Association, Meeting, MentoringPair
from metodesk.storage.models.lessons import Lesson, Observation
from metodesk.storage.models.plans import Plan

TODAY = dt.date(2025, 12, 20)
YEAR_KINDS = [kind.key for kind in KINDS if kind.year_label() is not None]
NOT_IN_NAMES = '\\/:*?"<>|'


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
    """What the year holds, counted here without the registry."""
    with db.reading() as s:
        held = s.scalar(select(func.count(Meeting.id)).where(Meeting.year_id == year_id, Meeting.status == "held"))
        pairs = s.scalar(select(func.count(MentoringPair.id)).where(MentoringPair.year_id == year_id))
        return {
            "protocol": held,
            "attendance": held,
            "plan": s.scalar(select(func.count(Plan.id)).where(Plan.year_id == year_id)),
            "observation": s.scalar(select(func.count(Observation.id)).join(Lesson).where(Lesson.year_id == year_id)),
            "lessons": 1,  # the school's schedule
            "mentoring-plan": pairs,
            "mentoring-report": pairs,
            "attestation-list": 1,
            "reviewed-documents": 1,  # the school's register, the analysis and the plan of the year
            "school-plan": 1,
            "year-analysis": 1,
        }


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def test_the_year_kinds_are_the_registrys() -> None:
    assert YEAR_KINDS == [
        "plan",
        "protocol",
        "attendance",
        "lessons",
        "observation",
        "mentoring-plan",
        "mentoring-report",
        "attestation-list",
        "reviewed-documents",
        "school-plan",
        "year-analysis",
    ]


def test_every_document_of_the_year_is_written_with_a_readable_name(school, out) -> None:
    db, year_id = school
    expected = _expected(db, year_id)
    assert all(expected.values()), expected  # the demo school has some of each
    assert sorted(expected) == sorted(YEAR_KINDS)
    result = batch.export_documents(db, year_id, "kk", YEAR_KINDS, out)
    names = sorted(p.name for p in out.iterdir())
    assert result.count == len(names) == sum(expected.values())
    assert sorted(p.name for p in result.written) == names
    assert sum(" - Хаттама № " in n for n in names) == expected["protocol"]
    assert sum(" - Қатысу парағы № " in n for n in names) == expected["attendance"]
    assert sum(" - Жұмыс жоспары 2025-2026" in n for n in names) == expected["plan"]
    assert sum(" - Сабақты бақылау парағы " in n for n in names) == expected["observation"]
    assert sum(n.startswith("Тәлімгер жоспары ") for n in names) == expected["mentoring-plan"]
    assert sum(n.startswith("Тәлімгер есебі ") for n in names) == expected["mentoring-report"]
    assert "Ашық сабақтар кестесі 2025-2026.pdf" in names
    assert "Аттестатталатын педагогтер тізімі 2025-2026.pdf" in names
    assert "Бастауыш сынып мұғалімдерінің әдістемелік бірлестігі - Хаттама № 1 2025-08-28.pdf" in names
    assert all(n.endswith(".pdf") and not any(c in n for c in NOT_IN_NAMES) for n in names)
    for path in out.iterdir():
        assert path.read_bytes().startswith(b"%PDF")
    protocol = out / "Бастауыш сынып мұғалімдерінің әдістемелік бірлестігі - Хаттама № 1 2025-08-28.pdf"
    assert "ХАТТАМА" in PdfReader(protocol).pages[0].extract_text().upper()


def test_russian_names_and_only_the_kinds_asked_for(school, out) -> None:
    db, year_id = school
    expected = _expected(db, year_id)
    result = batch.export_documents(db, year_id, "ru", ["protocol"], out)
    names = sorted(p.name for p in result.written)
    assert len(names) == expected["protocol"]
    assert all(" - Протокол № " in n for n in names)
    assert "Методическое объединение учителей начальных классов - Протокол № 1 2025-08-28.pdf" in names
    assert sorted(p.name for p in out.iterdir()) == names


def test_one_association_has_only_its_own_documents(school, out) -> None:
    db, year_id = school
    with db.reading() as session:
        assoc = session.scalars(
            select(Association).where(Association.year_id == year_id, Association.name_ru.like("%начальных%"))
        ).one()
        association_id, name = assoc.id, assoc.name_ru
        held = session.scalar(
            select(func.count(Meeting.id)).where(Meeting.association_id == assoc.id, Meeting.status == "held")
        )
    result = batch.export_documents(db, year_id, "ru", YEAR_KINDS, out, association_id=association_id)
    names = sorted(p.name for p in result.written)
    assert names and all(n.startswith(name + " - ") for n in names)
    assert sum(" - Протокол № " in n for n in names) == held
    assert sum(" - План работы " in n for n in names) == 1
    assert not any("Список аттестуемых" in n for n in names)  # the school's list is no association's


def test_two_documents_of_one_name_are_kept_apart(school) -> None:
    db, year_id = school
    with db.reading() as session:
        planned = batch.documents(session, year_id, YEAR_KINDS, "kk")
    names = [d.name.casefold() for d in planned]
    assert len(set(names)) == len(names)
    assert any(d.name.endswith(" (2).pdf") for d in planned)  # two observers of one lesson


def test_progress_goes_document_by_document(school, out) -> None:
    db, year_id = school
    heard: list[tuple[int, int, str]] = []
    result = batch.export_documents(db, year_id, "kk", ["plan", "lessons"], out, progress=lambda *a: heard.append(a))
    total = result.count + 1
    assert [h[0] for h in heard] == list(range(total))
    assert {h[1] for h in heard} == {total}
    assert all(h[2] for h in heard)
    assert result.written[0].name in heard[0][2]  # the sentence names the document being written


def test_a_cancel_leaves_the_folder_as_it_was(school, out) -> None:
    db, year_id = school
    with db.reading() as session:
        first = batch.documents(session, year_id, YEAR_KINDS, "kk")[0].name
    (out / first).write_bytes(b"an older copy")
    (out / "notes.txt").write_text("mine")

    def progress(done: int, total: int, text: str) -> None:
        if done == 4:
            raise Cancelled

    with pytest.raises(Cancelled):
        batch.export_documents(db, year_id, "kk", YEAR_KINDS, out, progress)
    assert sorted(p.name for p in out.iterdir()) == sorted([first, "notes.txt"])
    assert (out / first).read_bytes() == b"an older copy"


def test_a_cancel_at_the_last_moment_still_writes_nothing(school, out) -> None:
    db, year_id = school

    def progress(done: int, total: int, text: str) -> None:
        if done == total - 1:
            raise Cancelled

    with pytest.raises(Cancelled):
        batch.export_documents(db, year_id, "kk", ["plan", "lessons"], out, progress)
    assert list(out.iterdir()) == []


def test_an_error_half_way_writes_nothing(school, out, monkeypatch) -> None:
    db, year_id = school
    real = DocumentKind.build
    calls = {"n": 0}

    def failing(self, data, lang, fmt=Format.PDF):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(self, data, lang, fmt)

    monkeypatch.setattr(DocumentKind, "build", failing)
    with pytest.raises(OSError):
        batch.export_documents(db, year_id, "kk", ["plan", "protocol"], out)
    assert calls["n"] == 3 and list(out.iterdir()) == []


def test_files_already_there_are_listed_and_replaced(school, out) -> None:
    db, year_id = school
    with db.reading() as session:
        planned = batch.documents(session, year_id, ["plan"], "ru")
    (out / planned[0].name).write_bytes(b"old")
    assert batch.already_there(out, planned) == [planned[0].name]
    batch.export_documents(db, year_id, "ru", ["plan"], out)
    assert (out / planned[0].name).read_bytes().startswith(b"%PDF")


def test_a_missing_folder_or_year_is_a_sentence(school, out) -> None:
    db, year_id = school
    with pytest.raises(DomainError) as err:
        batch.export_documents(db, year_id, "kk", YEAR_KINDS, out / "nowhere")
    assert err.value.field == "folder" and "nowhere" in err.value.message
    with pytest.raises(DomainError) as err, db.reading() as session:
        batch.documents(session, 9999, YEAR_KINDS, "kk")
    assert err.value.field == "year"


def test_the_backups_folder_is_never_a_target(school) -> None:
    db, year_id = school
    backups = paths.data_dir() / "backups"
    backups.mkdir()
    with pytest.raises(files.ProtectedTargetError):
        batch.export_documents(db, year_id, "kk", ["plan"], backups)
    assert list(backups.iterdir()) == []


def test_an_empty_year_has_only_the_attestation_list(db, ours) -> None:
    with db.reading() as session:
        year_id = years.current_year(session).id
        planned = batch.documents(session, year_id, YEAR_KINDS, "kk")
        assert [p.entry.kind for p in planned] == ["attestation-list"]
        assert batch.documents(session, year_id, [k for k in YEAR_KINDS if k != "attestation-list"], "kk") == []


def test_names_are_safe_and_not_too_long() -> None:
    entry = Entry("protocol", {"meeting": 1}, "Хаттама № 3 2025-10-01", safe_file_name('A/B: "C"? ' * 20, 70))
    name = entry.file_stem + ".pdf"
    assert not any(c in name for c in NOT_IN_NAMES)
    assert len(name) <= 150 + 4
    assert name.startswith("A B C A B C") and ".pdf" in name


def test_the_folder_holds_no_leftovers(school, out) -> None:
    db, year_id = school
    batch.export_documents(db, year_id, "kk", ["lessons"], out)
    assert [p.name for p in out.iterdir()] == ["Ашық сабақтар кестесі 2025-2026.pdf"]
    assert not any(p.name.startswith(batch.STAGING_PREFIX) for p in out.iterdir())


# ---- Word -------------------------------------------------------------------------------------

# a word each kind's document must hold, by language
WORDS = {
    "kk": {
        "plan": "БЕКІТЕМІН",
        "protocol": "ХАТТАМА",
        "attendance": "ҚАТЫСУ ПАРАҒЫ",
        "lessons": "АШЫҚ САБАҚТАР КЕСТЕСІ",
        "observation": "САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ",
        "mentoring-plan": "ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫС ЖОСПАРЫ",
        "mentoring-report": "ТУРАЛЫ ЕСЕП",
        "attestation-list": "Аттестатталатын",
        "reviewed-documents": "тіркеу журналы",
        "school-plan": "әдістемелік жұмыс жоспары",
        "year-analysis": "әдістемелік жұмыстың талдауы",
    },
    "ru": {
        "plan": "УТВЕРЖДАЮ",
        "protocol": "ПРОТОКОЛ",
        "attendance": "ЛИСТ РЕГИСТРАЦИИ",
        "lessons": "ГРАФИК ОТКРЫТЫХ УРОКОВ",
        "observation": "ЛИСТ НАБЛЮДЕНИЯ УРОКА",
        "mentoring-plan": "ПЛАН РАБОТЫ НАСТАВНИКА",
        "mentoring-report": "ОТЧЁТ О РАБОТЕ НАСТАВНИКА",
        "attestation-list": "ПОДЛЕЖАЩИХ АТТЕСТАЦИИ",
        "reviewed-documents": "Журнал учёта документов",
        "school-plan": "План методической работы школы",
        "year-analysis": "Анализ методической работы",
    },
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_kind_of_the_year_in_word_reads_back(school, out, lang) -> None:
    """One document of each kind (the first of its kind in the year), as DOCX
    through the batch, opened with python-docx: its words in the language
    asked for, and no "None" anywhere."""
    db, year_id = school
    with db.reading() as session:
        planned = batch.documents(session, year_id, YEAR_KINDS, lang, Format.DOCX)
    first: dict[str, batch.Planned] = {}
    for item in planned:
        first.setdefault(item.entry.kind, item)
    assert sorted(first) == sorted(YEAR_KINDS)
    for item, content in batch.build_all(db, list(first.values()), lang, Format.DOCX):
        path = out / item.name
        path.write_bytes(content)
        assert content.startswith(b"PK\x03\x04"), item.name
        text = _docx_text(path)
        kind = item.entry.kind
        assert WORDS[lang][kind].casefold() in text.casefold(), (kind, text[:300])
        assert "None" not in text, kind
        other = WORDS["ru" if lang == "kk" else "kk"][kind]
        assert other.casefold() not in text.casefold(), (kind, "the other language's words")
    assert all(n.endswith(".docx") for n in (p.name for p in out.iterdir()))


def test_word_files_are_written_through_the_batch(school, out) -> None:
    db, year_id = school
    result = batch.export_documents(db, year_id, "ru", ["plan"], out, fmt=Format.DOCX)
    names = sorted(p.name for p in out.iterdir())
    assert result.count == len(names) == _expected(db, year_id)["plan"]
    assert "Методическое объединение учителей начальных классов - План работы 2025-2026.docx" in names
    for path in result.written:
        text = _docx_text(path)
        assert "УТВЕРЖДАЮ" in text and "None" not in text
