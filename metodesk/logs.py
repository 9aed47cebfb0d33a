"""Where metodesk writes down what happened and what failed.

The log lives in the per-user log folder (platformdirs), or in ``<data folder>/logs``
when the data folder was chosen (``--data-dir``, ``METODESK_DATA_DIR``), so a test,
a flash-drive install or a second school on one computer keeps its own log. Files
rotate: a few small files, never an ever-growing one. No Qt here.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from metodesk import paths

LOG_FILENAME = "metodesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
ROOT_LOGGER = "metodesk"

# Without a handler of its own, Python's last-resort handler would print our
# warnings to stderr: the command line must print only its own sentences.
logging.getLogger(ROOT_LOGGER).addHandler(logging.NullHandler())

_handler: logging.Handler | None = None


def _default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(paths.APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The per-user log folder, or ``logs`` inside a data folder chosen by hand."""
    data = paths.data_dir()
    if data != _default_data_dir():
        return data / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir(paths.APP_NAME, appauthor=False))


def log_path() -> Path:
    return log_dir() / LOG_FILENAME


def get_logger(name: str) -> logging.Logger:
    """A logger under metodesk's own (``metodesk.…``), whatever the module name."""
    return logging.getLogger(name if name.startswith(ROOT_LOGGER) else f"{ROOT_LOGGER}.{name}")


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created readable by their owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send metodesk's log to a rotating file; the file's path, or None when the
    folder cannot be written (then nothing is logged, and nothing fails)."""
    global _handler
    logger = logging.getLogger(ROOT_LOGGER)
    stop_logging()
    path = log_path()
    try:
        # The log names teachers: its folder (and a data folder made for it) is
        # its owner's only, its files 0600 (POSIX).
        if path.parent.parent == paths.data_dir():
            paths.ensure_data_dir()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler = handler
    return path


def stop_logging() -> None:
    """Close the log file (at exit, or before pointing the log elsewhere)."""
    global _handler
    if _handler is not None:
        logging.getLogger(ROOT_LOGGER).removeHandler(_handler)
        _handler.close()
        _handler = None
