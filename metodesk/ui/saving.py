"""Saving a document where the user chose, from any dialog: written whole
(``files.write_chosen``), never over metodesk's own data, and a failure shown
as one sentence naming the file and the reason (disk full, no permission,
folder missing, the file open in another program)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from metodesk import files
from metodesk.ui import common

if TYPE_CHECKING:
    from metodesk.ui.context import AppContext


def save_chosen(parent: QWidget | None, path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path``; False (after telling the user why) when it could not be."""
    try:
        files.write_chosen(path, content)
    except files.FileWriteError as exc:
        common.show_error(parent, str(exc))
        return False
    return True


def save_temporary(parent: QWidget | None, path: Path, content: bytes) -> bool:
    """Write a copy for another program to open (the system's temporary folder)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        common.show_error(parent, str(files.as_write_error(exc, path)))
        return False
    try:
        files.write_file(path, content)
    except files.FileWriteError as exc:
        common.show_error(parent, str(exc))
        return False
    return True


def documents_folder() -> str:
    """The user's Documents folder, or the home folder where there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remembered_folder(ctx: AppContext, key: str) -> str:
    """The folder last saved to under the settings ``key``, while it still exists;
    the Documents folder otherwise."""
    saved = ctx.settings.value(key)
    return saved if isinstance(saved, str) and Path(saved).is_dir() else documents_folder()
