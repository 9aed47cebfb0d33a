"""LISTEN/NOTIFY (issue 20): a change committed by another process reaches a
second connection as the table's name, and the window's data area."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from metodesk.storage import notices
from metodesk.storage.base import Base
from metodesk.storage.server import engine_url


@pytest.fixture
def other_process(server_database):
    """A server database, a listener on it, and an engine that stands for
    another metodesk (its own application_name)."""
    db = server_database()
    listener = notices.ChangeListener(db.url)
    other = create_engine(engine_url(db.url), connect_args={"application_name": "metodesk-elsewhere"})
    yield db, listener, other
    listener.close()
    other.dispose()


def test_every_table_has_an_area() -> None:
    from metodesk.storage import models

    del models
    assert set(Base.metadata.tables) <= set(notices.AREAS)
    assert set(notices.AREAS.values()) == {
        "teachers", "settings", "associations", "meetings", "plans", "lessons", "mentoring", "attestation", "growth"
    }


def test_a_change_elsewhere_reaches_the_listener(other_process) -> None:
    db, listener, other = other_process
    assert listener.tables() == set()
    with other.begin() as conn:
        conn.execute(text("UPDATE subject SET archived = archived"))
        conn.execute(text("UPDATE academic_year SET name = name"))
    assert listener.tables(timeout=5) | listener.tables(timeout=0.2) == {"subject", "academic_year"}
    with other.begin() as conn:
        conn.execute(text("UPDATE subject SET archived = archived"))
    assert listener.areas(timeout=5) == {"settings"}


def test_nothing_is_heard_of_a_rolled_back_change_or_of_our_own(other_process) -> None:
    db, listener, other = other_process
    with other.connect() as conn:
        conn.execute(text("UPDATE subject SET archived = archived"))
        conn.rollback()
    with db.transaction() as s:  # this process's own save: the window refreshes for it already
        s.execute(text("UPDATE subject SET archived = archived"))
    assert listener.tables(timeout=0.5) == set()
