"""Breaking words of narrow table cells at syllables, with a hyphen: Kazakh by
its syllable rule, Russian by pyphen's ru_RU dictionary; reportlab uses it."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from metodesk.reports import base, hyphenate


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Шығармашылық", "Шы-ғар-ма-шы-лық"),
        ("ауыстырылды", "ауыс-ты-рыл-ды"),  # у next to a vowel is a consonant
        ("Жарамдылық", "Жа-рам-ды-лық"),
        ("оқушылардың", "оқу-шы-лар-дың"),  # у between consonants is a vowel
        ("сауаттылығын", "са-уат-ты-лы-ғын"),
        ("мұғалімдерінің", "мұ-ға-лім-де-рі-нің"),
        ("бірлестігінің", "бір-лес-ті-гі-нің"),
        ("әдістемелік", "әдіс-те-ме-лік"),
        ("айлық", "ай-лық"),  # й ends a syllable
        ("қою", "қою"),  # one letter is never left alone
        ("мектеп", "мек-теп"),
    ],
)
def test_kazakh_words_break_at_their_syllables(word: str, expected: str) -> None:
    assert hyphenate.hyphenated(word, "kk") == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Изобразительное", "Изоб-ра-зи-тель-ное"),
        ("перенесено", "пе-ре-не-се-но"),
        ("Методическое", "Ме-то-ди-че-ское"),
        ("объяснения", "объ-яс-не-ния"),
    ],
)
def test_russian_words_break_where_the_dictionary_says(word: str, expected: str) -> None:
    assert hyphenate.hyphenated(word, "ru") == expected


def test_a_kazakh_letter_makes_a_word_kazakh_in_a_russian_document() -> None:
    assert hyphenate.hyphenated("Шығармашылық", "ru") == "Шы-ғар-ма-шы-лық"


@pytest.mark.parametrize("word", ["2025-2026", "КТЖ", "Biology", "№131", "ab"])
def test_numbers_codes_and_latin_words_stay_whole(word: str) -> None:
    assert hyphenate.points(word, "kk") == []


def test_pairs_come_longest_head_first() -> None:
    assert hyphenate.pairs("мектебі")[0] == ("мекте", "бі")


@pytest.mark.parametrize(
    ("lang", "text"), [("kk", "Шығармашылық зертхана"), ("ru", "Изобразительное искусство")]
)
def test_a_narrow_column_breaks_a_long_word_with_a_hyphen(lang: str, text: str) -> None:
    hyphenate.allow_kazakh_letters()
    paragraph = Paragraph(text, base.styles().cell)
    table = base.table([[paragraph]], [68], base.grid_style(0))
    with hyphenate.language(lang):
        table.wrap(68, 1000)
    lines = [" ".join(str(w) for w in line[1]) for line in paragraph.blPara.lines]
    assert paragraph._splitLongWordCount == 0
    assert lines[0].endswith("-")
    assert "".join(lines).replace("-", "").replace(" ", "") == text.replace(" ", "")


def test_words_that_fit_their_column_stay_whole() -> None:
    paragraph = Paragraph("Шығармашылық зертхана жұмысы", base.styles().cell)
    table = base.table([[paragraph]], [160], base.grid_style(0))
    with hyphenate.language("kk"):
        table.wrap(160, 1000)
    assert not any(str(line[1][-1]).endswith("-") for line in paragraph.blPara.lines)
