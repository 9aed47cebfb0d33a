"""`metodesk list attention` and `metodesk list council` (issue 17): the demo
school's attention list and its council's meetings, one tab-separated line per
record with the id first; a year metodesk does not know is one sentence and
exit code 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from metodesk.__main__ import main

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def data_dir(_isolated_data_dir: Path, demo_database, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("METODESK_TODAY", TODAY.isoformat())  # the attention list is of this day
    demo_database(TODAY).close()
    return _isolated_data_dir


def test_the_councils_meetings_of_the_year(data_dir: Path, capsys) -> None:
    code = main(["--lang", "ru", "list", "council", "--year", "2025-2026"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines and all(len(fields) == 4 and fields[0].isdigit() for fields in lines)
    assert [fields[1] for fields in lines] == [str(n) for n in range(1, len(lines) + 1)]
    assert {fields[3] for fields in lines} <= {"Проведено", "Запланировано"}
    assert "None" not in out


def test_the_current_year_is_the_default(data_dir: Path, capsys) -> None:
    main(["--lang", "ru", "list", "council", "--year", "2025-2026"])
    named, _err = capsys.readouterr()
    assert main(["--lang", "ru", "list", "council"]) == 0
    assert capsys.readouterr()[0] == named


def test_the_attention_list_names_each_record(data_dir: Path, capsys) -> None:
    code = main(["--lang", "kk", "list", "attention"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines and all(len(fields) == 5 and fields[0].isdigit() and fields[4] for fields in lines)
    assert {"meeting", "plan"} <= {fields[1] for fields in lines}
    assert "Шешімдер" in {fields[2] for fields in lines}
    assert "None" not in out


@pytest.mark.parametrize("what", ["attention", "council"])
def test_an_unknown_year_is_one_sentence(data_dir: Path, capsys, what: str) -> None:
    code = main(["--lang", "en", "list", what, "--year", "1999-2000"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "1999-2000" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
