"""`metodesk list mentoring`, `export mentoring-plan`, `export mentoring-report`:
what they print and write, the print language from the settings, and one
clear sentence with exit code 2 for a wrong id or year (never a traceback,
never a file)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from metodesk import paths
from metodesk.__main__ import main
from metodesk.services import mentoring, settings
from metodesk.services.demo_lessons import add_demo_lessons
from metodesk.services.demo_mentoring import add_demo_mentoring
from metodesk.services.setup import prepare_database

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def data_dir(_isolated_data_dir: Path, demo_database) -> Path:
    """The test's data folder with the demo school and its mentoring."""
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes
    with db.transaction() as s:
        add_demo_lessons(s, TODAY)
        add_demo_mentoring(s, TODAY)
    db.close()
    return _isolated_data_dir


def _pairs() -> dict[str, int]:
    db = prepare_database(paths.database_path())
    with db.reading() as s:
        found = {p.mentee_short: p.id for p in mentoring.list_pairs(s)}
    db.close()
    return found


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _text(path: Path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_list_mentoring(data_dir: Path, capsys) -> None:
    pairs = _pairs()
    code, out, err = _run(capsys, "list", "mentoring")
    assert code == 0 and err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    assert [line[3] for line in lines] == ["Әбдірахманова Ұ.С.", "Оразбекова Д.Н."]  # Kazakh alphabet
    first = lines[0]
    assert first[0] == str(pairs["Әбдірахманова Ұ.С."]) and first[1] == "2025-2026"
    assert first[2] == "Смағұлова М.Е." and first[4] == "5/10" and first[5] == "6"
    code, out, _ = _run(capsys, "list", "mentoring", "--year", "2025-2026")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, err = _run(capsys, "list", "mentoring", "--year", "2030-2031")
    assert code == 2 and out == "" and err.strip() == "metodesk: There is no academic year 2030-2031."


@pytest.mark.parametrize(
    ("document", "lang", "words"),
    [
        ("mentoring-plan", "kk", ("ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫС ЖОСПАРЫ", "Смағұлова Мәдина", "1-бет / ")),
        (
            "mentoring-plan",
            "ru",
            ("ПЛАН РАБОТЫ НАСТАВНИКА С МОЛОДЫМ СПЕЦИАЛИСТОМ", "Наставник:", "стр. 1 из "),
        ),
        ("mentoring-report", "kk", ("ТӘЛІМГЕРДІҢ ЖАС МАМАНМЕН ЖҰМЫСЫ ТУРАЛЫ ЕСЕП", "Кездесулер журналы")),
        ("mentoring-report", "ru", ("ОТЧЁТ О РАБОТЕ НАСТАВНИКА", "Журнал встреч", "Всего: 6 встреч")),
    ],
)
def test_export_in_either_language(data_dir: Path, capsys, tmp_path: Path, document, lang, words) -> None:
    pair = _pairs()["Әбдірахманова Ұ.С."]
    out_file = tmp_path / f"{document}-{lang}.pdf"
    code, out, err = _run(
        capsys, "export", document, "--pair", str(pair), "--lang", lang, "--out", str(out_file)
    )
    assert code == 0 and err == "" and str(out_file) in out
    text = _text(out_file)
    for needed in words:
        assert needed in text, needed
    assert "None" not in text


def test_export_follows_the_print_language(data_dir: Path, capsys, tmp_path: Path) -> None:
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        settings.put(s, "print_language", "ru")
    db.close()
    out_file = tmp_path / "plan.pdf"
    code, _, _ = _run(
        capsys, "export", "mentoring-plan", "--pair", str(_pairs()["Оразбекова Д.Н."]), "--out", str(out_file)
    )
    assert code == 0 and "УТВЕРЖДАЮ" in _text(out_file)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--pair", "999"), "metodesk: There is no mentoring pair with id 999."),
        (("--pair", "0"), "0 is not a whole number above zero."),
        (("--pair", "x"), "x is not a whole number above zero."),
    ],
)
def test_a_wrong_pair_is_one_sentence_and_no_file(
    data_dir: Path, capsys, tmp_path: Path, args, message
) -> None:
    out_file = tmp_path / "x.pdf"
    for document in ("mentoring-plan", "mentoring-report"):
        try:
            code, out, err = _run(capsys, "export", document, *args, "--out", str(out_file))
        except SystemExit as exc:  # argparse's own refusal
            code, (out, err) = int(exc.code or 0), capsys.readouterr()
        assert code == 2 and message in err and "Traceback" not in err
        assert "Written" not in out and not out_file.exists()


def test_a_folder_is_no_file_name(data_dir: Path, capsys, tmp_path: Path) -> None:
    code, _, err = _run(capsys, "export", "mentoring-report", "--pair", "1", "--out", str(tmp_path))
    assert code == 2 and "is a folder" in err
