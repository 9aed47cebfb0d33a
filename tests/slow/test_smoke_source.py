"""`metodesk --smoke` from the source tree (the frozen build runs the same
check in test_frozen.py when PyInstaller is there): every registered kind of
document in every format it has, the preview printing, the year's documents
from the command line, and a clean exit (a Qt object torn down in the wrong
order aborts the process after "smoke: passed")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_smoke_check_passes_and_exits_cleanly(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", METODESK_DATA_DIR=str(tmp_path / "unused"))
    done = subprocess.run(
        [sys.executable, "-m", "metodesk", "--smoke"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stdout.rstrip().endswith("smoke: passed")
    from metodesk.documents import KINDS

    for kind in KINDS:
        for fmt in kind.formats:
            written = (f"smoke: written {kind.key}-{lang}{fmt.suffix} " for lang in ("kk", "ru"))
            assert any(line in done.stdout for line in written), (kind.key, fmt)
