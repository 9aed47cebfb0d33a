"""Benchmark of the whole program on the demo school and on a district (issue 9).

Not a test: run it by hand on the target kind of machine and read the medians.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_app.py [--runs 5] [--district DIR]

1. Cold start, whole process, offscreen: to the main window shown and to the
   first tab filled (metodesk under METODESK_BENCH_EXIT=1 prints the monotonic
   clock at both and quits), beside floor A (bench/floor_a.py: a bare tabbed
   window) and floor B (bench/floor_b.py: the same plus the SQLAlchemy ORM and
   one SQLite row), as ratios.
2. In-process: opening each tab (``ensure_loaded`` on a fresh window), one
   keystroke of search in the teachers' list, sorting it.
3. Documents: a three-page protocol PDF, a 120-activity plan PDF and DOCX, the
   attestation perspective plan XLSX of the database.
4. Peak RSS of the window process (the cold start's child) and of the
   in-process window after every tab is open.

5. The district's lessons schedule for one organisation (the one with the
   most lessons this year): its data read and its PDF built, in-process.

Each target of issues 9 and 21 gets one line: the measured value, for the cold
start its ratio to the floor measured in the same run (medians), the target
and "ok" or "over"; a summary of every target closes the run. The machine may
be shared: compare ratios within one run, and run again when ``uptime`` shows
a high load.

Without ``--district`` the district is built into a temporary folder first
(bench/district.py, about 20 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

# The targets (issue 9: the window, tabs, search; issue 21: the cold start's
# ratios, the district's memory and lessons schedule; issue 4: the plan PDF).
SHOWN_A = 1.5  # window shown, x floor A
FILLED_B = {"demo": 1.2, "district": 1.5}  # first tab filled, x floor B
TAB_MS, KEY_MS = 150.0, 50.0
RSS_MB = {"district": 200.0}  # every tab open, in-process (issue 21; issue 9 had 300 MB)
PLAN_PDF_MS = 300.0
SCHEDULE_MS = 1000.0  # the district's lessons schedule for one organisation
# Targets of issue 21 measured by the benches of other work, not here yet:
# the year's documents from the command line (<= 3x one protocol's export; a
# district organisation <= 10 s), the association-year archive (<= 1.5 s
# in-process on the demo), the tab and search targets on PostgreSQL.
NOT_HERE = ("the year's documents (metodesk export year)", "the association-year archive", "PostgreSQL")


@dataclass
class Result:
    """One target's line: ``value`` in ``unit`` (s, ms or MB) against ``limit``;
    with a ``floor``, the limit is a ratio to it."""

    name: str
    value: float
    unit: str
    limit: float
    floor: float | None = None
    floor_name: str = ""

    @property
    def measured(self) -> float:
        return self.value / self.floor if self.floor else self.value

    @property
    def ok(self) -> bool:
        return self.measured <= self.limit

    def value_text(self) -> str:
        if self.unit == "s":
            return f"{self.value:.3f} s"
        return f"{self.value:.1f} {self.unit}" if self.value < 10 else f"{self.value:.0f} {self.unit}"

    def over_text(self) -> str:
        """Why it is over, in a few words."""
        if self.floor:
            return f"{self.name}: {self.measured:.2f}x > {self.limit:g}x"
        return f"{self.name}: {self.value_text()} > {self.limit:g} {self.unit}"

    def line(self) -> str:
        value = self.value_text()
        if self.floor:
            shown = f"{value} = {self.measured:.2f}x {self.floor_name} ({self.floor:.3f} s)"
            target = f"<= {self.limit:.1f}x"
        else:
            shown, target = value, f"<= {self.limit:.0f} {self.unit}"
        return f"  {self.name:<46} {shown:<34} target {target:<10} {'ok' if self.ok else 'OVER'}"


RESULTS: list[Result] = []


def target(result: Result) -> None:
    """Print a target's line and keep it for the summary."""
    RESULTS.append(result)
    print(result.line(), flush=True)


