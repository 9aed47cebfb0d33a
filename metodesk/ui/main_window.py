"""The main window: tabs built from a list, menus, shortcuts, status bar,
remembered geometry.

The window is built in two steps so it can be shown before the database layer
is even imported (issue 9: a window within 1.5x a bare Qt window's start): the
shell (tab titles, menus, geometry) needs only Qt; ``attach`` then builds the
real tabs on an AppContext and puts each in its page.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from metodesk import __version__
from metodesk.i18n import N_, _
from metodesk.ui.context import window_settings

if TYPE_CHECKING:
    from metodesk.ui.context import AppContext
    from metodesk.ui.tabs.base import Tab

# (module, class, title) of each tab, in the order they appear. The title is
# here, not only in the tab class, so the shell shows it before any import.
TABS: tuple[tuple[str, str, str], ...] = (
    ("metodesk.ui.tabs.teachers", "TeachersTab", N_("Teachers")),
    ("metodesk.ui.tabs.associations", "AssociationsTab", N_("Associations")),
    ("metodesk.ui.tabs.plans", "PlansTab", N_("Annual plans")),
    ("metodesk.ui.tabs.lessons", "LessonsTab", N_("Open lessons")),
    ("metodesk.ui.tabs.mentoring", "MentoringTab", N_("Mentoring")),
    ("metodesk.ui.tabs.council", "CouncilTab", N_("Methodical council")),
    ("metodesk.ui.tabs.overview", "OverviewTab", N_("Overview")),
    ("metodesk.ui.tabs.growth", "GrowthTab", N_("Professional growth")),
    ("metodesk.ui.tabs.attestation", "AttestationTab", N_("Attestation")),
    ("metodesk.ui.tabs.settings", "SettingsTab", N_("Settings")),
)


class MainWindow(QMainWindow):
    """The shell comes first; ``attach`` fills it. ``MainWindow(ctx)`` does both."""

    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.ctx: AppContext | None = None
        self.settings = ctx.settings if ctx is not None else window_settings()
        self.setObjectName("MainWindow")
        self.tabs_widget = QTabWidget()
        self.tabs_widget.setObjectName("main_tabs")
        self.tabs_widget.setDocumentMode(True)
        self.setCentralWidget(self.tabs_widget)
        self._built: list[Tab | None] = [None] * len(TABS)
        self._texts: list[tuple[QAction | QMenu, str]] = []
        self._pages: list[QWidget] = []
        for module_name, _class_name, _title in TABS:
            page = QWidget()
            page.setObjectName(f"page_{module_name.rsplit('.', 1)[-1]}")
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 0, 0, 0)
            self._pages.append(page)
            self.tabs_widget.addTab(page, "")
        self._build_menus()
        self._status_label = QLabel()
        self._status_label.setObjectName("status_context")
        self.statusBar().setObjectName("status_bar")
        self.statusBar().addPermanentWidget(self._status_label)
        self.retranslate()
        self.resize(1100, 700)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        index = self.settings.value("window/tab", 0)
        self.tabs_widget.setCurrentIndex(int(index) if str(index).isdigit() else 0)
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Put the window on ``ctx``: build the visible tab now and the others
        one by one from the event loop (or at once when ``tabs`` is asked for),
        and turn the data actions on."""
        self.ctx = ctx
        self.settings = ctx.settings
        ctx.status.connect(self.show_status)
        ctx.changed.connect(self._on_data_changed)
        self.tabs_widget.currentChanged.connect(self._on_tab_changed)
        self._enable_data_actions(True)
        self._tab_at(self.tabs_widget.currentIndex())
        QTimer.singleShot(0, self, self._build_next_tab)  # not after the window is gone

    def _tab_at(self, index: int) -> Tab:
        """The tab at ``index``, built (module imported, widgets made) on first use."""
        tab = self._built[index]
        if tab is None:
            assert self.ctx is not None, "tabs are built once the window has its data"
            module_name, class_name, _title = TABS[index]
            tab = getattr(importlib.import_module(module_name), class_name)(self.ctx)
            self._pages[index].layout().addWidget(tab)
            self._built[index] = tab
        return tab

    def _build_next_tab(self) -> None:
        """Build one tab not built yet, then come back from the event loop for
        the next: the window answers clicks between them."""
        for index, tab in enumerate(self._built):
            if tab is None:
                self._tab_at(index)
                QTimer.singleShot(0, self, self._build_next_tab)  # not after the window is gone
                return
        from metodesk.ui.startup import freeze_long_lived_objects

        freeze_long_lived_objects()  # the tabs' modules and widgets, too

    def tabs_built(self) -> bool:
        """True once every tab is built (the start's idle work is over)."""
        return all(tab is not None for tab in self._built)

    @property
    def tabs(self) -> list[Tab]:
        """Every tab, in order (the ones not built yet are built now)."""
        if self.ctx is None:
            return []
        return [self._tab_at(index) for index in range(len(TABS))]

    def retranslate(self) -> None:
        """Set the shell's texts in the active language (again after the
        first-start dialog picked another one)."""
        self.setWindowTitle(_("metodesk — methodical work"))
        for index, (_module, _class, title) in enumerate(TABS):
            self.tabs_widget.setTabText(index, _(title))
        for item, text in self._texts:
            if isinstance(item, QMenu):
                item.setTitle(_(text))
            else:
                item.setText(_(text))

    def add_action(self, name: str, text: str, shortcut: QKeySequence | str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        """An action whose ``text`` (marked with N_) is translated by ``retranslate``."""
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        self._texts.append((action, text))
        return action

    def _menu(self, name: str, text: str) -> QMenu:
        menu = self.menuBar().addMenu("")
        menu.setObjectName(name)
        self._texts.append((menu, text))
        return menu

    def _build_menus(self) -> None:
        self.menuBar().setObjectName("menu_bar")
        file_menu = self._menu("file_menu", N_("&File"))
        self.new_action = self.add_action(
            "action_new", N_("&New record"), QKeySequence.StandardKey.New, self._new
        )
        self.find_action = self.add_action(
            "action_find", N_("&Find"), QKeySequence.StandardKey.Find, self._find
        )
        self.delete_action = self.add_action(
            "action_delete", N_("&Delete record"), QKeySequence.StandardKey.Delete, self._delete
        )
        self.quit_action = self.add_action("action_quit", N_("&Quit"), QKeySequence("Ctrl+Q"), self.close)
        self.backup_action = self.add_action("action_backup", N_("&Back up to…"), None, self._back_up)
        self.restore_action = self.add_action(
            "action_restore", N_("&Restore from backup…"), None, self._restore
        )
        for action in (self.new_action, self.find_action, self.delete_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        self.long_work_actions = importlib.import_module("metodesk.ui.file_actions").add_file_actions(
            self, file_menu
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.go_menu = self._menu("go_menu", N_("&Go"))
        for number, (_module, _class, title) in enumerate(TABS, start=1):
            action = self.add_action(
                # Alt+1 … Alt+9, then Alt+0 for the tenth tab (as browsers count them)
                f"action_tab_{number}", title, QKeySequence(f"Alt+{number % 10}"), self._go_to_tab
            )
            action.setData(number - 1)
            self.go_menu.addAction(action)
        help_menu = self._menu("help_menu", N_("&Help"))
        self.guide_action = self.add_action(
            "action_guide", N_("&Guide"), QKeySequence("F1"), self.show_guide
        )
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.add_action("action_about", N_("&About metodesk"), None, self.show_about))
        self._enable_data_actions(False)

    def _enable_data_actions(self, enabled: bool) -> None:
        """The actions that need the data are off until ``attach``."""
        data_actions = [
            self.new_action,
            self.find_action,
            self.delete_action,
            self.backup_action,
            self.restore_action,
        ]
        for action in data_actions + self.long_work_actions:
            action.setEnabled(enabled)

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
        return self._tab_at(self.tabs_widget.currentIndex())

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(TABS):
            self._tab_at(index).ensure_loaded()

    def load(self) -> None:
        """Fill the visible tab; the others load when first shown."""
        if self.ctx is None:
            return
        self.refresh_status()
        self.current_tab().ensure_loaded()

    def refresh_status(self) -> None:
        from metodesk.services import organisations, years

        if self.ctx is None:
            return
        with self.ctx.reading() as session:
            org = organisations.ours(session)
            year = years.current_year_name(session)
        parts = []
        if org is not None:
            parts.append(org.name(self.ctx.lang))
        if year is not None:
            parts.append(_("{year} academic year").format(year=year))
        self._status_label.setText(" · ".join(parts))

    def show_guide(self) -> None:
        """F1: the short guide in the program's language (kk or ru), offline."""
        from metodesk.ui.dialogs.guide import show_guide

        guide = getattr(self, "_guide", None)
        if guide is not None and guide.isVisible():
            guide.raise_()
            guide.activateWindow()
            return
        self._guide = show_guide(self)

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
        built = [(index, tab) for index, tab in enumerate(self._built) if tab is not None]
        for index, tab in built:
            if not tab.can_close():
                self.tabs_widget.setCurrentIndex(index)
                event.ignore()
                return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/tab", self.tabs_widget.currentIndex())
        for _index, tab in built:
            tab.save_state()
        try:
            self.settings.sync()
        except OSError as exc:  # window.ini could not be written: say so, and close all the same
            from metodesk import logs
            from metodesk.ui import common

            logs.get_logger(__name__).warning("window.ini not saved: %s", exc)
            if self.ctx is not None:  # a shell without its data has nothing to lose
                common.show_error(self, str(exc))
        super().closeEvent(event)
