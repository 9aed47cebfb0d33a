"""Benchmark: importing a district's year (issue 14 item 8: at most 30 s).

Not a test: run it by hand on the target kind of machine.

    .venv/bin/python bench/district.py /tmp/district          # once, about a minute
    .venv/bin/python bench/bench_import.py --district /tmp/district [--year 2025-2026]

It exports the year from the district's data folder to a package (58,960
records for bench/district.py's district), then times, each in a child
process so the peak memory is the import's own:

1. the import into a new, empty database (everything is added);
2. the same import again (everything is already the same);
3. the import into a copy of the district's database (records are matched
   by UUID among ten years of others).

Each line gives the wall time, the peak resident memory and the report's
totals; the run exits 1 when an import takes longer than the target.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 30.0
DB_NAME = "metodesk.sqlite3"

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from metodesk.services.setup import prepare_database
from metodesk.services import exchange_import
db = prepare_database(Path(sys.argv[1]))
began = time.perf_counter()
report = exchange_import.import_file(db, Path(sys.argv[2]))
seconds = time.perf_counter() - began
db.close()
print(json.dumps({
    "seconds": seconds,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "added": report.total_added, "changed": report.total_changed, "same": report.unchanged,
    "conflicts": len(report.conflicts),
}))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def export_year(district: Path, year: str, out: Path) -> Path:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "metodesk", "--data-dir", str(district), "--lang", "en",
         "exchange", "export", "--year", year, "--out", str(out)],
        env=_env(), capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip())
    print(f"export: {time.perf_counter() - began:.1f} s, {done.stdout.splitlines()[0]}")
    return out


def timed_import(database: Path, package: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(database), str(package)],
        env=_env(), capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip())
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--district", type=Path, required=True, help="a data folder made by bench/district.py")
    parser.add_argument("--year", default="2025-2026", help="the academic year to carry")
    args = parser.parse_args()
    if not (args.district / DB_NAME).exists():
        print(f"There is no {DB_NAME} in {args.district}; run bench/district.py {args.district} first.")
        return 2
    slow = False
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        work = Path(folder)
        package = export_year(args.district, args.year, work / "year.zip")
        empty = work / "empty" / DB_NAME
        empty.parent.mkdir()
        copy = work / "copy" / DB_NAME
        copy.parent.mkdir()
        shutil.copy(args.district / DB_NAME, copy)
        for label, database in (
            ("into an empty database", empty),
            ("the same package again", empty),
            ("into a copy of the district", copy),
        ):
            figures = timed_import(database, package)
            over = figures["seconds"] > TARGET_S
            slow |= over
            print(
                f"{label}: {figures['seconds']:.1f} s (target {TARGET_S:.0f}){' OVER' if over else ''}, "
                f"peak {figures['rss_mb']:.0f} MB; added {figures['added']:.0f}, changed {figures['changed']:.0f}, "
                f"same {figures['same']:.0f}, conflicts {figures['conflicts']:.0f}"
            )
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
