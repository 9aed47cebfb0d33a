"""`metodesk list meetings`, `export protocol`, `export attendance`: what they
print and write, and one clear sentence with exit code 2 for a wrong id,
number or year (never a traceback)."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from metodesk import paths
from metodesk.__main__ import main
from metodesk.services import associations, demo_meetings, settings
from metodesk.services.setup import prepare_database

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def data_dir(_isolated_data_dir: Path, demo_database) -> Path:
    """The test's data folder with the demo school and its meetings."""
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes
    with db.transaction() as s:
        demo_meetings.add_demo_meetings(s, TODAY)
    db.close()
    return _isolated_data_dir


def _association(data_dir: Path) -> int:
    db = prepare_database(paths.database_path())
    with db.reading() as s:
        found = next(r.id for r in associations.list_associations(s) if r.name_kk.startswith("«Қазақ тілі»"))
    db.close()
    return found


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_list_meetings_prints_number_date_and_id(data_dir: Path, capsys) -> None:
    code, out, err = _run(capsys, "list", "meetings", "--association", str(_association(data_dir)))
    assert code == 0 and err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    assert [(n, d) for n, d, _ in lines] == [("1", "28.08.2025"), ("2", "05.11.2025"), ("3", "14.01.2026")]
    assert all(i.isdigit() for _, _, i in lines)


@pytest.mark.parametrize(("lang", "title"), [("kk", "№ 2 ХАТТАМА"), ("ru", "ПРОТОКОЛ № 2")])
def test_export_protocol(data_dir: Path, tmp_path: Path, capsys, lang: str, title: str) -> None:
    out_file = tmp_path / f"protocol-{lang}.pdf"
    assoc = str(_association(data_dir))
    code, out, err = _run(
        capsys, "export", "protocol", "--association", assoc, "--number", "2", "--year", "2025-2026",
        "--lang", lang, "--out", str(out_file),
    )  # fmt: skip
    assert code == 0, err
    assert str(out_file) in out
    text = _text(out_file)
    assert title in text and "Нұрғалиева" in text and "None" not in text


def test_export_uses_the_print_language_from_settings(data_dir: Path, tmp_path: Path, capsys) -> None:
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
    db.close()
    out_file = tmp_path / "a.pdf"
    assoc = str(_association(data_dir))
    code, _, err = _run(
        capsys, "export", "attendance", "--association", assoc, "--number", "1", "--out", str(out_file)
    )
    assert code == 0, err
    text = _text(out_file)
    assert "ЛИСТ РЕГИСТРАЦИИ" in text and "Подпись" in text and "Ибраев Ілияс Қанатұлы" in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--association", "9999", "--number", "1"), "9999"),
        (("--association", "{assoc}", "--number", "7"), "No. 7"),
        (("--association", "{assoc}", "--number", "1", "--year", "2019-2020"), "2019-2020"),
    ],
)
def test_wrong_input_is_one_sentence_and_exit_2(data_dir: Path, tmp_path: Path, capsys, args, words) -> None:
    out_file = tmp_path / "never.pdf"
    args = tuple(a.format(assoc=_association(data_dir)) for a in args)
    for command in (("export", "protocol"), ("export", "attendance")):
        code, out, err = _run(capsys, *command, *args, "--out", str(out_file))
        assert code == 2 and out == ""
        lines = err.strip().splitlines()
        assert len(lines) == 1 and words in lines[0] and lines[0].endswith("."), err
        assert "Traceback" not in err
    assert not out_file.exists()
    code, _, err = _run(capsys, "list", "meetings", "--association", "9999")
    assert code == 2 and "9999" in err


def test_bad_numbers_and_missing_database(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "protocol", "--association", "x", "--number", "1", "--out", str(tmp_path / "a.pdf")])
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
    code, _, err = _run(capsys, "list", "meetings", "--association", "1")
    assert code == 2 and "no metodesk database" in err


def test_a_child_process_prints_no_traceback(data_dir: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("METODESK_LANG", "QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "metodesk", "--data-dir", str(data_dir), "--lang", "en", "export", "protocol",
         "--association", "9999", "--number", "1", "--out", str(tmp_path / "x.pdf")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == "metodesk: There is no association with id 9999."
    assert "Traceback" not in result.stdout + result.stderr
