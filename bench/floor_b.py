"""Floor B of issue 9: floor A's window that also imports the SQLAlchemy ORM and
reads one SQLite row before it quits (FLOOR_DB names the database)."""

import os
import runpy
from pathlib import Path

os.environ["FLOOR_B"] = "1"
runpy.run_path(str(Path(__file__).with_name("floor_a.py")), run_name="__main__")
