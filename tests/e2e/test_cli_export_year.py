"""`metodesk export year`: every document of an academic year into a folder,
PDF or Word, all associations or one, Kazakh or Russian; one sentence with
exit code 2 for a wrong year, association, format or folder."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from metodesk import paths
from metodesk.__main__ import main
from metodesk.services import associations, years
from metodesk.services.setup import prepare_database

TODAY = dt.date(2026, 2, 10)
YEAR = "2025-2026"


@pytest.fixture
def data_dir(_isolated_data_dir: Path, demo_database) -> Path:
    demo_database(TODAY).close()
    return _isolated_data_dir


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _associations() -> list[tuple[int, str, int]]:
    db = prepare_database(paths.database_path())
    with db.reading() as s:
        found = [(r.id, r.name_ru or r.name_kk, r.year_id) for r in associations.list_associations(s)]
        current = years.year_by_name(s, YEAR).id
    db.close()
    return [row for row in found if row[2] == current]


def test_the_whole_year_as_pdf_in_kazakh(data_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "year"
    code, printed, err = _run(capsys, "export", "year", "--year", YEAR, "--lang", "kk", "--out", str(out))
    assert code == 0, err
    written = sorted(out.iterdir())
    assert f"{len(written)} documents written" in printed
    names = [p.name for p in written]
    assert all(name.endswith(".pdf") for name in names)
    assert any("Хаттама № 1" in name for name in names)
    assert any("Қатысу парағы № 1" in name for name in names)
    assert any("Жұмыс жоспары" in name for name in names)
    assert any("Ашық сабақтар кестесі" in name for name in names)
    for path in written:
        assert PdfReader(io.BytesIO(path.read_bytes())).pages


def test_one_association_as_word_in_russian(data_dir: Path, tmp_path: Path, capsys) -> None:
    association_id, name, _year = _associations()[0]
    out = tmp_path / "one"
    code, printed, err = _run(
        capsys, "export", "year", "--year", YEAR, "--association", str(association_id),
        "--format", "docx", "--lang", "ru", "--out", str(out),
    )
    assert code == 0, err
    written = sorted(out.iterdir())
    assert written and all(p.suffix == ".docx" for p in written)
    assert all(p.name.startswith(name[:20].replace(":", " ")) for p in written), [p.name for p in written]
    assert not any("Список аттестуемых" in p.name for p in written)  # the school's, not the association's
    text = " ".join(p.text for p in Document(str(written[0])).paragraphs)
    assert "None" not in text and "ы" in text


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("--year", "1999-2000"), "1999-2000"),
        (("--year", YEAR, "--association", "999999"), "association was not found"),
        (("--year", YEAR, "--format", "xlsx"), "is not one of"),
    ],
)
def test_wrong_input_is_one_sentence(data_dir: Path, tmp_path: Path, capsys, args, sentence: str) -> None:
    out = tmp_path / "never"
    try:
        code = main(["--lang", "en", "export", "year", *args, "--out", str(out)])
    except SystemExit as exit_info:
        code = int(exit_info.code or 0)
    err = capsys.readouterr().err
    assert code == 2 and sentence in err and "Traceback" not in err
    assert not any(out.glob("*")) if out.exists() else True


def test_a_file_is_not_a_folder(data_dir: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"keep")
    code, _out, err = _run(capsys, "export", "year", "--year", YEAR, "--out", str(target))
    assert code == 2 and "is a file" in err
    assert target.read_bytes() == b"keep"


def test_an_association_of_another_year(data_dir: Path, tmp_path: Path, capsys) -> None:
    """The next year begun (plans copied): its associations are not this year's."""
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        years.begin_year(s, dt.date(2026, 9, 1), copy_plans=True)
    with db.reading() as s:
        other = next(r for r in associations.list_associations(s) if r.year_name != YEAR)
    db.close()
    code, _out, err = _run(
        capsys, "export", "year", "--year", YEAR, "--association", str(other.id), "--out", str(tmp_path / "x")
    )
    assert code == 2 and "belongs to the year" in err


def test_one_organisation_of_a_district(data_dir: Path, tmp_path: Path, capsys) -> None:
    """Only that organisation's associations, its schedule and its attestation list."""
    from metodesk.services import organisations, plans

    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        other = organisations.save_organisation(
            s, organisations.OrganisationInput(name_kk="№ 2 мектеп", name_ru="Школа № 2", head_name="Ахметов Б.")
        )
        year_id = years.year_by_name(s, YEAR).id
        theirs_id = associations.save_association(
            s,
            associations.AssociationInput(
                kind="class_teachers", name_kk="Сынып жетекшілерінің әдістемелік бірлестігі", name_ru="МО классных руководителей", year_id=year_id,
                organisation_id=other,
            ),
        )
        plans.create_plan(s, theirs_id)
    with db.reading() as s:
        ours = organisations.ours(s)
        rows = associations.list_associations(s)
        theirs = {r.name_kk for r in rows if r.year_name == YEAR and r.organisation_id != ours.id}
        mine = {r.name_kk for r in rows if r.year_name == YEAR and r.organisation_id == ours.id}
    db.close()
    assert mine and theirs  # the demo school shares a district association
    out = tmp_path / "org"
    code, _printed, err = _run(
        capsys, "export", "year", "--year", YEAR, "--organisation", str(ours.id), "--lang", "kk", "--out", str(out)
    )
    assert code == 0, err
    names = [p.name for p in out.iterdir()]
    assert any(name.startswith(tuple(n[:15] for n in mine)) for name in names)
    assert not any(name.startswith(tuple(n[:15] for n in theirs)) for name in names)
    assert any("Аттестатталатын педагогтер тізімі" in name for name in names)
    code, _printed, err = _run(
        capsys, "export", "year", "--year", YEAR, "--organisation", "999999", "--out", str(tmp_path / "x")
    )
    assert code == 2 and "Traceback" not in err
