"""The main window: tabs built from a list, menus, shortcuts, status bar,
remembered geometry."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget

from metodesk import __version__
from metodesk.i18n import _
from metodesk.ui.context import AppContext
from metodesk.ui.tabs.base import Tab

# (module, class) of each tab, in the order they appear.
TABS: tuple[tuple[str, str], ...] = (
    ("metodesk.ui.tabs.teachers", "TeachersTab"),
    ("metodesk.ui.tabs.associations", "AssociationsTab"),
    ("metodesk.ui.tabs.plans", "PlansTab"),
    ("metodesk.ui.tabs.lessons", "LessonsTab"),
    ("metodesk.ui.tabs.mentoring", "MentoringTab"),
    ("metodesk.ui.tabs.attestation", "AttestationTab"),
    ("metodesk.ui.tabs.settings", "SettingsTab"),
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.setWindowTitle(_("metodesk — methodical work"))
        self.tabs_widget = QTabWidget()
        self.tabs_widget.setObjectName("main_tabs")
        self.tabs_widget.setDocumentMode(True)
        self.setCentralWidget(self.tabs_widget)
        self.tabs: list[Tab] = []
        for module_name, class_name in TABS:
            tab_class = getattr(importlib.import_module(module_name), class_name)
            tab: Tab = tab_class(ctx)
            self.tabs.append(tab)
            self.tabs_widget.addTab(tab, tab.title())
        self.tabs_widget.currentChanged.connect(self._on_tab_changed)
        self._build_menus()
        self._status_label = QLabel()
        self._status_label.setObjectName("status_context")
        self.statusBar().setObjectName("status_bar")
        self.statusBar().addPermanentWidget(self._status_label)
        ctx.status.connect(self.show_status)
        ctx.changed.connect(self._on_data_changed)
        self.resize(1100, 700)
        geometry = ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        index = ctx.settings.value("window/tab", 0)
        self.tabs_widget.setCurrentIndex(int(index) if str(index).isdigit() else 0)

    def _action(self, name: str, text: str, shortcut: QKeySequence | str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        menu_bar.setObjectName("menu_bar")
        file_menu = menu_bar.addMenu(_("&File"))
        file_menu.setObjectName("file_menu")
        self.new_action = self._action(
            "action_new",
            _("&New record"),
            QKeySequence.StandardKey.New,
            self._new,
        )
        self.find_action = self._action(
            "action_find",
            _("&Find"),
            QKeySequence.StandardKey.Find,
            self._find,
        )
        self.delete_action = self._action(
            "action_delete",
            _("&Delete record"),
            QKeySequence.StandardKey.Delete,
            self._delete,
        )
        self.quit_action = self._action("action_quit", _("&Quit"), QKeySequence("Ctrl+Q"), self.close)
        self.backup_action = self._action("action_backup", _("&Back up to…"), None, self._back_up)
        self.restore_action = self._action("action_restore", _("&Restore from backup…"), None, self._restore)
        for action in (self.new_action, self.find_action, self.delete_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        importlib.import_module("metodesk.ui.file_actions").add_file_actions(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.go_menu = menu_bar.addMenu(_("&Go"))
        self.go_menu.setObjectName("go_menu")
        for number, tab in enumerate(self.tabs, start=1):
            action = self._action(
                f"action_tab_{number}",
                tab.title(),
                QKeySequence(f"Alt+{number}"),
                self._go_to_tab,
            )
            action.setData(number - 1)
            self.go_menu.addAction(action)
        help_menu = menu_bar.addMenu(_("&Help"))
        help_menu.setObjectName("help_menu")
        help_menu.addAction(self._action("action_about", _("&About metodesk"), None, self.show_about))

    def _new(self) -> None:
        self.current_tab().new_record()

    def _find(self) -> None:
        self.current_tab().focus_search()

    def _delete(self) -> None:
        self.current_tab().delete_selected()

    def _back_up(self) -> None:
        from metodesk.ui.dialogs.backup import back_up_to

        back_up_to(self)

    def _restore(self) -> None:
        from metodesk.ui.dialogs.backup import restore_from_backup

        restore_from_backup(self)

    def _go_to_tab(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.tabs_widget.setCurrentIndex(int(action.data()))

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def _on_data_changed(self, _area: str) -> None:
        self.refresh_status()

    def current_tab(self) -> Tab:
        return self.tabs[self.tabs_widget.currentIndex()]

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.tabs):
            self.tabs[index].ensure_loaded()

    def load(self) -> None:
        """Fill the visible tab; the others load when first shown."""
        self.refresh_status()
        self.current_tab().ensure_loaded()

    def refresh_status(self) -> None:
        from metodesk.services import organisations, years

        with self.ctx.reading() as session:
            org = organisations.ours(session)
            year = years.current_year(session)
        parts = []
        if org is not None:
            parts.append(org.name(self.ctx.lang))
        if year is not None:
            parts.append(_("{year} academic year").format(year=year.name))
        self._status_label.setText(" · ".join(parts))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About metodesk"),
            _(
                "metodesk {version}: methodical work of an education organisation "
                "under Order No. 253 of 10 August 2023."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        for index, tab in enumerate(self.tabs):
            if not tab.can_close():
                self.tabs_widget.setCurrentIndex(index)
                event.ignore()
                return
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.ctx.settings.setValue("window/tab", self.tabs_widget.currentIndex())
        for tab in self.tabs:
            tab.save_state()
        self.ctx.settings.sync()
        super().closeEvent(event)
