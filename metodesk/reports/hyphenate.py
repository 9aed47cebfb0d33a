"""Where a word of a table cell may break at a line's end, with a hyphen.

Russian words break where the ``ru_RU`` hyphenation dictionary (pyphen) says.
Kazakh has no such dictionary, so its syllables are found by rule: a syllable
holds one vowel; of the consonants between two vowels only the last begins the
next syllable (ба-ла, мек-теп, ант-та-ры); ь and ъ stay with the consonant
before them, and й with the vowel before it; у is a consonant (w) next to a
vowel (са-уат, ауыс-ты-рыл-ды) and a vowel between consonants (о-қу-шы).
A break leaves at least two letters on each side. A word with a Kazakh letter
(ә ғ қ ң ө ұ ү һ і) follows the Kazakh rule; any other Cyrillic word the
Russian dictionary in a Russian document, the Kazakh rule in a Kazakh one
(``language`` says which while a document is built).

Reportlab calls ``pairs`` through the ``hyphenationLang`` of the cell styles;
``allow_kazakh_letters`` lets it consider words with Kazakh letters at all
(its own pattern of "letters" stops at я).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
VOWELS = set("аәеёиоөуұүыіэюя")
SEMIVOWELS = set("у")
SIGNS = set("ьъй")  # never begin a syllable
MIN_PART = 2  # letters left on either side of a break
_LANGUAGE: ContextVar[str] = ContextVar("hyphenation_language", default="ru")
_CYRILLIC = re.compile("[А-Яа-яЁё" + KAZAKH_LETTERS + "]")
_WORD = re.compile(r"^[A-Za-zА-Яа-яЁё" + KAZAKH_LETTERS + r"]+$")


def _is_vowel(letters: str, index: int) -> bool:
    letter = letters[index]
    if letter not in VOWELS:
        return False
    if letter in SEMIVOWELS:
        before = index > 0 and letters[index - 1] in VOWELS - SEMIVOWELS
        after = index + 1 < len(letters) and letters[index + 1] in VOWELS - SEMIVOWELS
        return not (before or after)
    return True


def kazakh_points(word: str) -> list[int]:
    """The offsets in ``word`` where its Kazakh syllables begin (after the first)."""
    letters = word.lower()
    vowels = [i for i in range(len(letters)) if _is_vowel(letters, i)]
    points: list[int] = []
    for left, right in zip(vowels, vowels[1:], strict=False):
        gap = right - left - 1  # consonants between two vowels
        point = right if gap == 0 else right - 1
        while point < right and letters[point] in SIGNS:  # ь, ъ end a syllable
            point += 1
        points.append(point)
    return [p for p in points if MIN_PART <= p <= len(word) - MIN_PART]


@lru_cache(maxsize=1)
def _russian() -> Callable[[str], list[int]] | None:
    try:
        import pyphen

        dictionary = pyphen.Pyphen(lang="ru_RU", left=MIN_PART, right=MIN_PART)
    except (ImportError, KeyError, OSError):  # pragma: no cover - a bundle without the dictionary
        return None  # Russian words then break by the syllable rule too
    positions: Callable[[str], list[int]] = dictionary.positions
    return positions


@contextmanager
def language(lang: str) -> Iterator[None]:
    """While a document in ``lang`` is built: how words without a Kazakh letter break."""
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def points(word: str, lang: str | None = None) -> list[int]:
    """Offsets where ``word`` may break with a hyphen; none for what is not a
    Cyrillic word (Latin words, numbers and codes stay whole)."""
    if len(word) < 2 * MIN_PART or not _WORD.match(word) or not _CYRILLIC.search(word):
        return []
    lang = lang or _LANGUAGE.get()
    russian = _russian()
    if any(letter in KAZAKH_LETTERS for letter in word) or lang == "kk" or russian is None:
        return kazakh_points(word)
    return [int(p) for p in russian(word)]


def pairs(word: str) -> list[tuple[str, str]]:
    """(head, tail) for each break of ``word``, the longest head first, as
    reportlab's ``hyphenationLang`` expects of a callable."""
    return [(word[:p], word[p:]) for p in sorted(points(word), reverse=True)]


def hyphenated(word: str, lang: str | None = None) -> str:
    """The word with its breaks shown ('мек-теп'), for tests and for reading."""
    out, last = [], 0
    for point in sorted(points(word, lang)):
        out.append(word[last:point])
        last = point
    out.append(word[last:])
    return "-".join(out)


def allow_kazakh_letters() -> None:
    """Make reportlab's hyphenation accept words with Kazakh letters (and ё).

    Its pattern of hyphenable letters ends at я; it is a module constant,
    read each time a word is considered, so widening it here is enough."""
    from reportlab.platypus import paragraph

    extra = KAZAKH_LETTERS + "ёЁ"
    letters = getattr(paragraph, "_hy_letters", None)
    if letters is None or extra in letters:
        return
    letters += extra
    # types-reportlab leaves out these private module constants of reportlab.platypus.paragraph
    paragraph._hy_letters = letters  # type: ignore[attr-defined]
    paragraph._hy_letters_pat = re.compile("^[" + letters + "]+$")  # type: ignore[attr-defined]
    shy = paragraph._hy_shy  # type: ignore[attr-defined]
    paragraph._hy_shy_letters_pat = re.compile("^[" + shy + letters + "]+$")  # type: ignore[attr-defined]
