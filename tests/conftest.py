"""Shared fixtures. Qt runs offscreen; nothing touches the real home folder.

Migrating a new database costs 0.5-0.9 s and filling the demo school 2-3 s,
so each test process (each xdist worker) makes one template of each once and
every test gets a copy of the file (``fresh_database``, ``demo_database``);
``prepare_database`` then opens the copy the way it opens any current database.

PostgreSQL (issue 20): ``./dev.sh test`` starts a throwaway server and passes
its URL as ``METODESK_TEST_PG_URL``. A test module marked
``pytest.mark.both_databases`` runs each test that uses ``db`` (or ``session``,
``ours``) twice, ``[sqlite]`` and ``[postgresql]``. On the server each worker
migrates one template database once, and each test gets its own database made
from it (``CREATE DATABASE … TEMPLATE``, about 50 ms), dropped at its end.
Without a server those runs skip, saying why; under ``CI=true`` they fail.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # the screen of a common school laptop (1366×768) instead of the offscreen
    # platform's 800×800, so a window keeps the size a test gives it
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(Path(__file__).with_name("offscreen-screen.json"))
os.environ.pop("METODESK_LANG", None)

from metodesk import paths  # noqa: E402
from metodesk.i18n import set_language  # noqa: E402

PINNED_TODAY = "2026-05-20"  # a day of 2025-2026; module-scoped fixtures and child processes see it too
os.environ["METODESK_TODAY"] = PINNED_TODAY

if TYPE_CHECKING:
    from metodesk.storage.database import Database


DATABASE_KINDS = ("sqlite", "postgresql")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "both_databases: run the tests that use the db fixture on SQLite and on PostgreSQL",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``both_databases`` that use ``db`` run on each kind of database
    (with ``METODESK_TEST_BOTH=1``, every test that uses ``db`` does: a way to try
    a module on the server before marking it)."""
    both = metafunc.definition.get_closest_marker("both_databases") or os.environ.get("METODESK_TEST_BOTH") == "1"
    if "database_kind" in metafunc.fixturenames and both:
        metafunc.parametrize("database_kind", DATABASE_KINDS, indirect=True)


