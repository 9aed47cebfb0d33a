"""The layers point one way (docs/architecture.md, 'Layers' and 'Import direction').

Two kinds of check. What a fresh interpreter loads (each in a new process,
because this test process may already have loaded them): nothing outside
metodesk/ui and metodesk/app.py pulls in Qt; services and the command line do
not pull in reportlab; the domain pulls in neither SQLAlchemy nor Qt. And what
each module's syntax tree imports, wherever the statement stands (inside a
function, under TYPE_CHECKING): the domain names only domain and i18n; reports
only domain, i18n, reports (and paths for the fonts); services never ui, cli
or reports or the documents registry; ui never
storage or SQLAlchemy (ui/context.py excepted: it owns the Database); storage
never services, ui, reports or cli; i18n only paths."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "metodesk"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules(*, under: str = "", skip: tuple[str, ...] = ()) -> list[str]:
    base = PACKAGE / under if under else PACKAGE
    names = []
    for path in sorted(base.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("storage/migrations/"):
            continue  # Alembic scripts, run by Alembic, not imported
        if any(rel == s or rel.startswith(s.rstrip("/") + "/") for s in skip):
            continue
        names.append(_module_name(path))
    return names


def _loaded_after(code: str) -> set[str]:
    """Top-level packages loaded after running ``code`` in a fresh interpreter."""
    script = textwrap.dedent(code) + textwrap.dedent(
        """
        import json, sys
        print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def _imports(modules: list[str]) -> str:
    return "import importlib\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)


NON_UI = _modules(skip=("ui", "app.py"))


def test_module_lists_are_not_empty() -> None:
    assert "metodesk.services.teachers" in NON_UI
    assert "metodesk.storage.database" in NON_UI
    assert "metodesk.cli.basic" in NON_UI
    assert not any(m.startswith("metodesk.ui") or m == "metodesk.app" for m in NON_UI)


def test_nothing_outside_ui_imports_qt() -> None:
    loaded = _loaded_after(_imports(NON_UI))
    assert "metodesk" in loaded
    assert "PySide6" not in loaded
    assert "shiboken6" not in loaded


def test_the_check_can_see_qt() -> None:
    """The same probe notices Qt when the window's modules are imported."""
    assert "PySide6" in _loaded_after(_imports(["metodesk.ui.main_window"]))


def test_services_and_command_line_do_not_import_reportlab() -> None:
    modules = _modules(under="services") + _modules(under="cli")
    code = _imports(modules) + "from metodesk.cli import build_parser\nbuild_parser()\n"
    loaded = _loaded_after(code)
    assert "reportlab" not in loaded
    assert "PySide6" not in loaded


def test_domain_imports_neither_sqlalchemy_nor_qt() -> None:
    loaded = _loaded_after(_imports(_modules(under="domain")))
    assert "sqlalchemy" not in loaded
    assert "PySide6" not in loaded


@pytest.mark.parametrize(
    "module", ["metodesk.config", "metodesk.paths", "metodesk.i18n", "metodesk.i18n.dates"]
)
def test_start_up_modules_stay_light(module: str) -> None:
    """Read before Qt and before the database (config.py): no SQLAlchemy, no Qt."""
    loaded = _loaded_after(
        _imports([module]) + "from metodesk import config\nconfig.resolve_language(None)\n"
    )
    assert not loaded & {"sqlalchemy", "PySide6", "reportlab", "alembic"}


# ---- which layer may import which (docs/architecture.md, "Layers") ------------------------------
#
# The checks above look at what a fresh interpreter loads; an import inside a
# function (or under TYPE_CHECKING) escapes them. These read every module's
# syntax tree instead, every import statement wherever it stands, and hold each
# layer to the modules it may name.


@dataclass(frozen=True)
class Rule:
    """The modules under ``metodesk/<under>`` import, of metodesk, only names
    starting with one of ``allowed`` (any when None), and never a name starting
    with one of ``forbidden`` (metodesk's or a library's). ``exceptions``: a
    module and the forbidden prefixes it may still import, each with its reason
    in the rule's list below."""

    under: str
    allowed: tuple[str, ...] | None
    forbidden: tuple[str, ...]
    exceptions: tuple[tuple[str, tuple[str, ...]], ...] = ()


RULES = {
    # rules, coded values, the printed rows: nothing of the layers above, no library of theirs
    "domain": Rule(
        "domain",
        allowed=("metodesk.domain", "metodesk.i18n"),
        forbidden=("sqlalchemy", "alembic", "PySide6", "shiboken6", "reportlab", "docx", "openpyxl"),
    ),
    # documents are drawn from the domain's rows; paths only to find the fonts (reports/fonts.py)
    "reports": Rule(
        "reports",
        allowed=("metodesk.domain", "metodesk.i18n", "metodesk.reports", "metodesk.paths"),
        forbidden=("sqlalchemy", "alembic", "PySide6", "shiboken6"),
    ),
    # services never reach up into the window, the command line or the documents
    # (the registry builds through reports; services only read)
    "services": Rule(
        "services",
        allowed=None,
        forbidden=(
            "metodesk.ui",
            "metodesk.cli",
            "metodesk.app",
            "metodesk.reports",
            "metodesk.documents",
            "PySide6",
            "shiboken6",
        ),
    ),
    # the window reaches the data through the services; ui/context.py owns the open
    # Database and hands out its Sessions, so it alone names the two types, tells a
    # save refused over someone else's newer change (storage.versions) and maps a
    # server's change notices to the tabs' areas (storage.notices); ui/server_changes.py
    # holds the connection that LISTENs to the server for the window
    "ui": Rule(
        "ui",
        allowed=None,
        forbidden=("metodesk.storage", "sqlalchemy", "alembic"),
        exceptions=(
            (
                "metodesk.ui.context",
                ("metodesk.storage.database", "sqlalchemy.orm", "metodesk.storage.versions", "metodesk.storage.notices"),
            ),
            ("metodesk.ui.server_changes", ("metodesk.storage.notices",)),
        ),
    ),
    # the models and the engine know nothing of what is built on them
    "storage": Rule(
        "storage",
        allowed=None,
        forbidden=(
            "metodesk.services",
            "metodesk.ui",
            "metodesk.reports",
            "metodesk.documents",
            "metodesk.cli",
            "metodesk.app",
            "PySide6",
        ),
    ),
    # the registry of document kinds reads through services and builds through
    # reports; the window and the command line come to it, never the other way
    "documents": Rule(
        "documents",
        allowed=None,
        forbidden=("metodesk.ui", "metodesk.cli", "metodesk.app", "PySide6", "shiboken6"),
    ),
    # the catalogs and date forms, read before anything else starts
    "i18n": Rule("i18n", allowed=("metodesk.i18n", "metodesk.paths"), forbidden=("sqlalchemy", "PySide6")),
}


