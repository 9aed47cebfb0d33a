"""Benchmark: the year's documents from the command line (issue 21).

Not a test: run it by hand on the target kind of machine and read the medians.

    .venv/bin/python bench/bench_export.py [--runs 3] [--district DIR]

1. Demo school: the whole process of `metodesk export year` (every document of
   the year, PDF) against the whole process of one `metodesk export protocol`,
   measured side by side in the same run; target: at most 3×.
2. District (bench/district.py's 150 organisations; built into a temporary
   folder first without ``--district``): `metodesk export year --organisation`
   for one school of the district, whole process; target: at most 10 s.

Each line prints the median, the ratio or the limit, and "ok" or "over".
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
YEAR_RATIO = 3.0
DISTRICT_SECONDS = 10.0


def _metodesk(data: Path, *args: str) -> float:
    """Seconds the whole process of ``metodesk ARGS`` took (it must succeed)."""
    env = dict(os.environ, METODESK_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "metodesk", "--lang", "en", *args], env=env, capture_output=True, text=True
    )
    took = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"metodesk {' '.join(args)}: {done.stderr.strip()}")
    return took


def _line(name: str, value: str, target: str, ok: bool) -> None:
    print(f"{name:<44} {value:>16}   target {target:<10} {'ok' if ok else 'over'}")


def _year_of(data: Path) -> str:
    env = dict(os.environ, METODESK_DATA_DIR=str(data))
    listed = subprocess.run(
        [sys.executable, "-m", "metodesk", "list", "years"], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    current = next(line for line in listed if line.startswith("*") or "\t*" in line or line.endswith("*"))
    return next(word for word in current.replace("\t", " ").split() if "-" in word and word[:4].isdigit())


def demo(base: Path, runs: int) -> None:
    data = base / "demo"
    env = dict(os.environ, METODESK_DATA_DIR=str(data))
    subprocess.run([sys.executable, "-m", "metodesk", "demo"], env=env, capture_output=True, check=True)
    year = _year_of(data)
    one, whole = [], []
    for run in range(runs):
        one.append(_metodesk(data, "export", "protocol", "--association", "1", "--number", "1",
                             "--out", str(base / "one.pdf")))
        folder = base / f"year-{run}"
        whole.append(_metodesk(data, "export", "year", "--year", year, "--out", str(folder)))
        count = len(list(folder.iterdir()))
        shutil.rmtree(folder)
    one_s, whole_s = statistics.median(one), statistics.median(whole)
    print(f"demo: one protocol {one_s:.2f} s, the year's {count} documents {whole_s:.2f} s (medians of {runs})")
    ratio = whole_s / one_s
    _line("export year / export protocol (demo)", f"{ratio:.2f}×", f"≤ {YEAR_RATIO:.1f}×", ratio <= YEAR_RATIO)


def district(folder: Path, base: Path, runs: int) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"sqlite:///{folder / 'metodesk.sqlite3'}")
    with engine.connect() as connection:
        # a school of the district with the most associations in the current year
        organisation = connection.execute(
            text(
                "SELECT a.organisation_id FROM association a JOIN academic_year y ON y.id = a.year_id "
                "WHERE y.is_current GROUP BY a.organisation_id ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar_one()
    engine.dispose()
    year = _year_of(folder)
    times = []
    for run in range(runs):
        out = base / f"district-{run}"
        times.append(_metodesk(folder, "export", "year", "--year", year, "--organisation", str(organisation),
                               "--out", str(out)))
        count = len(list(out.iterdir()))
        shutil.rmtree(out)
    median = statistics.median(times)
    print(f"district: organisation {organisation}, {count} documents (median of {runs})")
    _line("export year --organisation (district)", f"{median:.2f} s", f"≤ {DISTRICT_SECONDS:.0f} s",
          median <= DISTRICT_SECONDS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--district", help="an existing district data folder (bench/district.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="metodesk-bench-export-") as temp:
        base = Path(temp)
        demo(base, args.runs)
        folder = Path(args.district) if args.district else base / "district"
        if not args.district:
            subprocess.run([sys.executable, str(BENCH / "district.py"), str(folder)], check=True, capture_output=True)
        district(folder, base, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
