"""Text rules for Kazakh and Russian: cleaning names, search folding, alphabetical order.

SQLite folds case only for ASCII, and old Kazakh texts write Latin "i" for "і",
so searching compares ``search_fold`` forms. Sorting follows the Kazakh or the
Russian alphabet (docs/domain/glossary.md, 'Kazakh alphabetical order'), not code points.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_CONTROL = dict.fromkeys(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
# Lone surrogates (bytes that were not UTF-8, as a command line hands them over)
# cannot be stored: they become the replacement character.
_CONTROL.update(dict.fromkeys(range(0xD800, 0xE000), 0xFFFD))

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# In Russian order the Kazakh letters follow the Russian letter they resemble.
_KK_IN_RU = {
    "ә": "а",
    "ғ": "г",
    "қ": "к",
    "ң": "н",
    "ө": "о",
    "ұ": "у",
    "ү": "у",
    "һ": "х",
    "і": "и",
}


def clean(text: str | None) -> str:
    """Trim, fold inner runs of white space to one space, drop control characters."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_CONTROL)
    return _SPACES.sub(" ", text).strip()


def clean_multiline(text: str | None) -> str:
    """Like ``clean`` but keeps line breaks (for summaries and notes)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_CONTROL).replace("\r\n", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def search_fold(text: str | None) -> str:
    """The form search compares: case-folded, Latin i and Kazakh і alike, ё as е."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFC", text).casefold()
    return folded.replace("i", "і").replace("ı", "і").replace("ё", "е")


def matches(query: str, haystack_folded: str) -> bool:
    """True when every word of the query occurs in the folded text."""
    return all(word in haystack_folded for word in search_fold(query).split())


def _rank_table(alphabet: str, extra: dict[str, str] | None = None) -> dict[str, float]:
    ranks: dict[str, float] = {ch: float(i) for i, ch in enumerate(alphabet)}
    for letter, base in (extra or {}).items():
        ranks[letter] = ranks[base] + 0.5
    return ranks


_RANKS = {
    "kk": _rank_table(KAZAKH_ALPHABET),
    "ru": _rank_table(RUSSIAN_ALPHABET, _KK_IN_RU),
}


def _char_key(ch: str, lang: str) -> tuple[int, float, str]:
    """One character's place: punctuation and digits, then the alphabet, then other letters."""
    ranks = _RANKS.get(lang, _RANKS["kk"])
    if ch == "i" and lang == "kk":
        ch = "і"
    rank = ranks.get(ch)
    if rank is not None:
        return (1, rank, "")
    if ch.isdigit() or ch.isspace() or not ch.isalpha():
        return (0, float(ord(ch)), "")
    return (2, float(ord(ch)), ch)


# Each character's key, learnt once per language: lists sort thousands of names.
_CHAR_KEYS: dict[str, dict[str, tuple[int, float, str]]] = {}


def sort_key(text: str | None, lang: str) -> tuple[tuple[int, float, str], ...]:
    """A key that orders text in the Kazakh or Russian alphabet (Latin after Cyrillic)."""
    known = _CHAR_KEYS.setdefault(lang, {})
    folded = (text or "").casefold()
    try:
        return tuple([known[ch] for ch in folded])
    except KeyError:
        for ch in folded:
            if ch not in known:
                known[ch] = _char_key(ch, lang)
        return tuple([known[ch] for ch in folded])


def initials_name(surname: str, first_name: str, patronymic: str = "") -> str:
    """'Тегі А.Ә.' — how signatures and lists name a person."""
    initials = "".join(f"{part[0]}." for part in (first_name, patronymic) if part)
    return f"{surname} {initials}".strip()
