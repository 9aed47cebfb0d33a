"""`metodesk list attestation` and `export attestation-plan` / `attestation-list`:
what they print and write (PDF or XLSX by the file's ending, in the language
asked for or the settings' print language), and one clear sentence with exit
code 2 for wrong input (never a traceback, never a file)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from metodesk import paths
from metodesk.__main__ import main
from metodesk.services import settings
from metodesk.services.demo_attestation import add_demo_attestation
from metodesk.services.setup import prepare_database

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def data_dir(_isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch, demo_database) -> Path:
    """The demo school with its attestation records, on a fixed day."""
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes
    with db.transaction() as s:
        add_demo_attestation(s, TODAY)
    db.close()
    monkeypatch.setenv("METODESK_TODAY", TODAY.isoformat())
    return _isolated_data_dir


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _text(path: Path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_list_attestation(data_dir: Path, capsys) -> None:
    code, out, err = _run(capsys, "list", "attestation")
    assert code == 0 and err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    assert len(lines) == 10 and all(len(line) == 6 for line in lines)  # our school's teachers
    by_name = {line[0].split()[0]: line for line in lines}
    assert by_name["Петренко"][1:] == ["Highest category", "27.12.2019", "27.12.2024", "2024-2025", "overdue"]
    assert by_name["Төлеуова"][-1] == "in progress"
    assert "early possible" in by_name["Қасымов"][-1]
    assert by_name["Оразбекова"][1:] == ["No category", "", "", "", ""]
    code, out, _ = _run(capsys, "list", "attestation", "--due", "2025-2026")
    assert code == 0
    assert sorted(line.split("\t")[0].split()[0] for line in out.splitlines()) == [
        "Бекова",
        "Смағұлова",
        "Төлеуова",
    ]


def test_list_another_organisation(data_dir: Path, capsys) -> None:
    code, out, _ = _run(capsys, "list", "attestation", "--organisation", "2")
    assert code == 0
    assert sorted(line.split()[0] for line in out.splitlines()) == ["Иванова", "Серікбаев", "Құдайбергенова"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_export_plan_pdf_and_xlsx(data_dir: Path, capsys, tmp_path: Path, lang: str) -> None:
    pdf, xlsx = tmp_path / "plan.pdf", tmp_path / "plan.xlsx"
    code, out, err = _run(
        capsys,
        "export",
        "attestation-plan",
        "--from",
        "2025-2026",
        "--years",
        "5",
        "--lang",
        lang,
        "--out",
        str(pdf),
    )
    assert code == 0 and err == "" and out.strip() == f"Written: {pdf}"
    text = _text(pdf)
    assert ("ПЕРСПЕКТИВАЛЫҚ ЖОСПАРЫ" if lang == "kk" else "ПЕРСПЕКТИВНЫЙ ПЛАН") in text
    assert "Смағұлова" in text and "2029-2030" in text
    code, _, _ = _run(
        capsys, "export", "attestation-plan", "--from", "2025-2026", "--lang", lang, "--out", str(xlsx)
    )
    assert code == 0
    sheet = load_workbook(xlsx).active
    assert sheet["A10"].value == ("Оқу жылы" if lang == "kk" else "Учебный год")
    assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} >= {"2025-2026", "2026-2027"}


def test_export_list_in_the_print_language(data_dir: Path, capsys, tmp_path: Path) -> None:
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
    db.close()
    out_file = tmp_path / "list.PDF"
    code, _, err = _run(capsys, "export", "attestation-list", "--year", "2025-2026", "--out", str(out_file))
    assert code == 0 and err == ""
    text = _text(out_file)
    assert "СПИСОК ПЕДАГОГОВ, ПОДЛЕЖАЩИХ АТТЕСТАЦИИ В 2025-2026 УЧЕБНОМ ГОДУ" in text
    assert "Төлеуова" in text and "78" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("list", "attestation", "--due", "2025"), "for example 2025-2026"),
        (
            ("export", "attestation-plan", "--from", "2025-2027", "--out", "{out}.pdf"),
            "for example 2025-2026",
        ),
        (
            ("export", "attestation-plan", "--from", "2025-2026", "--years", "0", "--out", "{out}.pdf"),
            "from 1 to 10",
        ),
        (
            ("export", "attestation-plan", "--from", "2025-2026", "--years", "many", "--out", "{out}.pdf"),
            "from 1 to 10",
        ),
        (
            ("export", "attestation-list", "--year", "2025-2026", "--out", "{out}.odt"),
            "must end in .pdf, .docx or .xlsx",
        ),
        (
            ("export", "attestation-list", "--year", "2025-2026", "--lang", "en", "--out", "{out}.pdf"),
            "is not one of 'kk', 'ru'",
        ),
        (
            (
                "export",
                "attestation-list",
                "--year",
                "2025-2026",
                "--organisation",
                "99",
                "--out",
                "{out}.pdf",
            ),
            "not found",
        ),
    ],
)
def test_wrong_input_is_one_sentence_and_exit_2(
    data_dir: Path, capsys, tmp_path: Path, args, words: str
) -> None:
    out = tmp_path / "doc"
    try:  # argparse refuses some before any command runs
        code = main(["--lang", "en", *(a.format(out=out) for a in args)])
    except SystemExit as exc:
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert words in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("metodesk:")]) == 1
    assert not list(tmp_path.glob("doc*"))


def test_the_folder_for_a_file_is_refused(data_dir: Path, capsys, tmp_path: Path) -> None:
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    code, _, err = _run(capsys, "export", "attestation-list", "--year", "2025-2026", "--out", str(folder))
    assert code == 2 and "is a folder" in err
