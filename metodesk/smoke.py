"""``metodesk --smoke``: the frozen program checks itself and quits (issue 9).

It opens the window on a temporary data folder filled with the demo school,
exports one protocol in Kazakh and one in Russian into that folder, checks
both are PDFs with content, and returns 0; any failure prints one line and
returns 1. Its lines are for whoever builds the program, so they stay in
English (no catalog entries). The same steps prove the bundle carries its migrations, catalogs,
fonts and style sheet.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from metodesk import paths
from metodesk.i18n import set_language


def _say(text: str) -> None:
    print(text, flush=True)


def _export_protocols(folder: Path) -> list[Path]:
    """One held meeting's protocol in Kazakh and in Russian; the files written."""
    from sqlalchemy import select

    from metodesk import reports
    from metodesk.services import protocol_rows
    from metodesk.services.setup import prepare_database
    from metodesk.storage.models import Meeting

    db = prepare_database(paths.database_path())
    try:
        with db.reading() as session:
            meeting_id = session.scalar(
                select(Meeting.id).where(Meeting.status == "held").order_by(Meeting.id)
            )
            if meeting_id is None:
                raise RuntimeError("the demo school has no held meeting")
            data = protocol_rows.protocol_data(session, meeting_id)
    finally:
        db.close()
    written = []
    for lang in ("kk", "ru"):
        out = folder / f"protocol-{lang}.pdf"
        out.write_bytes(reports.build_protocol(data, lang))
        body = out.read_bytes()
        if not body.startswith(b"%PDF") or len(body) < 1000:
            raise RuntimeError(f"{out} is not a PDF with content")
        written.append(out)
    return written


def run_smoke() -> int:
    """The whole check; the process exit code."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="metodesk-smoke-") as temp:
        paths.set_data_dir(temp)
        paths.ensure_data_dir()
        set_language("kk")
        try:
            from metodesk.services import demo
            from metodesk.services.setup import prepare_database

            db = prepare_database(paths.database_path())
            try:
                with db.transaction() as session:
                    summary = demo.fill_demo(session)
            finally:
                db.close()
            _say(summary)
            from metodesk.app import create_application, install_qt_translator
            from metodesk.ui.startup import open_main_window

            app = create_application(sys.argv[:1])
            for lang in ("ru", "kk"):
                if not install_qt_translator(app, lang):
                    raise RuntimeError(f"Qt's own {lang} translations are missing")
            window = open_main_window(app, explicit_language="kk")
            if window is None:
                raise RuntimeError("the main window did not open")
            app.processEvents()
            _say(f"smoke: window shown: {window.windowTitle()}")
            for out in _export_protocols(Path(temp)):
                _say(f"smoke: written {out.name} ({out.stat().st_size} bytes)")
            window.close()
            app.processEvents()
        except Exception as exc:  # noqa: BLE001 - the smoke check reports any failure as one line
            _say(f"smoke: FAILED: {type(exc).__name__}: {exc}")
            return 1
    _say("smoke: passed")
    return 0
