"""Issue 19.2: every tab and the editing dialogs fit a 1024x768 screen (many
school laptops) in Kazakh and in Russian: no minimum size beyond the screen,
so Export, Preview and the filters stay on it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from metodesk.i18n import set_language
from metodesk.services import associations, demo, years
from metodesk.storage.models import Lesson, MentoringPair, Teacher
from metodesk.ui.context import AppContext
from metodesk.ui.main_window import MainWindow

SCREEN = (1024, 768)
TODAY = dt.date(2026, 12, 7)
TASKBAR = 40  # the height a desktop's panel takes from the screen


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from metodesk.services.setup import prepare_database

    db = prepare_database(tmp_path_factory.mktemp("small") / "metodesk.sqlite3")
    with db.transaction() as s:
        demo.fill_demo(s, today=TODAY)
    yield db
    db.close()


def _fits(widget) -> tuple[int, int]:
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    return hint.width(), hint.height()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_window_and_every_tab_fit_1024x768(qtbot, demo_db, lang) -> None:
    set_language(lang)
    window = MainWindow(AppContext(demo_db))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    for index, tab in enumerate(window.tabs):
        window.tabs_widget.setCurrentIndex(index)
        table = getattr(tab, "table", None)
        if table is not None and table.model() is not None and table.model().rowCount():
            table.selectRow(0)  # a chosen row fills the detail panel, the widest state
        QApplication.processEvents()
        width, height = _fits(window)
        assert width <= SCREEN[0], (type(tab).__name__, width)
        assert height <= SCREEN[1] - TASKBAR, (type(tab).__name__, height)
    assert window.width() <= SCREEN[0]


def _dialogs(ctx: AppContext):
    from sqlalchemy import select

    from metodesk.ui.dialogs.association import AssociationDialog
    from metodesk.ui.dialogs.lesson import LessonDialog
    from metodesk.ui.dialogs.meeting import MeetingDialog
    from metodesk.ui.dialogs.mentoring_entry import MentoringEntryDialog
    from metodesk.ui.dialogs.mentoring_pair import MentoringPairDialog
    from metodesk.ui.dialogs.observation import ObservationDialog
    from metodesk.ui.dialogs.teacher import TeacherDialog
    from metodesk.ui.dialogs.year import YearDialog

    with ctx.reading() as s:
        year = years.current_year(s)
        lesson_id = s.scalars(select(Lesson.id).order_by(Lesson.date)).first()
        pair_id = s.scalars(select(MentoringPair.id)).first()
        teacher_id = s.scalars(select(Teacher.id)).first()
        assoc_id = associations.list_associations(s, year.id)[0].id
    return [
        lambda: ObservationDialog(ctx, lesson_id, today=TODAY),
        lambda: MeetingDialog(ctx, assoc_id),
        lambda: LessonDialog(ctx, year_id=year.id, association_id=assoc_id),
        lambda: TeacherDialog(ctx, teacher_id),
        lambda: AssociationDialog(ctx, assoc_id),
        lambda: MentoringPairDialog(ctx, year.id, pair_id),
        lambda: MentoringEntryDialog(ctx, pair_id),
        lambda: YearDialog(ctx, year),
    ]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_editing_dialogs_fit_1024x768(qtbot, demo_db, lang) -> None:
    set_language(lang)
    ctx = AppContext(demo_db)
    for make in _dialogs(ctx):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        width, height = _fits(dialog)
        assert width <= SCREEN[0] and height <= SCREEN[1] - TASKBAR, (type(dialog).__name__, width, height)
        assert dialog.width() <= SCREEN[0], (type(dialog).__name__, dialog.width())
        dialog.close()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_column_header_is_clipped_at_1024(qtbot, demo_db, lang) -> None:
    """Issue 19.8: "Ғақырыбы" for "Тақырыбы", "Экспорт" under its arrow: every
    header of every table of every tab and page shows its whole text."""
    from PySide6.QtWidgets import QPushButton, QTableView, QTabWidget

    from metodesk.ui.tabs.base import header_width

    set_language(lang)
    window = MainWindow(AppContext(demo_db))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    clipped = []
    for index, tab in enumerate(window.tabs):
        window.tabs_widget.setCurrentIndex(index)
        table = getattr(tab, "table", None)
        if table is not None and table.model() is not None and table.model().rowCount():
            table.selectRow(0)
        pages: list[QTabWidget | None] = [w for w in tab.findChildren(QTabWidget) if w.isVisible()]
        for pager in pages or [None]:
            for page in range(pager.count() if pager is not None else 1):
                if pager is not None:
                    pager.setCurrentIndex(page)
                QApplication.processEvents()
                for view in tab.findChildren(QTableView):
                    if not view.isVisible() or view.model() is None:
                        continue
                    header = view.horizontalHeader()
                    for column in range(header.count()):
                        if header.isSectionHidden(column):
                            continue
                        if header.sectionSize(column) < header_width(view, column) - 28:
                            clipped.append((type(tab).__name__, view.objectName(), column, header.sectionSize(column)))
        for button in tab.findChildren(QPushButton):
            if button.isVisible() and button.width() < button.sizeHint().width() - 2:
                clipped.append((type(tab).__name__, button.objectName(), button.width(), button.sizeHint().width()))
    assert not clipped
