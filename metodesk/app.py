"""Composition root: paths → language → log → QApplication → lock → database → window."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, cast

from metodesk import config, paths
from metodesk.i18n import _, set_language

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTranslator
    from PySide6.QtWidgets import QApplication


def system_language() -> str:
    """The system's language for messages (LC_ALL, LC_MESSAGES, LANG, the first
    one set): kk or ru when it is one of them, else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            code = value[:2].lower()
            return code if code in ("kk", "ru") else "en"
    return "en"


def _restart_command() -> str:
    """How to start this metodesk again: the frozen program, else the package
    through this Python (works from a source checkout as from an installation)."""
    if getattr(sys, "frozen", False):
        return sys.executable
    return f"{os.path.basename(sys.executable) or 'python3'} -m metodesk"


def display_problem() -> str | None:
    """One sentence when Qt would abort for want of a screen, else None."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return _(
            "metodesk needs a screen and found none (DISPLAY is not set), so run it under Xvfb: "
            "xvfb-run -a {command}"
        ).format(command=_restart_command())
    return None


_qt_translator: QTranslator | None = None


def install_qt_translator(app: QCoreApplication, lang: str) -> bool:
    """Load Qt's own catalog (qtbase_kk / qtbase_ru) so standard buttons speak
    ``lang``; replaces the one installed before. True when one is installed."""
    global _qt_translator
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    QLocale.setDefault(QLocale(lang if lang in ("kk", "ru") else "en"))
    if lang not in ("kk", "ru"):
        return False
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(translator)
    _qt_translator = translator
    return True


def install_qt_resources(app: QApplication) -> None:
    """Fonts, Qt's own translations for standard buttons, the style sheet."""
    from PySide6.QtGui import QFont, QFontDatabase

    from metodesk.i18n import language

    for font_file in sorted(paths.fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font_file))
    font = QFont("DejaVu Sans")
    font.setPointSize(10)
    app.setFont(font)
    install_qt_translator(app, language())
    style = paths.resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def create_application(argv: list[str]) -> QApplication:
    from PySide6.QtWidgets import QApplication

    # instance() is typed as the QCoreApplication; in metodesk it is always the QApplication.
    app = cast("QApplication | None", QApplication.instance()) or QApplication(argv)
    app.setApplicationName("metodesk")
    app.setOrganizationName("metodesk")
    install_qt_resources(app)
    return app


def run_app(args: argparse.Namespace) -> int:
    """Open the window on the data folder; returns the process exit code."""
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    set_language(config.resolve_language(args.lang))
    database = getattr(args, "database", None)
    if database:
        from metodesk.storage.server import is_server_url

        if not is_server_url(database):
            print(
                _(
                    "--database needs a server address such as postgresql://user@host/district; "
                    "“{value}” is not one."
                ).format(value=database[:40]),
                file=sys.stderr,
            )
            return 2
        paths.set_database_url(database)
    problem = display_problem()
    if problem:
        from metodesk.i18n import language_from_env, translated_in

        chosen = args.lang or language_from_env() or config.saved_language()
        with translated_in(chosen or system_language()):  # no choice yet: the system's language
            print(display_problem(), file=sys.stderr)
        return 2
    from metodesk import logs

    logs.setup_logging()
    logs.get_logger(__name__).info("metodesk started on the data folder %s", paths.data_dir())
    app = create_application(sys.argv[:1])
    from metodesk.ui.errors import install_excepthook
    from metodesk.ui.startup import claim_data_folder, start_window

    install_excepthook()
    from metodesk.ui.damage import install_damage_handler

    install_damage_handler()
    # The data folder's lock guards a SQLite file; a server keeps its own locks.
    on_server = paths.database_url() is not None or config.saved_server() is not None
    lock = None if on_server else claim_data_folder()
    if lock is None and not on_server:
        return 1
    try:
        return start_window(app, explicit_language=args.lang)
    finally:
        # The log stays open: an error escaping from here still reaches it
        # through the excepthook; logging closes it at exit.
        if lock is not None:
            lock.release()
