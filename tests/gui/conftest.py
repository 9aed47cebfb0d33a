"""Window tests: a dialog closed with changes at a test's end (pytest-qt closes
every widget it was given) must not stop on the discard question."""

from __future__ import annotations

import pytest

from metodesk.ui.dialogs import base

ASK_DISCARD = base.ask_discard  # the real question, for the tests of it


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "ask_discard", lambda parent, keep_draft=False: "discard")
