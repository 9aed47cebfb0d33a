"""How long work says how far it got, and how it is stopped.

A service that may run for a while (an export of many documents, an import)
takes an optional ``progress`` callback and calls it between steps with
``(done, total, text)``: ``done`` steps of ``total`` are behind it and
``text`` is a sentence about the step now starting. The callback may raise
``Cancelled`` (the user pressed Cancel): the service lets it pass, so its
transaction rolls back and its partial files are removed, as for any error.
The window's background runner (``metodesk.ui.background``) hands such a
callback to the work it runs; the command line passes none.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user stopped the work; whatever it had done is undone."""


def step(progress: ProgressCallback | None, done: int, total: int, text: str = "") -> None:
    """Call ``progress`` when there is one (a service's shorthand)."""
    if progress is not None:
        progress(done, total, text)
