"""`metodesk list lessons`, `export observation`, `export observation-blank`,
`export lessons`: what they print and write, the print language from the
settings, and one clear sentence with exit code 2 for a wrong id, date or
year (never a traceback, never a file)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from metodesk import paths
from metodesk.__main__ import main
from metodesk.services import associations, demo_lessons, lesson_views, observations, settings, teachers
from metodesk.services.lesson_views import LessonFilter
from metodesk.services.setup import prepare_database

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def data_dir(_isolated_data_dir: Path, demo_database) -> Path:
    """The test's data folder with the demo school, its meetings and lessons."""
    db = demo_database(TODAY)  # what fill_demo(s, today=TODAY) makes
    with db.transaction() as s:
        demo_lessons.add_demo_lessons(s, TODAY)
    db.close()
    return _isolated_data_dir


def _ids(data_dir: Path) -> dict[str, int]:
    db = prepare_database(paths.database_path())
    with db.reading() as s:
        kazakh = next(r.id for r in associations.list_associations(s) if r.subject_kk == "Қазақ тілі")
        toleuova = next(t.id for t in teachers.list_teachers(s) if t.surname == "Төлеуова")
        held = lesson_views.list_lessons(s, LessonFilter(association_id=kazakh, status="held"))[0].id
        planned = lesson_views.list_lessons(s, LessonFilter(association_id=kazakh, status="planned"))[0].id
        sheet = observations.list_observations(s, held)[0].id
    db.close()
    return {"kazakh": kazakh, "toleuova": toleuova, "held": held, "planned": planned, "sheet": sheet}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _text(path: Path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_list_lessons(data_dir: Path, capsys) -> None:
    ids = _ids(data_dir)
    code, out, err = _run(capsys, "list", "lessons")
    assert code == 0 and err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    assert len(lines) >= 12 and all(len(line) == 7 for line in lines)
    assert [line[1] for line in lines] == sorted(
        (line[1] for line in lines), key=lambda d: dt.datetime.strptime(d, "%d.%m.%Y")
    )
    code, out, _ = _run(capsys, "list", "lessons", "--teacher", str(ids["toleuova"]))
    assert code == 0
    assert out.splitlines() == [
        f"{ids['held']}\t22.10.2025\t3\tТөлеуова А.М.\t6 Ә\tЗат есімнің септелуі\tHeld"
    ]
    code, out, _ = _run(capsys, "list", "lessons", "--association", str(ids["kazakh"]), "--year", "2025-2026")
    assert code == 0 and 4 <= len(out.splitlines()) <= 6 and "Moved" in out and "Planned" in out


@pytest.mark.parametrize(
    ("lang", "title"), [("kk", "САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ"), ("ru", "ЛИСТ НАБЛЮДЕНИЯ УРОКА")]
)
def test_export_a_filled_sheet(data_dir: Path, tmp_path: Path, capsys, lang: str, title: str) -> None:
    ids = _ids(data_dir)
    out_file = tmp_path / f"sheet-{lang}.pdf"
    code, out, err = _run(
        capsys,
        "export",
        "observation",
        "--observation",
        str(ids["sheet"]),
        "--lang",
        lang,
        "--out",
        str(out_file),
    )
    assert code == 0, err
    assert str(out_file) in out
    text = _text(out_file)
    assert title in text and "Төлеуова Айгүл Маратқызы" in text and "Зат есімнің септелуі" in text
    assert "/ 32" in text and "None" not in text


def test_export_blank_sheets(data_dir: Path, tmp_path: Path, capsys) -> None:
    ids = _ids(data_dir)
    one = tmp_path / "blank.pdf"
    code, _, err = _run(
        capsys,
        "export",
        "observation-blank",
        "--lesson",
        str(ids["planned"]),
        "--lang",
        "kk",
        "--out",
        str(one),
    )
    assert code == 0, err
    text = _text(one)
    assert "САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ" in text and "_____ / 32" in text and "Танысты:" in text
    batch = tmp_path / "batch.pdf"
    code, _, err = _run(capsys, "export", "observation-blank", "--date", "2026-03-11", "--out", str(batch))
    assert code == 0, err
    assert _text(batch).count("САБАҚТЫ БАҚЫЛАУ ПАРАҒЫ") == 3  # one for each association's March lesson
    form = tmp_path / "form.pdf"
    code, _, err = _run(capsys, "export", "observation-blank", "--lang", "ru", "--out", str(form))
    assert code == 0, err
    assert "ЛИСТ НАБЛЮДЕНИЯ УРОКА" in _text(form) and "«___» __________ 20__ г." in _text(form)


def test_export_the_schedule_in_the_print_language(data_dir: Path, tmp_path: Path, capsys) -> None:
    ids = _ids(data_dir)
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        settings.put(s, settings.PRINT_LANGUAGE, "ru")
    db.close()
    whole = tmp_path / "school.pdf"
    code, _, err = _run(capsys, "export", "lessons", "--year", "2025-2026", "--out", str(whole))
    assert code == 0, err
    text = _text(whole)
    assert "ГРАФИК ОТКРЫТЫХ УРОКОВ" in text and "перенесено (было: 13.02.2026)" in text
    box = PdfReader(io.BytesIO(whole.read_bytes())).pages[0].mediabox
    assert float(box.width) > float(box.height)
    one = tmp_path / "kazakh.pdf"
    code, _, err = _run(
        capsys, "export", "lessons", "--year", "2025-2026", "--association", str(ids["kazakh"]),
        "--lang", "kk", "--out", str(one),
    )  # fmt: skip
    assert code == 0, err
    text = _text(one)
    assert "АШЫҚ САБАҚТАР КЕСТЕСІ" in text and "ӘБ жетекшісі:" in text and "Математика" not in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("export", "observation", "--observation", "9999"), "9999"),
        (("export", "observation-blank", "--lesson", "9999"), "9999"),
        (("export", "observation-blank", "--date", "2026-01-01"), "01.01.2026"),
        (("export", "observation-blank", "--lesson", "{planned}", "--set", "9999"), "9999"),
        (("export", "observation-blank", "--association", "{kazakh}"), "--date"),
        (("export", "lessons", "--year", "2019-2020"), "2019-2020"),
        (("export", "lessons", "--year", "2025-2026", "--association", "9999"), "9999"),
        (
            ("export", "lessons", "--year", "2025-2026", "--association", "{kazakh}", "--organisation", "1"),
            "--organisation",
        ),
        (("list", "lessons", "--teacher", "9999"), "9999"),
        (("list", "lessons", "--year", "2019-2020"), "2019-2020"),
    ],
)
def test_wrong_input_is_one_sentence_and_exit_2(data_dir: Path, tmp_path: Path, capsys, args, words) -> None:
    ids = _ids(data_dir)
    out_file = tmp_path / "never.pdf"
    args = tuple(a.format(**ids) for a in args)
    extra = ("--out", str(out_file)) if args[0] == "export" else ()
    code, out, err = _run(capsys, *args, *extra)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and lines[0].endswith("."), err
    assert "Traceback" not in err
    assert not out_file.exists()


