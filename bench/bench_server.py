"""Benchmark of the window on a PostgreSQL server beside SQLite (issues 20 and 21).

Not a test: run it by hand on the target kind of machine and read the medians.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_server.py [--runs 5] [--tiny] [--district DIR]

1. A throwaway cluster (scripts/pg_cluster.sh: a Unix socket only, durability
   off; as root it runs as the ``postgres`` user) and a database ``district``
   on it.
2. The district (bench/district.py, or ``--tiny`` for its three-organisation
   size, or an existing folder with ``--district``) built into a SQLite data
   folder and moved to the server with ``metodesk copy --to URL``.
3. In-process, each in a process of its own, on the SQLite file and on the
   server: opening each tab (``ensure_loaded`` on a fresh window) and one
   keystroke of search in the teachers' list, as bench/bench_app.py measures
   them (medians of ``--runs``), each target printed with its value, the
   target and ok/over (issue 21: "On PostgreSQL: the same tab and search
   targets").

The cluster is stopped and its folder removed at the end, also after a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from bench_app import KEY_MS, RESULT_MARK, RESULTS, TAB_MS, Result, _median_ms  # type: ignore[import-not-found]  # noqa: E402

PG_CLUSTER = ROOT / "scripts" / "pg_cluster.sh"
DATABASE = "district"


def start_cluster(folder: Path) -> str:
    """Start the throwaway cluster in ``folder``; the URL of its own database."""
    done = subprocess.run(["bash", str(PG_CLUSTER), "start", str(folder)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"pg_cluster.sh start failed: {done.stderr.strip()}")
    return done.stdout.strip().splitlines()[-1]


def stop_cluster(folder: Path) -> None:
    subprocess.run(["bash", str(PG_CLUSTER), "stop", str(folder)], check=False)


def create_database(server_url: str, name: str) -> str:
    """A new, empty database ``name`` on the server (UTF-8, C.UTF-8); its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    from metodesk.storage.server import engine_url

    admin = create_engine(engine_url(server_url), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def build_district(folder: Path, tiny: bool) -> float:
    """bench/district.py into ``folder``; its wall time (s)."""
    began = time.perf_counter()
    cmd = [sys.executable, str(BENCH / "district.py"), str(folder)] + (["--tiny"] if tiny else [])
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - began


def copy_to_server(folder: Path, url: str) -> tuple[float, str]:
    """``metodesk --data-dir folder copy --to url``; its wall time (s) and its sentence."""
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "metodesk", "--data-dir", str(folder), "--lang", "ru", "copy", "--to", url],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(f"metodesk copy --to failed ({done.returncode}): {done.stderr.strip()[-1000:]}")
    return time.perf_counter() - began, done.stdout.strip()


def in_process(where: str, runs: int) -> dict[str, float]:
    """Tabs and a search keystroke (ms) in a window of this process on
    ``where``: a data folder (its SQLite file) or a server URL."""
    from PySide6.QtWidgets import QApplication

    from metodesk import paths
    from metodesk.app import create_application
    from metodesk.i18n import set_language
    from metodesk.services.setup import prepare_database
    from metodesk.storage.server import is_server_url
    from metodesk.ui.context import AppContext
    from metodesk.ui.main_window import MainWindow
    from metodesk.ui.tabs.teachers import TeachersTab

    set_language("kk")
    if is_server_url(where):
        paths.set_data_dir(Path(tempfile.mkdtemp(prefix="metodesk-bench-settings-")))  # settings and log only
        paths.set_database_url(where)
        db = prepare_database(where, deep_check=False)
    else:
        paths.set_data_dir(Path(where))
        db = prepare_database(paths.database_path(), deep_check=False)
    app = QApplication.instance() or create_application(sys.argv[:1])
    ctx = AppContext(db)
    figures: dict[str, list[float]] = {}
    for _run in range(runs):
        window = MainWindow(ctx)
        window.show()
        while not window.tabs_built():  # as after a start: the other tabs come from the event loop
            app.processEvents()
        for tab in window.tabs:
            began = time.perf_counter()
            tab.ensure_loaded()
            figures.setdefault(type(tab).__name__.removesuffix("Tab"), []).append((time.perf_counter() - began) * 1000)
        window.close()
        window.deleteLater()
        app.processEvents()
    result = {f"tab {k}": statistics.median(v) for k, v in figures.items()}
    window = MainWindow(ctx)
    window.show()
    teachers = window.tabs[0]
    assert isinstance(teachers, TeachersTab)  # the first tab, as bench_app.py measures it
    teachers.ensure_loaded()
    app.processEvents()
    result["rows"] = teachers.proxy.rowCount()
    words = ["А", "Ах", "Ахм", "Ахме", ""]

    def keystrokes() -> None:
        for word in words:
            teachers.search.setText(word)
            teachers.search.flush()

    result["key"] = _median_ms(keystrokes, runs) / len(words)
    window.close()
    app.processEvents()
    db.close()
    return result


