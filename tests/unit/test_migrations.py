"""The Alembic revisions build exactly the models' schema; the chain is linear;
a database from a newer metodesk is refused and left untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from metodesk.domain.errors import StorageError
from metodesk.storage import migrate
from metodesk.storage.base import Base
from metodesk.storage.database import open_database
from metodesk.storage.engine import make_engine


def test_migrated_database_matches_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.sqlite3")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1
    for revision in script.walk_revisions():
        assert not isinstance(revision.down_revision, tuple), revision.revision


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StorageError, match="newer version"):
        open_database(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is a letter, not a database" * 100)
    with pytest.raises(StorageError):
        open_database(path)
    assert path.read_bytes().startswith(b"this is a letter")


def test_pragmas_on_every_connection(db) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_the_newest_revision_read_from_file_names_is_alembics_head() -> None:
    assert migrate.latest_revision_by_name() == migrate.head_revision()
    script = ScriptDirectory.from_config(migrate.alembic_config())
    for revision in script.walk_revisions():  # every file is named after its id
        assert Path(revision.path).name.startswith(f"{revision.revision}_")


def test_at_newest_schema_only_when_stored_revision_is_the_head(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "fresh.sqlite3")
    assert not migrate.at_newest_schema(engine)  # no alembic_version table yet
    migrate.upgrade(engine)
    assert migrate.at_newest_schema(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    assert not migrate.at_newest_schema(engine)
    engine.dispose()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    open_database(tmp_path / "current.sqlite3").close()
    code = (
        "import sys\nfrom pathlib import Path\nfrom metodesk.storage.database import open_database\n"
        f"open_database(Path({str(tmp_path / 'current.sqlite3')!r}), deep_check=False).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, env=dict(os.environ), capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
