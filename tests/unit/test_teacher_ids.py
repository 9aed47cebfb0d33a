"""A teacher's birth date and IIN (issue 19.4): the IIN's control digit and its
agreement with the birth date, the birth date's bounds, one IIN per database,
and duplicates told by IIN or by name and birth date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from metodesk.domain.errors import DomainError
from metodesk.domain.iin import birth_date_bounds, control_digit, iin_well_formed
from metodesk.services import duplicates, organisations, teachers
from metodesk.services.teachers import TeacherInput

TODAY = dt.date(2025, 11, 1)
BORN = dt.date(1985, 3, 14)


def make_iin(birth: dt.date, middle: str = "40012") -> str:
    """A valid IIN for ``birth``: the first register number whose control
    digit exists, built with the algorithm (no real person's number)."""
    for serial in range(10_000):
        first = birth.strftime("%y%m%d") + middle[0] + f"{(int(middle[1:]) + serial) % 10_000:04d}"
        digit = control_digit(first)
        if digit is not None:
            return first + str(digit)
    raise AssertionError("no IIN")


def _other_digit(iin: str) -> str:
    return iin[:11] + str((int(iin[11]) + 1) % 10)


def _save(session, org: int, teacher_id: int | None = None, **values) -> int:
    data = TeacherInput(
        surname=values.pop("surname", "Нұрғалиева"),
        first_name=values.pop("first_name", "Әсел"),
        organisation_id=org,
        **values,
    )
    return teachers.save_teacher(session, data, teacher_id, today=TODAY)


def _second_org(session) -> int:
    return organisations.save_organisation(
        session, organisations.OrganisationInput(kind="school", name_kk="№2 мектеп", name_ru="Школа №2")
    )


# --- the IIN's rules ------------------------------------------------------------


def test_control_digit_first_and_second_pass() -> None:
    # 1..11 weights: digits 0…0,1 at position 11 give 11 % 11 = 0.
    assert control_digit("00000000001") == 0
    assert iin_well_formed("000000000010")
    # First pass 10 (digit 1 at position 10), second pass 1*1 = 1.
    assert control_digit("00000000010") == 1
    # Both passes 10: never issued. Position 1 (weight 1, then 3) gives 10 and…
    never = [f"{n:011d}" for n in range(0, 200_000, 7) if control_digit(f"{n:011d}") is None]
    assert never, "some eleven digits have no control digit"
    assert not any(iin_well_formed(n + str(d)) for n in never[:5] for d in range(10))


def test_well_formed_refuses_wrong_digit_length_and_letters() -> None:
    good = make_iin(BORN)
    assert iin_well_formed(good)
    assert not iin_well_formed(_other_digit(good))
    assert not iin_well_formed(good[:11])
    assert not iin_well_formed(good[:11] + "a")
    assert not iin_well_formed("１" * 12)  # full-width digits are not ASCII


def test_birth_date_bounds() -> None:
    earliest, latest = birth_date_bounds(TODAY)
    assert latest == dt.date(2009, 11, 1)  # sixteen today
    assert earliest == dt.date(1940, 1, 1)  # a hundred years back is before the domain's first date
    assert birth_date_bounds(dt.date(2060, 11, 1))[0] == dt.date(1959, 11, 2)  # a hundred, not a hundred and one
    assert birth_date_bounds(dt.date(2044, 2, 29))[0] == dt.date(1943, 3, 1)  # 1943 had no 29 February


# --- the service ----------------------------------------------------------------


def test_birth_date_and_iin_saved_and_read_back(session, ours) -> None:
    iin = make_iin(BORN)
    teacher_id = _save(session, ours, birth_date=BORN, iin=f" {iin[:6]} {iin[6:]} ")
    row = teachers.get_teacher(session, teacher_id)
    assert row.birth_date == BORN and row.iin == iin
    assert iin not in repr(row)  # personal data stays out of logs
    _save(session, ours, teacher_id, birth_date=None, iin="")
    row = teachers.get_teacher(session, teacher_id)
    assert row.birth_date is None and row.iin == ""


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"iin": "12345"}, "iin", "12"),
        ({"iin": "12345678901a"}, "iin", "12"),
        ({"iin": "_bad_digit_"}, "iin", "IIN"),
        ({"iin": "_good_", "birth_date": dt.date(1985, 3, 15)}, "iin", "IIN"),
        ({"birth_date": dt.date(2010, 1, 1)}, "birth_date", "16"),
        ({"birth_date": dt.date(1920, 1, 1)}, "birth_date", "100"),
    ],
)
def test_bad_iin_or_birth_date_refused(session, ours, values, field, words) -> None:
    if values.get("iin") == "_bad_digit_":
        values["iin"] = _other_digit(make_iin(BORN))
    elif values.get("iin") == "_good_":
        values["iin"] = make_iin(BORN)
    with pytest.raises(DomainError) as caught:
        _save(session, ours, **values)
    assert caught.value.field == field
    assert words in str(caught.value) and str(caught.value).endswith(".")
    assert teachers.list_teachers(session) == []