def inner(where: str, runs: int, name: str) -> None:
    """The in-process figures of one database, handed to the parent as bench_app does."""

    def hand_over(result: Result) -> None:
        print(result.line())
        print(RESULT_MARK + json.dumps(asdict(result)), flush=True)

    figures = in_process(where, runs)
    tabs = {k[4:]: v for k, v in figures.items() if k.startswith("tab ")}
    print("opening each tab (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in tabs.items()))
    for tab, value in tabs.items():
        hand_over(Result(f"{name}: opening the tab {tab}", value, "ms", TAB_MS))
    print(f"teachers' list: {figures['rows']:.0f} rows")
    hand_over(Result(f"{name}: search keystroke", figures["key"], "ms", KEY_MS))


def measure(name: str, where: str, runs: int) -> None:
    """``inner`` in a process of its own; its targets kept for the summary."""
    print(f"\n== {name} (medians of {runs} runs) ==", flush=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, __file__, "--inner", where, "--runs", str(runs), "--name", name],
        env=env,
        capture_output=True,
        text=True,
    )
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_MARK):
            RESULTS.append(Result(**json.loads(line[len(RESULT_MARK) :])))
        else:
            print(line)
    if done.returncode:
        print(done.stderr[-2000:])


def summary() -> None:
    over = [r for r in RESULTS if not r.ok]
    print(f"\n== summary: {len(RESULTS) - len(over)} of {len(RESULTS)} targets ok ==")
    for name in ("SQLite", "PostgreSQL"):
        mine = [r for r in RESULTS if r.name.startswith(name + ":")]
        tabs = [r for r in mine if "opening the tab" in r.name]
        if tabs:
            slowest = max(tabs, key=lambda r: r.value)
            target_line = Result(f"{name}: slowest tab ({slowest.name.rsplit(' ', 1)[-1]})", slowest.value, "ms", TAB_MS)
            print(target_line.line())
        for result in mine:
            if result not in tabs:
                print(result.line())
    if over:
        print("over: " + "; ".join(r.over_text() for r in over))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tiny", action="store_true", help="bench/district.py --tiny: three organisations")
    parser.add_argument("--district", help="an existing district data folder (bench/district.py)")
    parser.add_argument("--inner", help=argparse.SUPPRESS)
    parser.add_argument("--name", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.inner:
        inner(args.inner, args.runs, args.name)
        return 0
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="metodesk-pgbench-") as temp:
        base = Path(temp)
        # The cluster's folder lies directly in the temporary folder of the
        # system, so its owner (postgres, when run as root) can reach it.
        cluster = Path(tempfile.mkdtemp(prefix="metodesk-pgbench-cluster-"))
        try:
            server_url = start_cluster(cluster)
            url = create_database(server_url, DATABASE)
            if args.district:
                folder = Path(args.district)
                print(f"district: {folder}")
            else:
                folder = base / "district"
                seconds = build_district(folder, args.tiny)
                print(f"district ({'tiny' if args.tiny else 'full size'}) built in {seconds:.0f} s")
            seconds, said = copy_to_server(folder, url)
            print(f"metodesk copy --to the server: {seconds:.0f} s ({said})")
            measure("SQLite", str(folder), args.runs)
            measure("PostgreSQL", url, args.runs)
        finally:
            stop_cluster(cluster)
    summary()
    return 0


if __name__ == "__main__":
    sys.exit(main())
