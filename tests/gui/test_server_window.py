"""The window on a server (issue 20): another methodist's saved change
refreshes the tab it touches, heard through LISTEN/NOTIFY."""

from __future__ import annotations

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
