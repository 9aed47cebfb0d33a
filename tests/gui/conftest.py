"""Window tests: a dialog closed with changes at a test's end (pytest-qt closes
every widget it was given) must not stop on the discard question, nor a test
that saves two alike records on the duplicate warning (the tests of those
questions put the real ones back)."""

from __future__ import annotations

import pytest

from metodesk.ui.dialogs import base

ASK_DISCARD = base.ask_discard  # the real questions, for the tests of them
ASK_DUPLICATE = base.ask_duplicate


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "ask_discard", lambda parent, keep_draft=False: "discard")
    monkeypatch.setattr(base, "ask_duplicate", lambda parent, existing: "save")
