"""The plan's way to approval: every transition from every state, allowed or
refused with its reason; the rules on meetings, names and dates; the history
(who, when, what, why)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_plans import TODAY, World, activity, make_world

from metodesk.domain.errors import DomainError
from metodesk.services import associations, meetings, plan_activities, plan_workflow, plans, teachers
from metodesk.services.meetings import MeetingInput

AUG_29 = dt.date(2025, 8, 29)


@pytest.fixture
def world(session) -> World:
    return make_world(session)


def _plan_in(session, world: World, state: str) -> int:
    """A plan with one activity, brought to ``state``."""
    plan = plans.create_plan(session, world.association)
    plan_activities.save_activity(session, plan, activity(responsible_ids=[world.teachers[0]]))
    if state in ("reviewed", "agreed", "approved"):
        plan_workflow.review(session, plan, world.meetings[0], who="Нұрғалиева Ә.Б.")
    if state == "agreed":
        plan_workflow.agree(session, plan, "Жақсылықова Г.С.", AUG_29, today=TODAY)
    if state == "approved":
        plan_workflow.approve(session, plan, "Сейітқали Б.Е.", "Мектеп директоры", AUG_29, today=TODAY)
    assert plans.get_plan(session, plan).row.status == state
    return plan


ACTIONS = {
    "review": lambda s, p, w: plan_workflow.review(s, p, w.meetings[1]),
    "agree": lambda s, p, w: plan_workflow.agree(s, p, "Жақсылықова Г.С.", dt.date(2025, 11, 6), today=TODAY),
    "approve": lambda s, p, w: plan_workflow.approve(
        s, p, "Сейітқали Б.Е.", "Мектеп директоры", dt.date(2025, 11, 6), today=TODAY
    ),
    "reopen": lambda s, p, w: plan_workflow.reopen(s, p, "Аудан бұйрығы бойынша толықтыру"),
    "withdraw": lambda s, p, w: plan_workflow.withdraw(s, p, "Қате отырыс"),
}

# (state, action, the state after it, or the words of the refusal)
TRANSITIONS = [
    ("draft", "review", "reviewed"),
    ("draft", "agree", "after it is reviewed at an association meeting"),
    ("draft", "approve", "has not been reviewed at an association meeting yet"),
    ("draft", "reopen", "Only an approved plan is reopened"),
    ("draft", "withdraw", "a draft already"),
    ("reviewed", "review", "reviewed"),
    ("reviewed", "agree", "agreed"),
    ("reviewed", "approve", "approved"),
    ("reviewed", "reopen", "Only an approved plan is reopened"),
    ("reviewed", "withdraw", "draft"),
    ("agreed", "review", "already agreed with the deputy: return it to draft first"),
    ("agreed", "agree", "agreed"),
    ("agreed", "approve", "approved"),
    ("agreed", "reopen", "Only an approved plan is reopened"),
    ("agreed", "withdraw", "draft"),
    ("approved", "review", "approved and locked: reopen it"),
    ("approved", "agree", "approved and locked: reopen it"),
    ("approved", "approve", "approved already"),
    ("approved", "reopen", "reviewed"),
    ("approved", "withdraw", "approved and locked: reopen it"),
]


@pytest.mark.parametrize(("state", "action", "outcome"), TRANSITIONS)
def test_every_transition(session, world: World, state: str, action: str, outcome: str) -> None:
    plan = _plan_in(session, world, state)
    events = len(plan_workflow.history(session, plan))
    if outcome in ("draft", "reviewed", "agreed", "approved"):
        ACTIONS[action](session, plan, world)
        assert plans.get_plan(session, plan).row.status == outcome
        assert len(plan_workflow.history(session, plan)) == events + 1
    else:
        with pytest.raises(DomainError, match=outcome):
            ACTIONS[action](session, plan, world)
        assert plans.get_plan(session, plan).row.status == state
        assert len(plan_workflow.history(session, plan)) == events


STEP_OF = {
    "review": plan_workflow.PlanAction.REVIEWED,
    "agree": plan_workflow.PlanAction.AGREED,
    "approve": plan_workflow.PlanAction.APPROVED,
    "reopen": plan_workflow.PlanAction.REOPENED,
    "withdraw": plan_workflow.PlanAction.WITHDRAWN,
}


@pytest.mark.parametrize(("state", "action", "outcome"), TRANSITIONS)
def test_the_steps_table_allows_what_the_steps_do(state: str, action: str, outcome: str) -> None:
    """The approval page enables its buttons from ``allowed_steps``: it allows
    exactly the transitions the step functions carry out (TRANSITIONS above)."""
    done = outcome in ("draft", "reviewed", "agreed", "approved")
    assert (STEP_OF[action] in plan_workflow.allowed_steps(state)) is done


def test_no_plan_no_steps() -> None:
    assert plan_workflow.allowed_steps("") == frozenset()


def test_review_gives_the_protocol_reference(session, world: World) -> None:
    plan = _plan_in(session, world, "reviewed")
    detail = plans.get_plan(session, plan)
    assert (detail.review_number, detail.review_date) == (1, dt.date(2025, 8, 28))
    assert detail.reviewed_at("kk") == "№ 1 хаттама, 2025 жылғы 28 тамыз"
    assert detail.reviewed_at("ru") == "протокол № 1 от 28 августа 2025 г."


def test_review_needs_a_held_meeting_of_this_association(session, world: World) -> None:
    plan = _plan_in(session, world, "draft")
    with pytest.raises(DomainError, match=r"Meeting No\. 3 of 14\.01\.2026 has not been held yet") as error:
        plan_workflow.review(session, plan, world.meetings[2])
    assert error.value.field == "meeting_id"
    other = associations.save_association(
        session,
        associations.AssociationInput(
            kind="primary", level="school", name_kk="Бастауыш", year_id=world.year, organisation_id=world.org
        ),
    )
    associations.add_member(session, other, world.teachers[0])
    foreign = meetings.save_meeting(
        session,
        MeetingInput(association_id=other, number=1, date=dt.date(2025, 8, 27), status="held"),
        today=TODAY,
    )
    with pytest.raises(DomainError, match="Choose a meeting of this association in 2025-2026"):
        plan_workflow.review(session, plan, foreign)
    assert plans.get_plan(session, plan).row.status == "draft"


@pytest.mark.parametrize(
    ("name", "title", "date", "field", "words"),
    [
        ("", "Мектеп директоры", AUG_29, "name", "Enter the head's name"),
        ("Сейітқали Б.Е.", " ", AUG_29, "title", "Enter the head's title"),
        ("Сейітқали Б.Е.", "Мектеп директоры", None, "date", "Enter the date"),
        (
            "Сейітқали Б.Е.",
            "Мектеп директоры",
            dt.date(2025, 8, 27),
            "date",
            r"on or after the meeting .*28\.08\.2025",
        ),
        ("Сейітқали Б.Е.", "Мектеп директоры", dt.date(2026, 2, 11), "date", "cannot be in the future"),
    ],
)
def test_approval_needs_name_title_and_a_sensible_date(
    session, world: World, name, title, date, field, words
) -> None:
    plan = _plan_in(session, world, "reviewed")
    with pytest.raises(DomainError, match=words) as error:
        plan_workflow.approve(session, plan, name, title, date, today=TODAY)
    assert error.value.field == field
    assert plans.get_plan(session, plan).row.status == "reviewed"


def test_agreement_rules(session, world: World) -> None:
    plan = _plan_in(session, world, "reviewed")
    with pytest.raises(DomainError, match="Enter the deputy's name"):
        plan_workflow.agree(session, plan, " ", AUG_29, today=TODAY)
    with pytest.raises(DomainError, match="on or after the meeting that reviewed it"):
        plan_workflow.agree(session, plan, "Жақсылықова Г.С.", dt.date(2025, 8, 1), today=TODAY)
    plan_workflow.agree(session, plan, "Жақсылықова Г.С.", dt.date(2025, 9, 2), "ОІЖО", today=TODAY)
    with pytest.raises(DomainError, match=r"after the deputy agreed it \(02\.09\.2025\)"):
        plan_workflow.approve(session, plan, "Сейітқали Б.Е.", "Директор", AUG_29, today=TODAY)
    detail = plans.get_plan(session, plan)
    assert (detail.agreed_name, detail.agreed_title, detail.agreed_on) == (
        "Жақсылықова Г.С.",
        "ОІЖО",
        dt.date(2025, 9, 2),
    )


def test_approval_needs_activities_and_people_who_have_not_left(session, world: World) -> None:
    empty = plans.create_plan(session, world.association)
    plan_workflow.review(session, empty, world.meetings[0])
    with pytest.raises(DomainError, match="without activities cannot be approved"):
        plan_workflow.approve(session, empty, "Сейітқали Б.Е.", "Директор", AUG_29, today=TODAY)
    plan_activities.save_activity(session, empty, activity(responsible_ids=[world.teachers[2]]))
    teachers.set_archived(session, world.teachers[2], True)
    with pytest.raises(DomainError, match=r"Activity 1: Төлеуова А\.М\. has left \(archived\)"):
        plan_workflow.approve(session, empty, "Сейітқали Б.Е.", "Директор", AUG_29, today=TODAY)
    assert plans.get_plan(session, empty).row.status == "reviewed"


def test_reopen_needs_a_reason_and_returns_to_the_step_before(session, world: World) -> None:
    plan = _plan_in(session, world, "agreed")
    plan_workflow.approve(
        session, plan, "Сейітқали Б.Е.", "Мектеп директоры", AUG_29, who="Директор", today=TODAY
    )
    with pytest.raises(DomainError, match="Say why the plan is reopened") as error:
        plan_workflow.reopen(session, plan, "  ")
    assert error.value.field == "reason"
    plan_workflow.reopen(session, plan, "Аудандық семинар қосылды", who="Әдіскер")
    detail = plans.get_plan(session, plan)
    assert detail.row.status == "agreed" and not detail.locked
    assert (detail.approved_name, detail.approved_on) == ("", None)
    assert detail.agreed_on == AUG_29 and detail.review_number == 1
    plan_activities.save_activity(session, plan, activity(content="Аудандық семинар"))  # editable again
    events = plan_workflow.history(session, plan)
    assert [e.action for e in events] == ["created", "reviewed", "agreed", "approved", "reopened"]
    reopened = events[-1]
    assert reopened.who == "Әдіскер" and reopened.reason == "Аудандық семинар қосылды"
    assert reopened.details == "Сейітқали Б.Е., 29.08.2025" and reopened.action_label == "Reopened"
    assert events[1].who == "Нұрғалиева Ә.Б." and events[1].details == "№ 1, 28.08.2025"
    assert events[3].who == "Директор"
    assert all(abs((e.at - dt.datetime.now()).total_seconds()) < 600 for e in events)


def test_withdraw_clears_the_review_and_agreement(session, world: World) -> None:
    plan = _plan_in(session, world, "agreed")
    plan_workflow.withdraw(session, plan, "Басқа отырыста қаралады")
    detail = plans.get_plan(session, plan)
    assert (detail.row.status, detail.review_meeting_id, detail.agreed_on) == ("draft", None, None)
    assert plan_workflow.history(session, plan)[-1].reason == "Басқа отырыста қаралады"


def test_proposals_come_from_the_organisation(session, world: World) -> None:
    plan = _plan_in(session, world, "reviewed")
    head = plan_workflow.proposed_approval(session, plan, TODAY)
    assert (head.name, head.title, head.date) == ("Сейітқали Бауыржан Ерланұлы", "Мектеп директоры", TODAY)
    assert plan_workflow.proposed_approval(session, plan, TODAY, "ru").title == "Директор школы"
    assert plan_workflow.proposed_agreement(session, plan, TODAY).name == "Жақсылықова Гүлнар Серікқызы"


def test_a_deleted_review_meeting_is_flagged(session, world: World) -> None:
    from metodesk.services import plan_checks

    plan = _plan_in(session, world, "reviewed")
    meetings.delete_meeting(session, world.meetings[0])
    session.expire_all()
    messages = [p.message for p in plan_checks.plan_problems(session, plan, TODAY)]
    assert "The meeting that reviewed the plan was deleted: record the review again." in messages


def test_approval_refused_once_the_review_meeting_is_gone(session, world: World) -> None:
    plan = _plan_in(session, world, "reviewed")
    meetings.delete_meeting(session, world.meetings[0])
    session.expire_all()
    with pytest.raises(DomainError, match="has not been reviewed at an association meeting yet"):
        plan_workflow.approve(session, plan, "Сейітқали Б.Е.", "Директор", AUG_29, today=TODAY)
    plan_workflow.review(session, plan, world.meetings[1])
    plan_workflow.approve(session, plan, "Сейітқали Б.Е.", "Директор", dt.date(2025, 11, 6), today=TODAY)
    assert plans.get_plan(session, plan).row.status == "approved"
