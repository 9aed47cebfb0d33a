"""Floor A of issue 9: a bare PySide6 tabbed window that starts, shows and quits.

Prints ``bench shown <monotonic clock>`` like metodesk under METODESK_BENCH_EXIT=1."""

import os
import sys
import time

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget

app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for name in ("Teachers", "Associations", "Plans", "Lessons", "Mentoring", "Attestation", "Settings"):
    tabs.addTab(QLabel(name), name)
window.setCentralWidget(tabs)
window.resize(1280, 800)
window.show()
app.processEvents()
print(f"bench shown {time.perf_counter():.4f}", flush=True)
if os.environ.get("FLOOR_B") == "1":
    import sqlite3

    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session  # noqa: F401 - the ORM import is the point

    engine = create_engine(f"sqlite:///{os.environ['FLOOR_DB']}")
    with engine.connect() as connection:
        connection.execute(text("SELECT 1 FROM sqlite_master LIMIT 1")).first()
    del sqlite3
    print(f"bench filled {time.perf_counter():.4f}", flush=True)
sys.stdout.flush()
os._exit(0)
