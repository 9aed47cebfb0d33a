"""The plans list gets each plan's reviewing meeting from the one list query."""

from __future__ import annotations

import datetime as dt

from metodesk.services import demo, plans, years


def test_list_rows_carry_the_review_of_each_plan(db) -> None:
    with db.transaction() as s:
        demo.fill_demo(s, today=dt.date(2026, 2, 10))
        year = years.current_year(s)
        rows = plans.list_plans(s, year.id)
        assert rows
        reviewed = [r for r in rows if r.review_number is not None]
        assert reviewed, "the demo's approved plans were reviewed at a meeting"
        for row in rows:
            detail = plans.get_plan(s, row.id)
            assert (row.review_number, row.review_date) == (detail.review_number, detail.review_date)
