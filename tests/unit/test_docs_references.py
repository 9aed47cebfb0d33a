"""The repository explains itself: the code cites docs/ (never documents that
live outside the repository), every docs/ page and heading it cites exists,
the links between the docs pages resolve, and the tables the docs share with
the code (the Kazakh month forms, the seeded subjects, the category names) say
the same as the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from metodesk.i18n.dates import KK_MONTHS
from metodesk.reports.attestation_words import CATEGORIES
from metodesk.services.subjects import SEED_SUBJECTS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SCANNED_DIRS = ("metodesk", "tests", "scripts", "bench", "build_spec", "docs", ".ci")
SCANNED_FILES = ("dev.sh", "pyproject.toml", "README.md", "babel.cfg")
BINARY = {".mo", ".pyc", ".ttf", ".png", ".jpg", ".ico", ".sqlite3", ".qm", ".pdf", ".docx", ".xlsx", ".zip"}

# Documents outside the repository that the code once cited; split so this
# file does not match itself.
OUTSIDE = tuple(
    "".join(parts)
    for parts in (
        ("DOMAIN", ".md"),
        ("GLOSSARY", ".md"),
        ("FIELD-NOTES", ".md"),
        ("ARCHITECTURE", ".md"),
        ("../", "shared"),
        ("/work/", "shared"),
    )
)
# "docs/domain/order-253.md" optionally followed by ", 'Heading'" on the same line.
DOCS_REFERENCE = re.compile(r"(?<![\w/.-])(docs/[\w./-]*\w\.md)(?:,\s*'([^'\n]+)')?")
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)


def _texts() -> list[tuple[Path, str]]:
    """Every text file of the scanned parts of the repository, with its text."""
    paths = [ROOT / name for name in SCANNED_FILES if (ROOT / name).is_file()]
    for folder in SCANNED_DIRS:
        if (ROOT / folder).is_dir():
            paths += [p for p in (ROOT / folder).rglob("*") if p.is_file()]
    found = []
    for path in sorted(paths):
        if "__pycache__" in path.parts or path.suffix in BINARY:
            continue
        try:
            found.append((path, path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            continue
    return found


TEXTS = _texts()


def _headings(page: Path) -> set[str]:
    return set(HEADING.findall(page.read_text(encoding="utf-8")))


def _anchor(heading: str) -> str:
    """The anchor a Markdown renderer (GitHub's rule) gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _where(path: Path, text: str, index: int) -> str:
    return f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, index) + 1}"


def _docs_references(under: str = "") -> list[tuple[str, str, str | None]]:
    """(where, page, heading or None) for every docs/ page cited in the files under ``under``."""
    refs = []
    for path, text in TEXTS:
        if under and not path.relative_to(ROOT).as_posix().startswith(under):
            continue
        for match in DOCS_REFERENCE.finditer(text):
            refs.append((_where(path, text, match.start()), match.group(1), match.group(2)))
    return refs


def test_the_scan_sees_the_code_and_the_docs() -> None:
    names = {p.relative_to(ROOT).as_posix() for p, _ in TEXTS}
    assert {"metodesk/domain/rules.py", "dev.sh", "pyproject.toml", "docs/domain/order-253.md"} <= names
    assert Path(__file__).resolve() in {p for p, _ in TEXTS}


def test_nothing_points_outside_the_repository() -> None:
    own = Path(__file__).resolve()
    found = [
        f"{_where(path, text, text.index(name))}: {name}"
        for path, text in TEXTS
        if path != own
        for name in OUTSIDE
        if name in text
    ]
    assert not found, "point these at docs/ instead:\n" + "\n".join(found)


def test_the_code_cites_the_docs() -> None:
    cited = {path for _, path, _ in _docs_references(under="metodesk/")}
    assert {"docs/domain/order-253.md", "docs/domain/documents.md", "docs/domain/glossary.md"} <= cited


def test_every_cited_docs_page_and_heading_exists() -> None:
    missing = []
    for where, page, heading in _docs_references():
        target = ROOT / page
        if not target.is_file():
            missing.append(f"{where}: {page} does not exist")
        elif heading is not None and heading not in _headings(target):
            missing.append(f"{where}: {page} has no heading '{heading}'")
    assert not missing, "\n".join(missing)


def test_the_reference_check_can_fail() -> None:
    """The pattern finds a page and heading as the code writes them."""
    nowhere = "docs/" + "nowhere.md"  # split, or the scan of this file would report it
    text = f"see docs/domain/order-253.md, 'Three-teacher rule' and {nowhere}; build/{nowhere}"
    found = [(m.group(1), m.group(2)) for m in DOCS_REFERENCE.finditer(text)]
    assert found == [("docs/domain/order-253.md", "Three-teacher rule"), (nowhere, None)]
    assert "Three-teacher rule" in _headings(DOCS / "domain" / "order-253.md")
    assert "Three-teacher" not in _headings(DOCS / "domain" / "order-253.md")


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_links_between_docs_pages_resolve(page: Path) -> None:
    broken = []
    text = page.read_text(encoding="utf-8")
    for match in MARKDOWN_LINK.finditer(text):
        link = match.group(1)
        if "://" in link:
            continue
        file_part, _, anchor = link.partition("#")
        target = (page.parent / file_part).resolve() if file_part else page
        if not target.exists():
            broken.append(f"{_where(page, text, match.start())}: {link} (no such file)")
        elif anchor and target.suffix == ".md" and anchor not in {_anchor(h) for h in _headings(target)}:
            broken.append(f"{_where(page, text, match.start())}: {link} (no such heading)")
    assert not broken, "\n".join(broken)


def _table(page: str, heading: str) -> list[tuple[str, ...]]:
    """The rows (without the header) of the first table under ``heading``."""
    text = (DOCS / page).read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [
        tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
        for line in section.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ]
    return rows[1:]


def test_glossary_month_forms_are_the_code_table() -> None:
    assert _table("domain/glossary.md", "Kazakh month forms") == list(KK_MONTHS)


def test_glossary_subjects_are_the_seeded_subjects() -> None:
    assert _table("domain/glossary.md", "School subjects") == list(SEED_SUBJECTS)


def test_glossary_category_names_are_the_printed_names() -> None:
    rows = _table("domain/glossary.md", "Qualification categories")
    assert [code for code, _, _ in rows] == list(CATEGORIES["kk"])
    for code, kk, ru in rows:
        assert (CATEGORIES["kk"][code], CATEGORIES["ru"][code]) == (kk, ru)
