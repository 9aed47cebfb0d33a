"""sort_key learns each character's key once per language; the keys must be
exactly what the character-by-character rule gives (the rule is kept here)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from metodesk.domain.text import _RANKS, KAZAKH_ALPHABET, sort_key


def _rule(text: str | None, lang: str) -> tuple[tuple[int, float, str], ...]:
    ranks = _RANKS.get(lang, _RANKS["kk"])
    key = []
    for ch in (text or "").casefold():
        if ch == "i" and lang == "kk":
            ch = "і"
        rank = ranks.get(ch)
        if rank is not None:
            key.append((1, rank, ""))
        elif ch.isdigit() or ch.isspace() or not ch.isalpha():
            key.append((0, float(ord(ch)), ""))
        else:
            key.append((2, float(ord(ch)), ch))
    return tuple(key)


LETTERS = KAZAKH_ALPHABET + KAZAKH_ALPHABET.upper() + "abcxyziIİßﬁ0123 -.,№«»é"


@given(st.text(alphabet=LETTERS, max_size=30) | st.text(max_size=12), st.sampled_from(["kk", "ru", "en"]))
def test_sort_key_equals_the_rule(text: str, lang: str) -> None:
    assert sort_key(text, lang) == _rule(text, lang)


def test_latin_i_is_kazakh_i_only_in_kazakh() -> None:
    assert sort_key("iс", "kk") == sort_key("іс", "kk")
    assert sort_key("iс", "ru") != sort_key("іс", "ru")
    assert sort_key(None, "kk") == () == sort_key("", "ru")
