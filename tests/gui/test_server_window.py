"""The window on a server (issue 20): another methodist's saved change
refreshes the tab it touches, heard through LISTEN/NOTIFY."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, text

from metodesk import paths
from metodesk.storage.server import engine_url


def test_a_change_elsewhere_refreshes_the_teachers_tab(qtbot, qapp, server_database) -> None:
    from metodesk.services import organisations
    from metodesk.ui.startup import open_main_window

    db = server_database()
    with db.transaction() as s:
        org = organisations.save_organisation(
            s, organisations.OrganisationInput(kind="school", name_kk="№1 мектеп", name_ru="Школа №1")
        )
        organisations.make_ours(s, org)
    url = db.url
    db.close()
    paths.set_database_url(url)
    window = open_main_window(qapp)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.ctx.db.is_server and window.server_changes is not None
        window.tabs_widget.setCurrentIndex(0)
        tab = window.current_tab()
        tab.ensure_loaded()
        before = tab.model.rowCount()
        other = create_engine(engine_url(url), connect_args={"application_name": "metodesk-elsewhere"})
        try:
            with other.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO teacher (uuid, surname, first_name, patronymic, search_key, organisation_id,"
                        " position, category, young_specialist, archived, created_at, updated_at)"
                        " VALUES ('u-elsewhere', 'Жаңабаева', 'Гүлім', '', 'жаңабаева гүлім', :org, 'teacher',"
                        " 'none', false, false, now(), now())"
                    ),
                    {"org": org},
                )
        finally:
            other.dispose()
        qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=5000)
    finally:
        window.server_changes.stop()
        window.ctx.db.close()


def _choice_for(url):
    from sqlalchemy.engine import make_url

    from metodesk import config

    parts = make_url(url)
    return config.ServerChoice(parts.query["host"], parts.port or 5432, parts.database, parts.username)


def test_settings_database_page_remembers_a_server_without_its_password(qtbot, db, monkeypatch) -> None:
    from metodesk import config
    from metodesk.ui import common
    from metodesk.ui.context import AppContext
    from metodesk.ui.database_page import DatabasePage

    refused = []
    monkeypatch.setattr(common, "show_error", lambda parent, text: refused.append(text))
    said = []
    page = DatabasePage(AppContext(db), lambda message, *pages: said.append(message))
    qtbot.addWidget(page)
    assert page.local_radio.isChecked() and not page.host_edit.isEnabled()
    assert page.in_use.text() == f"In use now: {db.path}"
    page.server_radio.setChecked(True)
    page.host_edit.setText("dbserver.local")
    page.name_edit.setText("district")
    assert page.save() is False  # the login is missing: a sentence, nothing written
    assert refused == ["Fill in “Login” to use a server."]
    assert config.saved_server() is None
    page.user_edit.setText("aigul")
    page.password_edit.setText("s3cret")
    assert page.save() is True
    assert config.saved_server() == config.ServerChoice("dbserver.local", 5432, "district", "aigul")
    assert said[-1].startswith("metodesk opens postgresql://aigul@dbserver.local:5432/district at the next start.")
    assert "s3cret" not in paths.settings_path().read_text(encoding="utf-8")
    page.local_radio.setChecked(True)
    assert page.save() and config.saved_server() is None


def test_the_window_opens_the_server_chosen_in_settings_and_backs_it_up_as_packages(
    qtbot, qapp, server_database, monkeypatch, tmp_path
) -> None:
    from metodesk import config
    from metodesk.services import organisations
    from metodesk.ui import database_page
    from metodesk.ui.dialogs import backup
    from metodesk.ui.startup import open_main_window

    db = server_database()
    with db.transaction() as s:
        org = organisations.save_organisation(
            s, organisations.OrganisationInput(kind="school", name_kk="№1 мектеп", name_ru="Школа №1")
        )
        organisations.make_ours(s, org)
    url = db.url
    db.close()
    config.save_server(_choice_for(url))
    asked = []
    monkeypatch.setattr(database_page, "ask_password", lambda parent, choice: asked.append(choice) or None)
    assert open_main_window(qapp) is None  # the password question cancelled: no window
    monkeypatch.setattr(database_page, "ask_password", lambda parent, choice: asked.append(choice) or "")
    window = open_main_window(qapp)
    assert window is not None and len(asked) == 2
    qtbot.addWidget(window)
    try:
        assert window.ctx.db.is_server and window.ctx.db.location == _choice_for(url).url()
        shown = []
        out = tmp_path / "out"
        out.mkdir()
        monkeypatch.setattr(backup, "choose_folder", lambda parent: str(out))
        monkeypatch.setattr(backup, "show_info", lambda parent, text: shown.append(text))
        assert backup.back_up_to(window) == out
        assert [p.name for p in out.iterdir()] == ["metodesk-2025-2026-" + dt.date.today().isoformat() + ".zip"]
        assert shown[-1].startswith("The database is on a server, whose own backups are made there with pg_dump.")
        assert backup.restore_from_backup(window) is None
        assert "pg_dump" in shown[-1]
    finally:
        window.server_changes.stop()
        window.ctx.db.close()


def test_a_refused_save_reloads_the_tabs_showing_the_record(qtbot, db) -> None:
    import pytest

    from metodesk.storage import versions
    from metodesk.ui.context import AppContext

    ctx = AppContext(db)
    heard = []
    ctx.changed.connect(heard.append)
    with pytest.raises(versions.ChangedMeanwhile):
        with ctx.transaction():
            raise versions.changed_meanwhile("gulnar", None, "teacher", 1)
    assert heard == ["teachers"]
