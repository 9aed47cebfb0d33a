"""The teacher's methodical portfolio as a Word document (DOCX), laid out as
the PDF (``portfolio_pdf``): the organisation, the title, the card, the
numbered sections as ruled tables (the header repeated on every page,
"nothing recorded" under an empty one), the date and the signatures. The
words come from ``portfolio_text``."""

from __future__ import annotations

from metodesk.domain.portfolio import PortfolioData
from metodesk.reports.docx_base import WordDocument
from metodesk.reports.growth_words import NOTHING
from metodesk.reports.portfolio_text import WORDS, card_lines, printed_line, sections, signers, title

CARD_WIDTHS = (55, 110)
SIGNATURE_WIDTHS = (70, 55, 40)


def build(data: PortfolioData, lang: str) -> bytes:
    """The portfolio as DOCX bytes, in ``lang`` ("kk" or "ru")."""
    w = WORDS[lang]
    word = WordDocument(lang)
    word.header_line(data.card.organisation(lang))
    word.title(w["title"], after=0)
    word.paragraph(data.card.full_name, center=True)
    word.space(8)
    word.heading(w["card"])
    word.grid([], card_lines(data, lang), CARD_WIDTHS)
    for section in sections(data, lang):
        word.heading(section.heading)
        if not section.rows:
            word.paragraph(NOTHING[lang])
            continue
        word.grid([section.header], section.rows, section.widths, centered=section.centered)
    word.space(10)
    word.paragraph(printed_line(data, lang))
    word.signatures(signers(data, lang), w["caption"], SIGNATURE_WIDTHS, before=12)
    return word.save(title(data, lang), data.card.full_name)
