"""Issue 14 item 1 in the window: a package with a record whose value is wrong
is refused with the sentence naming the record and the field, and the user
may choose to import the rest (the left-out record is listed)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import func, select

from metodesk.services import demo, exchange_export
from metodesk.services.setup import prepare_database
from metodesk.storage.models import Plan
from metodesk.ui import background, common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs import exchange
from metodesk.ui.file_actions import add_file_actions


class Window(QMainWindow):
    """What the file actions need of the main window."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tabs: list[Any] = []
        add_file_actions(self, self.menuBar().addMenu("File"))

    def add_action(self, name: str, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action


@pytest.fixture
def bad_package(tmp_path: Path) -> Path:
    """The demo school's year with one plan's status "bogus"."""
    db = prepare_database(tmp_path / "school.sqlite3")
    with db.transaction() as session:
        demo.fill_demo(session)
        exchange_export.export_package(session, "2025-2026", tmp_path / "school.zip")
    db.close()
    with zipfile.ZipFile(tmp_path / "school.zip") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    plans = json.loads(members["tables/plan.json"])
    plans[0]["status"] = "bogus"
    members["tables/plan.json"] = json.dumps(plans).encode()
    manifest = json.loads(members["manifest.json"])
    manifest["files"]["tables/plan.json"] = hashlib.sha256(members["tables/plan.json"]).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(tmp_path / "bad.zip", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return tmp_path / "bad.zip"


def _run(qtbot, window: Window) -> None:
    action = window.findChild(QAction, "action_import_package")
    assert action is not None
    action.trigger()
    seen: set[int] = set()
    while True:  # the preview, a second (lenient) preview, the import: each waited for in turn
        pending = [t for t in background.running_tasks() if id(t) not in seen]
        if not pending:
            return
        task = pending[0]
        seen.add(id(task))
        qtbot.waitUntil(lambda task=task: task.outcome != "", timeout=60_000)


@pytest.mark.parametrize("answer", [False, True])
def test_a_wrong_record_is_refused_or_left_out_as_the_user_chooses(
    qtbot, db, bad_package, monkeypatch, answer
) -> None:
    window = Window(AppContext(db))
    qtbot.addWidget(window)
    questions: list[str] = []
    previews: list[str] = []
    infos: list[str] = []
    monkeypatch.setattr(exchange, "choose_package_to_import", lambda parent, start: str(bad_package))
    monkeypatch.setattr(common, "confirm", lambda parent, question: questions.append(question) or answer)
    monkeypatch.setattr(common, "show_info", lambda parent, text: infos.append(text))
    monkeypatch.setattr(common, "show_error", lambda parent, text: pytest.fail(text))

    def ask(parent, path, package, report):
        previews.append("\n".join(exchange.report_lines(report)))
        return True

    monkeypatch.setattr(exchange, "ask_to_import", ask)
    _run(qtbot, window)
    assert len(questions) == 1 and "“status”" in questions[0]
    with db.reading() as session:
        plans = session.scalar(select(func.count(Plan.id)))
    if not answer:
        assert previews == [] and plans == 0
    else:
        assert "a value in it is wrong" in previews[0] and "“status”" in previews[0]
        assert plans == 2
