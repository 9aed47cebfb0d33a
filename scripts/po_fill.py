"""Fill catalog entries from a JSON file: {"kk": {msgid: msgstr}, "ru": {...}}.

For a plural entry give a list of forms. Only empty entries are filled unless
--force is given. Used after ``python scripts/i18n.py all`` added new msgids;
then run ``python scripts/i18n.py compile``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def fill(table: dict[str, dict[str, object]], force: bool = False) -> list[str]:
    missing: list[str] = []
    for lang, strings in table.items():
        path = ROOT / "translations" / lang / "LC_MESSAGES" / "metodesk.po"
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            if not message.id:
                continue
            key = message.id[0] if isinstance(message.id, tuple) else message.id
            if key not in strings:
                continue
            current = message.string
            empty = not (all(current) if isinstance(current, tuple) else current)
            if empty or force:
                value = strings[key]
                message.string = tuple(value) if isinstance(value, list) else value  # type: ignore[assignment]
                message.flags.discard("fuzzy")
        for message in catalog:
            if message.id and not (all(message.string) if isinstance(message.string, tuple) else message.string):
                missing.append(f"{lang}: {message.id!r}")
        with path.open("wb") as handle:
            write_po(handle, catalog, width=0, omit_header=False)
    return missing


if __name__ == "__main__":
    force = "--force" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--force"]
    table = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import i18n  # noqa: E402

    i18n.update()  # every msgid of the template is in the catalogs before filling
    left = fill(table, force)
    # Re-merge and compile through the one pipeline, so the files keep its format.
    i18n.update()
    i18n.stabilise_headers()
    i18n.compile_catalogs()
    print("\n".join(left) if left else "complete")
