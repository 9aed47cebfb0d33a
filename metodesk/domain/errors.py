"""Errors a service raises for input it refuses, and for a database that
cannot be used.

The message is already a sentence in the active language; ``field`` names the
input it is about, so a dialog can show it next to that field. The storage
errors live here (not in ``storage``) so that the window can tell a damaged
database from other failures without importing the storage layer.
"""

from __future__ import annotations


class DomainError(Exception):
    """A rule refused the user's input. ``str(err)`` is the sentence to show."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    """A record asked for by id or number does not exist."""


class StorageError(Exception):
    """The database cannot be used as it is (newer version, damaged, unreadable)."""


class DamagedDatabase(StorageError):
    """The file is there but damaged or truncated: a backup may be offered."""


class EmptyDatabase(DamagedDatabase):
    """The file is there with 0 bytes: not "no database" (a good backup may be
    waiting), and never silently replaced by a new one."""
