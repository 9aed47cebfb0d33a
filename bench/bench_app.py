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

Without ``--district`` the district is built into a temporary folder first
(bench/district.py, about 20 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

TARGETS = {"shown/A": 1.5, "filled/B demo": 1.2, "filled/B district": 1.5, "tab ms": 150.0, "key ms": 50.0}


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


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    return env


def cold_start(data_dir: Path, runs: int) -> dict[str, float]:
    """Medians (s) of floors A and B and of metodesk's shown/filled marks; peak RSS (MB)."""
    py = sys.executable
    db_file = str(data_dir / "metodesk.sqlite3")
    app_cmd = [py, "-m", "metodesk", "--data-dir", str(data_dir), "--lang", "kk"]
    _child(app_cmd, _env(METODESK_BENCH_EXIT="1"))  # the day's backup is made once, not timed
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
    print(
        f"cold start: floor A {cold['A']:.3f} s, floor B {cold['B']:.3f} s; "
        f"window shown {cold['shown']:.3f} s = {cold['shown'] / cold['A']:.2f}x A (target 1.5x); "
        f"first tab filled {cold['filled']:.3f} s = {cold['filled'] / cold['B']:.2f}x B "
        f"(target {'1.2' if name == 'demo' else '1.5'}x)"
    )
    print(f"peak RSS, window process to first tab: {cold['rss']:.0f} MB (floor B {cold['rss_b']:.0f} MB)")
    inner = subprocess.run(
        [sys.executable, __file__, "--inner", str(data_dir), "--runs", str(runs)],
        env=_env(),
        capture_output=True,
        text=True,
    )
    print(inner.stdout, end="")
    if inner.returncode:
        print(inner.stderr[-2000:])


def inner(data_dir: Path, runs: int) -> None:
    """The in-process figures, in a process of their own (a fresh RSS)."""
    figures = in_process(data_dir, runs)
    tabs = ", ".join(
        f"{k[4:].removesuffix('Tab')} {v:.0f}" for k, v in figures.items() if k.startswith("tab ")
    )
    print(f"opening each tab (ms, target 150): {tabs}")
    print(
        f"teachers' list: {figures['rows']:.0f} rows; search keystroke {figures['key']:.1f} ms (target 50); "
        f"sort {figures['sort']:.1f} ms"
    )
    print(f"peak RSS in-process with every tab open: {figures['rss']:.0f} MB (target 300)")
    docs = documents(data_dir, runs)
    print("documents (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in docs.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--district", help="an existing district data folder (bench/district.py)")
    parser.add_argument("--demo", help="an existing demo data folder")
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.inner:
        inner(Path(args.inner), args.runs)
        return 0
    with tempfile.TemporaryDirectory(prefix="metodesk-bench-") as temp:
        base = Path(temp)
        demo = Path(args.demo) if args.demo else _demo_folder(base)
        district = Path(args.district) if args.district else _district_folder(base)
        print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
        report("demo", demo, args.runs)
        report("district", district, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
