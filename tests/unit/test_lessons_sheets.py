"""Criteria sets and observation sheets: the default set is seeded once;
sets are copied and edited; a filled sheet keeps the wording and scale it was
filled with whatever happens to its set; scores outside the scale, sheets for
cancelled or future lessons and wrong observers are refused with nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from metodesk.domain.errors import DomainError, NotFound
from metodesk.services import associations, criteria, lessons, observations, subjects, teachers, years
from metodesk.services.criteria import CriteriaSetInput, CriterionInput
from metodesk.services.lessons import LessonInput
from metodesk.services.observations import ObservationInput
from metodesk.services.setup import seed_defaults
from metodesk.storage.models import CriteriaSet, Criterion, Observation, ObservationScore

TODAY = dt.date(2026, 2, 10)
OCT22, MAR11 = dt.date(2025, 10, 22), dt.date(2026, 3, 11)


def _count(s, model) -> int:
    return s.scalar(select(func.count(model.id)))


@pytest.fixture
def people(db, ours) -> dict[str, int]:
    """A Kazakh-language association with a lesson held, one planned, one cancelled."""
    with db.transaction() as s:
        year = years.current_year(s).id
        kazakh = next(x.id for x in subjects.list_subjects(s) if x.name_kk == "Қазақ тілі")
        made = {
            name: teachers.save_teacher(
                s,
                teachers.TeacherInput(
                    surname=name, first_name=first, patronymic="Серікқызы", organisation_id=ours
                ),
                today=TODAY,
            )
            for name, first in (("Нұрғалиева", "Әсел"), ("Төлеуова", "Айгүл"), ("Ибраев", "Ілияс"))
        }
        assoc = associations.save_association(
            s,
            associations.AssociationInput(
                kind="subject",
                level="school",
                name_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
                name_ru="МО учителей казахского языка",
                subject_id=kazakh,
                year_id=year,
                organisation_id=ours,
            ),
        )
        for teacher_id in made.values():
            associations.add_member(s, assoc, teacher_id)

        def plan(day: dt.date) -> int:
            data = LessonInput(assoc, made["Төлеуова"], grade=6, class_letter="Ә", date=day, topic="Зат есім")
            return lessons.save_lesson(s, data, today=TODAY)

        made["held"], made["future"], made["cancelled"] = (
            plan(OCT22),
            plan(MAR11),
            plan(dt.date(2025, 12, 10)),
        )
        lessons.set_status(s, made["held"], "held", today=TODAY)
        lessons.cancel_lesson(s, made["cancelled"])
    return made


def _sheet(s, people, lesson: str = "held", **changes) -> int:
    data = ObservationInput(observer_teacher_id=people["Нұрғалиева"], purpose="Тәжірибе тарату", **changes)
    return observations.save_observation(s, people[lesson], data, today=TODAY)


# criteria sets ---------------------------------------------------------------------


def test_the_default_set_is_seeded_once(session) -> None:
    rows = criteria.list_sets(session)
    assert len(rows) == 1
    default = rows[0]
    assert default.code == "default" and (default.scale_min, default.scale_max) == (0, 2)
    assert default.scale == (0, 1, 2)
    assert len(default.criteria) == 16
    assert default.criteria[0].text("kk") == "Сабақтың ұйымдастырылуы"
    assert default.criteria[0].text("ru") == "Организация урока"
    assert any("саралау" in c.text_kk.casefold() or "Саралап" in c.text_kk for c in default.criteria)
    assert "Кері байланыс" in [c.text_kk for c in default.criteria]
    seed_defaults(session)
    assert criteria.seed_criteria(session) == 0
    assert _count(session, CriteriaSet) == 1 and _count(session, Criterion) == 16


def test_the_seeded_set_removed_stays_away(session) -> None:
    own = criteria.copy_set(session, criteria.default_set_id(session))
    default = criteria.list_sets(session)[0].id
    assert criteria.remove_set(session, default) is False  # archived, not deleted
    seed_defaults(session)
    assert [r.id for r in criteria.list_sets(session)] == [own]
    assert len(criteria.list_sets(session, include_archived=True)) == 2
    criteria.set_archived(session, default, False)
    assert criteria.default_set_id(session) == default


def test_copy_and_edit_a_set(session) -> None:
    source = criteria.default_set_id(session)
    copy = criteria.copy_set(session, source)
    row = criteria.get_set(session, copy)
    assert row.name_kk.endswith("(copy)") and row.code is None
    assert [c.text_kk for c in row.criteria] == [
        c.text_kk for c in criteria.get_set(session, source).criteria
    ]
    kept, dropped = row.criteria[0], row.criteria[1]
    edited = CriteriaSetInput(
        name_kk="Біздің мектептің критерийлері",
        name_ru="",
        scale_min=1,
        scale_max=3,
        legend_kk="1 – төмен; 2 – орташа; 3 – жоғары",
        criteria=[
            CriterionInput("Жаңа критерий", "Новый критерий"),
            CriterionInput(kept.text_kk + " (өзгертілді)", kept.text_ru, id=kept.id),
            CriterionInput("", ""),  # an empty row of the editor is skipped
        ],
    )
    assert criteria.save_set(session, edited, copy) == copy
    row = criteria.get_set(session, copy)
    assert (row.scale_min, row.scale_max, row.name("ru")) == (1, 3, "Біздің мектептің критерийлері")
    assert [c.text_kk for c in row.criteria] == ["Жаңа критерий", "Сабақтың ұйымдастырылуы (өзгертілді)"]
    assert row.criteria[1].id == kept.id and dropped.id not in {c.id for c in row.criteria}
    assert row.criteria[0].text("kk") == "Жаңа критерий"
    assert len(criteria.get_set(session, source).criteria) == 16  # the original is untouched


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (CriteriaSetInput("", "", criteria=[CriterionInput("а")]), "name_kk"),
        (CriteriaSetInput("Жинақ", scale_min=2, scale_max=2, criteria=[CriterionInput("а")]), "scale_max"),
        (CriteriaSetInput("Жинақ", scale_min=0, scale_max=11, criteria=[CriterionInput("а")]), "scale_max"),
        (CriteriaSetInput("Жинақ", scale_min=-1, scale_max=2, criteria=[CriterionInput("а")]), "scale_max"),
        (CriteriaSetInput("Жинақ", criteria=[CriterionInput(" ", "")]), "criteria"),
        (CriteriaSetInput("Жинақ", criteria=[CriterionInput("а" * 1001)]), "criteria"),
        (CriteriaSetInput("Жинақ", criteria=[CriterionInput(str(n)) for n in range(61)]), "criteria"),
    ],
)
def test_a_set_is_refused_with_nothing_saved(session, data: CriteriaSetInput, field: str) -> None:
    with pytest.raises(DomainError) as err:
        criteria.save_set(session, data)
    assert err.value.field == field
    assert _count(session, CriteriaSet) == 1 and _count(session, Criterion) == 16


def test_the_last_set_in_use_stays(session) -> None:
    default = criteria.default_set_id(session)
    with pytest.raises(DomainError):
        criteria.set_archived(session, default, True)
    other = criteria.copy_set(session, default)
    assert criteria.remove_set(session, other) is True  # never used: deleted
    assert _count(session, CriteriaSet) == 1
    with pytest.raises(NotFound):
        criteria.get_set(session, other)


# filling sheets ------------------------------------------------------------------------


def test_a_filled_sheet(session, people) -> None:
    sheet_id = _sheet(
        session,
        people,
        scores=[2, 1, 0],
        strengths="Оқу мақсаттары нақты.",
        recommendations="Саралап оқыту.",
        conclusion="Жақсы деңгейде өтті.",
        acknowledged=True,
        acknowledged_on=dt.date(2025, 10, 23),
    )
    row = observations.get_observation(session, sheet_id)
    assert [s.score for s in row.scores[:4]] == [2, 1, 0, None]  # the rest not scored
    assert len(row.scores) == 16 and row.scored_count == 3
    assert (row.total, row.max_total) == (3, 32)
    assert row.observer_name == "Нұрғалиева Әсел Серікқызы" and row.observer_short == "Нұрғалиева Ә.С."
    assert row.observer_position_code == "teacher"
    assert row.acknowledged and row.acknowledged_on == dt.date(2025, 10, 23)
    assert row.set_name_kk == criteria.DEFAULT_NAME[0]
    assert [o.id for o in observations.list_observations(session, people["held"])] == [sheet_id]
    assert lessons.get_lesson(session, people["held"]).observation_count == 1


def test_a_guest_observer_and_an_edit(session, people) -> None:
    sheet_id = observations.save_observation(
        session,
        people["held"],
        ObservationInput(observer_name="Ахметова Сәуле", observer_position="аудандық әдіскер", scores=[1]),
        today=TODAY,
    )
    row = observations.get_observation(session, sheet_id)
    assert (row.observer_teacher_id, row.observer_name, row.observer_position) == (
        None,
        "Ахметова Сәуле",
        "аудандық әдіскер",
    )
    observations.save_observation(
        session,
        people["held"],
        ObservationInput(observer_name="Ахметова Сәуле", scores=[2, 2], conclusion="Жақсы."),
        sheet_id,
        today=TODAY,
    )
    row = observations.get_observation(session, sheet_id)
    assert [s.score for s in row.scores[:3]] == [2, 2, None] and row.conclusion == "Жақсы."
    assert _count(session, Observation) == 1


def test_editing_the_set_never_rewrites_a_filled_sheet(session, people) -> None:
    set_id = criteria.copy_set(session, criteria.default_set_id(session), "Өз жинағымыз")
    before = criteria.get_set(session, set_id)
    sheet_id = _sheet(session, people, criteria_set_id=set_id, scores=[2] * 16)
    criteria.save_set(
        session,
        CriteriaSetInput(
            "Өзгертілген",
            "Изменённый",
            scale_min=1,
            scale_max=3,
            criteria=[CriterionInput("Басқа сөз", "Другие слова", id=before.criteria[0].id)],
        ),
        set_id,
    )
    row = observations.get_observation(session, sheet_id)
    assert row.set_name_kk == "Өз жинағымыз" and (row.scale_min, row.scale_max) == (0, 2)
    assert len(row.scores) == 16 and row.scores[0].text_kk == "Сабақтың ұйымдастырылуы"
    assert row.total == 32
    # an edit of the sheet is scored against its own copy, not the set's new scale
    with pytest.raises(DomainError):
        _edit_scores(session, people, sheet_id, [3])
    _edit_scores(session, people, sheet_id, [0])
    assert observations.get_observation(session, sheet_id).scores[0].score == 0
    # the set can even go: the sheet stays as it was
    criteria.remove_set(session, set_id)
    session.expire_all()
    row = observations.get_observation(session, sheet_id)
    assert (
        row.criteria_set_id == set_id
        and row.scores[15].text_ru == "Работа с одарёнными и слабоуспевающими учащимися"
    )
    # a new sheet on the edited set takes its new wording and scale
    assert criteria.remove_set(session, set_id) is False  # used by a sheet: archived
    criteria.set_archived(session, set_id, False)
    fresh = observations.save_observation(
        session,
        people["held"],
        ObservationInput(observer_teacher_id=people["Ибраев"], criteria_set_id=set_id, scores=[3]),
        today=TODAY,
    )
    fresh_row = observations.get_observation(session, fresh)
    assert [s.text_kk for s in fresh_row.scores] == ["Басқа сөз"] and fresh_row.scale_max == 3


def _edit_scores(s, people, sheet_id: int, scores: list[int | None]) -> None:
    data = ObservationInput(observer_teacher_id=people["Нұрғалиева"], scores=scores)
    observations.save_observation(s, people["held"], data, sheet_id, today=TODAY)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"scores": [3]}, "scores"),
        ({"scores": [2, -1]}, "scores"),
        ({"scores": [True]}, "scores"),
        ({"scores": [0] * 17}, "scores"),
        ({"observer_teacher_id": None}, "observer"),
        ({"observer_name": "Ахметова"}, "observer"),  # a teacher and a typed name at once
        ({"purpose": "м" * 2001}, "purpose"),
        ({"acknowledged": True, "acknowledged_on": dt.date(2025, 10, 21)}, "acknowledged_on"),
        ({"acknowledged": True, "acknowledged_on": dt.date(2026, 2, 11)}, "acknowledged_on"),
        ({"criteria_set_id": 999}, None),
    ],
)
def test_refused_sheets_save_nothing(session, people, kwargs: dict, field: str | None) -> None:
    data = ObservationInput(observer_teacher_id=people["Нұрғалиева"])
    for key, value in kwargs.items():
        setattr(data, key, value)
    with pytest.raises(DomainError) as err:
        observations.save_observation(session, people["held"], data, today=TODAY)
    assert err.value.field == field
    assert _count(session, Observation) == 0 and _count(session, ObservationScore) == 0


def test_the_score_sentence_names_the_criterion_and_scale(session, people) -> None:
    with pytest.raises(DomainError, match="criterion 2 must be from 0 to 2"):
        _sheet(session, people, scores=[1, 5])


def test_no_sheet_for_a_cancelled_or_future_lesson(session, people) -> None:
    with pytest.raises(DomainError, match="cancelled") as err:
        _sheet(session, people, "cancelled", scores=[2])
    assert err.value.field == "lesson_id"
    with pytest.raises(DomainError, match="11.03.2026") as err:
        _sheet(session, people, "future", scores=[2])
    assert err.value.field == "lesson_id"
    assert _count(session, Observation) == 0
    assert lessons.get_lesson(session, people["future"]).status == "planned"


def test_a_sheet_for_a_planned_lesson_whose_day_came_marks_it_held(session, people) -> None:
    lessons.set_status(session, people["held"], "planned", today=TODAY)
    _sheet(session, people, scores=[2])
    assert lessons.get_lesson(session, people["held"]).status == "held"


def test_who_may_observe(session, people) -> None:
    with pytest.raises(DomainError, match="gives the lesson"):
        observations.save_observation(
            session, people["held"], ObservationInput(observer_teacher_id=people["Төлеуова"]), today=TODAY
        )
    first = _sheet(session, people)
    with pytest.raises(DomainError, match="already has an observation sheet"):
        _sheet(session, people)
    _edit_scores(session, people, first, [1])  # the same observer edits their own sheet
    with pytest.raises(DomainError):
        observations.save_observation(
            session, people["held"], ObservationInput(observer_teacher_id=999), today=TODAY
        )
    assert _count(session, Observation) == 1


def test_an_archived_set_takes_no_new_sheets(session, people) -> None:
    other = criteria.copy_set(session, criteria.default_set_id(session))
    criteria.set_archived(session, other, True)
    with pytest.raises(DomainError) as err:
        _sheet(session, people, criteria_set_id=other)
    assert err.value.field == "criteria_set_id"


def test_acknowledge_and_delete(session, people) -> None:
    sheet_id = _sheet(session, people)
    with pytest.raises(DomainError):
        observations.acknowledge(session, sheet_id, dt.date(2025, 10, 1), today=TODAY)
    observations.acknowledge(session, sheet_id, today=TODAY)
    row = observations.get_observation(session, sheet_id)
    assert row.acknowledged and row.acknowledged_on == TODAY
    with pytest.raises(NotFound):
        observations.save_observation(session, people["future"], ObservationInput(), sheet_id, today=TODAY)
    observations.delete_observation(session, sheet_id)
    assert _count(session, Observation) == 0 and _count(session, ObservationScore) == 0
    with pytest.raises(NotFound, match="sheet with id"):
        observations.get_observation(session, sheet_id)


def test_draft_of_a_set(session) -> None:
    draft = observations.draft(session)
    assert draft.criteria_set_id == criteria.default_set_id(session)
    assert len(draft.scores) == 16 and all(s.score is None for s in draft.scores)
    assert draft.scores[11].text("ru") == "Обратная связь"
