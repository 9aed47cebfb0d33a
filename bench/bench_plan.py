"""Benchmark: an annual plan with 120 activities exported to PDF (issue 4: at
most 300 ms) and to DOCX (at most 500 ms).

Not a test: run it by hand on the target kind of machine and read the medians.

    .venv/bin/python bench/bench_plan.py [--runs 15] [--lang kk] [--activities 120]

The first build of each kind (imports, font registration, python-docx's
template) is timed apart and not counted: the window pays it once per session.
Each median is also printed as a ratio to a floor measured in the same run —
an empty one-page reportlab document, and an empty python-docx document saved —
so a slow machine shows as a slow floor, not as a slow plan.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from metodesk.domain.plan_forms import SchoolDirection, WorkForm  # noqa: E402
from metodesk.domain.rows.plan import PlanData, PrintedActivity, ScheduledMeeting, ScheduledTopic  # noqa: E402

PDF_TARGET_MS, DOCX_TARGET_MS = 300.0, 500.0

CONTENT = (
    "Функционалдық сауаттылыққа бағытталған тапсырмалар жинағын әзірлеу және оны сабақта қолдану "
    "тәжірибесін талқылау"
)
EXPECTED = "Педагогтер тапсырмаларды сабақта жүйелі қолданады, нәтижелері талданады"
PEOPLE = ("Нұрғалиева Ә.Б.", "Төлеуова А.М.", "Ибраев І.Қ.", "Петренко О.В.")


def sample(count: int = 120) -> PlanData:
    """A reviewed and approved plan with ``count`` activities of every kind of row."""
    forms, directions = list(WorkForm), list(SchoolDirection)
    activities = []
    for n in range(1, count + 1):
        dated = n % 3 == 0
        start = dt.date(2025, 9, 1) + dt.timedelta(days=(n * 2) % 260)
        activities.append(
            PrintedActivity(
                number=n,
                content=CONTENT[: 60 + (n * 7) % 60],
                form=forms[n % len(forms)].value if n % 5 else "",
                form_text="" if n % 5 else "Ашық сабақ",
                direction=directions[n % len(directions)].value,
                start_date=start if dated else None,
                end_date=start + dt.timedelta(days=10) if dated and n % 2 else None,
                months=() if dated else ((9, 10, 11, 12, 1, 2, 3, 4, 5)[n % 9],),
                responsible=(PEOPLE[n % 4], PEOPLE[(n + 1) % 4]) if n % 4 else (),
                responsible_text="" if n % 4 else "ӘБ мүшелері",
                expected=EXPECTED[: 40 + n % 30],
                status=("done", "planned", "moved", "planned")[n % 4],
                carried_over=n % 17 == 0,
                meeting_number=1 if n % 8 == 0 else None,
            )
        )
    meetings = tuple(
        ScheduledMeeting(
            id=k,
            number=k,
            date=dt.date(2025, 8, 28) + dt.timedelta(days=70 * (k - 1)),
            held=k < 3,
            topics=(
                ScheduledTopic("review", ""),
                ScheduledTopic("regular", CONTENT),
                ScheduledTopic("regular", EXPECTED),
            ),
        )
        for k in range(1, 6)
    )
    return PlanData(
        organisation_kk="Ақсу ауылының жалпы орта білім беретін шағын жинақты мектебі",
        organisation_ru="Малокомплектная общеобразовательная школа села Аксу",
        organisation_kind="small_school",
        association_kk="«Қазақ тілі» пәні мұғалімдерінің әдістемелік бірлестігі",
        association_ru="Методическое объединение учителей предмета «Казахский язык»",
        association_kind="subject",
        year_name="2025-2026",
        status="approved",
        analysis=(CONTENT + ". " + EXPECTED + ". ") * 6,
        theme="Оқушылардың функционалдық сауаттылығын дамыту арқылы білім сапасын арттыру",
        goal=EXPECTED,
        tasks=tuple(f"{CONTENT[:70]} ({k})" for k in range(1, 6)),
        activities=tuple(activities),
        meetings=meetings,
        review_number=1,
        review_date=dt.date(2025, 8, 28),
        agreed_name="Жақсылықова Гүлнар Серікқызы",
        agreed_on=dt.date(2025, 8, 29),
        approved_name="Сейітқали Бауыржан Ерланұлы",
        approved_title="Мектеп директоры",
        approved_on=dt.date(2025, 8, 29),
        leader="Нұрғалиева Әсел Бауыржанқызы",
    )


def empty_pdf() -> bytes:
    """The floor: a one-paragraph document through the same reportlab machinery."""
    from reportlab.platypus import Paragraph

    from metodesk.reports.base import build_pdf, styles

    return build_pdf([Paragraph("—", styles().body)], title="floor", lang="kk")


def empty_docx() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))


def timed(build: Callable[[], bytes], runs: int) -> tuple[float, float, list[float], bytes]:
    """(first build ms, median ms, all timings, the first output)."""
    start = time.perf_counter()
    first = build()
    cold = (time.perf_counter() - start) * 1000
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        timings.append((time.perf_counter() - start) * 1000)
    return cold, statistics.median(timings), timings, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--lang", choices=("kk", "ru"), default="kk")
    parser.add_argument("--activities", type=int, default=120)
    args = parser.parse_args()
    from metodesk.reports import plan_docx, plan_pdf

    data = sample(args.activities)
    results = []
    for name, build, floor, target in (
        ("PDF", lambda: plan_pdf.build(data, args.lang), empty_pdf, PDF_TARGET_MS),
        ("DOCX", lambda: plan_docx.build(data, args.lang), empty_docx, DOCX_TARGET_MS),
    ):
        cold, median, timings, output = timed(build, args.runs)
        _, floor_median, _, _ = timed(floor, args.runs)
        extra = ""
        if name == "PDF":
            extra = f", {page_count(output)} pages"
        print(f"{name}: {args.activities} activities, lang {args.lang}, {len(output) // 1024} KiB{extra}")
        print(f"  first build (imports, fonts, template): {cold:.1f} ms")
        print(
            f"  median of {args.runs}: {median:.1f} ms (min {min(timings):.1f}, max {max(timings):.1f}); "
            f"target {target:.0f} ms, ratio {median / target:.2f}"
        )
        print(
            f"  floor (empty document) median: {floor_median:.1f} ms; plan / floor = {median / floor_median:.1f}"
        )
        results.append(median <= target)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
