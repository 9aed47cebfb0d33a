"""The writers outside the command line write whole or not at all (issue 13,
part 2): the exchange package, the year's documents, settings.ini and the
smoke check's protocols. On a full disk (ENOSPC from the write itself) the
file that was there stays byte for byte and no temporary file is left; a
target that is metodesk's own data is refused (part 3)."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from pathlib import Path

import pytest
from full_disk import simulate

from metodesk import config, files, paths
from metodesk.documents import batch
from metodesk.i18n import set_language
from metodesk.services import demo, exchange_export, years

TODAY = dt.date(2025, 12, 20)
OLD = b"the file that was there before"


@pytest.fixture
def school(db):
    with db.transaction() as session:
        demo.fill_demo(session, today=TODAY)
        year_id = years.current_year(session).id
        year_name = years.current_year(session).name
    return db, year_id, year_name


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---- the exchange package ------------------------------------------------------------------------


def test_a_package_on_a_full_disk_keeps_the_old_one(school, out, monkeypatch) -> None:
    db, _year_id, year_name = school
    target = out / "package.zip"
    target.write_bytes(OLD)
    opened = simulate(monkeypatch)
    with db.reading() as session, pytest.raises(files.FileWriteError) as caught:
        exchange_export.export_package(session, year_name, target)
    assert opened
    assert target.read_bytes() == OLD and _names(out) == ["package.zip"]
    assert str(caught.value) == f"The file {target} could not be written: the disk is full."


def test_a_package_is_never_written_into_backups(school, monkeypatch) -> None:
    db, _year_id, year_name = school
    backups = paths.data_dir() / "backups"
    backups.mkdir()
    link = paths.data_dir().parent / "p.zip"
    link.symlink_to(paths.database_path())
    before = paths.database_path().read_bytes()
    for target in (backups, backups / "p.zip", link):
        with db.reading() as session, pytest.raises(files.ProtectedTargetError):
            exchange_export.export_package(session, year_name, target)
    assert list(backups.iterdir()) == [] and paths.database_path().read_bytes() == before


# ---- the year's documents ------------------------------------------------------------------------


def _planned(db, year_id: int, kinds: list[str]) -> list[str]:
    with db.reading() as session:
        return [d.name for d in batch.documents(session, year_id, kinds, "kk")]


def test_the_years_documents_on_a_full_disk_leave_the_folder_as_it_was(school, out, monkeypatch) -> None:
    db, year_id, _name = school
    names = _planned(db, year_id, ["plan"])
    (out / names[0]).write_bytes(OLD)
    opened = simulate(monkeypatch)
    with pytest.raises(files.FileWriteError) as caught:
        batch.export_documents(db, year_id, "kk", ["plan"], out)
    assert opened and "the disk is full" in str(caught.value)
    assert _names(out) == [names[0]] and (out / names[0]).read_bytes() == OLD


def test_a_file_that_cannot_be_replaced_puts_every_one_back(school, out, monkeypatch) -> None:
    """Windows refuses to replace a file open in another program: the files
    moved in before it go, the old ones come back, whole."""
    db, year_id, _name = school
    names = _planned(db, year_id, ["plan"])
    assert len(names) >= 3
    for name in names:
        (out / name).write_bytes(OLD + name.encode())
    real_replace = os.replace

    def replace(source, target):
        if Path(target) == out / names[2] and Path(source).parent.name != ".old":
            error = PermissionError(errno.EACCES, "The process cannot access the file")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        return real_replace(source, target)

    monkeypatch.setattr(batch.os, "replace", replace)
    with pytest.raises(files.FileWriteError) as caught:
        batch.export_documents(db, year_id, "kk", ["plan"], out)
    assert str(caught.value) == (
        f"The file {out / names[2]} could not be written: "
        "the file is open in another program; close it and try again."
    )
    assert _names(out) == sorted(names)
    for name in names:
        assert (out / name).read_bytes() == OLD + name.encode()


def test_every_document_moved_in_is_whole(school, out, monkeypatch) -> None:
    db, year_id, _name = school
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else str(fd))
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", fsync)
    result = batch.export_documents(db, year_id, "kk", ["plan"], out)
    assert result.count >= 3
    assert sum(1 for path in synced if batch.STAGING_PREFIX in path) >= result.count
    assert all(p.read_bytes().rstrip().endswith(b"%%EOF") for p in result.written)


def test_the_years_documents_never_go_into_backups(school) -> None:
    db, year_id, _name = school
    backups = paths.data_dir() / "backups"
    backups.mkdir()
    with pytest.raises(files.ProtectedTargetError):
        batch.export_documents(db, year_id, "kk", ["plan"], backups)
    assert list(backups.iterdir()) == []


# ---- settings.ini --------------------------------------------------------------------------------


def test_settings_on_a_full_disk_keep_the_old_file(monkeypatch) -> None:
    config.put("language", "ru")
    before = paths.settings_path().read_bytes()
    simulate(monkeypatch)
    set_language("kk")
    with pytest.raises(files.FileWriteError) as caught:
        config.put("language", "kk")
    assert paths.settings_path().read_bytes() == before
    assert _names(paths.data_dir()) == ["settings.ini"]
    assert "settings.ini файлын жазу мүмкін болмады: дискіде орын қалмады." in str(caught.value)
    assert config.saved_language() == "ru"


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_settings_are_only_the_owners(_isolated_data_dir) -> None:
    config.put("language", "kk")
    assert stat.S_IMODE(paths.settings_path().stat().st_mode) == files.PRIVATE


# ---- the smoke check -----------------------------------------------------------------------------


def test_the_smoke_checks_protocols_are_written_whole(db, tmp_path, monkeypatch) -> None:
    from metodesk import smoke
    from metodesk.services import demo_meetings

    with db.transaction() as session:
        demo.fill_demo(session, today=TODAY)
        demo_meetings.add_demo_meetings(session, TODAY)
    folder = tmp_path / "smoke"
    folder.mkdir()
    (folder / "protocol-kk.pdf").write_bytes(OLD)
    simulate(monkeypatch)
    with pytest.raises(files.FileWriteError):
        smoke._export_protocols(folder)
    assert _names(folder) == ["protocol-kk.pdf"] and (folder / "protocol-kk.pdf").read_bytes() == OLD
