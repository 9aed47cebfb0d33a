"""Shared fixtures. Qt runs offscreen; nothing touches the real home folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("METODESK_LANG", None)

from metodesk import paths  # noqa: E402
from metodesk.i18n import set_language  # noqa: E402

PINNED_TODAY = "2026-05-20"  # a day of 2025-2026; module-scoped fixtures and child processes see it too
os.environ["METODESK_TODAY"] = PINNED_TODAY


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    for item in items:
        parts = Path(str(item.fspath)).parts
        if "gui" in parts or "e2e" in parts:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Every test gets its own data folder and starts in English, on a day of
    the academic year 2025-2026 (the year most tests' records are dated in):
    a new database seeds that year. Tests of the year's own logic pin another day."""
    data = tmp_path / "data"
    monkeypatch.setenv("METODESK_DATA_DIR", str(data))
    monkeypatch.setenv("METODESK_TODAY", PINNED_TODAY)
    paths.set_data_dir(None)
    set_language("en")
    yield data
    paths.set_data_dir(None)
    set_language("en")


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated, seeded database in the test's data folder."""
    from metodesk.services.setup import prepare_database

    paths.ensure_data_dir()
    database = prepare_database(paths.database_path())
    yield database
    database.close()


@pytest.fixture
def session(db):  # type: ignore[no-untyped-def]
    """One transaction, committed at the end of the test body when it succeeds."""
    with db.transaction() as s:
        yield s


@pytest.fixture
def ours(db) -> int:  # type: ignore[no-untyped-def]
    """Our organisation's id (a plain school)."""
    from metodesk.services import organisations

    with db.transaction() as s:
        org_id = organisations.save_organisation(
            s, organisations.OrganisationInput(kind="school", name_kk="№1 мектеп", name_ru="Школа №1")
        )
        organisations.make_ours(s, org_id)
    return org_id
