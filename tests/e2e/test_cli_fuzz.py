"""Issue 14 item 7: every subcommand's arguments, given wrong values (numbers
of 2**63 and more, negatives, words, empty strings, a NUL, a lone
surrogate), left without a value, or joined by an unknown option: no
traceback, exit 2 with one sentence (or 0 where the value is in fact fine)."""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from metodesk.__main__ import main
from metodesk.cli import build_parser
from metodesk.services import demo
from metodesk.services.setup import prepare_database

BAD_VALUES = ["", " ", "0", "-1", str(2**63), "9" * 30, "abc", "1.5", "\x00", "\udcff", "2025-2026\ufffe"]
SKIP = {("demo",), ("restore",)}  # demo fills the folder (its lock has its own test); restore asks first


def leaf_parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for action in subs:
        for name, child in action.choices.items():
            yield from leaf_parsers(child, (*path, name))


def plausible(action: argparse.Action, out: Path) -> str:
    if action.choices:
        return str(next(iter(action.choices)))
    metavar = str(action.metavar or action.dest).upper()
    if "FILE" in metavar or action.dest in ("out", "file"):
        return str(out / "out.pdf")
    if "YEAR" in metavar or action.dest in ("year", "from_year", "start"):
        return "2025-2026"
    if "DATE" in metavar:
        return "2026-03-11"
    return "1"


def command_lines(out: Path) -> Iterator[list[str]]:
    for path, parser in leaf_parsers(build_parser()):
        if path[:1] in SKIP or path in SKIP:
            continue
        valued = [a for a in parser._actions if a.nargs is None and not isinstance(a, argparse._HelpAction) and a.dest != "help"]
        valued = [a for a in valued if a.option_strings or a.dest not in ("command",)]
        base: list[str] = [*path]
        for action in valued:
            if action.required or not action.option_strings:
                base += [*action.option_strings[:1], plausible(action, out)]
        yield base + ["--no-such-option"]
        for action in valued:
            for bad in BAD_VALUES:
                argv: list[str] = [*path]
                for other in valued:
                    if other is action:
                        argv += [*other.option_strings[:1], bad]
                    elif other.required or not other.option_strings:
                        argv += [*other.option_strings[:1], plausible(other, out)]
                yield argv
            if action.option_strings:
                yield [*path, action.option_strings[0]]  # the value missing


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    db = prepare_database(folder / "metodesk.sqlite3")
    with db.transaction() as session:
        demo.fill_demo(session)
    db.close()
    return folder / "metodesk.sqlite3"


def run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    out = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


@pytest.mark.slow
def test_no_command_line_ends_in_a_traceback(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A fuzzed --out ("abc", "0") is a path relative to the working folder: keep it in tmp_path.
    monkeypatch.chdir(tmp_path)
    # metodesk logs the refused values, lone surrogates included; pytest-xdist cannot send
    # a report whose captured log holds one, so the records stay in metodesk's own log.
    monkeypatch.setattr(logging.getLogger("metodesk"), "propagate", False)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(template, data / "metodesk.sqlite3")
    out = tmp_path / "out"
    out.mkdir()
    lines = list(command_lines(out))
    assert len(lines) > 300
    for argv in lines:
        code, err = run(["--data-dir", str(data), "--lang", "ru", *argv])
        assert code in (0, 2), (argv, code, err)
        if code == 2:
            assert err.startswith("metodesk: ") and err.count("\n") == 1, (argv, err)
            assert "Traceback" not in err and "usage:" not in err, (argv, err)


def test_argparse_mistakes_are_one_sentence_in_the_users_language(tmp_path: Path) -> None:
    for argv in (["list", "nothing"], ["export", "plan"], ["list", "teachers", "--bogus"], ["exchange", "import"]):
        code, err = run(["--data-dir", str(tmp_path), "--lang", "ru", *argv])
        assert code == 2 and err.count("\n") == 1 and "usage" not in err
        assert any("а" <= ch <= "я" for ch in err), err  # Russian, not argparse's English


def test_an_id_of_2_to_the_63_is_a_sentence(template: Path, tmp_path: Path) -> None:
    shutil.copy(template, tmp_path / "metodesk.sqlite3")
    for argv in (["list", "lessons", "--association", str(2**63)], ["list", "meetings", "--association", str(2**64)]):
        code, err = run(["--data-dir", str(tmp_path), "--lang", "en", *argv])
        assert code == 2 and "Overflow" not in err and err.count("\n") == 1, err
        assert "far larger than any number" in err


def test_an_empty_data_dir_is_refused_not_the_per_user_folder(tmp_path: Path) -> None:
    code, err = run(["--data-dir", "", "list", "teachers"])
    assert code == 2 and "--data-dir" in err


def test_demo_holds_the_data_folder_lock(tmp_path: Path) -> None:
    from metodesk.storage.lock import DataFolderLock

    with DataFolderLock(tmp_path):
        code, err = run(["--data-dir", str(tmp_path), "--lang", "en", "demo"])
    assert code == 2 and "already open" in err
    assert not (tmp_path / "metodesk.sqlite3").exists()
