"""The advisory rules in the Attestation tab: a case with a test taken but no
score and a target below the held category shows both warnings above its
checklist, the teacher appears under "Needs attention" with "Check the case",
and the checklist lists the growth evidence."""

from __future__ import annotations

import datetime as dt

from metodesk.storage.models import AttestationCase
from metodesk.ui.context import AppContext
from metodesk.ui.tabs import attestation_case_page
from metodesk.ui.tabs.attestation import AttestationTab

TODAY = dt.date(2026, 2, 10)


def test_warnings_on_the_case_and_in_the_list(qtbot, demo_database, monkeypatch) -> None:
    db = demo_database(TODAY)
    with db.transaction() as s:
        case = s.query(AttestationCase).filter(AttestationCase.decision == "pending").one()
        case.test_score = None
        case.target_category = "pedagog"
    monkeypatch.setattr(attestation_case_page, "current_date", lambda: TODAY)
    monkeypatch.setenv("METODESK_TODAY", TODAY.isoformat())
    tab = AttestationTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.show()
    tab.ensure_loaded()
    tab.view_combo.setCurrentIndex(tab.view_combo.findData("attention"))
    assert tab.proxy.rowCount() == 1
    assert "Check the case" in tab.proxy.index(0, 6).data()
    tab.table.selectRow(0)
    page = tab.findChild(attestation_case_page.CasePage, "case_page")
    warnings = page.warnings_label.text()
    assert "score is not entered" in warnings and "lower than the one the teacher holds" in warnings
    assert not page.warnings_label.isHidden()
    codes = [page.checklist.item(i).data(0x0100) for i in range(page.checklist.count())]
    assert {"events", "experience", "olympiads"} <= set(codes)
