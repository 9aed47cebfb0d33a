"""`metodesk list plans` and `metodesk export plan`: what they print and write
(PDF or DOCX by the file's extension), and one clear sentence with exit code 2
for a wrong extension, id, year or a missing plan (never a traceback)."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from metodesk import paths
from metodesk.__main__ import main
from metodesk.services import associations, demo_plans, settings, years
from metodesk.services.setup import prepare_database

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def data_dir(_isolated_data_dir: Path, demo_database) -> Path:
    """The demo school with its meetings and plans."""
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes
    with db.transaction() as s:
        demo_plans.add_demo_plans(s, TODAY)
    db.close()
    return _isolated_data_dir


def _association(name_start: str) -> int:
    db = prepare_database(paths.database_path())
    with db.reading() as s:
        found = next(r.id for r in associations.list_associations(s) if r.name_kk.startswith(name_start))
    db.close()
    return found


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_list_plans_prints_id_association_status_and_progress(data_dir: Path, capsys) -> None:
    code, out, err = _run(capsys, "list", "plans", "--year", "2025-2026")
    assert code == 0 and err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    assert len(lines) == 3 and all(len(parts) == 4 and parts[0].isdigit() for parts in lines)
    by_name = {parts[1]: parts for parts in lines}
    kazakh = by_name["«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі"]
    assert kazakh[2] == "Approved" and kazakh[3].endswith("%)") and " of 20 done (" in kazakh[3]
    assert by_name["Аудандық «Математика» пәні мұғалімдерінің әдістемелік бірлестігі"][2] == "Draft"
    code, out, err = _run(capsys, "list", "plans", "--year", "2019-2020")
    assert code == 2 and out == "" and "2019-2020" in err


@pytest.mark.parametrize(
    ("lang", "words"), [("kk", ("БЕКІТЕМІН", "Қаралды")), ("ru", ("УТВЕРЖДАЮ", "Рассмотрено"))]
)
def test_export_plan_pdf(data_dir: Path, tmp_path: Path, capsys, lang: str, words: tuple[str, str]) -> None:
    out_file = tmp_path / f"plan-{lang}.pdf"
    assoc = str(_association("«Қазақ тілі»"))
    code, out, err = _run(
        capsys,
        "export",
        "plan",
        "--association",
        assoc,
        "--year",
        "2025-2026",
        "--lang",
        lang,
        "--out",
        str(out_file),
    )
    assert code == 0, err
    assert str(out_file) in out
    text = _pdf_text(out_file)
    assert all(w in text for w in words) and "Нұрғалиева" in text and "None" not in text


def test_export_plan_docx_uses_the_print_language(data_dir: Path, tmp_path: Path, capsys) -> None:
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
    db.close()
    out_file = tmp_path / "План.DOCX"
    code, _, err = _run(
        capsys, "export", "plan", "--association", str(_association("Бастауыш")), "--out", str(out_file)
    )
    assert code == 0, err
    doc = Document(io.BytesIO(out_file.read_bytes()))
    headers = [c.text for c in doc.tables[1].rows[0].cells]
    assert headers[:3] == ["№", "Содержание", "Форма проведения"]
    assert doc.tables[1].rows[1].cells[0].text == "1"
    assert "УТВЕРЖДАЮ" in doc.tables[0].rows[0].cells[4].text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ("--association", "{assoc}", "--out", "{tmp}/plan.odt"),
            "must end in .pdf or .docx; plan.odt does not",
        ),
        (("--association", "{assoc}", "--out", "{tmp}/plan"), "must end in .pdf or .docx"),
        (("--association", "9999", "--out", "{tmp}/plan.pdf"), "9999"),
        (("--association", "{assoc}", "--year", "2019-2020", "--out", "{tmp}/plan.pdf"), "2019-2020"),
        (
            ("--association", "{assoc}", "--year", "2026-2027", "--out", "{tmp}/plan.pdf"),
            "no counterpart in 2026-2027",
        ),
        (("--association", "{empty}", "--out", "{tmp}/plan.pdf"), "has no annual plan yet"),
        (("--association", "{assoc}", "--out", "{tmp}/folder.pdf"), "is a folder"),
    ],
)
def test_wrong_input_is_one_sentence_and_exit_2(data_dir: Path, tmp_path: Path, capsys, args, words) -> None:
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        years.save_year(s, years.YearInput("2026-2027", dt.date(2026, 9, 1), dt.date(2027, 5, 25)))
        first = associations.list_associations(s)[0]
        empty = associations.save_association(
            s,
            associations.AssociationInput(
                kind="class_teachers",
                level="school",
                name_kk="Сынып жетекшілері",
                year_id=first.year_id,
                organisation_id=first.organisation_id,
            ),
        )
    db.close()
    (tmp_path / "folder.pdf").mkdir()
    values = {"assoc": _association("«Қазақ тілі»"), "empty": empty, "tmp": tmp_path}
    code, out, err = _run(capsys, "export", "plan", *(a.format(**values) for a in args))
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and lines[0].endswith("."), err
    assert not (tmp_path / "plan.pdf").exists() and not (tmp_path / "plan.odt").exists()


def test_a_child_process_prints_no_traceback(data_dir: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("METODESK_LANG", "QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "metodesk", "--data-dir", str(data_dir), "--lang", "en", "export", "plan",
         "--association", "1", "--out", str(tmp_path / "x.txt")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == "metodesk: The file name must end in .pdf or .docx; x.txt does not."
    assert "Traceback" not in result.stdout + result.stderr


def test_export_plan_for_approval_leaves_out_the_progress_column(data_dir: Path, tmp_path: Path, capsys) -> None:
    assoc = str(_association("Бастауыш"))
    full, bare = tmp_path / "full.pdf", tmp_path / "approval.pdf"
    for target, extra in ((full, ()), (bare, ("--for-approval",))):
        code, _, err = _run(
            capsys, "export", "plan", "--association", assoc, "--lang", "kk", "--out", str(target), *extra
        )
        assert code == 0, err
    assert "Орындалуы" in _pdf_text(full)
    text = _pdf_text(bare)
    assert "Орындалуы" not in text and "Мазмұны" in text and "БЕКІТЕМІН" in text
