"""The frozen program (issue 9): build the one-folder bundle with PyInstaller
from build_spec/metodesk.spec and run its ``--smoke`` self-check, which opens
the window on a temporary data folder filled with the demo school, exports
one protocol in Kazakh and one in Russian, shows one in the preview and prints
it, and exports every other kind of document (plan PDF and DOCX, observation
sheet, mentor's plan, attestation XLSX) through the command line: a library,
plugin or data file trimmed from the bundle that a document needs fails here.

Skipped when PyInstaller is not installed (the normal test environment does
not install the "build" extra); run it with ``./dev.sh build`` first, or
``pip install -e .[build]`` and this test.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed (pip install -e .[build], or ./dev.sh build)",
)
def test_frozen_bundle_passes_its_smoke_check(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(tmp_path / "work"),
            str(ROOT / "build_spec" / "metodesk.spec"),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    program = dist / "metodesk" / ("metodesk.exe" if os.name == "nt" else "metodesk")
    assert program.exists()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    smoke = subprocess.run([str(program), "--smoke"], capture_output=True, text=True, timeout=300, env=env)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke: passed" in smoke.stdout
    written = (
        "protocol-kk.pdf", "protocol-ru.pdf", "plan.pdf", "plan.docx", "observation.pdf",
        "mentoring-plan.pdf", "attestation-plan.xlsx", "attestation-list.xlsx",
    )  # fmt: skip
    for name in written:
        assert f"smoke: written {name}" in smoke.stdout, smoke.stdout
    assert "smoke: preview shows" in smoke.stdout
    # The bundle carries only the languages metodesk speaks.
    internal = dist / "metodesk" / "_internal"
    assert (internal / "babel" / "locale-data" / "kk.dat").exists()
    assert not (internal / "babel" / "locale-data" / "de.dat").exists()
    # ... and stays under the 150 MB: strip, the slim ICU data, no unused
    # Qt plugins, Pillow codecs, lxml parts or OpenSSL (build_spec/metodesk.spec).
    files = [path for path in (dist / "metodesk").rglob("*") if path.is_file() and not path.is_symlink()]
    size = sum(path.stat().st_size for path in files)
    largest = sorted(files, key=lambda path: path.stat().st_size)[-8:]
    listing = ", ".join(f"{path.name} {path.stat().st_size / MB:.1f} MB" for path in largest)
    assert size < 150 * MB, f"the bundle is {size / MB:.0f} MB; largest: {listing}"
    if sys.platform.startswith("linux"):
        icu = internal / "PySide6" / "Qt" / "lib"
        assert all(path.stat().st_size < 10 * MB for path in icu.glob("libicudata.so*")), listing
        assert not (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqvnc.so").exists()
        assert not list(internal.rglob("libcrypto*")), "OpenSSL came back"
