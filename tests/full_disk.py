"""A full disk for the tests of the writers (issue 13, part 2).

``simulate(monkeypatch)``: the next writes through ``metodesk.files`` put half
their bytes on disk and then fail with ENOSPC, as a write to a full flash
drive does. ``real_full_disk(folder)`` (the fixture ``flash``): a 64 KiB tmpfs mounted on ``folder``
(only as root, where ``mount`` works; None elsewhere), unmounted afterwards;
``fill(folder)`` then takes its last free byte.
"""

from __future__ import annotations

import builtins
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from metodesk import files


class _FailingFile:
    """A file opened for writing whose write stops half-way with ENOSPC."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def simulate(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Make every write through metodesk.files fail half-way; the temporary
    files it opened are listed (the tests check none of them is left)."""
    opened: list[Path] = []

    def failing_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = builtins.open(file, mode, *args, **kwargs)
        if "w" in mode:
            opened.append(Path(file))
            return _FailingFile(handle)
        return handle

    monkeypatch.setattr(files, "open", failing_open, raising=False)
    return opened


@contextmanager
def real_full_disk(folder: Path, size: str = "64k") -> Iterator[Path | None]:
    """A small tmpfs on ``folder`` (root on Linux only), or None."""
    folder.mkdir(parents=True, exist_ok=True)
    if sys.platform != "linux" or os.geteuid() != 0:
        yield None
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)


def fill(folder: Path) -> None:
    """Write a filler file in ``folder`` until the disk is full."""
    with builtins.open(folder / "filler", "wb", buffering=0) as handle:
        block = b"\0" * 1024
        try:
            while True:
                handle.write(block)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    with builtins.open(folder / "filler-2", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0")
        except OSError:
            pass


@pytest.fixture(name="flash")
def flash_fixture(tmp_path: Path) -> Iterator[Path]:
    """A real full disk (skipped where it cannot be mounted)."""
    with real_full_disk(tmp_path / "flash") as folder:
        if folder is None:
            pytest.skip("a real full disk needs root and mount (the simulated one runs everywhere)")
        yield folder
