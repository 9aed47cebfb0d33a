"""The one way metodesk writes a file: whole, or not at all.

Every file the program writes — documents, backups, exchange packages, the
year's documents, settings.ini, window.ini — goes through :func:`write_file` or
:func:`writing`. The content goes to a temporary file in the target's own
folder, is flushed and fsynced, and only then renamed over the target with
``os.replace`` (atomic on POSIX and Windows within one file system). On any
failure the temporary file is removed and the old target is left as it was,
and the caller gets a :class:`FileWriteError` whose text is one sentence in the
user's language naming the file and the reason.

A path the user chose (``--out``, Save as, the year's documents folder, an
exchange package) is first checked with :func:`check_target` (or written with
:func:`write_chosen`): metodesk's own data — the database, its -wal/-shm, the
lock, the settings, anything in ``backups`` — is refused, symbolic links
followed, before anything is built.

No Qt, no SQLAlchemy: used by services, reports' callers, the CLI and the window.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from metodesk.i18n import _

TEMP_PREFIX = ".metodesk-"
TEMP_SUFFIX = ".part"
PRIVATE = 0o600
"""Mode of files in the data folder: they hold teachers' personal data."""


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


_PUBLIC = 0o666 & ~_umask()


class FileWriteError(OSError):
    """A file could not be written; ``str(err)`` is the sentence to show.

    Subclasses OSError so callers that already handle OS errors keep working,
    but carries a translated sentence instead of the C library's English.
    """

    def __init__(self, path: Path, reason: str, errno_value: int | None = None) -> None:
        super().__init__(errno_value or 0, reason, str(path))
        self.path = Path(path)
        self.reason = reason
        self.sentence = _("The file {path} could not be written: {reason}.").format(path=path, reason=reason)

    def __str__(self) -> str:
        return self.sentence


def reason_for(exc: OSError) -> str:
    """The cause of an OS error in the user's language (a clause, no full stop)."""
    code = exc.errno
    if getattr(exc, "winerror", None) in (32, 33):  # sharing/lock violation: Windows calls it EACCES too
        return _("the file is open in another program; close it and try again")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return _("the disk is full")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("there is no permission to write there")
    if code in (errno.ENOENT, errno.ENOTDIR):
        return _("the folder does not exist")
    if code == errno.EISDIR:
        return _("a folder with that name is already there")
    if code == errno.ENAMETOOLONG:
        return _("the name is too long")
    return _("the system refused it ({code})").format(code=errno.errorcode.get(code or 0, code or "?"))


def as_write_error(exc: OSError, path: Path) -> FileWriteError:
    """Wrap any OS error met while writing ``path`` as a FileWriteError."""
    if isinstance(exc, FileWriteError):
        return exc
    return FileWriteError(path, reason_for(exc), exc.errno)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


@contextmanager
def writing(target: Path | str, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block ends without an
    error the file there is fsynced and renamed over ``target``.

    For writers that need a path rather than bytes (SQLite's backup API, a zip
    archive, a QSettings file). The temporary file exists (empty) when the block
    starts. On an error inside the block, or while fsyncing or renaming, the
    temporary file is removed, ``target`` is untouched, and OS errors come out as
    :class:`FileWriteError`. ``mode`` defaults to what a plain ``open`` would
    give (the umask's); pass :data:`PRIVATE` for files in the data folder.
    """
    target = Path(target)
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX + target.name + ".", suffix=TEMP_SUFFIX)
    except OSError as exc:
        raise as_write_error(exc, target) from exc
    os.close(fd)
    temp = Path(name)
    try:
        if os.name == "posix":
            os.chmod(temp, _PUBLIC if mode is None else mode)
        yield temp
        _fsync_file(temp)
        os.replace(temp, target)
    except BaseException as exc:
        try:
            temp.unlink()
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise as_write_error(exc, target) from exc
        raise
    fsync_folder(folder)


def write_file(target: Path | str, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``target`` whole (see the module's docstring)."""
    with writing(target, mode) as temp, open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()


def write_text(target: Path | str, text: str, mode: int | None = None) -> None:
    """Write ``text`` as UTF-8 to ``target`` whole."""
    write_file(target, text.encode("utf-8"), mode)


# ---- targets the user may not choose --------------------------------------------------------

BACKUPS_DIRNAME = "backups"
"""The automatic backups' folder beside the database (services.backups has the same name)."""
WINDOW_FILENAME = "window.ini"
_SIDECARS = ("", "-wal", "-shm", "-journal")


class ProtectedTargetError(FileWriteError):
    """The chosen file is one of metodesk's own: the database, its companions,
    the lock, the settings or a backup. Refused before anything is built."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            _(
                "it belongs to metodesk's own data (the database, its backups or its settings); choose another name or folder"
            ),
            errno.EEXIST,
        )


def _real(path: Path) -> Path:
    """``path`` made absolute with every symbolic link followed (even to a
    file that does not exist yet), in the system's case where it ignores case."""
    return Path(os.path.normcase(os.path.realpath(path)))


def _own_files() -> set[str]:
    """Names in the data folder that belong to metodesk."""
    from metodesk import paths
    from metodesk.storage.lock import LOCK_FILENAME

    names = {paths.DB_FILENAME + sidecar for sidecar in _SIDECARS}
    names |= {LOCK_FILENAME, paths.SETTINGS_FILENAME, WINDOW_FILENAME, "." + WINDOW_FILENAME + ".work"}
    return {os.path.normcase(name) for name in names}


def is_protected(target: Path | str) -> bool:
    """True when writing ``target`` would overwrite metodesk's own data: the
    database (wherever it is) or its -wal/-shm/-journal, any SQLite file kept in
    the data folder (a damaged one set aside), the lock, settings.ini,
    window.ini, or anything inside ``backups``. Paths are compared after
    following symbolic links, and an existing target is also compared by
    identity (a hard link, another spelling on a case-blind disk)."""
    from metodesk import paths

    real = _real(Path(target))
    database = paths.database_path()
    guarded_folders = {_real(paths.data_dir()), _real(database.parent)}
    guarded_files = {_real(database.with_name(database.name + sidecar)) for sidecar in _SIDECARS}
    if real in guarded_files:
        return True
    if real.parent in guarded_folders:
        name = real.name
        if name in _own_files() or any(
            name.endswith(os.path.normcase(".sqlite3" + sidecar)) for sidecar in _SIDECARS
        ):
            return True
    for folder in guarded_folders:
        backups = folder / BACKUPS_DIRNAME
        if real == backups or backups in real.parents:
            return True
    if real.exists():
        for guarded in guarded_files:
            try:
                if guarded.exists() and os.path.samefile(real, guarded):
                    return True
            except OSError:
                continue
    return False


def check_target(target: Path | str) -> Path:
    """Refuse (with :class:`ProtectedTargetError`) a user-chosen ``target`` that
    is metodesk's own data; return it as a Path otherwise. Every writer that
    takes a path from the user calls this before it builds anything."""
    path = Path(target)
    if is_protected(path):
        raise ProtectedTargetError(path)
    return path


def write_chosen(target: Path | str, data: bytes) -> Path:
    """Write ``data`` whole to a file the user chose (checked first)."""
    path = check_target(target)
    write_file(path, data)
    return path
