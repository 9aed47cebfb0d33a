"""The Kazakh and Russian catalogs are complete: every string in the code is in
both, translated, not fuzzy, with its placeholders intact; and they compile."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def _code_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "metodesk"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _catalog(lang: str):
    with open(ROOT / "translations" / lang / "LC_MESSAGES" / "metodesk.po", "rb") as handle:
        return read_po(handle, locale=lang)


@pytest.fixture(scope="module")
def code_messages() -> set[str]:
    return _code_messages()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_code_string_is_in_the_catalog(lang: str, code_messages: set[str]) -> None:
    catalog = _catalog(lang)
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    missing = sorted(code_messages - ids)
    assert not missing, f"{len(missing)} strings missing from {lang}: {missing[:10]}"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_catalog_is_translated_and_not_fuzzy(lang: str) -> None:
    catalog = _catalog(lang)
    empty, fuzzy, broken = [], [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            empty.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        wanted = set(PLACEHOLDER.findall(source))
        for text in strings:
            if text and set(PLACEHOLDER.findall(text)) != wanted:
                broken.append(source)
    assert not empty, f"untranslated in {lang}: {empty[:10]}"
    assert not fuzzy, f"fuzzy in {lang}: {fuzzy[:10]}"
    assert not broken, f"placeholders differ in {lang}: {broken[:10]}"


def test_russian_has_three_plural_forms_and_kazakh_two() -> None:
    assert _catalog("ru").num_plurals == 3
    assert _catalog("kk").num_plurals == 2
    for message in _catalog("ru"):
        if message.id and isinstance(message.id, tuple):
            assert len(message.string) == 3 and all(message.string)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_catalog_compiles(lang: str) -> None:
    buffer = io.BytesIO()
    write_mo(buffer, _catalog(lang))
    assert len(buffer.getvalue()) > 1000


def test_kazakh_catalog_uses_kazakh_letters() -> None:
    text = " ".join(m.string for m in _catalog("kk") if m.id and isinstance(m.string, str))
    for letter in "әғқңөұүі":
        assert letter in text, letter
