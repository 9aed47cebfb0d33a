"""A damaged database met while the window reads is offered a backup.

SQLite's checks do not look inside values, so a flipped byte that makes a
name invalid UTF-8 shows only when a tab reads it; ``Database.reading`` turns
that into a DamagedDatabase, and this handler, in front of the one that says
"Something went wrong", offers the newest good backup as the start does.

Nothing heavy is imported here (the error class lives in ``domain.errors``):
it is installed before the window's shell is shown, when SQLAlchemy is not
loaded yet.
"""

from __future__ import annotations

import sys
from types import TracebackType

from metodesk.domain.errors import DamagedDatabase


def _is_damage(exc: BaseException) -> bool:
    return isinstance(exc, DamagedDatabase)


def install_damage_handler() -> None:
    """Put the backup offer in front of the error handler installed before
    (``ui.errors.install_excepthook``)."""
    previous = sys.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if _is_damage(exc):
            from metodesk import logs
            from metodesk.ui.dialogs.backup import handle_damage

            logs.get_logger(__name__).error("Damaged database met while reading", exc_info=(exc_type, exc, tb))
            if handle_damage(str(exc)):
                return
        previous(exc_type, exc, tb)

    sys.excepthook = hook
