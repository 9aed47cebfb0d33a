"""One writer per data folder: a lock file held while metodesk runs.

The lock is the operating system's (``fcntl.flock`` on POSIX, ``msvcrt.locking``
on Windows), not the file's existence: when the holder exits or dies, the
system releases it, so a lock file left behind by a crash never blocks the next
start. The file only carries the holder's process id, for a curious reader.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from metodesk.domain.errors import StorageError
from metodesk.i18n import _

LOCK_FILENAME = "metodesk.lock"


class AlreadyRunning(StorageError):
    """Another metodesk holds the data folder."""


def _try_lock(handle: IO[str]) -> bool:
    """Take the lock without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class DataFolderLock:
    """``acquire()`` once at start, ``release()`` at exit (or let the process end)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_FILENAME
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Hold the data folder, or raise a sentence: another metodesk has it
        (AlreadyRunning), or the folder cannot be written (StorageError)."""
        if self._handle is not None:
            return
        handle: IO[str] | None = None
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Append, never truncate the file before the lock is ours; 0600 as
            # every file in the data folder.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
            handle = os.fdopen(fd, "a+", encoding="utf-8")  # held until release()
            locked = _try_lock(handle)
        except OSError as exc:
            if handle is not None:
                handle.close()
            raise StorageError(
                _(
                    "metodesk cannot write to its data folder {path} ({reason}); "
                    "choose a folder you may write to, or ask for write access."
                ).format(path=self.folder, reason=exc.strerror or exc)
            ) from exc
        if not locked:
            handle.close()
            raise AlreadyRunning(
                _(
                    "metodesk is already open on the data folder {path}; "
                    "use that window, or close it and start again."
                ).format(path=self.folder)
            )
        self._handle = handle
        try:
            if sys.platform != "win32":  # on Windows the locked byte cannot be rewritten safely
                handle.seek(0)
                handle.truncate()
                handle.write(f"{os.getpid()}\n")
                handle.flush()
        except OSError:
            pass  # the process id is only a courtesy; the lock itself is held

    def release(self) -> None:
        """Let another metodesk in; the file stays (removing it would race a new holder)."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        except OSError:
            pass
        handle.close()

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
