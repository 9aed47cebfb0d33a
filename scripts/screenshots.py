"""Render every tab of the main window on the demo school, in one language, to PNG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py kk shots/
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main(lang: str, out: Path) -> None:
    from metodesk import paths
    from metodesk.i18n import set_language

    out.mkdir(parents=True, exist_ok=True)
    paths.set_data_dir(tempfile.mkdtemp(prefix="metodesk-shots-"))
    set_language(lang)
    from metodesk.app import create_application
    from metodesk.services import demo
    from metodesk.services.setup import prepare_database

    app = create_application(sys.argv[:1])
    paths.ensure_data_dir()
    db = prepare_database(paths.database_path())
    with db.transaction() as session:
        demo.fill_demo(session)
    db.close()
    from metodesk.ui.startup import open_main_window

    window = open_main_window(app)
    window.resize(1180, 720)
    for index, tab in enumerate(window.tabs):
        window.tabs_widget.setCurrentIndex(index)
        app.processEvents()
        table = getattr(tab, "table", None) or getattr(tab, "list_view", None)
        if table is not None and table.model() is not None and table.model().rowCount():
            table.selectRow(0)
        app.processEvents()
        window.grab().save(str(out / f"{lang}-{index + 1}-{type(tab).__name__}.png"))
    window.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