def test_iin_without_birth_date_and_birth_date_without_iin(session, ours) -> None:
    _save(session, ours, iin=make_iin(BORN))
    _save(session, ours, surname="Ким", birth_date=dt.date(1990, 2, 28))
    assert len(teachers.list_teachers(session)) == 2


def test_one_iin_per_database_names_its_teacher(session, ours) -> None:
    iin = make_iin(BORN)
    first = _save(session, ours, patronymic="Бауыржанқызы", iin=iin)
    with pytest.raises(DomainError, match="Нұрғалиева Әсел Бауыржанқызы") as caught:
        _save(session, _second_org(session), surname="Ким", first_name="Виктория", iin=iin)
    assert caught.value.field == "iin"
    _save(session, ours, first, patronymic="Бауыржанқызы", iin=iin, birth_date=BORN)  # herself: fine
    assert len(teachers.list_teachers(session)) == 1


# --- duplicates -----------------------------------------------------------------


def test_same_iin_is_a_duplicate_whatever_the_name(session, ours) -> None:
    iin = make_iin(BORN)
    first = _save(session, ours, iin=iin)
    other = TeacherInput(surname="Ким", first_name="Виктория", organisation_id=_second_org(session), iin=iin)
    found = duplicates.same_teacher(session, other)
    assert found is not None and found.id == first
    assert duplicates.same_teacher(session, other, first) is None


def test_same_name_and_birth_date_in_another_organisation(session, ours) -> None:
    first = _save(session, ours, birth_date=BORN)
    second_org = _second_org(session)
    again = TeacherInput(surname="НҰРҒАЛИЕВА", first_name="әсел", organisation_id=second_org, birth_date=BORN)
    found = duplicates.same_teacher(session, again)
    assert found is not None and found.id == first
    again.birth_date = dt.date(1986, 3, 14)  # a namesake born another day
    assert duplicates.same_teacher(session, again) is None
    again.organisation_id = ours  # … even in the same school
    assert duplicates.same_teacher(session, again) is None


def test_same_name_without_birth_dates_stays_within_the_organisation(session, ours) -> None:
    first = _save(session, ours)
    same_school = TeacherInput(surname="Нұрғалиева", first_name="Әсел", organisation_id=ours)
    found = duplicates.same_teacher(session, same_school)
    assert found is not None and found.id == first
    other_school = TeacherInput(surname="Нұрғалиева", first_name="Әсел", organisation_id=_second_org(session))
    assert duplicates.same_teacher(session, other_school) is None


def test_birth_date_on_one_side_only_falls_back_to_the_organisation(session, ours) -> None:
    first = _save(session, ours)
    dated = TeacherInput(surname="Нұрғалиева", first_name="Әсел", organisation_id=ours, birth_date=BORN)
    found = duplicates.same_teacher(session, dated)
    assert found is not None and found.id == first
    dated.organisation_id = _second_org(session)
    assert duplicates.same_teacher(session, dated) is None


def test_no_document_reads_the_iin() -> None:
    """Personal data: the IIN is kept in the card only. No module that builds a
    document (reports/, the services that assemble what is printed) reads it."""
    from pathlib import Path

    import metodesk

    root = Path(metodesk.__file__).parent
    printing = [*root.joinpath("reports").glob("*.py"), *root.joinpath("services").glob("*print*.py")]
    assert len(printing) > 10
    readers = [p.name for p in printing if re.search(r"\biin\b", p.read_text(encoding="utf-8"))]
    assert readers == []
