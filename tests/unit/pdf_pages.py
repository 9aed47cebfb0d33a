"""Reading a produced PDF back page by page, for the layout tests: which
pages hold only signatures, which words were broken without a hyphen."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

PAGE_LABEL = re.compile(r"^(\d+-бет / \d+|стр\. \d+ из \d+|page \d+ of \d+)$")
CAPTION = re.compile(r"^\((қолы|подпись)\)$")
SHORT_NAME = re.compile(r"^([А-ЯЁӘҒҚҢӨҰҮҺІA-Z]\.){1,2}\s?[А-ЯЁӘҒҚҢӨҰҮҺІA-Z][^\s]*$")


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def _signature_line(line: str) -> bool:
    line = line.strip()
    if line == "№" or line.startswith("№ "):  # a table's header: the page holds a table (a blank one to fill in)
        return False
    if not line or PAGE_LABEL.match(line) or CAPTION.match(line) or "___" in line:
        return True
    if SHORT_NAME.match(line) or line.endswith(":"):
        return True
    # a signer's title ("Заместитель директора по учебной работе", "Тәлімгер")
    return len(line) <= 60 and not re.search(r"\d", line) and not line.endswith(".")


def signatures_only(page_text: str) -> bool:
    """True when the page holds nothing but signatures, captions and its number."""
    lines = [line for line in page_text.splitlines() if line.strip()]
    return any("___" in line for line in lines) and all(_signature_line(line) for line in lines)
