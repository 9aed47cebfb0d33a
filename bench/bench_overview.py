"""How long the Overview tab takes to open (ms, median of runs) on a data
folder, e.g. the district one ``bench/district.py DIR`` builds, or on a
PostgreSQL server URL (the district moved there with ``metodesk copy --to``,
as bench/bench_server.py does); and how long the whole attention list takes
to read. Target: 150 ms on the district.

    python bench/bench_overview.py DIR|URL [--runs 5] [--lang kk|ru]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("where", help="a data folder or a server URL")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="kk")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from metodesk import paths
    from metodesk.app import create_application
    from metodesk.domain.academic_year import today
    from metodesk.i18n import set_language
    from metodesk.services import attention, years
    from metodesk.services.setup import prepare_database
    from metodesk.storage.server import is_server_url
    from metodesk.ui.context import AppContext
    from metodesk.ui.tabs.overview import OverviewTab

    set_language(args.lang)
    if is_server_url(args.where):
        paths.set_data_dir(Path(tempfile.mkdtemp(prefix="metodesk-bench-settings-")))  # settings and log only
        paths.set_database_url(args.where)
        db = prepare_database(args.where, deep_check=False)
    else:
        paths.set_data_dir(Path(args.where))
        db = prepare_database(paths.database_path(), deep_check=False)
    app = QApplication.instance() or create_application(sys.argv[:1])
    ctx = AppContext(db)
    tab_ms, list_ms = [], []
    shown = total = 0
    for _run in range(args.runs):
        began = time.perf_counter()
        with db.reading() as session:
            year = years.current_year(session)
            assert year is not None
            items = attention.attention(session, year.id, today())  # the whole list, uncut
        list_ms.append((time.perf_counter() - began) * 1000)
        tab = OverviewTab(ctx)
        began = time.perf_counter()
        tab.ensure_loaded()
        tab_ms.append((time.perf_counter() - began) * 1000)
        shown, total = tab.attention_model.rowCount(), len(items)
        tab.deleteLater()
        app.processEvents()
    print(f"attention list read: {statistics.median(list_ms):.0f} ms ({total} items)")
    print(f"Overview tab opened: {statistics.median(tab_ms):.0f} ms ({shown} rows shown), target 150 ms")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
