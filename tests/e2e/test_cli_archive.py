"""`metodesk export archive`: the association's documents of the year in one
PDF (title page, contents, a bookmark per document), in the language asked
for or the print language of Settings; wrong input is one sentence and exit
code 2, and no file is written then."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from metodesk import paths
from metodesk.__main__ import main
from metodesk.documents.archive import plan_archive
from metodesk.services import associations, organisations, settings, years
from metodesk.services.setup import prepare_database


@pytest.fixture
def data_dir(_isolated_data_dir: Path, demo_database) -> Path:
    """The test's data folder with the demo school."""
    demo_database().close()
    return _isolated_data_dir


def _ids(name_start: str) -> tuple[int, int]:
    """The id of the demo's association whose Kazakh name starts so, and its year's."""
    db = prepare_database(paths.database_path())
    with db.reading() as s:
        year_id = years.current_year(s).id
        found = next(r.id for r in associations.list_associations(s, year_id) if r.name_kk.startswith(name_start))
    db.close()
    return found, year_id


def _titles(association_id: int, year_id: int, lang: str) -> list[str]:
    db = prepare_database(paths.database_path())
    with db.reading() as s:
        titles = plan_archive(s, association_id, year_id, lang).titles
    db.close()
    return titles


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--lang", "en", *args])
    except SystemExit as exc:  # argparse's own refusals end the process
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("options", "lang", "words"),
    [
        (("--lang", "ru", "--year", "2025-2026"), "ru", ("АРХИВ ДОКУМЕНТОВ", "СОДЕРЖАНИЕ", "стр. 1 из")),
        ((), "kk", ("ҚҰЖАТТАР МҰРАҒАТЫ", "МАЗМҰНЫ", "1-бет / ")),  # the print language; the association's year
    ],
)
def test_export_archive(data_dir: Path, tmp_path: Path, capsys, options, lang: str, words) -> None:
    association_id, year_id = _ids("«Қазақ тілі»")
    out_file = tmp_path / "архив.pdf"
    code, out, err = _run(capsys, "export", "archive", "--association", str(association_id), *options, "--out", str(out_file))
    assert code == 0, err
    assert out.strip() == f"Written: {out_file}"
    reader = PdfReader(io.BytesIO(out_file.read_bytes()))
    titles = _titles(association_id, year_id, lang)
    assert [item.title for item in reader.outline] == titles and len(titles) >= 5
    text = "\n".join(page.extract_text() for page in reader.pages[:3])
    for word in words:
        assert word in text
    total = len(reader.pages)
    assert f"{total} / {total}" in reader.pages[-1].extract_text()


def _empty_association() -> int:
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        ours = next(o.id for o in organisations.list_organisations(s) if o.is_ours)
        created = associations.save_association(
            s,
            associations.AssociationInput(
                kind="class_teachers",
                name_kk="Сынып жетекшілерінің әдістемелік бірлестігі",
                name_ru="Методическое объединение классных руководителей",
                year_id=years.current_year(s).id,
                organisation_id=ours,
            ),
        )
    db.close()
    return created


def test_wrong_input_is_one_sentence_and_exit_2(data_dir: Path, tmp_path: Path, capsys) -> None:
    association_id, _year = _ids("«Қазақ тілі»")
    empty = _empty_association()
    out_file = tmp_path / "archive.pdf"
    cases = [
        (("--association", "9999", "--out", str(out_file)), "There is no association with id 9999."),
        (
            ("--association", str(association_id), "--year", "2031-2032", "--out", str(out_file)),
            "There is no academic year 2031-2032.",
        ),
        (
            ("--association", str(association_id), "--out", str(tmp_path / "archive.docx")),
            "Give a file name ending in .pdf, not archive.docx.",
        ),
        (
            ("--association", str(empty), "--out", str(out_file)),
            "Сынып жетекшілерінің әдістемелік бірлестігі: there are no documents of 2025-2026 to put in an archive:",
        ),
        (("--association", "0", "--out", str(out_file)), "0 is not a whole number above zero"),
    ]
    for args, words in cases:
        code, out, err = _run(capsys, "export", "archive", *args)
        assert code == 2 and out == "", err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], err
        assert "Traceback" not in err
    assert not out_file.exists() and not (tmp_path / "archive.docx").exists()


def test_the_sentence_is_in_the_users_language(data_dir: Path, tmp_path: Path, capsys) -> None:
    empty = _empty_association()
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
    db.close()
    code = main(["--lang", "ru", "export", "archive", "--association", str(empty), "--out", str(tmp_path / "a.pdf")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == (
        "metodesk: Методическое объединение классных руководителей: за 2025-2026 учебный год нет документов "
        "для архива: ни годового плана, ни проведённых заседаний, ни открытых уроков, ни наставничества его членов."
    )