def imported_names(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """Every name ``module`` imports, wherever the statement stands (inside a
    function, under TYPE_CHECKING), as (line, dotted name); ``from a import b``
    gives ``a.b`` and relative imports are resolved."""
    names: list[tuple[int, str]] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - (node.level - 1)]
                base = ".".join(parent + ([base] if base else []))
            names.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
    return names


def _starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def violations(rule: Rule, sources: dict[str, tuple[str, bool]]) -> list[str]:
    """'module:line imports name' for each import ``rule`` does not allow;
    ``sources``: module name → (its text, whether it is a package's __init__)."""
    found = []
    excepted = dict(rule.exceptions)
    for module, (source, is_package) in sorted(sources.items()):
        for line, name in imported_names(source, module, is_package):
            bad = _starts(name, rule.forbidden) and not _starts(name, excepted.get(module, ()))
            if rule.allowed is not None and _starts(name, ("metodesk",)) and not _starts(name, rule.allowed):
                bad = True
            if bad:
                found.append(f"{module}:{line} imports {name}")
    return found


def _sources(under: str) -> dict[str, tuple[str, bool]]:
    return {
        _module_name(path): (path.read_text(encoding="utf-8"), path.name == "__init__.py")
        for path in sorted((PACKAGE / under).rglob("*.py"))
    }


@pytest.mark.parametrize("layer", sorted(RULES))
def test_each_layer_imports_only_what_it_may(layer: str) -> None:
    sources = _sources(RULES[layer].under)
    assert sources, layer
    assert violations(RULES[layer], sources) == []


def test_the_exceptions_are_still_needed() -> None:
    """An exception nothing uses any more is taken out of the rule."""
    for layer, rule in RULES.items():
        sources = _sources(rule.under)
        for module, prefixes in rule.exceptions:
            assert module in sources, (layer, module)
            source, is_package = sources[module]
            names = [name for _, name in imported_names(source, module, is_package)]
            for prefix in prefixes:
                assert any(_starts(n, (prefix,)) for n in names), (layer, module, prefix)


# A forbidden import planted in a module of each layer, written as the old code
# had them (inside a function, under TYPE_CHECKING, relative): each rule catches it.
PLANTED = {
    "domain": ("metodesk.domain.planted", "def f():\n    from metodesk.services.plans import PlanRow\n"),
    "reports": (
        "metodesk.reports.planted",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from metodesk.services.protocol_rows import ProtocolData\n",
    ),
    "services": ("metodesk.services.planted", "def f():\n    from metodesk import reports\n"),
    "ui": ("metodesk.ui.dialogs.planted", "from sqlalchemy.orm import Session\n"),
    "storage": ("metodesk.storage.planted", "from ..services import backups\n"),
    "i18n": ("metodesk.i18n.planted", "import metodesk.storage.database\n"),
    "documents": ("metodesk.documents.planted", "def f():\n    from metodesk.ui.dialogs import document_preview\n"),
}


@pytest.mark.parametrize("layer", sorted(RULES))
def test_each_rule_catches_a_planted_import(layer: str) -> None:
    module, source = PLANTED[layer]
    assert len(violations(RULES[layer], {module: (source, False)})) == 1


def test_an_exception_covers_only_its_own_module() -> None:
    """ui/context.py may name the Database; the same import elsewhere in ui/ is caught."""
    source = "from metodesk.storage.database import Database\n"
    assert violations(RULES["ui"], {"metodesk.ui.context": (source, False)}) == []
    assert len(violations(RULES["ui"], {"metodesk.ui.dialogs.first_run": (source, False)})) == 1
    assert len(violations(RULES["services"], {"metodesk.services.plans": ("import metodesk.reports\n", False)})) == 1


def test_the_command_line_parser_and_the_registry_stay_light() -> None:
    """Every document kind offers its options to the command line, so the
    registry is read to build the parser: it loads no SQLAlchemy (a kind reads
    and builds through imports inside its methods), and `metodesk list …` or
    `--help` starts as quickly as before the registry."""
    loaded = _loaded_after(
        "from metodesk.cli import build_parser\nbuild_parser()\nimport metodesk.documents.registry\n"
    )
    assert "metodesk" in loaded
    assert not loaded & {"sqlalchemy", "alembic", "reportlab", "docx", "openpyxl", "pypdf", "PySide6"}
