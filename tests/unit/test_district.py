"""The district generator of bench/district.py at a tiny scale: consistent rows."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from sqlalchemy import func, select

from metodesk.storage import models as m

SPEC = importlib.util.spec_from_file_location("district", Path(__file__).parents[2] / "bench" / "district.py")
assert SPEC and SPEC.loader
district = importlib.util.module_from_spec(SPEC)
sys.modules["district"] = district
SPEC.loader.exec_module(district)


def test_tiny_district_is_consistent(db):
    with db.transaction() as session:
        counts = district.build_district(session, district.TINY)
    with db.reading() as session:
        assert session.scalar(select(func.count(m.Organisation.id))) >= 3 + 1
        assert counts["teacher"] == 40
        assert counts["association"] == 4 * 2
        assert counts["meeting"] == 4 * 2 * 5
        uuids = session.scalars(select(m.Teacher.uuid)).all()
        assert len(set(uuids)) == len(uuids)
        assert session.scalar(select(func.count(m.Organisation.id)).where(m.Organisation.is_ours)) == 1
        # Foreign keys hold: every meeting's association exists in the same year.
        bad = session.scalar(
            select(func.count(m.Meeting.id))
            .join(m.Association, m.Association.id == m.Meeting.association_id)
            .where(m.Association.year_id != m.Meeting.year_id)
        )
        assert bad == 0
        sheet = session.scalars(select(m.Observation).order_by(m.Observation.id.desc())).first()
        assert sheet.lesson.association.year_id == sheet.lesson.year_id
        assert sheet.scores, "an observation sheet has its scores"
        teacher = session.scalars(select(m.Teacher).order_by(m.Teacher.id.desc())).first()
        assert teacher.search_key and teacher.organisation is not None
