"""The school's own documents (``school_doc.Outline``) as Word: the same
organisation line, corner blocks, title lines, headings, text and tables as
the PDF, in Times New Roman, editable by the school."""

from __future__ import annotations

from metodesk.reports.docx_base import SHADE, WordDocument, merge_row, shade
from metodesk.reports.school_doc import SIGN_LINE, Block, Chart, Grid, Heading, Outline, Text


def _block_lines(block: Block | None) -> list[str]:
    if block is None:
        return [""]
    lines = [block.heading, *block.lines]
    if block.signer:
        lines.append(f"{SIGN_LINE} {block.signer}")
    if block.date:
        lines.append(block.date)
    return lines


def _grid(word: WordDocument, grid: Grid) -> None:
    widths = [word.width * share for share in grid.widths]
    columns = len(widths)
    rows = [row if len(row) == columns else (row[0],) + ("",) * (columns - 1) for row in grid.rows]
    made = word.grid([grid.header], rows, widths, centered=grid.centered)
    for index, row in enumerate(grid.rows, start=1):
        if len(row) == 1:
            shade(merge_row(made.rows[index], row[0], bold=True), SHADE)


def build_docx_outline(outline: Outline) -> bytes:
    """The outline as Word (.docx) bytes."""
    word = WordDocument(outline.lang)
    word.header_line(outline.organisation)
    if outline.left or outline.right:
        left, right = _block_lines(outline.left), _block_lines(outline.right)
        height = max(len(left), len(right))
        left += [""] * (height - len(left))
        right += [""] * (height - len(right))
        table = word.layout([[a, "", b] for a, b in zip(left, right, strict=True)], (78, 9, 78))
        for row_index in (0,):
            for cell in table.rows[row_index].cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
        word.space(10)
    for line in outline.titles:
        word.heading(line)
    for part in outline.parts:
        if isinstance(part, Heading):
            word.paragraph(part.text, bold=True, before=8, after=3, keep=True)
        elif isinstance(part, Text):
            if part.bold:
                word.paragraph(part.text, bold=True, before=6, after=2, keep=True)
            elif part.listed:
                for line in part.text.split("\n"):
                    if line.strip():
                        word.hanging(line.strip())
            else:
                word.texts(part.text)
        elif isinstance(part, Chart):
            word.paragraph(part.title, bold=True, center=True, before=6, after=3, keep=True)
            rows = [(label, f"{value:g}{part.unit}") for label, value in zip(part.labels, part.values, strict=True)]
            word.grid([], rows, (word.width * 0.6, word.width * 0.2), centered=(1,))
            word.space(4)
        else:
            _grid(word, part)
            word.space(4)
    if outline.signatures:
        word.signatures(list(outline.signatures), outline.signature_caption, (60, 55, word.width - 115))
    return word.save(outline.doc_title)
