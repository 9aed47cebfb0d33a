"""The command line end to end: `python -m metodesk --data-dir D …` in a child
process, as a user or a script would run it. Exit codes: 0 all well, 1 a check
failed, 2 wrong input; a plain sentence, never a traceback."""

from __future__ import annotations

import gettext
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
DB_NAME = "metodesk.sqlite3"


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("METODESK_LANG", "METODESK_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    env.update(extra)
    return env


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "metodesk", *args],
        cwd=ROOT,
        env=env or _env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert "Error:" not in result.stderr  # no Python exception names


def _one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def _one_sentence(text: str) -> str:
    line = _one_line(text)
    assert re.search(r"[.!]$", line.rstrip()), line
    return line


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder filled once by `metodesk demo` (the folder does not exist before)."""
    data = tmp_path_factory.mktemp("cli") / "demo-data"
    result = run("--data-dir", str(data), "--lang", "en", "demo")
    assert result.returncode == 0, result.stderr
    assert str(data) in result.stdout
    assert "3 organisations, 15 teachers, 3 associations, 9 meetings." in result.stdout
    assert (data / DB_NAME).exists()
    return data


# --- demo, check, list ---------------------------------------------------------------------


def test_demo_then_check_exits_0(demo_dir: Path) -> None:
    result = run("--data-dir", str(demo_dir), "--lang", "en", "check")
    _no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Integrity: ok." in result.stdout
    assert "current" in result.stdout


def test_data_dir_from_environment(demo_dir: Path) -> None:
    result = run("--lang", "en", "check", env=_env(METODESK_DATA_DIR=str(demo_dir)))
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_twice_is_refused(demo_dir: Path) -> None:
    before = (demo_dir / DB_NAME).stat().st_size
    result = run("--data-dir", str(demo_dir), "--lang", "en", "demo")
    _no_traceback(result)
    assert result.returncode == 2
    assert "already holds data" in _one_sentence(result.stderr)
    teachers = run("--data-dir", str(demo_dir), "list", "teachers")
    assert len(teachers.stdout.splitlines()) == 15
    assert (demo_dir / DB_NAME).stat().st_size >= before


def test_list_teachers_prints_id_and_name(demo_dir: Path) -> None:
    result = run("--data-dir", str(demo_dir), "list", "teachers")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 15
    for line in lines:
        assert re.fullmatch(r"\d+\t\S.*\S", line), line
    ids = [int(line.split("\t")[0]) for line in lines]
    assert len(set(ids)) == 15
    names = {line.split("\t")[1] for line in lines}
    assert {"Нұрғалиева Әсел Бауыржанқызы", "Ибраев Ілияс Қанатұлы", "Ким Виктория Сергеевна"} <= names


def test_list_associations(demo_dir: Path) -> None:
    kk = run("--data-dir", str(demo_dir), "--lang", "kk", "list", "associations")
    ru = run("--data-dir", str(demo_dir), "--lang", "ru", "list", "associations")
    assert kk.returncode == ru.returncode == 0
    kk_lines, ru_lines = kk.stdout.splitlines(), ru.stdout.splitlines()
    assert len(kk_lines) == len(ru_lines) == 3
    assert all(re.fullmatch(r"\d+\t\S.*", line) for line in kk_lines + ru_lines)
    assert [line.split("\t")[0] for line in kk_lines] == [line.split("\t")[0] for line in ru_lines]
    assert any(line.endswith("«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі") for line in kk_lines)
    assert any(
        line.endswith("Методическое объединение учителей предмета «Казахский язык»") for line in ru_lines
    )
    assert any("Аудандық" in line for line in kk_lines)


def test_list_associations_of_a_year(demo_dir: Path) -> None:
    ok = run("--data-dir", str(demo_dir), "list", "associations", "--year", "2025-2026")
    assert ok.returncode == 0 and len(ok.stdout.splitlines()) == 3
    missing = run("--data-dir", str(demo_dir), "--lang", "en", "list", "associations", "--year", "1999-2000")
    _no_traceback(missing)
    assert missing.returncode == 2
    assert "1999-2000" in _one_sentence(missing.stderr)


# --- failures: one sentence, the right exit code, nothing written -----------------------------------


def test_check_on_an_empty_folder_exits_1(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "--lang", "en", "check")
    _no_traceback(result)
    assert result.returncode == 1
    assert "There is no database" in result.stdout + result.stderr
    assert list(tmp_path.iterdir()) == []  # check writes nothing


def test_check_on_a_corrupt_file_exits_1(tmp_path: Path) -> None:
    damaged = tmp_path / DB_NAME
    content = b"This is a shopping list, not a database.\n" * 50
    damaged.write_bytes(content)
    result = run("--data-dir", str(tmp_path), "--lang", "en", "check")
    _no_traceback(result)
    assert result.returncode == 1
    sentence = _one_sentence(result.stdout + result.stderr)
    assert "damaged" in sentence or "not a metodesk database" in sentence
    assert damaged.read_bytes() == content  # left untouched


def test_check_on_an_empty_file_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / DB_NAME
    empty.touch()
    result = run("--data-dir", str(tmp_path), "--lang", "en", "check")
    _no_traceback(result)
    assert result.returncode == 1
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]


def test_database_from_a_newer_metodesk(demo_dir: Path, tmp_path: Path) -> None:
    newer = tmp_path / DB_NAME
    newer.write_bytes((demo_dir / DB_NAME).read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    content = newer.read_bytes()
    check = run("--data-dir", str(tmp_path), "--lang", "en", "check")
    _no_traceback(check)
    assert check.returncode == 1
    assert "newer version" in _one_sentence(check.stdout + check.stderr)
    for args in (("list", "teachers"), ("demo",)):
        result = run("--data-dir", str(tmp_path), "--lang", "en", *args)
        _no_traceback(result)
        assert result.returncode == 2
        assert "newer version" in _one_sentence(result.stderr)
    assert newer.read_bytes() == content  # left untouched


def test_check_on_a_truncated_database_exits_1(demo_dir: Path, tmp_path: Path) -> None:
    good = (demo_dir / DB_NAME).read_bytes()
    (tmp_path / DB_NAME).write_bytes(good[: len(good) // 3])
    result = run("--data-dir", str(tmp_path), "--lang", "en", "check")
    _no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.strip() or result.stderr.strip()


def test_list_on_a_missing_database_exits_2(tmp_path: Path) -> None:
    for what in ("teachers", "associations"):
        result = run("--data-dir", str(tmp_path), "--lang", "en", "list", what)
        _no_traceback(result)
        assert result.returncode == 2
        assert result.stdout == ""
        sentence = _one_sentence(result.stderr)
        assert "There is no metodesk database" in sentence and str(tmp_path) in sentence
    assert list(tmp_path.iterdir()) == []  # listing created nothing


def test_list_on_a_corrupt_file_exits_2(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"garbage" * 100)
    result = run("--data-dir", str(tmp_path), "--lang", "en", "list", "teachers")
    _no_traceback(result)
    assert result.returncode == 2
    _one_sentence(result.stderr)


def test_unknown_command_exits_2(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "list", "pupils")
    _no_traceback(result)
    assert result.returncode == 2


def test_window_without_a_display_says_how_to_run_it(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "--lang", "en")
    _no_traceback(result)
    assert result.returncode == 2
    message = _one_line(result.stderr)  # ends with the command to type
    assert "xvfb-run" in message and "screen" in message
    assert "Aborted" not in result.stderr and "qt.qpa" not in result.stderr


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_window_without_a_display_in_each_language(tmp_path: Path, lang: str) -> None:
    result = run("--data-dir", str(tmp_path), "--lang", lang)
    _no_traceback(result)
    assert result.returncode == 2
    assert "xvfb-run" in result.stderr


# --- the language of the messages ---------------------------------------------------------------


def _catalog(lang: str) -> gettext.GNUTranslations:
    mo = TRANSLATIONS / lang / "LC_MESSAGES" / "metodesk.mo"
    if not mo.exists():
        pytest.skip(f"{mo.relative_to(ROOT)} is not compiled yet")
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def _translated(catalog: gettext.GNUTranslations, message: str) -> str:
    text = catalog.gettext(message)
    if text == message:
        pytest.skip(f"{message!r} is not translated yet")
    return text


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_check_speaks_the_chosen_language(demo_dir: Path, lang: str) -> None:
    expected = _translated(_catalog(lang), "Integrity: ok.")
    result = run("--data-dir", str(demo_dir), "--lang", lang, "check")
    assert result.returncode == 0
    assert expected in result.stdout.splitlines()
    assert "Integrity: ok." not in result.stdout


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_errors_speak_the_chosen_language(tmp_path: Path, lang: str) -> None:
    template = _translated(_catalog(lang), "There is no metodesk database in {path}.")
    result = run("--data-dir", str(tmp_path), "--lang", lang, "list", "teachers")
    assert result.returncode == 2
    assert template.format(path=tmp_path) in result.stderr


def test_language_from_the_environment(demo_dir: Path) -> None:
    expected = _translated(_catalog("ru"), "Integrity: ok.")
    result = run("--data-dir", str(demo_dir), "check", env=_env(METODESK_LANG="ru"))
    assert expected in result.stdout.splitlines()
    forced = run("--data-dir", str(demo_dir), "--lang", "en", "check", env=_env(METODESK_LANG="ru"))
    assert "Integrity: ok." in forced.stdout.splitlines()


def test_kazakh_is_the_default(demo_dir: Path) -> None:
    expected = _translated(_catalog("kk"), "Integrity: ok.")
    result = run("--data-dir", str(demo_dir), "check")
    assert expected in result.stdout.splitlines()


@pytest.mark.parametrize(("locale", "word"), [("ru_RU.UTF-8", "экран"), ("kk_KZ.UTF-8", "экран"), ("C.UTF-8", "screen")])
def test_without_a_display_and_a_chosen_language_the_system_language_speaks(
    tmp_path: Path, locale: str, word: str
) -> None:
    """Issue 19.9: one sentence in the system's language, with a command that
    works from a source checkout too."""
    env = _env(LANG=locale, LC_ALL="", LC_MESSAGES="")
    env.pop("LC_ALL")
    env.pop("LC_MESSAGES")
    result = run("--data-dir", str(tmp_path), env=env)
    _no_traceback(result)
    assert result.returncode == 2
    message = _one_line(result.stderr)
    assert word in message.lower()
    assert message.count(". ") == 0  # one sentence
    assert "xvfb-run -a " in message and "-m metodesk" in message


def test_list_years_shows_the_terms_and_marks_the_current_year(demo_dir: Path) -> None:
    """Issue 19.1: `metodesk list years`."""
    result = run("--data-dir", str(demo_dir), "--lang", "en", "list", "years")
    _no_traceback(result)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("* 2025-2026\t01.09.2025 – 25.05.2026\tcurrent")
    assert [line.split("\t")[0].strip() for line in lines[1:5]] == ["1", "2", "3", "4"]
    assert "Quarter\t30.03.2026 – 25.05.2026" in lines[4]
