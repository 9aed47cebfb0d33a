"""The one i18n pipeline: extract → update → compile (``python scripts/i18n.py all``).

extract: metodesk/**.py → translations/metodesk.pot
update:  merge the template into translations/{kk,ru}/LC_MESSAGES/metodesk.po
compile: .po → .mo (what the program loads)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGS = ("kk", "ru")
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2"]


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def extract() -> None:
    pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "--no-default-keywords",
        *KEYWORDS,
        "--add-comments=TRANSLATORS:",
        # Sorted by msgid with no source locations: a catalog changes only where
        # strings change, so parallel branches adding strings rarely conflict.
        "--sort-output",
        "--no-location",
        "--project=metodesk",
        "--msgid-bugs-address=",
        "--copyright-holder=metodesk",
        "--no-wrap",
        "-o",
        str(TRANSLATIONS / "metodesk.pot"),
        "metodesk",
    )


def update() -> None:
    for lang in LANGS:
        po = TRANSLATIONS / lang / "LC_MESSAGES" / "metodesk.po"
        command = "update" if po.exists() else "init"
        extra = ["--no-wrap", "--ignore-obsolete", "--no-fuzzy-matching"] if command == "update" else []
        pybabel(
            command,
            "-D",
            "metodesk",
            "-i",
            str(TRANSLATIONS / "metodesk.pot"),
            "-d",
            str(TRANSLATIONS),
            "-l",
            lang,
            *extra,
        )


STABLE_HEADERS = {
    "POT-Creation-Date": "2026-01-01 00:00+0000",
    "Generated-By": "Babel",
}


def stabilise_headers() -> None:
    """Fix the headers that change on every run (date, Babel's version)."""
    files = [TRANSLATIONS / "metodesk.pot"] + [TRANSLATIONS / lang / "LC_MESSAGES" / "metodesk.po" for lang in LANGS]
    for path in files:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        for key, value in STABLE_HEADERS.items():
            line = '"' + key + ": " + value + '\\n"'
            text = re.sub("^\"" + re.escape(key) + ": .*$", lambda _m, line=line: line, text, flags=re.M)
        path.write_text(text, encoding="utf-8")


def compile_catalogs() -> None:
    pybabel("compile", "-D", "metodesk", "-d", str(TRANSLATIONS))


if __name__ == "__main__":
    steps = {
        "extract": [extract],
        "update": [update, stabilise_headers],
        "compile": [compile_catalogs],
        "all": [extract, update, stabilise_headers, compile_catalogs],
    }
    for step in steps[sys.argv[1] if len(sys.argv) > 1 else "all"]:
        step()
