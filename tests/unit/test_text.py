"""Text rules: cleaning names, search folding (Cyrillic case, Latin i = Kazakh і,
ё = е), word matching, Kazakh and Russian alphabetical order, initials."""

from __future__ import annotations

import random
import unicodedata

import pytest

from metodesk.domain.text import (
    KAZAKH_ALPHABET,
    RUSSIAN_ALPHABET,
    clean,
    clean_multiline,
    initials_name,
    matches,
    search_fold,
    sort_key,
)

# docs/domain/glossary.md, 'Kazakh alphabetical order', written out letter by letter as the page gives it.
KAZAKH_ORDER = "А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я".split()
RUSSIAN_ORDER = "А Б В Г Д Е Ё Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я".split()


def _sorted(words: list[str], lang: str) -> list[str]:
    return sorted(words, key=lambda w: sort_key(w, lang))


def _shuffled(items: list[str], seed: int = 253) -> list[str]:
    copy = list(items)
    random.Random(seed).shuffle(copy)
    return copy


# --- clean -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Нұрғалиева  ", "Нұрғалиева"),
        ("Нұрғалиева   Әсел\t\tБауыржанқызы", "Нұрғалиева Әсел Бауыржанқызы"),
        ("\n Ким \r\n Виктория \n", "Ким Виктория"),
        ("Ким\u00a0Виктория", "Ким Виктория"),  # non-breaking space from a pasted document
        ("Ки\x00м\x07", "Ким"),  # control characters dropped
        ("", ""),
        ("   ", ""),
        (None, ""),
    ],
)
def test_clean_trims_and_folds_spaces(raw: str | None, expected: str) -> None:
    assert clean(raw) == expected


def test_clean_composes_decomposed_letters() -> None:
    decomposed = unicodedata.normalize("NFD", "Йөріс")
    assert decomposed != "Йөріс"
    assert clean(decomposed) == "Йөріс"


def test_clean_multiline_keeps_line_breaks_only() -> None:
    assert clean_multiline("  бір   екі \r\n\n  үш  ") == "бір екі\n\nүш"
    assert clean_multiline(None) == ""


# --- search_fold and matches -------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("НҰРҒАЛИЕВА", "нұрғалиева"),
        ("ӘӨҰҮҚҒҢҺІ", "әөұүқғңһі"),
        ("Ілияс", "ілияс"),
        ("iлияс", "Ілияс"),  # Latin small i for Kazakh і
        ("Iлияс", "Ілияс"),  # Latin capital I for Kazakh І
        ("Ёлкин", "елкин"),
        ("Пётр", "ПЕТР"),
    ],
)
def test_search_fold_makes_variants_equal(a: str, b: str) -> None:
    assert search_fold(a) == search_fold(b)


def test_search_fold_keeps_distinct_letters_distinct() -> None:
    # Kazakh letters are not folded into their Russian look-alikes.
    assert search_fold("Қасым") != search_fold("Касым")
    assert search_fold("Ұлжан") != search_fold("Улжан")
    assert search_fold("і") != search_fold("и")


def test_search_fold_empty() -> None:
    assert search_fold(None) == ""
    assert search_fold("") == ""


def test_matches_every_word_in_any_order() -> None:
    haystack = search_fold("Нұрғалиева Әсел Бауыржанқызы")
    assert matches("нұрғ", haystack)
    assert matches("ӘСЕЛ нұрғ", haystack)
    assert matches("  бауыржан   әсел ", haystack)
    assert not matches("нұрғ ольга", haystack)
    assert not matches("нург", haystack)  # у is not ұ


def test_matches_latin_i_and_yo() -> None:
    assert matches("iлияс", search_fold("Ибраев Ілияс Қанатұлы"))
    assert matches("ибраев IЛИЯС", search_fold("Ибраев Ілияс Қанатұлы"))
    assert matches("алёна", search_fold("Алена Петрова"))
    assert matches("алена", search_fold("Алёна Петрова"))


def test_empty_query_matches_everything() -> None:
    assert matches("", search_fold("Ким"))
    assert matches("   ", "")


# --- sort_key ----------------------------------------------------------------


def test_alphabet_constants_follow_the_domain_document() -> None:
    assert list(KAZAKH_ALPHABET) == [c.lower() for c in KAZAKH_ORDER]
    assert list(RUSSIAN_ALPHABET) == [c.lower() for c in RUSSIAN_ORDER]