def test_a_cancelled_lesson_gets_no_blank_and_bad_dates_are_usage_errors(
    data_dir: Path, tmp_path: Path, capsys
) -> None:
    ids = _ids(data_dir)
    db = prepare_database(paths.database_path())
    with db.transaction() as s:
        from metodesk.services import lessons

        lessons.cancel_lesson(s, ids["planned"])
    db.close()
    out_file = tmp_path / "never.pdf"
    code, _, err = _run(
        capsys, "export", "observation-blank", "--lesson", str(ids["planned"]), "--out", str(out_file)
    )
    assert code == 2 and "cancelled" in err and not out_file.exists()
    for bad in (("--date", "2026-13-01"), ("--lesson", "x")):
        with pytest.raises(SystemExit) as exit_info:
            main(["export", "observation-blank", *bad, "--out", str(out_file)])
        assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
    code, _, err = _run(
        capsys, "export", "observation-blank", "--lesson", "1", "--date", "2026-03-11", "--out", str(out_file)
    )
    assert code == 2 and "not both" in err and not out_file.exists()


def test_the_schedule_of_one_organisation_with_its_approval(data_dir: Path, tmp_path: Path, capsys) -> None:
    """Only the chosen organisation's associations (a district database holds
    thousands), under its own header, approved by its head."""
    from metodesk.services import organisations

    db = prepare_database(paths.database_path())
    with db.reading() as s:
        ours = organisations.ours(s)
        other = next(o for o in organisations.list_organisations(s) if not o.is_ours)
    db.close()
    school, elsewhere = tmp_path / "ours.pdf", tmp_path / "other.pdf"
    code, _, err = _run(
        capsys, "export", "lessons", "--year", "2025-2026", "--lang", "ru", "--out", str(school)
    )
    assert code == 0, err
    text = _text(school)
    assert text.startswith("УТВЕРЖДАЮ") and "Б.Е. Сейітқали" in text and "Дыбыс пен әріп" in text
    code, _, err = _run(
        capsys, "export", "lessons", "--year", "2025-2026", "--organisation", str(other.id),
        "--lang", "kk", "--out", str(elsewhere),
    )  # fmt: skip
    assert code == 0, err
    text = _text(elsewhere)
    assert "БЕКІТЕМІН" in text and other.name_kk in text and ours.name_kk not in text
    assert "Бұл оқу жылына сабақтар жоспарланбаған." in text  # none of our lessons