def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = Path(str(item.fspath)).parts
        if "gui" in parts or "e2e" in parts:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own data folder and starts in English, on a day of
    the academic year 2025-2026 (the year most tests' records are dated in):
    a new database seeds that year. Tests of the year's own logic pin another day."""
    data = tmp_path / "data"
    monkeypatch.setenv("METODESK_DATA_DIR", str(data))
    monkeypatch.setenv("METODESK_TODAY", PINNED_TODAY)
    monkeypatch.delenv("METODESK_DATABASE_URL", raising=False)
    paths.set_data_dir(None)
    paths.set_database_url(None)
    set_language("en")
    yield data
    paths.set_data_dir(None)
    paths.set_database_url(None)
    set_language("en")


@pytest.fixture(autouse=True)
def _window_questions_answered(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Window tests (gui, e2e): a dialog closed with changes at a test's end
    (pytest-qt closes every widget it was given) must not stop on the discard
    question, nor a test that saves two alike records on the duplicate warning.
    The tests of those questions put the real ones back (imported before this runs).
    A main window a test left open is closed after it: the next test's damage
    handler looks for "the" visible main window and must not find another test's."""
    if request.node.get_closest_marker("gui") is None:
        yield
        return
    from metodesk.ui.dialogs import base

    monkeypatch.setattr(base, "ask_discard", lambda parent, keep_draft=False: "discard")
    monkeypatch.setattr(base, "ask_duplicate", lambda parent, existing: "save")
    yield
    from PySide6.QtWidgets import QApplication

    from metodesk.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            widget.close()


@pytest.fixture(scope="session")
def _template_database(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """What ``prepare_database`` makes of a new file, made once per test
    process for each academic year seeding can start in: a new database seeds
    the year holding "today" (``METODESK_TODAY``, pinned above; tests of the
    year's own logic pin other days). Only the rows' created/updated times are
    the template's, which a test cannot tell from a database prepared a moment
    before it."""
    from metodesk.domain import academic_year
    from metodesk.services.setup import prepare_database

    made: dict[str, Path] = {}

    def template() -> Path:
        key = academic_year.name_of(academic_year.today())
        if key not in made:
            folder = tmp_path_factory.mktemp("template")
            path = folder / "metodesk.sqlite3"
            prepare_database(path).close()
            # Closing the last connection checkpointed the WAL into the file and removed
            # it: the file alone is the whole database, and nothing here has it open.
            left = sorted(p.name for p in folder.iterdir() if p != path)
            assert not left, f"the template database left {left} beside it"
            made[key] = path
        return made[key]

    return template


@pytest.fixture
def fresh_database(_template_database: Callable[[], Path]) -> Callable[..., Database]:
    """A function ``(path=None)`` that puts a migrated, seeded database at
    ``path`` (by default the data folder's) and returns it open, as
    ``prepare_database`` does for a new file: a copy of the template, which
    nothing has open while it is copied."""

    def make(path: Path | None = None) -> Database:
        return _copy_and_open(_template_database(), path)

    return make


def _copy_and_open(template: Path, path: Path | None) -> Database:
    from metodesk.services.setup import prepare_database

    if path is None:
        paths.ensure_data_dir()
        path = paths.database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.with_name(path.name + "-wal").exists():
        raise FileExistsError(f"{path} exists: the test databases are made in new places only")
    shutil.copyfile(template, path)
    return prepare_database(path)


@pytest.fixture(scope="session")
def _demo_templates(
    _template_database: Callable[[], Path], tmp_path_factory: pytest.TempPathFactory
) -> Callable[[dt.date | None], Path]:
    """The demo school as ``fill_demo(session, today)`` writes it into a new
    database, made once per test process for each ``today`` asked for. The demo
    is deterministic (its one random generator is seeded); ``today=None`` means
    "today" as the program sees it (``METODESK_TODAY`` or the clock)."""
    from metodesk.domain import academic_year
    from metodesk.services import demo

    made: dict[dt.date, Path] = {}

    def template(today: dt.date | None) -> Path:
        key = today or academic_year.today()
        if key not in made:
            folder = tmp_path_factory.mktemp("demo")
            database = _copy_and_open(_template_database(), folder / "metodesk.sqlite3")
            with database.transaction() as session:
                demo.fill_demo(session, today=today)
            database.close()
            left = sorted(p.name for p in folder.iterdir() if p != database.path)
            assert not left, f"the demo template left {left} beside it"
            made[key] = database.path
        return made[key]

    return template


@pytest.fixture
def demo_database(_demo_templates: Callable[[dt.date | None], Path]) -> Callable[..., Database]:
    """A function ``(today=None, path=None)`` that puts a database holding the
    demo school, exactly as ``fill_demo(session, today)`` on a new database
    leaves it, at ``path`` (by default the data folder's) and returns it open.
    Close it at the end of the test, as any database a test opens."""

    def make(today: dt.date | None = None, path: Path | None = None) -> Database:
        return _copy_and_open(_demo_templates(today), path)

    return make


@pytest.fixture
def database_kind(request: pytest.FixtureRequest) -> str:
    """"sqlite", unless the test runs on both kinds (``both_databases``)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The URL of the tests' PostgreSQL server (``METODESK_TEST_PG_URL``, set by
    ``./dev.sh test``): a test needing it skips without one, and fails under CI."""
    url = os.environ.get("METODESK_TEST_PG_URL", "").strip()
    if url:
        return url
    reason = "no PostgreSQL server for the tests: METODESK_TEST_PG_URL is not set (./dev.sh test starts one)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _pg_admin(url: str):
    """An autocommit engine on the server's own database, for CREATE/DROP DATABASE."""
    from sqlalchemy import create_engine

    from metodesk.storage.server import engine_url

    return create_engine(engine_url(url), isolation_level="AUTOCOMMIT", poolclass=_null_pool())


def _null_pool():
    from sqlalchemy.pool import NullPool

    return NullPool


def _pg_database_url(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture(scope="session")
def pg_server(pg_url: str) -> Iterator[PgServer]:
    """The tests' server, with this test process's template databases."""
    server = PgServer(pg_url)
    try:
        server.ping()
    except Exception as exc:  # the server given cannot be used: the same rule as no server
        reason = f"the PostgreSQL server {pg_url} cannot be used: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    yield server
    server.drop_all()


class PgServer:
    """Databases on the tests' server: a migrated, seeded template per academic
    year per test process, and a copy of it for each test."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.prefix = f"mdt_{_worker()}_{os.getpid()}"
        self.admin = _pg_admin(url)
        self.templates: dict[str, str] = {}
        self.made: list[str] = []
        self.numbers = itertools.count(1)
        # The next test's database is made while this test runs (CREATE DATABASE is the
        # server's work, ~0.25 s): one made ahead, from the template last asked for.
        self.ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-ahead")
        self.next: tuple[str, Future[str]] | None = None

    def ping(self) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text("SELECT 1"))

    def execute(self, sql: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def url_of(self, name: str) -> str:
        return _pg_database_url(self.url, name)

    def template(self) -> str:
        """This process's template for the academic year holding "today"."""
        from metodesk.domain import academic_year
        from metodesk.services.setup import prepare_database

        key = academic_year.name_of(academic_year.today())
        if key not in self.templates:
            name = f"{self.prefix}_tpl_{key.replace('-', '_')}"
            self.execute(f'DROP DATABASE IF EXISTS "{name}"')
            self.execute(f'CREATE DATABASE "{name}"')
            self.made.append(name)
            prepare_database(self.url_of(name)).close()
            self.templates[key] = name
        return self.templates[key]

    def _create(self, template: str) -> str:
        name = f"{self.prefix}_{next(self.numbers)}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        self.made.append(name)
        return name

    def new_database(self, template: str | None = None) -> str:
        """A new database copied from ``template`` (by default the migrated,
        seeded one); its URL. The one made ahead is taken when it is a copy of
        the same template, and the next one is started."""
        template = template or self.template()
        ready, self.next = self.next, None
        if ready is not None and ready[0] == template:
            name = ready[1].result()
        else:
            name = self._create(template)
        self.next = (template, self.ahead.submit(self._create, template))
        return self.url_of(name)

    def drop(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self.made:
            self.made.remove(name)

    def drop_all(self) -> None:
        self.ahead.shutdown(wait=True)
        for name in reversed(self.made):
            try:
                self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except Exception:
                pass
        self.admin.dispose()


@pytest.fixture
def server_database(pg_server: PgServer) -> Iterator[Callable[[], Database]]:
    """A function returning a new migrated, seeded database on the tests'
    PostgreSQL server, open as ``prepare_database`` opens it; dropped at the end."""
    from metodesk.services.setup import prepare_database

    opened: list[Database] = []

    def make() -> Database:
        database = prepare_database(pg_server.new_database())
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.close()
        pg_server.drop(database.url or "")


@pytest.fixture
def db(database_kind: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated, seeded database: in the test's data folder, or (a test of
    ``both_databases`` in its ``[postgresql]`` run) on the tests' server."""
    if database_kind == "postgresql":
        yield request.getfixturevalue("server_database")()
        return
    database = request.getfixturevalue("fresh_database")()
    yield database
    database.close()


@pytest.fixture
def session(db):
    """One transaction, committed at the end of the test body when it succeeds."""
    with db.transaction() as s:
        yield s


@pytest.fixture
def ours(db) -> int:
    """Our organisation's id (a plain school)."""
    from metodesk.services import organisations

    with db.transaction() as s:
        org_id = organisations.save_organisation(
            s, organisations.OrganisationInput(kind="school", name_kk="№1 мектеп", name_ru="Школа №1")
        )
        organisations.make_ours(s, org_id)
    return org_id
