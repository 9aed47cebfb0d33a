"""The one i18n pipeline: extract → update → compile (``python scripts/i18n.py all``).

extract: metodesk/**.py → translations/metodesk.pot
update:  merge the template into translations/{kk,ru}/LC_MESSAGES/metodesk.po
compile: .po → .mo (what the program loads)
"""

from __future__ import annotations

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
        "--sort-by-file",
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


def compile_catalogs() -> None:
    pybabel("compile", "-D", "metodesk", "-d", str(TRANSLATIONS))


if __name__ == "__main__":
    steps = {
        "extract": [extract],
        "update": [update],
        "compile": [compile_catalogs],
        "all": [extract, update, compile_catalogs],
    }
    for step in steps[sys.argv[1] if len(sys.argv) > 1 else "all"]:
        step()
