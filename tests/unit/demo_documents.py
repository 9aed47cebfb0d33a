"""Every document of the demo school, built in-process in Kazakh and Russian
(the layout tests read them back; ``python tests/unit/demo_documents.py DIR``
writes them out to look at)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import select

from metodesk.reports import (
    attendance,
    attestation_plan,
    attestation_xlsx,
    lessons_schedule,
    mentoring_plan,
    mentoring_report,
    observation_sheet,
    plan_docx,
    plan_pdf,
    protocol,
)
from metodesk.services import (
    attestation_print,
    demo,
    lesson_print,
    mentoring,
    plan_rows,
    plans,
    protocol_rows,
    years,
)
from metodesk.storage.models.lessons import Lesson, Observation
from metodesk.storage.models.meetings import Meeting

TODAY = dt.date(2026, 2, 10)
LANGS = ("kk", "ru")


def fill(db) -> None:
    """The demo school, as of ``TODAY``."""
    with db.transaction() as s:
        demo.fill_demo(s, today=TODAY)


def build_all(db, pdf_only: bool = True) -> dict[str, bytes]:
    """name → file bytes for every document the demo can print."""
    out: dict[str, bytes] = {}
    with db.reading() as s:
        year = years.year_by_name(s, "2025-2026")
        meetings = s.scalars(select(Meeting).order_by(Meeting.id)).all()
        protocols = [(m.association_id, m.number, protocol_rows.protocol_data(s, m.id)) for m in meetings]
        plan_data = [(p.association_id, plan_rows.plan_data(s, p.id)) for p in plans.list_plans(s)]
        sheets = [
            (o.id, lesson_print.sheet_for_observation(s, o.id))
            for o in s.scalars(select(Observation).order_by(Observation.id))
        ]
        lesson_ids = s.scalars(select(Lesson.id).order_by(Lesson.id)).all()
        blanks = [(lid, lesson_print.blank_sheet(s, lid)) for lid in lesson_ids[:2]]
        schedule = lesson_print.schedule_data(s, year.id)
        pairs = [(p.id, mentoring_print_data(s, p.id)) for p in mentoring.list_pairs(s)]
        att_plan = attestation_print.plan_data(s, 2025, 5, TODAY)
        att_list = attestation_print.list_data(s, 2025, TODAY)
    for lang in LANGS:
        for assoc, number, data in protocols:
            out[f"protocol-{assoc}-{number}-{lang}.pdf"] = protocol.build(data, lang)
            out[f"attendance-{assoc}-{number}-{lang}.pdf"] = attendance.build(data, lang)
        for assoc, data in plan_data:
            out[f"plan-{assoc}-{lang}.pdf"] = plan_pdf.build(data, lang)
            if not pdf_only:
                out[f"plan-{assoc}-{lang}.docx"] = plan_docx.build(data, lang)
        for oid, sheet in sheets:
            out[f"observation-{oid}-{lang}.pdf"] = observation_sheet.build(sheet, lang)
        for lid, sheet in blanks:
            out[f"observation-blank-{lid}-{lang}.pdf"] = observation_sheet.build(sheet, lang)
        out[f"lessons-{lang}.pdf"] = lessons_schedule.build(schedule, lang)
        for pid, data in pairs:
            out[f"mentoring-plan-{pid}-{lang}.pdf"] = mentoring_plan.build(data, lang)
            out[f"mentoring-report-{pid}-{lang}.pdf"] = mentoring_report.build(data, lang)
        out[f"attestation-plan-{lang}.pdf"] = attestation_plan.build_plan(att_plan, lang)
        out[f"attestation-list-{lang}.pdf"] = attestation_plan.build_list(att_list, lang)
        if not pdf_only:
            out[f"attestation-plan-{lang}.xlsx"] = attestation_xlsx.build_plan(att_plan, lang)
            out[f"attestation-list-{lang}.xlsx"] = attestation_xlsx.build_list(att_list, lang)
    return out


def mentoring_print_data(session, pair_id: int):
    from metodesk.services import mentoring_print

    return mentoring_print.mentoring_data(session, pair_id)


def main(folder: str) -> None:
    """Write every document into ``folder`` (a fresh demo database in it)."""
    from metodesk import paths
    from metodesk.services.setup import prepare_database

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    paths.set_data_dir(target / "data")
    paths.ensure_data_dir()
    db = prepare_database(paths.database_path())
    try:
        fill(db)
        for name, content in build_all(db, pdf_only=False).items():
            (target / name).write_bytes(content)
    finally:
        db.close()


if __name__ == "__main__":
    main(sys.argv[1])