def _child(cmd: list[str], env: dict[str, str]) -> tuple[dict[str, float], float, int]:
    """Run ``cmd``; the marks it printed (seconds from the spawn), its wall time and peak RSS in MB."""
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    marks = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "bench":
            marks[parts[1]] = float(parts[2]) - began
    if proc.returncode != 0 or not marks:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {out[-500:]}")
    return marks, wall, usage.ru_maxrss // 1024


PYCACHE: dict[str, str] = {}  # PYTHONPYCACHEPREFIX for the children, set by main()


def _env(**extra: str) -> dict[str, str]:
    """The children's environment: offscreen, and Python's compiled modules
    kept (in the bench's own folder) as an installed metodesk has them, even
    where PYTHONDONTWRITEBYTECODE is set: compiling metodesk's ~60 modules at
    every start cost it 40-50 ms that no installation pays and no floor has."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **PYCACHE, **extra)
    if PYCACHE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold_start(data_dir: Path, runs: int) -> dict[str, float]:
    """Medians (s) of floors A and B and of metodesk's shown/filled marks; peak RSS (MB)."""
    py = sys.executable
    db_file = str(data_dir / "metodesk.sqlite3")
    app_cmd = [py, "-m", "metodesk", "--data-dir", str(data_dir), "--lang", "kk"]
    _child(app_cmd, _env(METODESK_BENCH_EXIT="1"))  # the day's backup is made once, not timed
    _child([py, str(BENCH / "floor_b.py")], _env(FLOOR_DB=db_file))  # and the modules compiled once
    results: dict[str, list[float]] = {k: [] for k in ("A", "B", "shown", "filled", "rss", "rss_b")}
    for _ in range(runs):
        marks, _wall, _rss = _child([py, str(BENCH / "floor_a.py")], _env())
        results["A"].append(marks["shown"])
        marks, _wall, rss_b = _child([py, str(BENCH / "floor_b.py")], _env(FLOOR_DB=db_file))
        results["B"].append(marks["filled"])
        results["rss_b"].append(rss_b)
        marks, _wall, rss = _child(app_cmd, _env(METODESK_BENCH_EXIT="1"))
        results["shown"].append(marks["shown"])
        results["filled"].append(marks["filled"])
        results["rss"].append(rss)
    return {k: statistics.median(v) for k, v in results.items()}