@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_kazakh_letters_sort_in_kazakh_order(case) -> None:
    letters = [case(c) for c in KAZAKH_ORDER]
    assert _sorted(_shuffled(letters), "kk") == letters


def test_kazakh_order_differs_from_code_points() -> None:
    letters = list(KAZAKH_ORDER)
    assert sorted(letters) != letters  # the test above is not trivially true


def test_kazakh_words_sort_in_kazakh_order() -> None:
    words = [
        "Аманов",
        "Әбдірахманова",
        "Бекова",
        "Ғалымов",
        "Ерланов",
        "Ёлкин",
        "Жақсылықова",
        "Ибраев",
        "Йолдасбеков",
        "Қасымов",
        "Құдайбергенова",
        "Нұрғалиева",
        "Ңұрлан",
        "Оразбекова",
        "Өтегенов",
        "Смағұлова",
        "Төлеуова",
        "Ұлықбеков",
        "Үсенов",
        "Хасенов",
        "Һидаятов",
        "Шәріпов",
        "Ыбыраев",
        "Ілиясов",
        "Юсупов",
    ]
    assert _sorted(_shuffled(words), "kk") == words


def test_kazakh_sort_treats_latin_i_as_kazakh_i() -> None:
    words = ["Ыбыраев", "iргебаев", "Іргебаев", "Ілиясов"]
    ordered = _sorted(words, "kk")
    # Both spellings of І- come after Ы and the Latin one sits with Іргебаев.
    assert ordered[0] == "Ыбыраев"
    assert ordered.index("Ілиясов") < ordered.index("iргебаев")
    assert sort_key("iргебаев", "kk") == sort_key("Іргебаев", "kk")


@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_russian_letters_sort_in_russian_order(case) -> None:
    letters = [case(c) for c in RUSSIAN_ORDER]
    assert _sorted(_shuffled(letters), "ru") == letters


def test_russian_order_puts_yo_between_ye_and_zhe() -> None:
    assert _sorted(["Жуков", "Ёлкин", "Егоров"], "ru") == ["Егоров", "Ёлкин", "Жуков"]


def test_russian_order_puts_kazakh_letters_after_their_look_alike() -> None:
    words = ["Бекова", "Әбдірахманова", "Аманов", "Ким", "Қасымов", "Лаптев", "Ілиясов", "Иванова", "Йодо"]
    assert _sorted(words, "ru") == [
        "Аманов",
        "Әбдірахманова",
        "Бекова",
        "Иванова",
        "Ілиясов",
        "Йодо",
        "Ким",
        "Қасымов",
        "Лаптев",
    ]


def test_russian_and_kazakh_order_differ() -> None:
    words = ["Ілиясов", "Иванова", "Ыбыраев", "Юсупов"]
    assert _sorted(words, "kk") == ["Иванова", "Ыбыраев", "Ілиясов", "Юсупов"]
    assert _sorted(words, "ru") == ["Иванова", "Ілиясов", "Ыбыраев", "Юсупов"]


def test_sort_is_case_insensitive_and_prefix_first() -> None:
    assert _sorted(["кимов", "Ким Виктория", "КИМ"], "kk") == ["КИМ", "Ким Виктория", "кимов"]


def test_sort_puts_digits_before_cyrillic_and_latin_after() -> None:
    words = ["Smith", "Ахметов", "№1 мектеп", "2 мектеп"]
    ordered = _sorted(words, "kk")
    assert ordered.index("2 мектеп") < ordered.index("Ахметов") < ordered.index("Smith")
    assert _sorted(["Smith", "Ахметов"], "ru") == ["Ахметов", "Smith"]


def test_sort_key_of_nothing_comes_first() -> None:
    assert _sorted(["Ә", "", None], "kk") == ["", None, "Ә"]  # type: ignore[list-item]


def test_unknown_language_sorts_in_kazakh_order() -> None:
    assert sort_key("Ыбыраев", "en") == sort_key("Ыбыраев", "kk")


# --- initials_name -----------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Нұрғалиева", "Әсел", "Бауыржанқызы"), "Нұрғалиева Ә.Б."),
        (("Ибраев", "Ілияс", "Қанатұлы"), "Ибраев І.Қ."),
        (("Ким", "Виктория", ""), "Ким В."),
        (("Ким", "", ""), "Ким"),
        (("Петренко", "Ольга", "Викторовна"), "Петренко О.В."),
    ],
)
def test_initials_name(parts: tuple[str, str, str], expected: str) -> None:
    assert initials_name(*parts) == expected
