"""Every export command writes its file whole or not at all (issue 13, part 2),
never over metodesk's own data (part 3), and only with an ending its document
can be written as (issue 15, item 10): on a full disk the file that was there
stays byte for byte and no temporary file is left; the sentence names the file
and the reason in the user's language; exit code 2."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from full_disk import (
    fill,
    flash_fixture,  # noqa: F401  (the fixture flash)
    simulate,
)

from metodesk.__main__ import main

YEAR = "2025-2026"
OLD = b"the file that was there before"


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo school (every kind of document has something to print)."""
    data = tmp_path_factory.mktemp("school") / "data"
    assert main(["--data-dir", str(data), "--lang", "en", "demo"]) == 0
    return data


def _ids(data: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"{(data / 'metodesk.sqlite3').resolve().as_uri()}?mode=ro", uri=True)
    try:
        meeting = conn.execute(
            "SELECT association_id, number FROM meeting WHERE status = 'held' ORDER BY id LIMIT 1"
        ).fetchone()
        one = {
            "observation": "SELECT id FROM observation ORDER BY id LIMIT 1",
            "lesson": "SELECT id FROM lesson ORDER BY id LIMIT 1",
            "pair": "SELECT id FROM mentoring_pair ORDER BY id LIMIT 1",
            "plan_association": "SELECT association_id FROM plan ORDER BY id LIMIT 1",
        }
        found = {name: str(conn.execute(query).fetchone()[0]) for name, query in one.items()}
    finally:
        conn.close()
    return {"association": str(meeting[0]), "number": str(meeting[1]), **found}


def _kinds(data: Path) -> dict[str, tuple[list[str], tuple[str, ...]]]:
    """Each export: its arguments before --out, and the endings it writes."""
    i = _ids(data)
    meeting = ["--association", i["association"], "--number", i["number"], "--year", YEAR]
    return {
        "protocol": (["export", "protocol", *meeting], (".pdf", ".docx")),
        "attendance": (["export", "attendance", *meeting], (".pdf", ".docx")),
        "observation": (["export", "observation", "--observation", i["observation"]], (".pdf", ".docx")),
        "observation-blank": (["export", "observation-blank", "--lesson", i["lesson"]], (".pdf", ".docx")),
        "lessons": (["export", "lessons", "--year", YEAR], (".pdf", ".docx")),
        "mentoring-plan": (["export", "mentoring-plan", "--pair", i["pair"]], (".pdf", ".docx")),
        "mentoring-report": (["export", "mentoring-report", "--pair", i["pair"]], (".pdf", ".docx")),
        "plan": (["export", "plan", "--association", i["plan_association"]], (".pdf", ".docx")),
        "attestation-plan": (["export", "attestation-plan", "--from", YEAR], (".pdf", ".docx", ".xlsx")),
        "attestation-list": (["export", "attestation-list", "--year", YEAR], (".pdf", ".docx", ".xlsx")),
        "exchange": (["exchange", "export", "--year", YEAR], (".zip",)),
    }


KINDS = (
    "protocol",
    "attendance",
    "observation",
    "observation-blank",
    "lessons",
    "mentoring-plan",
    "mentoring-report",
    "plan",
    "attestation-plan",
    "attestation-list",
    "exchange",
)
WRITES = [
    ("protocol", ".pdf"),
    ("attendance", ".pdf"),
    ("observation", ".pdf"),
    ("observation-blank", ".pdf"),
    ("lessons", ".pdf"),
    ("mentoring-plan", ".pdf"),
    ("mentoring-report", ".pdf"),
    ("plan", ".pdf"),
    ("plan", ".docx"),
    ("attestation-plan", ".pdf"),
    ("attestation-plan", ".xlsx"),
    ("attestation-list", ".pdf"),
    ("attestation-list", ".xlsx"),
    ("exchange", ".zip"),
]


