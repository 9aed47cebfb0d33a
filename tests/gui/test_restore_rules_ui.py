"""File → Restore from backup… refuses a backup whose values break their
columns' rules (issue 14) with one sentence, before asking anything, and the
window goes on with its own data untouched."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication

from metodesk import paths
from metodesk.services import demo, teachers
from metodesk.services.setup import prepare_database
from metodesk.storage import backup
from metodesk.ui.dialogs import backup as backup_ui
from metodesk.ui.dialogs.backup import RestorePreviewDialog
from metodesk.ui.startup import open_main_window


@pytest.fixture
def window(qtbot):
    paths.ensure_data_dir()
    db = prepare_database(paths.database_path())
    with db.transaction() as session:
        demo.fill_demo(session)
    db.close()
    win = open_main_window(QApplication.instance())
    qtbot.addWidget(win)
    yield win
    win.close()
    win.ctx.db.close()


def test_a_backup_with_a_forbidden_character_is_refused_before_the_question(
    window, monkeypatch, tmp_path
) -> None:
    saved = backup.backup_database(window.ctx.db.path, tmp_path / "edited.sqlite3")
    conn = sqlite3.connect(saved)
    conn.execute("UPDATE teacher SET surname = 'Ә\x1bб' WHERE id = 5")
    conn.commit()
    conn.close()
    errors: list[str] = []
    monkeypatch.setattr(backup_ui, "show_error", lambda parent, text: errors.append(text))
    monkeypatch.setattr(backup_ui, "choose_backup_file", lambda parent, start: str(saved))
    monkeypatch.setattr(RestorePreviewDialog, "exec", lambda self: pytest.fail("no question for a refused backup"))
    before = window.ctx.db.path.read_bytes()
    assert backup_ui.restore_from_backup(window) is None
    assert len(errors) == 1 and "record 5" in errors[0] and "“surname”" in errors[0] and "U+001B" in errors[0]
    assert window.ctx.db.path.read_bytes() == before
    with window.ctx.db.reading() as session:
        assert len(teachers.list_teachers(session, include_archived=True)) == 15
