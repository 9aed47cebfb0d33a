"""One metodesk per data folder: the lock is held by a live process only. A second
holder is refused with a sentence, a lock left by a dead process does not block,
and a data folder that cannot be written gives a sentence, not a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from metodesk.domain.errors import StorageError
from metodesk.storage.lock import LOCK_FILENAME, AlreadyRunning, DataFolderLock

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from metodesk.storage.lock import DataFolderLock

    lock = DataFolderLock(Path(sys.argv[1]))
    lock.acquire()
    print("held", flush=True)
    sys.stdin.readline()
    """
)


@contextmanager
def held_by_another_process(folder: Path) -> Iterator[subprocess.Popen[str]]:
    """A child process holding ``folder``'s lock until the block ends."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` made unwritable: by its mode, or (as root, whom modes do not
    stop) by the immutable attribute; skip where neither works."""
    folder.chmod(0o555)
    immutable = False
    try:
        probe = folder / ".probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
            if not immutable:
                pytest.skip("this user can write to any folder")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_lock_is_held_and_released(tmp_path: Path) -> None:
    lock = DataFolderLock(tmp_path)
    lock.acquire()
    assert lock.held
    assert (tmp_path / LOCK_FILENAME).read_text().strip() == str(os.getpid())
    lock.release()
    assert not lock.held
    with DataFolderLock(tmp_path) as again:  # released means another may take it
        assert again.held


def test_second_holder_is_refused_while_the_first_holds_it(tmp_path: Path) -> None:
    with held_by_another_process(tmp_path) as child:
        with pytest.raises(AlreadyRunning) as refused:
            DataFolderLock(tmp_path).acquire()
        message = str(refused.value)
        assert "already open" in message and str(tmp_path) in message
        assert "\n" not in message and message.endswith(".")
        assert child.stdin is not None
        child.stdin.write("\n")  # the first one exits normally
        child.stdin.flush()
        child.wait(timeout=30)
    lock = DataFolderLock(tmp_path)
    lock.acquire()
    assert lock.held
    lock.release()


def test_a_killed_holder_leaves_no_lock_behind(tmp_path: Path) -> None:
    with held_by_another_process(tmp_path) as child:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        assert (tmp_path / LOCK_FILENAME).exists()  # the file stays; the lock went with the process
        lock = DataFolderLock(tmp_path)
        lock.acquire()
        assert lock.held
        lock.release()


def test_a_stale_lock_file_does_not_block(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILENAME).write_text("424242\n")  # a process that is long gone
    lock = DataFolderLock(tmp_path)
    lock.acquire()
    assert (tmp_path / LOCK_FILENAME).read_text().strip() == str(os.getpid())
    lock.release()


def test_the_lock_creates_a_missing_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    with DataFolderLock(folder):
        assert (folder / LOCK_FILENAME).exists()


def test_read_only_data_folder_gives_a_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with read_only(folder):
        with pytest.raises(StorageError) as refused:
            DataFolderLock(folder).acquire()
    message = str(refused.value)
    assert not isinstance(refused.value, AlreadyRunning)
    assert "cannot write to its data folder" in message and str(folder) in message
    assert "\n" not in message and message.endswith(".")
