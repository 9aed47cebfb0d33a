"""`metodesk exchange export` and `metodesk exchange import` in a child process:
the school writes a package, the district previews it, imports it, imports it
again (nothing changes), and bad packages, unknown years and a busy data folder
get one sentence and exit code 2."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "metodesk.sqlite3"

HOLDER = (
    "import sys\nfrom pathlib import Path\nfrom metodesk.storage.lock import DataFolderLock\n"
    "lock = DataFolderLock(Path(sys.argv[1]))\nlock.acquire()\nprint('held', flush=True)\n"
    "sys.stdin.readline()\n"
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("METODESK_LANG", "METODESK_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "metodesk", "--lang", "en", *args],
        cwd=ROOT,
        env=_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _refused(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert re.search(r"[.!]$", lines[0]), lines[0]
    return lines[0]


def _count(folder: Path, table: str) -> int:
    conn = sqlite3.connect(f"{(folder / DB_NAME).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("school") / "data"
    assert run("--data-dir", str(data), "demo").returncode == 0
    return data


@pytest.fixture(scope="module")
def package(school: Path) -> Path:
    out = school.parent / "school-2025-2026.zip"
    result = run("--data-dir", str(school), "exchange", "export", "--year", "2025-2026", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_export_says_what_the_package_holds(package: Path, school: Path) -> None:
    assert zipfile.is_zipfile(package)
    result = run(
        "--data-dir", str(school), "exchange", "export", "--year", "2025-2026", "--out", str(package)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"The package {package} holds ")
    assert re.search(r"^  Teachers: \d+$", result.stdout, re.M) and "  Meetings: 14\n" in result.stdout


def test_export_of_one_association(school: Path, tmp_path: Path) -> None:
    listed = run("--data-dir", str(school), "list", "associations").stdout.splitlines()
    first_id = listed[0].split("\t")[0]
    out = tmp_path / "one.zip"
    result = run(
        "--data-dir",
        str(school),
        "exchange",
        "export",
        "--year",
        "2025-2026",
        "--association",
        first_id,
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert "  Associations: 1\n" in result.stdout and "  Meetings: 3\n" in result.stdout


def test_preview_import_and_import_again(package: Path, tmp_path: Path) -> None:
    district = tmp_path / "district"
    # Issue 13: a dry run where there is no database yet says what the import would do there,
    # and leaves the data folder as it was (not even created).
    nothing_yet = run("--data-dir", str(district), "exchange", "import", str(package), "--dry-run")
    assert nothing_yet.returncode == 0, nothing_yet.stderr
    assert "  Meetings: 14 added, 0 changed" in nothing_yet.stdout
    assert not district.exists()
    district.mkdir(exist_ok=True)
    # An empty database first (as after the first start on the district's computer).
    from metodesk.services.setup import prepare_database

    prepare_database(district / DB_NAME).close()
    preview = run("--data-dir", str(district), "exchange", "import", str(package), "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert preview.stdout.startswith("Preview: nothing was written.")
    assert "  Meetings: 14 added, 0 changed" in preview.stdout
    assert _count(district, "meeting") == 0
    first = run("--data-dir", str(district), "exchange", "import", str(package))
    assert first.returncode == 0, first.stderr
    assert "Preview" not in first.stdout and "  Meetings: 14 added, 0 changed" in first.stdout
    assert _count(district, "meeting") == 14  # 9 of associations, 5 of the council
    assert _count(district, "teacher") == int(re.search(r"Teachers: (\d+) added", first.stdout).group(1)) > 0
    again = run("--data-dir", str(district), "exchange", "import", str(package))
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Added: 0. Changed: 0. Already the same: ")
    assert run("--data-dir", str(district), "check").returncode == 0


def test_a_bad_package_is_one_sentence(package: Path, tmp_path: Path) -> None:
    district = tmp_path / "district"
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(package.read_bytes()[:2000])
    sentence = _refused(run("--data-dir", str(district), "exchange", "import", str(truncated)))
    assert "damaged or incomplete" in sentence and "nothing was imported" in sentence
    assert not district.exists()  # refused before the data folder was touched


def test_an_unknown_year_or_association_is_one_sentence(school: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.zip"
    base = ("--data-dir", str(school), "exchange", "export", "--out", str(out))
    assert "no academic year 1999-2000" in _refused(run(*base, "--year", "1999-2000"))
    assert "no association" in _refused(run(*base, "--year", "2025-2026", "--association", "999"))
    assert not out.exists()


def test_export_without_a_database_is_one_sentence(tmp_path: Path) -> None:
    result = run(
        "--data-dir",
        str(tmp_path / "none"),
        "exchange",
        "export",
        "--year",
        "2025-2026",
        "--out",
        str(tmp_path),
    )
    assert "There is no metodesk database" in _refused(result)


def test_import_while_metodesk_is_open_is_refused(package: Path, tmp_path: Path) -> None:
    district = tmp_path / "district"
    district.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(district)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        sentence = _refused(run("--data-dir", str(district), "exchange", "import", str(package)))
    finally:
        child.kill()
        child.wait(timeout=30)
    assert "already open on the data folder" in sentence
    assert not (district / DB_NAME).exists()
