"""Gettext for metodesk: one active language, English source strings.

``_`` and ``ngettext`` look the active catalog up at call time, so module-level
code marks strings with ``N_`` and translates them when shown.
"""

from __future__ import annotations

import gettext as _gettext
import os

from metodesk import paths

DOMAIN = "metodesk"
LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "kk"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "en"


def set_language(lang: str) -> None:
    """Activate a catalog; unknown languages fall back to English."""
    global _translation, _language
    if lang not in LANGUAGES:
        lang = "en"
    _language = lang
    if lang == "en":
        _translation = _gettext.NullTranslations()
        return
    _translation = _gettext.translation(
        DOMAIN, localedir=str(paths.translations_dir()), languages=[lang], fallback=True
    )


def language() -> str:
    """The active language code: kk, ru or en."""
    return _language


def language_from_env() -> str | None:
    value = os.environ.get("METODESK_LANG", "").strip().lower()
    return value if value in LANGUAGES else None


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translation.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


class translated_in:
    """Temporarily switch the active language, e.g. to print a Kazakh document
    from a Russian window. Not thread-safe: documents are built on one thread."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._saved = ""

    def __enter__(self) -> translated_in:
        self._saved = _language
        set_language(self.lang)
        return self

    def __exit__(self, *exc: object) -> None:
        set_language(self._saved)
