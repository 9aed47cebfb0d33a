"""The DejaVu fonts every document embeds (reportlab's own fonts have no
Cyrillic, let alone ә ғ қ ң ө ұ ү һ і).

Registering replaces every default reportlab would otherwise fall back to
(``rl_config.canvas_basefontname``), so no unembedded Helvetica reaches a file.
"""

from __future__ import annotations

from metodesk import paths

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
}

_registered = False


def register_fonts() -> None:
    """Register the four faces and their families once per process.

    There is no italic face: italic and bold-italic map to the upright faces,
    so a stray ``<i>`` never asks for a font that is not there."""
    global _registered
    if _registered:
        return
    from reportlab import rl_config
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = paths.fonts_dir()
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    for regular, bold in ((SANS, SANS_BOLD), (SERIF, SERIF_BOLD)):
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
        pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
    rl_config.canvas_basefontname = SERIF
    _registered = True
