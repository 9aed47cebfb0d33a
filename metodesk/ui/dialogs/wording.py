"""The library of typical wording, opened from the meeting editor: choose an
agenda item or a decision in the protocol's language to insert, add your own,
or remove one. Adding and removing are written at once (each one action)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from metodesk.i18n import _
from metodesk.services import wording
from metodesk.services.wording import WordingInput, WordingKind, WordingRow, WordingTopic
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import label_of, run_action, text_box


def language_combo(name: str, lang: str) -> QComboBox:
    """Kazakh / Russian: the language of a printed document."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(_("Kazakh"), "kk")
    combo.addItem(_("Russian"), "ru")
    combo.setCurrentIndex(max(combo.findData(lang), 0))
    return combo


class WordingEntryDialog(FormDialog):
    """Add a wording of one kind to the library, in Kazakh, Russian or both."""

    def __init__(
        self, ctx: AppContext, kind: str, topic: str, lang: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, _("Add to the library"), parent)
        self.kind = kind
        self.topic_combo = QComboBox()
        self.topic_combo.setObjectName("entry_topic_combo")
        for code, label in WordingTopic.choices():
            self.topic_combo.addItem(label, code)
        self.topic_combo.setCurrentIndex(max(self.topic_combo.findData(topic or WordingTopic.OTHER.value), 0))
        self.add_field(_("Topic"), self.topic_combo, "topic")
        self.text_kk = self.add_field(_("Text in Kazakh"), text_box("entry_text_kk", 4), "text_kk")
        self.text_ru = self.add_field(_("Text in Russian"), text_box("entry_text_ru", 4), "text_ru")
        (self.text_ru if lang == "ru" else self.text_kk).setPlainText(text)
        self.resize(max(self.width(), 620), self.sizeHint().height())

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        data = WordingInput(
            kind=self.kind,
            topic=str(self.topic_combo.currentData()),
            text_kk=self.text_kk.toPlainText(),
            text_ru=self.text_ru.toPlainText(),
        )
        return wording.save_wording(session, data)


class WordingDialog(QDialog):
    """Pick a typical agenda item (``kind`` "agenda") or decision ("decision")."""

    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        lang: str,
        topic: str = "",
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.typed = text
        self.setObjectName("WordingDialog")
        self.setWindowTitle(
            _("Typical agenda items") if kind == WordingKind.AGENDA.value else _("Typical decisions")
        )
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.lang_combo = language_combo("wording_lang_combo", lang)
        self.topic_combo = QComboBox()
        self.topic_combo.setObjectName("wording_topic_combo")
        self.topic_combo.addItem(_("All topics"), "")
        for code, label in WordingTopic.choices():
            self.topic_combo.addItem(label, code)
        self.topic_combo.setCurrentIndex(max(self.topic_combo.findData(topic), 0))
        for label, widget in ((_("Language"), self.lang_combo), (_("Topic"), self.topic_combo)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        top.addStretch(1)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setObjectName("wording_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.currentRowChanged.connect(self._update_buttons)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("Add to the library…"))
        self.add_button.setObjectName("wording_add_button")
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(_("Remove from the library"))
        self.remove_button.setObjectName("wording_remove_button")
        self.remove_button.clicked.connect(self.remove_entry)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("dialog_buttons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Insert"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.entries: list[WordingRow] = []
        self.lang_combo.currentIndexChanged.connect(self._show)
        self.topic_combo.currentIndexChanged.connect(self._show)
        self.reload()
        self.resize(720, 460)
        geometry = ctx.settings.value("dialogs/WordingDialog")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    def topic(self) -> str:
        return str(self.topic_combo.currentData() or "")

    def reload(self, select_id: int | None = None) -> None:
        with self.ctx.reading() as session:
            self.entries = wording.list_wording(session, self.kind)
        self._show(select_id=select_id)

    def _show(self, _index: int = 0, select_id: int | None = None) -> None:
        lang, topic = self.lang(), self.topic()
        if select_id is None and self.chosen() is not None:
            select_id = self.chosen().id
        self.list.clear()
        for entry in self.entries:
            if topic and entry.topic != topic:
                continue
            item = QListWidgetItem(entry.text(lang))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(label_of(WordingTopic, entry.topic))
            self.list.addItem(item)
            if entry.id == select_id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def chosen(self) -> WordingRow | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def chosen_text(self) -> str:
        entry = self.chosen()
        return entry.text(self.lang()) if entry is not None else ""

    def _update_buttons(self, _row: int = 0) -> None:
        chosen = self.chosen() is not None
        self.remove_button.setEnabled(chosen)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen)

    def _double_clicked(self, _item: QListWidgetItem) -> None:
        self.accept()

    def add_entry(self) -> None:
        dialog = WordingEntryDialog(self.ctx, self.kind, self.topic(), self.lang(), self.typed, self)
        if dialog.exec() and dialog.saved_id is not None:
            self.topic_combo.setCurrentIndex(0)
            self.reload(dialog.saved_id)

    def remove_entry(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        if not common.confirm(self, _("Remove this wording from the library?")):
            return
        if run_action(self, self.ctx, self._delete_chosen):
            self.reload()

    def _delete_chosen(self, session) -> None:  # type: ignore[no-untyped-def]
        entry = self.chosen()
        if entry is not None:
            wording.delete_wording(session, entry.id)

    def done(self, result: int) -> None:
        self.ctx.settings.setValue("dialogs/WordingDialog", self.saveGeometry())
        super().done(result)
