"""Errors a service raises for input it refuses.

The message is already a sentence in the active language; ``field`` names the
input it is about, so a dialog can show it next to that field.
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