def _median_ms(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def in_process(data_dir: Path, runs: int) -> dict[str, float]:
    """Tabs, search keystroke and sort in a window of this process (ms); peak RSS (MB)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from metodesk import paths
    from metodesk.app import create_application
    from metodesk.i18n import set_language
    from metodesk.services.setup import prepare_database
    from metodesk.ui.context import AppContext
    from metodesk.ui.main_window import MainWindow

    paths.set_data_dir(data_dir)
    set_language("kk")
    app = QApplication.instance() or create_application(sys.argv[:1])
    db = prepare_database(paths.database_path())
    ctx = AppContext(db)
    figures: dict[str, list[float]] = {}
    window = None
    rss_first = 0.0
    for run in range(runs):
        window = MainWindow(ctx)
        window.show()
        while not window.tabs_built():  # as after a start: the other tabs come from the event loop
            app.processEvents()
        for tab in window.tabs:
            began = time.perf_counter()
            tab.ensure_loaded()
            figures.setdefault(f"tab {type(tab).__name__}", []).append((time.perf_counter() - began) * 1000)
        if run == 0:  # one window with every tab open, before later windows add theirs
            rss_first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        window.close()
        window.deleteLater()
        app.processEvents()
    result = {k: statistics.median(v) for k, v in figures.items()}
    result["rss"] = rss_first
    window = MainWindow(ctx)
    window.show()
    teachers = window.tabs[0]
    teachers.ensure_loaded()
    app.processEvents()
    result["rows"] = teachers.proxy.rowCount()
    words = ["А", "Ах", "Ахм", "Ахме", ""]

    def keystrokes() -> None:
        for word in words:
            teachers.search.setText(word)
            teachers.search.flush()

    result["key"] = _median_ms(keystrokes, runs) / len(words)
    order = [Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder]
    result["sort"] = _median_ms(lambda: [teachers.table.sortByColumn(0, o) for o in order], runs) / 2
    window.close()
    app.processEvents()
    db.close()
    return result


def documents(data_dir: Path, runs: int) -> dict[str, float]:
    """Medians (ms) of the documents, after one untimed build of each."""
    import bench_plan
    import bench_protocol

    from metodesk import paths, reports
    from metodesk.reports import attestation_xlsx, plan_docx, plan_pdf
    from metodesk.services import attestation_print
    from metodesk.services.setup import prepare_database

    paths.set_data_dir(data_dir)
    db = prepare_database(paths.database_path())
    began = time.perf_counter()
    with db.reading() as session:
        att = attestation_print.plan_data(session, 2025, 5, dt.date(2025, 11, 20))
    att_data_ms = (time.perf_counter() - began) * 1000
    db.close()
    protocol, plan = bench_protocol.sample(), bench_plan.sample(120)
    result = {"attestation data": att_data_ms}
    for name, build in (
        ("protocol PDF", lambda: reports.build_protocol(protocol, "kk")),
        ("plan PDF 120", lambda: plan_pdf.build(plan, "kk")),
        ("plan DOCX 120", lambda: plan_docx.build(plan, "kk")),
        ("attestation XLSX", lambda: attestation_xlsx.build_plan(att, "kk")),
    ):
        build()
        result[name] = _median_ms(build, runs)
    return result


def lessons_schedule(data_dir: Path, runs: int) -> dict[str, float]:
    """The year's lessons schedule of the organisation with the most lessons
    this year: read and printed in Kazakh, in-process (ms; the first, with
    reportlab's import and the fonts, apart), its rows and pages."""
    import bench_plan

    from metodesk import paths
    from metodesk.reports import lessons_schedule as schedule_pdf
    from metodesk.services import lesson_print, lesson_views, years
    from metodesk.services.setup import prepare_database

    paths.set_data_dir(data_dir)
    db = prepare_database(paths.database_path(), deep_check=False)
    with db.reading() as session:
        year_id = years.current_year(session).id
        counts: dict[int, int] = {}
        for row in lesson_views.list_lessons(session, lesson_views.LessonFilter(year_id=year_id)):
            counts[row.organisation_id] = counts.get(row.organisation_id, 0) + 1
    organisation = max(counts, key=lambda key: counts[key])
    pdf = b""

    def build() -> None:
        nonlocal pdf
        with db.reading() as session:
            data = lesson_print.schedule_data(session, year_id, organisation_id=organisation)
        pdf = schedule_pdf.build(data, "kk")

    began = time.perf_counter()
    build()
    first = (time.perf_counter() - began) * 1000
    median = _median_ms(build, runs)
    db.close()
    return {"first": first, "median": median, "rows": counts[organisation], "pages": bench_plan.page_count(pdf)}


def _demo_folder(base: Path) -> Path:
    folder = base / "demo"
    subprocess.run(
        [sys.executable, "-m", "metodesk", "--data-dir", str(folder), "demo"], check=True, capture_output=True
    )
    return folder


def _district_folder(base: Path) -> Path:
    folder = base / "district"
    subprocess.run([sys.executable, str(BENCH / "district.py"), str(folder)], check=True, capture_output=True)
    return folder


def report(name: str, data_dir: Path, runs: int) -> None:
    cold = cold_start(data_dir, runs)
    print(f"\n== {name}: {data_dir} (medians of {runs} runs) ==")
    print(f"cold start: floor A {cold['A']:.3f} s, floor B {cold['B']:.3f} s")
    target(Result(f"{name}: window shown", cold["shown"], "s", SHOWN_A, cold["A"], "A"))
    target(Result(f"{name}: first tab filled", cold["filled"], "s", FILLED_B[name], cold["B"], "B"))
    print(f"peak RSS, window process to first tab: {cold['rss']:.0f} MB (floor B {cold['rss_b']:.0f} MB)")
    inner = subprocess.run(
        [sys.executable, __file__, "--inner", str(data_dir), "--runs", str(runs), "--name", name],
        env=_env(),
        capture_output=True,
        text=True,
    )
    for line in inner.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            RESULTS.append(Result(**json.loads(line[len(RESULT_MARK) :])))
        else:
            print(line)
    if inner.returncode:
        print(inner.stderr[-2000:])


RESULT_MARK = "bench-result "  # how the inner process hands its targets to the summary


def inner(data_dir: Path, runs: int, name: str) -> None:
    """The in-process figures, in a process of their own (a fresh RSS)."""

    def hand_over(result: Result) -> None:
        print(result.line())
        print(RESULT_MARK + json.dumps(asdict(result)), flush=True)

    figures = in_process(data_dir, runs)
    tabs = {k[4:].removesuffix("Tab"): v for k, v in figures.items() if k.startswith("tab ")}
    print("opening each tab (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in tabs.items()))
    slowest = max(tabs, key=lambda key: tabs[key])
    hand_over(Result(f"{name}: opening the slowest tab ({slowest})", tabs[slowest], "ms", TAB_MS))
    print(f"teachers' list: {figures['rows']:.0f} rows; sort {figures['sort']:.1f} ms")
    hand_over(Result(f"{name}: search keystroke", figures["key"], "ms", KEY_MS))
    if name in RSS_MB:
        hand_over(Result(f"{name}: peak RSS, every tab open", figures["rss"], "MB", RSS_MB[name]))
    else:
        print(f"peak RSS in-process with every tab open: {figures['rss']:.0f} MB")
    docs = documents(data_dir, runs)
    print("documents (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in docs.items()))
    hand_over(Result(f"{name}: plan PDF, 120 activities", docs["plan PDF 120"], "ms", PLAN_PDF_MS))
    if name == "district":
        schedule = lessons_schedule(data_dir, runs)
        print(
            f"lessons schedule of one organisation: {schedule['rows']:.0f} lessons, {schedule['pages']:.0f} "
            f"pages; the first {schedule['first']:.0f} ms (reportlab's import and fonts)"
        )
        hand_over(Result(f"{name}: lessons schedule, one organisation", schedule["median"], "ms", SCHEDULE_MS))


def summary() -> None:
    over = [r for r in RESULTS if not r.ok]
    print(f"\n== summary: {len(RESULTS) - len(over)} of {len(RESULTS)} targets ok ==")
    for result in RESULTS:
        print(result.line())
    if over:
        print("over: " + "; ".join(r.over_text() for r in over))
    print("not measured by this bench: " + ", ".join(NOT_HERE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--district", help="an existing district data folder (bench/district.py)")
    parser.add_argument("--demo", help="an existing demo data folder")
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    parser.add_argument("--name", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.inner:
        inner(Path(args.inner), args.runs, args.name)
        return 0
    with tempfile.TemporaryDirectory(prefix="metodesk-bench-") as temp:
        base = Path(temp)
        PYCACHE["PYTHONPYCACHEPREFIX"] = str(base / "pycache")
        demo = Path(args.demo) if args.demo else _demo_folder(base)
        district = Path(args.district) if args.district else _district_folder(base)
        print(
            f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.2f}; "
            "compiled modules kept between runs, as installed"
        )
        report("demo", demo, args.runs)
        report("district", district, args.runs)
    summary()
    return 0


if __name__ == "__main__":
    sys.exit(main())
