"""The window's writers write whole or not at all (issue 13, part 2): Save as
of a protocol, the plan (PDF and Word), the mentor's plan, the attestation
table, and window.ini. On a full disk the file that was there stays byte for
byte, no temporary file is left, and a message box says which file and why;
metodesk's own data is never a target (part 3)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from full_disk import simulate
from PySide6.QtWidgets import QFileDialog, QInputDialog

from metodesk import files, paths
from metodesk.i18n import set_language
from metodesk.services import demo
from metodesk.ui import common
from metodesk.ui.context import AppContext, WindowSettings, window_settings

TODAY = dt.date(2025, 12, 20)
OLD = b"the file that was there before"


@pytest.fixture
def ctx(db):
    with db.transaction() as session:
        demo.fill_demo(session, today=TODAY)
    return AppContext(db)


def _one(query: str) -> int:
    conn = sqlite3.connect(paths.database_path())
    try:
        return int(conn.execute(query).fetchone()[0])
    finally:
        conn.close()


def _writers(ctx: AppContext) -> dict[str, tuple[str, Callable[[], Path | None]]]:
    """Each Save as of the window: (the ending, a call that asks for the file and writes it)."""
    from metodesk.documents.base import Format
    from metodesk.ui.dialogs.document_preview import DocumentPreviewDialog, export_document

    meeting = _one("SELECT id FROM meeting WHERE status = 'held' ORDER BY id LIMIT 1")
    plan = _one("SELECT id FROM plan ORDER BY id LIMIT 1")
    pair = _one("SELECT id FROM mentoring_pair ORDER BY id LIMIT 1")

    def protocol(fmt: Format) -> Path | None:
        dialog = DocumentPreviewDialog(ctx, "protocol", {"meeting": meeting})
        try:
            return dialog.save_as(fmt)
        finally:
            dialog.deleteLater()

    return {
        "protocol": (".pdf", lambda: protocol(Format.PDF)),
        "protocol-docx": (".docx", lambda: protocol(Format.DOCX)),
        "plan-pdf": (".pdf", lambda: export_document(ctx, "plan", {"plan": plan}, Format.PDF, None, "kk")),
        "plan-docx": (".docx", lambda: export_document(ctx, "plan", {"plan": plan}, Format.DOCX, None, "ru")),
        "mentoring": (
            ".pdf",
            lambda: export_document(ctx, "mentoring-plan", {"pair": pair}, Format.PDF, None, "kk"),
        ),
        "attestation": (  # the language is asked
            ".xlsx",
            lambda: export_document(ctx, "attestation-list", {"year": 2025}, Format.XLSX, None),
        ),
    }


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    found: list[str] = []
    monkeypatch.setattr(common, "show_error", lambda _parent, message: found.append(message))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: (_a[3][0], True))  # the language: Kazakh
    return found


def _choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


@pytest.mark.parametrize("writer", ["protocol", "protocol-docx", "plan-pdf", "plan-docx", "mentoring", "attestation"])
def test_save_as_on_a_full_disk_keeps_the_old_file(qtbot, ctx, tmp_path, monkeypatch, shown, writer) -> None:
    ending, save = _writers(ctx)[writer]
    folder = tmp_path / "flash"
    folder.mkdir()
    target = folder / f"keep{ending}"
    target.write_bytes(OLD)
    _choose(monkeypatch, target)
    opened = simulate(monkeypatch)
    assert save() is None
    assert opened, "not written through metodesk.files"
    assert shown == [f"The file {target} could not be written: the disk is full."]
    assert target.read_bytes() == OLD and [p.name for p in folder.iterdir()] == [target.name]


@pytest.mark.parametrize("writer", ["protocol", "protocol-docx", "plan-docx", "attestation"])
def test_save_as_writes_a_whole_file(qtbot, ctx, tmp_path, monkeypatch, shown, writer) -> None:
    ending, save = _writers(ctx)[writer]
    target = tmp_path / f"keep{ending}"
    target.write_bytes(OLD)
    _choose(monkeypatch, target)
    assert save() == target and shown == []
    assert target.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == [target.name]


@pytest.mark.parametrize("writer", ["protocol", "plan-docx", "mentoring", "attestation"])
def test_save_as_never_over_metodesks_own_data(qtbot, ctx, tmp_path, monkeypatch, shown, writer) -> None:
    ending, save = _writers(ctx)[writer]
    backups = paths.data_dir() / "backups"
    backups.mkdir(exist_ok=True)
    link = tmp_path / f"link{ending}"
    link.symlink_to(paths.database_path())
    before = paths.database_path().read_bytes()
    for target in (backups / f"x{ending}", link):
        _choose(monkeypatch, target)
        assert save() is None
    assert len(shown) == 2 and all("it belongs to metodesk's own data" in s for s in shown), shown
    assert list(backups.iterdir()) == [] and paths.database_path().read_bytes() == before


def test_the_sentence_in_kazakh(qtbot, ctx, tmp_path, monkeypatch, shown) -> None:
    _ending, save = _writers(ctx)["mentoring"]
    target = tmp_path / "keep.pdf"
    target.write_bytes(OLD)
    _choose(monkeypatch, target)
    simulate(monkeypatch)
    set_language("kk")
    assert save() is None
    assert shown == [f"{target} файлын жазу мүмкін болмады: дискіде орын қалмады."]


# ---- window.ini ----------------------------------------------------------------------------------


def test_window_ini_is_written_whole_only_on_sync(_isolated_data_dir) -> None:
    paths.ensure_data_dir()
    ini = paths.data_dir() / "window.ini"
    settings = window_settings()
    assert isinstance(settings, WindowSettings)
    assert settings.working_copy == paths.data_dir() / ".window.ini.work"  # QSettings never writes window.ini itself
    settings.setValue("window/tab", 3)
    super(WindowSettings, settings).sync()  # QSettings writing its own file (its timer, its destructor)
    assert not ini.exists()
    settings.sync()
    assert "tab=3" in ini.read_text()
    assert stat.S_IMODE(ini.stat().st_mode) == files.PRIVATE
    assert sorted(p.name for p in paths.data_dir().iterdir()) == [".window.ini.work", "window.ini"]
    again = window_settings()
    assert again.value("window/tab") in (3, "3")


def test_window_ini_on_a_full_disk_keeps_the_old_file(_isolated_data_dir, monkeypatch) -> None:
    paths.ensure_data_dir()
    ini = paths.data_dir() / "window.ini"
    settings = window_settings()
    settings.setValue("window/tab", 2)
    settings.sync()
    before = ini.read_bytes()
    settings.setValue("window/tab", 5)
    simulate(monkeypatch)
    with pytest.raises(files.FileWriteError) as caught:
        settings.sync()
    assert str(caught.value) == f"The file {ini} could not be written: the disk is full."
    assert ini.read_bytes() == before
    assert sorted(p.name for p in paths.data_dir().iterdir()) == [".window.ini.work", "window.ini"]


def test_closing_the_window_on_a_full_disk_says_so(qtbot, ctx, monkeypatch, shown) -> None:
    from metodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    simulate(monkeypatch)
    window.close()
    ini = paths.data_dir() / "window.ini"
    assert shown == [f"The file {ini} could not be written: the disk is full."]
    assert not ini.exists() and not window.isVisible()


def test_without_a_data_folder_nothing_is_written_or_made(_isolated_data_dir) -> None:
    settings = window_settings()
    settings.setValue("window/tab", 1)
    settings.sync()
    assert not paths.data_dir().exists()


def test_the_export_dialogs_refuse_the_backups_folder(qtbot, ctx) -> None:
    from metodesk.domain.errors import DomainError
    from metodesk.ui.dialogs.exchange import PackageExportDialog
    from metodesk.ui.dialogs.year_documents import YearDocumentsDialog

    backups = paths.data_dir() / "backups"
    backups.mkdir(exist_ok=True)
    package = PackageExportDialog(ctx)
    qtbot.addWidget(package)
    package.file_field.edit.setText(str(backups / "p.zip"))
    with pytest.raises(DomainError) as caught, ctx.reading() as session:
        package.save(session)
    assert caught.value.field == "out" and "it belongs to metodesk's own data" in str(caught.value)
    documents = YearDocumentsDialog(ctx)
    qtbot.addWidget(documents)
    documents.folder_field.edit.setText(str(backups))
    with pytest.raises(DomainError) as caught, ctx.reading() as session:
        documents.save(session)
    assert caught.value.field == "folder" and "it belongs to metodesk's own data" in str(caught.value)
    assert list(backups.iterdir()) == []
