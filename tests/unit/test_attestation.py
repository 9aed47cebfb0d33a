"""Attestation services: the rules seeded once and edited with valid-from
dates; the category history kept on the teacher's card; cases through their
stages (application, test with the pass mark of its day, observations linked
to sheets, portfolio, decision writing the history); the three refusals; the
views; the evidence of the last three years."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pytest
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError
from metodesk.services import (
    agenda,
    associations,
    attestation,
    attestation_cases,
    attestation_evidence,
    attestation_rules,
    attestation_views,
    lessons,
    meetings,
    observations,
    subjects,
    teachers,
    years,
)
from metodesk.services.agenda import ItemInput, Speaker
from metodesk.services.attestation import AwardInput
from metodesk.services.attestation_cases import CaseInput, StageInput
from metodesk.services.attestation_evidence import CourseInput
from metodesk.services.attestation_rules import RuleInput
from metodesk.services.setup import seed_defaults
from metodesk.storage.models import AttestationRule, CategoryAward, Teacher

# Each test that uses the database runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_databases

D = dt.date
TODAY = D(2026, 2, 10)  # attestation year 2025-2026


@dataclass
class People:
    org: int
    deputy: int  # expert 2022-05-20 → due 2026-2027
    overdue: int  # legacy_highest 2019-12-27 → expired 2024-12-27
    due_now: int  # moderator 2021-03-01 → 2026-03-01, due 2025-2026
    early: int  # pedagog 2023-05-26 → eligible for early attestation
    newcomer: int  # no category


def _teacher(s, org: int, surname: str, **kw) -> int:
    data = teachers.TeacherInput(
        surname=surname, first_name="Айгүл", patronymic="Маратқызы", organisation_id=org, **kw
    )
    return teachers.save_teacher(s, data, today=TODAY)


@pytest.fixture
def people(db, ours) -> People:
    with db.transaction() as s:
        return People(
            ours,
            _teacher(
                s,
                ours,
                "Жақсылықова",
                position="deputy",
                category="expert",
                category_date=D(2022, 5, 20),
                teaching_since=D(2004, 9, 1),
            ),
            _teacher(
                s,
                ours,
                "Петренко",
                category="legacy_highest",
                category_date=D(2019, 12, 27),
                teaching_since=D(1995, 9, 1),
            ),
            _teacher(
                s,
                ours,
                "Бекова",
                category="moderator",
                category_date=D(2021, 3, 1),
                teaching_since=D(2012, 9, 1),
            ),
            _teacher(
                s,
                ours,
                "Қасымов",
                category="pedagog",
                category_date=D(2023, 5, 26),
                teaching_since=D(2016, 9, 1),
            ),
            _teacher(s, ours, "Оразбекова", teaching_since=D(2025, 8, 25), young_specialist=True),
        )


def card(s, teacher_id: int) -> tuple[str, dt.date | None]:
    t = s.get(Teacher, teacher_id)
    return t.category, t.category_date


# ---- rules -----------------------------------------------------------------------------------------


def test_rules_are_seeded_once_and_edits_survive_reseeding(session) -> None:
    rows = attestation_rules.list_rules(session)
    assert len(rows) == 16
    cycle = next(r for r in rows if (r.kind, r.subject) == ("cycle", "director"))
    assert cycle.value == 3
    attestation_rules.save_rule(session, RuleInput("cycle", "director", 4, cycle.valid_from), cycle.id)
    seed_defaults(session)
    assert attestation_rules.seed_rules(session) == 0
    assert session.scalar(select(func.count(AttestationRule.id))) == 16
    assert attestation_rules.rule_book(session).value("cycle", "director", TODAY) == 4


def test_a_revision_is_a_new_rule_with_a_later_valid_from(session) -> None:
    rule_id = attestation_rules.save_rule(session, RuleInput("pass_mark", "expert", 75, D(2026, 1, 1)))
    book = attestation_rules.rule_book(session)
    assert book.value("pass_mark", "expert", D(2025, 12, 31)) == 70
    assert book.value("pass_mark", "expert", D(2026, 1, 1)) == 75
    with pytest.raises(DomainError, match="already applies from 01.01.2026") as err:
        attestation_rules.save_rule(session, RuleInput("pass_mark", "expert", 80, D(2026, 1, 1)))
    assert err.value.field == "valid_from"
    attestation_rules.delete_rule(session, rule_id)
    assert attestation_rules.rule_book(session).value("pass_mark", "expert", D(2026, 6, 1)) == 70


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (RuleInput("cycle", "teacher", 0, D(2026, 1, 1)), "value"),
        (RuleInput("pass_mark", "expert", 101, D(2026, 1, 1)), "value"),
        (RuleInput("cycle", "expert", 5, D(2026, 1, 1)), "subject"),
        (RuleInput("cycle", "teacher", 5, None), "valid_from"),
        (RuleInput("bogus", "teacher", 5, D(2026, 1, 1)), "kind"),
    ],
)
def test_wrong_rules_are_refused(session, data: RuleInput, field: str) -> None:
    with pytest.raises(DomainError) as err:
        attestation_rules.save_rule(session, data)
    assert err.value.field == field


def test_the_last_rule_of_a_kind_cannot_go(session) -> None:
    only = next(r for r in attestation_rules.list_rules(session) if r.kind == "early_gap")
    with pytest.raises(DomainError, match="only rule of its kind"):
        attestation_rules.delete_rule(session, only.id)


# ---- history -----------------------------------------------------------------------------------


def test_history_starts_with_the_card_and_the_card_follows_the_latest(db, people) -> None:
    with db.transaction() as s:
        history = attestation.list_history(s, people.due_now)
        assert len(history) == 1 and history[0].from_card and history[0].category == "moderator"
        # an older entry is stored beside the card's, which stays the latest
        attestation.save_award(
            s, AwardInput(people.due_now, "legacy_second", D(2016, 5, 30), "№ 45"), today=TODAY
        )
        assert [h.category for h in attestation.list_history(s, people.due_now)] == [
            "moderator",
            "legacy_second",
        ]
        assert card(s, people.due_now) == ("moderator", D(2021, 3, 1))
        newer = attestation.save_award(
            s,
            AwardInput(people.due_now, "expert", D(2025, 12, 26), "№ 312-ж", "early", "district"),
            today=TODAY,
        )
        assert card(s, people.due_now) == ("expert", D(2025, 12, 26))
        attestation.delete_award(s, newer)
        assert card(s, people.due_now) == ("moderator", D(2021, 3, 1))
        for entry in attestation.list_history(s, people.due_now):
            attestation.delete_award(s, entry.id)
        assert card(s, people.due_now) == ("none", None)
        assert attestation.list_history(s, people.due_now) == []


def test_correcting_the_cards_entry_does_not_duplicate_it(db, people) -> None:
    with db.transaction() as s:
        attestation.save_award(
            s, AwardInput(people.due_now, "moderator", D(2021, 3, 2), "№ 7"), today=TODAY, replaces_card=True
        )
        history = attestation.list_history(s, people.due_now)
        assert [(h.category, h.award_date, h.order_number) for h in history] == [
            ("moderator", D(2021, 3, 2), "№ 7")
        ]
        with pytest.raises(DomainError, match="already in the teacher's history"):
            attestation.save_award(s, AwardInput(people.due_now, "moderator", D(2021, 3, 2)), today=TODAY)


def test_the_three_refusals_of_the_history(db, people) -> None:
    with db.transaction() as s:
        with pytest.raises(DomainError, match="award date 11.02.2026 is in the future") as err:
            attestation.save_award(s, AwardInput(people.newcomer, "pedagog", D(2026, 2, 11)), today=TODAY)
        assert err.value.field == "award_date"
        with pytest.raises(DomainError, match="no qualification category with the code “grandmaster”") as err:
            attestation.save_award(s, AwardInput(people.newcomer, "grandmaster", D(2025, 2, 11)), today=TODAY)
        assert err.value.field == "category"
        with pytest.raises(DomainError, match="Choose the category"):
            attestation.save_award(s, AwardInput(people.newcomer, "none", D(2025, 2, 11)), today=TODAY)
        assert s.scalar(select(func.count(CategoryAward.id))) == 0
        assert card(s, people.newcomer) == ("none", None)


# ---- cases -------------------------------------------------------------------------------------------


def _case(people: People, **changes) -> CaseInput:
    return replace(
        CaseInput(teacher_id=people.due_now, year="2025-2026", target_category="expert"), **changes
    )


def test_a_case_through_its_stages_writes_the_history(db, people) -> None:
    with db.transaction() as s:
        case_id = attestation_cases.save_case(s, _case(people), today=TODAY)
        row = attestation_cases.get_case(s, case_id)
        assert row.in_progress and row.test_passed is None and row.year_name == "2025-2026"
        data = _case(people, application_date=D(2025, 12, 20), test_date=D(2026, 1, 24), test_score=72)
        attestation_cases.save_case(s, data, case_id, today=TODAY)
        row = attestation_cases.get_case(s, case_id)
        assert (row.pass_mark, row.test_passed) == (70, True)
        attestation_cases.save_stage_observation(s, StageInput(case_id, D(2026, 2, 3), "Ұстаз платформасы"))
        data = replace(data, portfolio_status="accepted")
        attestation_cases.save_case(s, data, case_id, today=TODAY)
        assert card(s, people.due_now) == ("moderator", D(2021, 3, 1))
        data = replace(
            data,
            decision="awarded",
            decision_date=D(2026, 2, 9),
            order_number="№ 18-ж",
            decision_body="district",
        )
        attestation_cases.save_case(s, data, case_id, today=TODAY)
        assert card(s, people.due_now) == ("expert", D(2026, 2, 9))
        history = attestation.list_history(s, people.due_now)
        assert [(h.category, h.case_id) for h in history] == [("expert", case_id), ("moderator", None)]
        assert history[0].order_number == "№ 18-ж" and history[0].decision_body == "district"
        # the decision taken back: the entry goes, the card returns
        attestation_cases.save_case(s, replace(data, decision="pending"), case_id, today=TODAY)
        assert card(s, people.due_now) == ("moderator", D(2021, 3, 1))
        assert [h.category for h in attestation.list_history(s, people.due_now)] == ["moderator"]


@pytest.mark.parametrize("score", [101, -1])
def test_a_score_outside_0_100_is_refused_and_nothing_saved(db, people, score: int) -> None:
    with db.transaction() as s:
        with pytest.raises(DomainError, match="percentage from 0 to 100") as err:
            attestation_cases.save_case(
                s, _case(people, test_date=D(2026, 1, 24), test_score=score), today=TODAY
            )
        assert err.value.field == "test_score"
        assert attestation_cases.list_cases(s, people.due_now) == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"target_category": "legacy_first"}, "target_category", "five current categories"),
        ({"target_category": "wizard"}, "target_category", "no qualification category"),
        ({"year": "2025-2027"}, "year", "for example 2025-2026"),
        ({"test_score": 80}, "test_date", "date of the test"),
        ({"test_date": D(2026, 3, 1), "test_score": 80}, "test_score", "already taken"),
        ({"decision": "awarded"}, "decision_date", "date of the commission"),
        ({"decision": "awarded", "decision_date": D(2026, 3, 1)}, "decision_date", "in the future"),
        ({"application_date": D(2026, 3, 1)}, "application_date", "in the future"),
        (
            {
                "decision": "awarded",
                "decision_date": D(2026, 2, 1),
                "test_date": D(2026, 1, 24),
                "test_score": 69,
            },
            "decision",
            "below the pass mark 70",
        ),
    ],
)
def test_wrong_cases_are_refused(db, people, changes, field: str, words: str) -> None:
    with db.transaction() as s:
        with pytest.raises(DomainError, match=words) as err:
            attestation_cases.save_case(s, _case(people, **changes), today=TODAY)
        assert err.value.field == field


def test_one_case_per_teacher_and_year(db, people) -> None:
    with db.transaction() as s:
        attestation_cases.save_case(s, _case(people), today=TODAY)
        with pytest.raises(DomainError, match="already has an attestation case in 2025-2026"):
            attestation_cases.save_case(s, _case(people, target_category="researcher"), today=TODAY)
        attestation_cases.save_case(s, _case(people, year="2026-2027"), today=TODAY)
        assert [c.year_start for c in attestation_cases.list_cases(s, people.due_now)] == [2026, 2025]


def test_the_pass_mark_is_the_one_in_force_on_the_test_date(db, people) -> None:
    with db.transaction() as s:
        attestation_rules.save_rule(s, RuleInput("pass_mark", "expert", 75, D(2026, 1, 1)))
        before = attestation_cases.save_case(
            s, _case(people, test_date=D(2025, 12, 20), test_score=72), today=TODAY
        )
        assert attestation_cases.get_case(s, before).test_passed is True
        after = attestation_cases.save_case(
            s, _case(people, teacher_id=people.early, test_date=D(2026, 1, 20), test_score=72), today=TODAY
        )
        assert (
            attestation_cases.get_case(s, after).pass_mark,
            attestation_cases.get_case(s, after).test_passed,
        ) == (75, False)
        deputy = attestation_cases.save_case(
            s,
            _case(
                people,
                teacher_id=people.deputy,
                target_category="master",
                test_date=D(2026, 1, 20),
                test_score=71,
            ),
            today=TODAY,
        )
        assert attestation_cases.get_case(s, deputy).pass_mark == 70  # heads and deputies


# ---- observations linked to sheets ------------------------------------------------------------------


def _lesson_with_sheet(s, people: People, teacher_id: int, observer_id: int) -> int:
    year = years.current_year(s).id
    kazakh = next(x.id for x in subjects.list_subjects(s) if x.name_kk == "Қазақ тілі")
    assoc = associations.save_association(
        s,
        associations.AssociationInput(
            kind="subject",
            level="school",
            name_kk="«Қазақ тілі» ӘБ",
            name_ru="МО",
            subject_id=kazakh,
            year_id=year,
            organisation_id=people.org,
        ),
    )
    for member in (teacher_id, observer_id):
        associations.add_member(s, assoc, member)
    lesson = lessons.save_lesson(
        s,
        lessons.LessonInput(
            association_id=assoc,
            teacher_id=teacher_id,
            grade=6,
            class_letter="Ә",
            date=D(2026, 1, 20),
            topic="Зат есімнің септелуі",
        ),
        today=TODAY,
    )
    return observations.save_observation(
        s, lesson, observations.ObservationInput(observer_teacher_id=observer_id), today=TODAY
    )


def test_an_observation_links_a_sheet_of_the_teachers_own_lessons(db, people) -> None:
    with db.transaction() as s:
        sheet = _lesson_with_sheet(s, people, people.due_now, people.deputy)
        case_id = attestation_cases.save_case(s, _case(people), today=TODAY)
        choices = attestation_cases.sheets_for(s, people.due_now)
        assert [c.observation_id for c in choices] == [sheet]
        stage = attestation_cases.save_stage_observation(s, StageInput(case_id, None, "", sheet))
        row = attestation_cases.get_case(s, case_id)
        assert row.observations[0].date == D(2026, 1, 20)  # the lesson's date
        assert (
            "Зат есімнің септелуі" in row.observations[0].sheet and "Жақсылықова" in row.observations[0].sheet
        )
        other = attestation_cases.save_case(s, _case(people, teacher_id=people.early), today=TODAY)
        with pytest.raises(DomainError, match="this teacher's lessons") as err:
            attestation_cases.save_stage_observation(s, StageInput(other, None, "", sheet))
        assert err.value.field == "observation_id"
        observations.delete_observation(s, sheet)
        s.expire_all()
        row = attestation_cases.get_case(s, case_id)
        assert row.observations[0].id == stage and row.observations[0].observation_id is None  # SET NULL
        attestation_cases.delete_stage_observation(s, stage)
        assert attestation_cases.get_case(s, case_id).observations == ()


# ---- views -------------------------------------------------------------------------------------


def test_views_over_the_teachers(db, people) -> None:
    with db.transaction() as s:
        attestation_cases.save_case(
            s,
            _case(people, teacher_id=people.early, year="2025-2026", test_date=D(2026, 1, 24), test_score=64),
            today=TODAY,
        )
        rows = attestation_views.attestation_rows(s, TODAY, people.org)
    by_id = {r.teacher_id: r for r in rows}
    view = lambda name: {r.teacher_id for r in attestation_views.view_rows(rows, name, TODAY)}  # noqa: E731
    assert view("due_this_year") == {people.due_now}
    assert view("due_next_year") == {people.deputy}
    assert view("overdue") == {people.overdue}
    assert view("in_progress") == {people.early}
    assert view("all") == set(by_id)
    assert by_id[people.early].early_eligible and not by_id[people.due_now].early_eligible
    assert by_id[people.early].planned_year == 2025 and by_id[people.early].due_year == 2027
    assert by_id[people.early].case_test_score == 64
    assert by_id[people.newcomer].expiry is None and by_id[people.newcomer].claimable == "pedagog"
    assert by_id[people.overdue].expiry == D(2024, 12, 27) and by_id[people.overdue].claimable == "master"
    assert by_id[people.deputy].expiry == D(2027, 5, 20)
    counts = dict(attestation_views.category_counts(rows))
    assert (
        counts["none"] == 1
        and counts["expert"] == 1
        and counts["legacy_highest"] == 1
        and counts["master"] == 0
    )
    assert list(counts)[0] == "none" and len(counts) == 9


def test_a_changed_cycle_moves_the_due_year(db, people) -> None:
    with db.transaction() as s:
        rule = next(r for r in attestation_rules.list_rules(s) if (r.kind, r.subject) == ("cycle", "deputy"))
        attestation_rules.save_rule(s, RuleInput("cycle", "deputy", 3, rule.valid_from), rule.id)
        rows = attestation_views.attestation_rows(s, TODAY, people.org)
    deputy = next(r for r in rows if r.teacher_id == people.deputy)
    assert deputy.expiry == D(2025, 5, 20) and deputy.overdue


# ---- evidence ----------------------------------------------------------------------------------


def test_evidence_of_the_last_three_years(db, people) -> None:
    with db.transaction() as s:
        for title, start, end in (
            ("Жаңартылған мазмұн", D(2024, 6, 3), D(2024, 6, 14)),
            ("Функционалдық сауаттылық", D(2022, 6, 1), D(2022, 6, 10)),  # older than three years
        ):
            attestation_evidence.save_course(
                s, CourseInput(people.due_now, title, "«Өрлеу» АҚ", start, end, 72, "№ 0012345")
            )
        sheet = _lesson_with_sheet(s, people, people.early, people.due_now)
        lesson_id = observations.get_observation(s, sheet).lesson_id
        assoc = lessons.get_lesson(s, lesson_id).association_id
        meeting = meetings.save_meeting(
            s, meetings.MeetingInput(association_id=assoc, date=D(2025, 11, 5)), today=TODAY
        )
        agenda.save_item(
            s,
            meeting,
            ItemInput(title="Функционалдық сауаттылықты дамыту", speaker=Speaker(teacher_id=people.due_now)),
        )
        found = attestation_evidence.evidence(s, people.due_now, TODAY)
        case_id = attestation_cases.save_case(s, _case(people, application_date=D(2026, 1, 5)), today=TODAY)
        case = attestation_cases.get_case(s, case_id)
    assert [c.title for c in found.courses] == ["Жаңартылған мазмұн"] and found.course_hours == 72
    assert [x.topic for x in found.lessons_observed] == ["Зат есімнің септелуі"]
    assert found.lessons_observed[0].teacher.startswith("Қасымов")
    assert found.lessons_given == ()
    assert [(r.title, r.number) for r in found.reports] == [("Функционалдық сауаттылықты дамыту", 1)]
    items = {i.code: i for i in attestation_evidence.checklist(found, case)}
    assert items["courses"].done and items["courses"].count == 72
    assert not items["lessons_given"].done and items["reports"].done
    assert items["application"].done and not items["test"].done and not items["decision"].done
    assert [i.code for i in attestation_evidence.checklist(found, None)] == [
        "courses",
        "lessons_given",
        "lessons_observed",
        "reports",
        "events",
        "experience",
        "olympiads",
    ]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": " "}, "title"),
        ({"hours": 0}, "hours"),
        ({"hours": None}, "hours"),
        ({"end_date": D(2024, 5, 1)}, "end_date"),
        ({"start_date": None}, "start_date"),
    ],
)
def test_wrong_courses_are_refused(db, people, changes, field: str) -> None:
    base = CourseInput(people.due_now, "Курс", "«Өрлеу»", D(2024, 6, 3), D(2024, 6, 14), 72)
    with db.transaction() as s:
        with pytest.raises(DomainError) as err:
            attestation_evidence.save_course(s, replace(base, **changes))
        assert err.value.field == field
        assert attestation_evidence.list_courses(s, people.due_now) == []


def test_a_teacher_with_history_is_archived_not_deleted(db, people) -> None:
    with db.transaction() as s:
        attestation.save_award(s, AwardInput(people.newcomer, "pedagog", D(2025, 12, 1)), today=TODAY)
        assert teachers.remove_teacher(s, people.newcomer) is False
        assert s.get(Teacher, people.newcomer).archived
