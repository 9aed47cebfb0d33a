"""What every tab and dialog is handed: the database, the language, the
remembered geometry, and a signal that says some data changed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from metodesk import paths
from metodesk.i18n import language

if TYPE_CHECKING:  # the window's shell imports this module before SQLAlchemy
    from sqlalchemy.orm import Session

    from metodesk.storage.database import Database


def window_settings() -> QSettings:
    """The remembered geometry, tabs, column widths: ``window.ini`` in the data folder."""
    return QSettings(str(paths.data_dir() / "window.ini"), QSettings.Format.IniFormat)


class AppContext(QObject):
    """Shared by the window's parts. ``changed`` carries the area that changed
    ("teachers", "associations", "settings", …) so other tabs can reload."""

    changed = Signal(str)
    status = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = window_settings()

    @property
    def lang(self) -> str:
        return language()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.db.transaction() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.db.reading() as session:
            yield session
