"""`metodesk list events|experience|olympiads`: the demo school's records of
professional growth, one per line with the id first; a year metodesk does not
know is one sentence and exit code 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from metodesk.__main__ import main

TODAY = dt.date(2026, 2, 10)


@pytest.fixture
def data_dir(_isolated_data_dir: Path, demo_database) -> Path:
    demo_database(TODAY).close()
    return _isolated_data_dir


@pytest.mark.parametrize("what", ["events", "experience", "olympiads"])
def test_each_list_prints_the_demo_records(data_dir: Path, capsys, what: str) -> None:
    code = main(["--lang", "ru", "list", what, "--year", "2025-2026"])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()
    assert lines and all(line.split("\t")[0].isdigit() for line in lines)
    assert "None" not in out


def test_an_unknown_year_is_one_sentence(data_dir: Path, capsys) -> None:
    code = main(["--lang", "en", "list", "events", "--year", "1999-2000"])
    _out, err = capsys.readouterr()
    assert code == 2 and "1999-2000" in err and "Traceback" not in err
