"""Holding the data folder for this process: one window per data folder, while
commands share it through SQLite's locks (``storage.lock``).

Kept apart from the other services because the window claims the folder
before its shell is shown, when SQLAlchemy must not be loaded yet: this
module imports nothing heavier than the lock itself.
"""

from __future__ import annotations

from pathlib import Path

from metodesk.storage.lock import DataFolderLock as DataFolderLock  # the window names it from here


def claim(folder: Path) -> DataFolderLock:
    """The folder's lock, held by this process until ``release()``; a
    StorageError with a sentence when another metodesk holds it or the folder
    cannot be written."""
    lock = DataFolderLock(folder)
    lock.acquire()
    return lock
