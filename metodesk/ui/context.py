"""What every tab and dialog is handed: the database, the language, the
remembered geometry, and a signal that says some data changed."""

from __future__ import annotations

import atexit
import errno
import os
import tempfile
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from metodesk import files, paths
from metodesk.domain.errors import StorageError
from metodesk.i18n import language

if TYPE_CHECKING:  # the window's shell imports this module before SQLAlchemy
    # The one place under ui/ that names the storage layer (tests/unit/test_layers.py):
    # the context owns the open Database and hands out its Sessions; other window
    # modules name the type from here and reach the data through the services.
    from sqlalchemy.orm import Session as Session

    from metodesk.storage.database import Database as Database


_working_copies: set[str] = set()
_live: weakref.WeakSet[WindowSettings] = weakref.WeakSet()


class WindowSettings(QSettings):
    """QSettings on a working copy of ``window.ini``; :meth:`sync` writes the
    copy's bytes over ``window.ini`` whole, through ``files.write_file``.

    QSettings writes its own file by itself (from its timer, from its
    destructor) and says nothing when that fails; a full disk could leave the
    data folder's ``window.ini`` cut short. So QSettings only ever writes a
    working copy (``.window.ini.work`` beside it, or a temporary file while
    there is no data folder yet), and the file in the data
    folder changes only here, whole or not at all, with a FileWriteError
    naming it when it cannot be written.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        try:
            self._written: bytes | None = target.read_bytes()
        except OSError:
            self._written = None
        try:
            if not target.parent.is_dir():
                raise FileNotFoundError(target.parent)
            # beside window.ini (one window per data folder: the lock), so a
            # crash leaves one small file that the next start overwrites
            name = str(target.with_name("." + target.name + ".work"))
            files.write_file(name, self._written or b"", mode=files.PRIVATE)
        except OSError:  # no data folder yet, or a full disk there: a temporary file
            fd, name = tempfile.mkstemp(prefix="metodesk-window-", suffix=".ini")
            with os.fdopen(fd, "wb") as handle:  # scratch for QSettings, never window.ini itself
                handle.write(self._written or b"")
        self.working_copy = Path(name)
        _working_copies.add(name)
        super().__init__(name, QSettings.Format.IniFormat)
        _live.add(self)

    def sync(self) -> None:
        """Write what changed to ``window.ini`` (whole); FileWriteError on failure.
        Without a data folder (a start that stopped before making it) there is
        nothing to remember the window in: nothing is written, no folder made."""
        super().sync()
        if self.status() != QSettings.Status.NoError:  # the working copy may be cut short
            raise files.FileWriteError(self.target, files.reason_for(OSError(errno.EIO, "")))
        data = self.working_copy.read_bytes()
        if data != (self._written or b"") and self.target.parent.is_dir():
            files.write_file(self.target, data, mode=files.PRIVATE)
            self._written = data


@atexit.register
def _remove_working_copies() -> None:
    """At exit: flush QSettings into its working copy (so its destructor has
    nothing left to write there), then delete the copies."""
    for settings in list(_live):
        try:
            QSettings.sync(settings)
        except RuntimeError:  # the Qt side is already gone
            pass
    for name in list(_working_copies):
        try:
            os.unlink(name)
        except OSError:
            pass
    _working_copies.clear()


def is_changed_meanwhile(error: BaseException) -> bool:
    """Whether ``error`` is the refusal of a save over someone else's newer
    change (``storage.versions.ChangedMeanwhile``): a dialog shows its sentence
    and stays open. Imported here, late, as the one ui module that names storage."""
    from metodesk.storage.versions import ChangedMeanwhile

    return isinstance(error, ChangedMeanwhile)


def window_settings() -> WindowSettings:
    """The remembered geometry, tabs, column widths: ``window.ini`` in the data folder."""
    return WindowSettings(paths.data_dir() / files.WINDOW_FILENAME)


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
        try:
            with self.db.transaction() as session:
                yield session
        except StorageError as exc:
            if not is_changed_meanwhile(exc):
                raise
            # Someone else saved the record first: the tabs showing it reload, so the
            # sentence's "reload" is already done when the user reads it.
            from metodesk.storage.notices import AREAS

            self.changed.emit(AREAS.get(getattr(exc, "table", ""), "settings"))
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.db.reading() as session:
            yield session
