"""The approval page enables exactly the steps the services allow for the plan's
status (``plan_workflow.allowed_steps``): forward review from a draft or a
reviewed plan, agreement, approval and return to draft from a reviewed or
agreed one, reopening from an approved one, nothing without a plan."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from metodesk.ui.context import AppContext
from metodesk.ui.tabs.plan_approval import ApprovalPage

BUTTONS = ("review", "agree", "approve", "reopen", "withdraw")
ENABLED = {
    "draft": {"review"},
    "reviewed": {"review", "agree", "approve", "withdraw"},
    "agreed": {"agree", "approve", "withdraw"},
    "approved": {"reopen"},
}


def _detail(status: str) -> SimpleNamespace:
    """What ``_show_state`` reads of a PlanDetail."""
    signed = dt.date(2025, 8, 29) if status in ("agreed", "approved") else None
    return SimpleNamespace(
        row=SimpleNamespace(id=1, status=status, status_label=status),
        reviewed_at=lambda lang: "" if status == "draft" else "№ 1, 28.08.2025",
        agreed_on=signed,
        agreed_name="Жақсылықова Г.С.",
        agreed_title="",
        approved_on=signed if status == "approved" else None,
        approved_name="Сейітқали Б.Е.",
        approved_title="Мектеп директоры",
    )


@pytest.fixture
def page(qtbot, db) -> ApprovalPage:
    widget = ApprovalPage(AppContext(db))
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("status", sorted(ENABLED))
def test_buttons_follow_the_allowed_steps(page: ApprovalPage, status: str) -> None:
    page._show_state(_detail(status))
    enabled = {name for name in BUTTONS if getattr(page, f"{name}_button").isEnabled()}
    assert enabled == ENABLED[status]
    hint = page.approve_button.toolTip()
    assert bool(hint) is (status == "draft")


def test_no_plan_no_buttons(page: ApprovalPage) -> None:
    page._show_state(None)
    assert not any(getattr(page, f"{name}_button").isEnabled() for name in BUTTONS)
