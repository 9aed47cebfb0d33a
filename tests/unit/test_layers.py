"""The layers point one way (docs/architecture.md, 'Import direction'): nothing outside metodesk/ui and
metodesk/app.py pulls in Qt; services and the command line do not pull in
reportlab; the domain pulls in neither SQLAlchemy nor Qt. Each check runs in a
fresh interpreter, because this test process may already have loaded them."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
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
