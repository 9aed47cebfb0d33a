"""On a server, the window hears other users' changes and refreshes the tabs
they touch (storage/notices.py): the listener's socket is watched by a
QSocketNotifier, and each changed area goes out on ``ctx.changed`` as if this
window had made the change (the visible tab reloads, the others on showing)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier

from metodesk import logs
from metodesk.domain.errors import StorageError
from metodesk.ui.context import AppContext

log = logs.get_logger(__name__)


class ServerChanges(QObject):
    """Listens while the window is open; ``None`` from ``start`` when the server cannot."""

    def __init__(self, ctx: AppContext, listener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.listener = listener
        self.notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._arrived)

    @classmethod
    def start(cls, ctx: AppContext, parent: QObject | None = None):
        from metodesk.storage.notices import ChangeListener

        try:
            listener = ChangeListener(ctx.db.url)
        except StorageError as exc:  # the window works without it; the log says why
            log.warning("Other users' changes will not be heard: %s", exc)
            return None
        return cls(ctx, listener, parent)

    def _arrived(self, *_args) -> None:
        try:
            areas = self.listener.areas()
        except StorageError as exc:
            log.warning("The server's change notices stopped: %s", exc)
            self.notifier.setEnabled(False)
            return
        for area in sorted(areas):
            self.ctx.changed.emit(area)

    def stop(self) -> None:
        self.notifier.setEnabled(False)
        self.listener.close()