def _run(
    capsys: pytest.CaptureFixture[str], school: Path, *args: str, lang: str = "en"
) -> tuple[int, str, str]:
    try:
        code = main(["--data-dir", str(school), "--lang", lang, *args])
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _one_sentence(code: int, err: str) -> str:
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("metodesk: ") and lines[0].endswith("."), lines[0]
    return lines[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---- a full disk ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "ending"), WRITES)
def test_a_full_disk_keeps_the_file_that_was_there(
    school: Path, tmp_path: Path, capsys, monkeypatch, kind: str, ending: str
) -> None:
    args, _endings = _kinds(school)[kind]
    target = tmp_path / f"keep{ending}"
    target.write_bytes(OLD)
    opened = simulate(monkeypatch)
    code, out, err = _run(capsys, school, *args, "--out", str(target))
    sentence = _one_sentence(code, err)
    assert sentence == f"metodesk: The file {target} could not be written: the disk is full."
    assert opened, "the document was not written through metodesk.files"
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left
    assert "Written" not in out


def test_the_full_disk_sentence_in_kazakh(school: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    args, _endings = _kinds(school)["protocol"]
    target = tmp_path / "keep.pdf"
    target.write_bytes(OLD)
    simulate(monkeypatch)
    code, _out, err = _run(capsys, school, *args, "--out", str(target), lang="kk")
    sentence = _one_sentence(code, err)
    assert sentence == f"metodesk: {target} файлын жазу мүмкін болмады: дискіде орын қалмады."
    assert "No space" not in err


def test_a_whole_file_replaces_the_old_one(school: Path, tmp_path: Path, capsys) -> None:
    args, _endings = _kinds(school)["protocol"]
    target = tmp_path / "keep.pdf"
    target.write_bytes(OLD)
    code, out, err = _run(capsys, school, *args, "--out", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().rstrip().endswith(b"%%EOF")
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


@pytest.mark.parametrize(("kind", "name"), [("protocol", "keep.pdf"), ("exchange", "keep.zip")])
def test_a_real_full_flash_drive(school: Path, flash: Path, capsys, kind: str, name: str) -> None:
    args, _endings = _kinds(school)[kind]
    target = flash / name
    target.write_bytes(OLD * 100)
    fill(flash)
    code, _out, err = _run(capsys, school, *args, "--out", str(target))
    assert _one_sentence(code, err) == f"metodesk: The file {target} could not be written: the disk is full."
    assert target.read_bytes() == OLD * 100
    assert sorted(p.name for p in flash.iterdir()) == ["filler", "filler-2", name]


# ---- metodesk's own data is never a target -------------------------------------------------------


def _own_files(school: Path) -> list[str]:
    """The data folder's files, but for the log and SQLite's own -wal/-shm."""
    return sorted(
        p.name for p in school.iterdir() if p.name != "logs" and not p.name.endswith(("-wal", "-shm"))
    )


def _own_targets(school: Path, tmp_path: Path, ending: str) -> list[Path]:
    (school / "backups").mkdir(exist_ok=True)
    link = tmp_path / f"link{ending}"
    link.symlink_to(school / "metodesk.sqlite3")
    return [
        school / "metodesk.sqlite3",
        school / "metodesk.sqlite3-wal",
        school / "metodesk.sqlite3-shm",
        school / "metodesk.lock",
        school / "backups" / f"x{ending}",
        link,
    ]


@pytest.mark.parametrize("kind", ["protocol", "plan", "attestation-list", "exchange"])
def test_the_database_its_companions_the_lock_and_backups_are_refused(
    school: Path, tmp_path: Path, capsys, kind: str
) -> None:
    args, endings = _kinds(school)[kind]
    before = _digest(school / "metodesk.sqlite3")
    targets = _own_targets(school, tmp_path, endings[0])
    there = _own_files(school)
    for target in targets:
        code, out, err = _run(capsys, school, *args, "--out", str(target))
        sentence = _one_sentence(code, err)
        if target.suffix == endings[0]:  # the ending is right: refused as metodesk's own
            assert "it belongs to metodesk's own data" in sentence, sentence
        assert "Written" not in out and "holds" not in out
    assert _digest(school / "metodesk.sqlite3") == before
    assert _own_files(school) == there
    for path in school.iterdir():
        if path.is_file():
            assert not path.read_bytes().startswith((b"%PDF", b"PK")), path
    assert list((school / "backups").iterdir()) == []


def test_a_package_into_the_backups_folder_is_refused(school: Path, capsys) -> None:
    (school / "backups").mkdir(exist_ok=True)
    code, _out, err = _run(
        capsys, school, "exchange", "export", "--year", YEAR, "--out", str(school / "backups")
    )
    assert "it belongs to metodesk's own data" in _one_sentence(code, err)
    assert list((school / "backups").iterdir()) == []


# ---- an ending the document cannot be written as -------------------------------------------------

WRONG = {".pdf": ("x.docx", "x.png", "x.xlsx", "x"), ".zip": ("x.pdf", "x")}


@pytest.mark.parametrize("kind", KINDS)
def test_a_wrong_ending_is_refused(school: Path, tmp_path: Path, capsys, kind: str) -> None:
    args, endings = _kinds(school)[kind]
    wrong = WRONG.get(endings[0], ()) if len(endings) == 1 else ("x.png", "x.odt", "x")
    wrong += (
        ("x.xlsx",) if endings == (".pdf", ".docx") else ("x.docx",) if endings == (".pdf", ".xlsx") else ()
    )
    for name in wrong:
        code, out, err = _run(capsys, school, *args, "--out", str(tmp_path / name))
        sentence = _one_sentence(code, err)
        assert all(ending in sentence for ending in endings), sentence
        assert out == ""
    assert list(tmp_path.iterdir()) == []


def test_the_wrong_ending_in_kazakh_and_russian(school: Path, tmp_path: Path, capsys) -> None:
    args, _endings = _kinds(school)["protocol"]
    code, _out, err = _run(capsys, school, *args, "--out", str(tmp_path / "x.xlsx"), lang="kk")
    assert (
        _one_sentence(code, err)
        == "metodesk: Файл атауы .pdf немесе .docx кеңейтімімен аяқталуы тиіс; x.xlsx олай аяқталмайды."
    )
    code, _out, err = _run(capsys, school, *args, "--out", str(tmp_path / "x.xlsx"), lang="ru")
    assert _one_sentence(code, err) == "metodesk: Имя файла должно оканчиваться на .pdf или .docx; у x.xlsx это не так."


def test_capital_endings_are_fine(school: Path, tmp_path: Path, capsys) -> None:
    args, _endings = _kinds(school)["mentoring-plan"]
    code, _out, err = _run(capsys, school, *args, "--out", str(tmp_path / "Plan.PDF"))
    assert code == 0, err


# ---- an unknown year -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [("attestation-list", "--year", "1999-2000"), ("attestation-plan", "--from", "1999-2000")]
)
def test_an_unknown_attestation_year_is_refused(school: Path, tmp_path: Path, capsys, args) -> None:
    out_file = tmp_path / "list.pdf"
    code, _out, err = _run(capsys, school, "export", *args, "--out", str(out_file))
    assert _one_sentence(code, err) == "metodesk: There is no academic year 1999-2000."
    assert not out_file.exists()
    code, _out, err = _run(capsys, school, "export", *args, "--out", str(out_file), lang="kk")
    assert _one_sentence(code, err) == "metodesk: 1999-2000 оқу жылы жоқ."


def test_a_year_the_window_offers_is_fine_without_a_record(
    school: Path, tmp_path: Path, capsys, monkeypatch
) -> None:


    monkeypatch.setenv("METODESK_TODAY", "2026-02-10")
    out_file = tmp_path / "list.xlsx"
    code, _out, err = _run(
        capsys, school, "export", "attestation-list", "--year", "2028-2029", "--out", str(out_file)
    )
    assert code == 0, err
    code, _out, err = _run(
        capsys, school, "export", "attestation-list", "--year", "2030-2031", "--out", str(out_file)
    )
    assert _one_sentence(code, err) == "metodesk: There is no academic year 2030-2031."
