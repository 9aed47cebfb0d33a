"""The window's own options are read without the command-line parser (a
quicker start); anything else goes to the full parser."""

from __future__ import annotations

import pytest

from metodesk.__main__ import window_arguments


@pytest.mark.parametrize(
    ("argv", "data_dir", "lang"),
    [
        ([], None, None),
        (["--lang", "ru"], None, "ru"),
        (["--lang=kk", "--data-dir", "/tmp/школа"], "/tmp/школа", "kk"),
        (["--data-dir=D"], "D", None),
    ],
)
def test_window_options_are_read_directly(argv, data_dir, lang) -> None:
    args = window_arguments(argv)
    assert args is not None
    assert (args.command, args.data_dir, args.lang) == (None, data_dir, lang)


@pytest.mark.parametrize(
    "argv",
    [["demo"], ["--help"], ["--version"], ["--lang", "de"], ["--lang"], ["--data-dir", "D", "check"], ["-x"]],
)
def test_anything_else_goes_to_the_full_parser(argv) -> None:
    assert window_arguments(argv) is None
