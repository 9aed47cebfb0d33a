"""The one atomic writer: whole file or the old one untouched, sentences in the user's language."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from metodesk import files
from metodesk.i18n import set_language


def test_write_file_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    files.write_file(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


def test_failure_inside_block_keeps_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"precious")
    with pytest.raises(files.FileWriteError) as caught:
        with files.writing(target) as temp:
            temp.write_bytes(b"half")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]
    assert "keep.pdf" in str(caught.value)
    assert "disk is full" in str(caught.value)


def test_simulated_full_disk_during_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"precious")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(files.FileWriteError):
        files.write_file(target, b"x" * 1000)
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_missing_folder_is_one_sentence_in_kazakh(tmp_path: Path) -> None:
    set_language("kk")
    with pytest.raises(files.FileWriteError) as caught:
        files.write_file(tmp_path / "nope" / "a.pdf", b"x")
    text = str(caught.value)
    assert "a.pdf" in text
    assert "No such file" not in text
    assert text.endswith(".")


def test_non_os_errors_pass_through_and_clean_up(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        with files.writing(tmp_path / "a.txt") as temp:
            temp.write_text("x")
            raise KeyError("boom")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_private_mode(tmp_path: Path) -> None:
    target = tmp_path / "settings.ini"
    files.write_text(target, "[ui]\n", mode=files.PRIVATE)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
