"""The File menu's long work: "Export the year's documents…", "Export a
package…" and "Import a package…". Each runs in the background with a progress
dialog that can be cancelled (``metodesk.ui.background``).

The main window calls ``add_file_actions(window, file_menu)`` once, after its
backup actions; everything else lives here and in the dialogs it opens."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from metodesk.i18n import N_


def _export_year_documents(window) -> None:  # type: ignore[no-untyped-def]
    from metodesk.ui.dialogs.year_documents import export_year_documents

    export_year_documents(window)


def _export_package(window) -> None:  # type: ignore[no-untyped-def]
    from metodesk.ui.dialogs.exchange import export_package

    export_package(window)


def _import_package(window) -> None:  # type: ignore[no-untyped-def]
    from metodesk.ui.dialogs.exchange import import_package

    import_package(window)


def add_file_actions(window, file_menu: QMenu) -> list[QAction]:  # type: ignore[no-untyped-def]
    """Create the actions through the window's ``add_action`` (named for tests,
    texts retranslated with the window's) and append them to ``file_menu`` after
    a separator; the actions."""
    actions = [
        window.add_action(name, text, None, lambda _checked=False, slot=slot: slot(window))
        for name, text, slot in (
            ("action_export_year_documents", N_("Export the year's documen&ts…"), _export_year_documents),
            ("action_export_package", N_("E&xport a package…"), _export_package),
            ("action_import_package", N_("&Import a package…"), _import_package),
        )
    ]
    file_menu.addSeparator()
    for action in actions:
        file_menu.addAction(action)
    return actions
