"""Benchmark: the association-year archive in-process on the demo school
(issue 16: at most 1.5 s for one association).

Not a test: run it by hand on the target kind of machine and read the median.

    .venv/bin/python bench/bench_documents.py [--runs 7] [--lang kk|ru] [--demo DIR]

Without ``--demo`` the demo school is made in a temporary folder first. Each
association of the current year is timed: the whole ``build_archive`` (read
every document's data, build each PDF, bind them) and, apart, the binding alone
(``reports.archive.assemble``: title page, contents, bookmarks, page numbers).
The first build (reportlab's and pypdf's imports, font registration) is not
counted: the window pays it once per session, like any lazy import. The
verdict is on the wall-clock median; the CPU time beside it is what the work
costs when it has a core to itself (it runs in one thread), and the load
average is printed: on a shared machine the wall clock grows with it.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_S = 1.5


def _median_s(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians of the wall-clock and the CPU time of ``action``, in seconds."""
    wall, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    return statistics.median(wall), statistics.median(cpu)


Figure = tuple[str, tuple[float, float], tuple[float, float], int, int]


def archive_figures(data_dir: Path, runs: int, lang: str) -> list[Figure]:
    """(association, medians of the whole archive, medians of the binding
    alone, pages, bookmarks) for each association of the current year; each
    median as (wall clock, CPU) in seconds."""
    from pypdf import PdfReader

    from metodesk import paths
    from metodesk.documents.archive import build_archive, plan_archive
    from metodesk.documents.base import Format
    from metodesk.documents.batch import Planned, build_all
    from metodesk.reports import archive
    from metodesk.services import associations, years
    from metodesk.services.setup import prepare_database

    paths.set_data_dir(data_dir)
    db = prepare_database(paths.database_path())
    with db.reading() as session:
        year_id = years.current_year(session).id  # type: ignore[union-attr]
        rows = associations.list_associations(session, year_id)
    figures = []
    for row in rows:
        pdf = build_archive(db, row.id, year_id, lang)  # untimed: the imports, the fonts
        whole = _median_s(partial(build_archive, db, row.id, year_id, lang), runs)
        with db.reading() as session:
            plan = plan_archive(session, row.id, year_id, lang)
        built = build_all(db, [Planned(e, t) for e, t in zip(plan.entries, plan.titles, strict=True)], lang, Format.PDF)
        parts = [archive.Part(item.name, content) for item, content in built]
        binding = _median_s(lambda: archive.assemble(plan.head, parts, lang), runs)
        reader = PdfReader(io.BytesIO(pdf))
        figures.append((row.name(lang), whole, binding, len(reader.pages), len(reader.outline)))
    db.close()
    return figures


def _demo_folder(base: Path) -> Path:
    folder = base / "demo"
    subprocess.run(
        [sys.executable, "-m", "metodesk", "--data-dir", str(folder), "demo"], check=True, capture_output=True
    )
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", choices=("kk", "ru"), default="kk")
    parser.add_argument("--demo", help="an existing demo data folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="metodesk-bench-") as temp:
        demo = Path(args.demo) if args.demo else _demo_folder(Path(temp))
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
        print(f"machine: {os.cpu_count()} CPUs, load average {load}, Python {sys.version.split()[0]}")
        print(f"association-year archive, {args.lang}, medians of {args.runs} runs (target {TARGET_S} s):")
        worst = 0.0
        for name, whole, binding, pages, bookmarks in archive_figures(demo, args.runs, args.lang):
            worst = max(worst, whole[0])
            verdict = "ok" if whole[0] <= TARGET_S else "over"
            print(
                f"  {whole[0]:.3f} s {verdict} (CPU {whole[1]:.3f} s; binding {binding[0]:.3f} s, "
                f"CPU {binding[1]:.3f} s), {pages} pages, {bookmarks} bookmarks: {name}"
            )
        print(f"slowest {worst:.3f} s: {'ok' if worst <= TARGET_S else 'over'} (target {TARGET_S} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
