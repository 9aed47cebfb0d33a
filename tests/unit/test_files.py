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


def test_stale_temporaries_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / f"{files.TEMP_PREFIX}backup.sqlite3.abc{files.TEMP_SUFFIX}"
    stale.write_bytes(b"x")
    keep = tmp_path / "other.part"
    keep.write_bytes(b"y")
    assert files.remove_stale_temporaries(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.part"]


# ---- a full disk ---------------------------------------------------------------------------------

from full_disk import (  # noqa: E402
    fill,
    flash_fixture,  # noqa: E402, F401  (the fixture flash)
    simulate,
)


def test_a_write_failing_half_way_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"precious")
    opened = simulate(monkeypatch)
    with pytest.raises(files.FileWriteError) as caught:
        files.write_file(target, b"x" * 10_000)
    assert opened and not any(p.exists() for p in opened)
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]
    assert str(caught.value) == f"The file {target} could not be written: the disk is full."


def test_a_real_full_disk_keeps_the_old_file(flash: Path) -> None:
    target = flash / "keep.pdf"
    target.write_bytes(b"precious" * 100)
    fill(flash)
    with pytest.raises(files.FileWriteError) as caught:
        files.write_file(target, os.urandom(200_000))
    assert caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"precious" * 100
    assert sorted(p.name for p in flash.iterdir()) == ["filler", "filler-2", "keep.pdf"]


@pytest.mark.parametrize(
    ("code", "kk", "ru"),
    [
        (errno.ENOSPC, "дискіде орын қалмады", "на диске не осталось места"),
        (errno.EACCES, None, None),
        (errno.ENOENT, "мұндай қалта жоқ", None),
    ],
)
def test_reasons_in_kazakh_and_russian(tmp_path: Path, code: int, kk: str | None, ru: str | None) -> None:
    error = OSError(code, "English from the C library")
    for lang, words in (("kk", kk), ("ru", ru)):
        set_language(lang)
        sentence = str(files.as_write_error(error, tmp_path / "a.pdf"))
        assert "a.pdf" in sentence and "English" not in sentence and sentence.endswith(".")
        if words:
            assert words in sentence
    set_language("en")


def test_a_file_open_in_another_program_on_windows(tmp_path: Path) -> None:
    error = OSError(errno.EACCES, "Permission denied")
    error.winerror = 32  # type: ignore[attr-defined]  (what Windows says for a file in use)
    assert "open in another program" in str(files.as_write_error(error, tmp_path / "a.pdf"))


# ---- metodesk's own files are never a target -----------------------------------------------------


@pytest.fixture
def data(_isolated_data_dir: Path) -> Path:
    from metodesk import paths

    folder = paths.ensure_data_dir()
    (folder / "metodesk.sqlite3").write_bytes(b"SQLite format 3\0")
    (folder / "backups").mkdir()
    return folder


@pytest.mark.parametrize(
    "name",
    [
        "metodesk.sqlite3",
        "metodesk.sqlite3-wal",
        "metodesk.sqlite3-shm",
        "metodesk.sqlite3-journal",
        "metodesk.lock",
        "settings.ini",
        "window.ini",
        "metodesk-damaged-2026-01-01-120000.sqlite3",
        "backups/metodesk-2026-01-01.sqlite3",
        "backups/x.pdf",
        "backups",
    ],
)
def test_own_files_are_refused(data: Path, name: str) -> None:
    with pytest.raises(files.ProtectedTargetError) as caught:
        files.check_target(data / name)
    assert str(caught.value).startswith(
        f"The file {data / name} could not be written: it belongs to metodesk"
    )


def test_a_link_to_the_database_is_refused(data: Path, tmp_path: Path) -> None:
    link = tmp_path / "protocol.pdf"
    link.symlink_to(data / "metodesk.sqlite3")
    hard = tmp_path / "hard.pdf"
    os.link(data / "metodesk.sqlite3", hard)
    wal_link = tmp_path / "wal.pdf"
    wal_link.symlink_to(data / "metodesk.sqlite3-wal")  # not there now, there while metodesk runs
    folder_link = tmp_path / "data-again"
    folder_link.symlink_to(data)
    for target in (link, hard, wal_link, folder_link / "metodesk.sqlite3", folder_link / "backups" / "a.zip"):
        assert files.is_protected(target), target
    with pytest.raises(files.ProtectedTargetError):
        files.write_chosen(link, b"%PDF")
    assert (data / "metodesk.sqlite3").read_bytes() == b"SQLite format 3\0"


def test_other_files_may_be_written(data: Path, tmp_path: Path) -> None:
    for target in (tmp_path / "protocol.pdf", data / "protocol.pdf", data / "metodesk-2025-2026.zip"):
        assert files.check_target(target) == target
    files.write_chosen(tmp_path / "protocol.pdf", b"%PDF")
    assert (tmp_path / "protocol.pdf").read_bytes() == b"%PDF"


def test_the_refusal_in_kazakh(data: Path) -> None:
    set_language("kk")
    with pytest.raises(files.ProtectedTargetError) as caught:
        files.check_target(data / "metodesk.sqlite3")
    assert "metodesk-тің өз деректеріне жатады" in str(caught.value)
    set_language("ru")
    with pytest.raises(files.ProtectedTargetError) as caught:
        files.check_target(data / "backups" / "a.pdf")
    assert "собственным данным metodesk" in str(caught.value)


def test_the_backups_folder_name_is_the_backups_services(data: Path) -> None:
    from metodesk.services import backups

    assert files.BACKUPS_DIRNAME == backups.BACKUPS_DIRNAME
    assert files.is_protected(backups.backups_dir() / "x.sqlite3")
