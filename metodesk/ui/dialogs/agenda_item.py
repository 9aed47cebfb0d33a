"""The Agenda section of the meeting editor: the ordered items on the left, the
chosen item on the right — its question, who was heard and the summary, who
spoke, the decisions (numbered 1.1, 1.2 … as they will print), the documents it
reviews, and for the review item the earlier decisions to mark carried out.

Everything edits the editor's working copy (``MeetingDraft``); nothing is
written until the editor saves the whole meeting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from metodesk.i18n import _
from metodesk.services.meeting_draft import (
    DraftItem,
    DraftPerson,
    MeetingDraft,
)
from metodesk.services.wording import WordingKind
from metodesk.ui import common
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.agenda_parts import ItemParts
from metodesk.ui.dialogs.draft_form import PersonCombo, text_box
from metodesk.ui.dialogs.review_table import ReviewTable
from metodesk.ui.dialogs.row_list import RowList, button, error_label

People = Callable[[], list[tuple[str, DraftPerson]]]


class AgendaPanel(ItemParts, QWidget):
    """``speakers`` lists members and guests; ``members`` lists members only."""

    def __init__(
        self, ctx: AppContext, draft: MeetingDraft, speakers: People, members: People, text_lang: str
    ) -> None:
        super().__init__()
        self.setObjectName("agenda_page")
        self.ctx, self.draft = ctx, draft
        self.speakers, self.members = speakers, members
        self.text_lang = text_lang  # the language typical wording is offered in
        self._loading = False
        layout = QHBoxLayout(self)
        layout.addWidget(self._build_list(), 2)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("item_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self._build_editor())
        layout.addWidget(self.scroll, 5)
        self.refresh_list(0 if draft.items else -1)

    # ---- building ---------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.items_list = QListWidget()
        self.items_list.setObjectName("agenda_list")
        self.items_list.setWordWrap(True)
        self.items_list.setAlternatingRowColors(True)
        self.items_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_list.currentRowChanged.connect(self._item_chosen)
        column.addWidget(self.items_list, 1)
        grid = QGridLayout()
        self.add_item_button = button("add_item_button", _("Add item"), self.add_item)
        self.library_button = button("agenda_library_button", _("Typical items…"), self.add_from_library)
        self.library_button.setToolTip(
            _("Insert a typical agenda item from the library, in the protocol's language.")
        )
        self.up_button = button("item_up_button", _("Move up"), self.move_up)
        self.down_button = button("item_down_button", _("Move down"), self.move_down)
        self.review_button = button("add_review_button", _("Review earlier decisions"), self.add_review)
        self.review_button.setToolTip(
            _("Start the agenda with the item that reviews how earlier decisions were carried out.")
        )
        self.remove_item_button = button("remove_item_button", _("Remove item"), self.remove_item)
        for index, widget in enumerate(
            (
                self.add_item_button,
                self.library_button,
                self.up_button,
                self.down_button,
                self.review_button,
                self.remove_item_button,
            )
        ):
            grid.addWidget(widget, index // 2, index % 2)
        column.addLayout(grid)
        return left

    def _build_editor(self) -> QWidget:
        editor = QWidget()
        editor.setObjectName("item_editor")
        column = QVBoxLayout(editor)
        self.empty_label = QLabel(
            _("The agenda is empty. Add an item, or insert a typical one from the library.")
        )
        self.empty_label.setObjectName("agenda_empty")
        self.empty_label.setWordWrap(True)
        column.addWidget(self.empty_label)
        self.item_error = error_label("item_error")
        column.addWidget(self.item_error)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("item_kind")
        self.kind_label.setWordWrap(True)
        body.addWidget(self.kind_label)
        self.review_box = QGroupBox(_("Earlier decisions: tick those carried out"))
        self.review_box.setObjectName("review_box")
        review_column = QVBoxLayout(self.review_box)
        self.review_table = ReviewTable(self.draft)
        review_column.addWidget(self.review_table)
        self.reviews_error = error_label("reviews_error")
        review_column.addWidget(self.reviews_error)
        body.addWidget(self.review_box)
        self.title_caption = QLabel(_("Question"))
        body.addWidget(self.title_caption)
        self.title_edit = text_box("item_title", 3, fixed=True)
        self.title_edit.textChanged.connect(self._title_changed)
        body.addWidget(self.title_edit)
        self.title_error = error_label("title_error")
        body.addWidget(self.title_error)
        heard = QGroupBox(_("Heard"))
        heard.setObjectName("heard_box")
        heard_column = QVBoxLayout(heard)
        heard_column.addWidget(QLabel(_("Speaker: a member, a guest, or a name typed in")))
        self.speaker_combo = PersonCombo("item_speaker")
        self.speaker_combo.editTextChanged.connect(self._speaker_changed)
        heard_column.addWidget(self.speaker_combo)
        self.speaker_error = error_label("speaker_error")
        heard_column.addWidget(self.speaker_error)
        heard_column.addWidget(QLabel(_("Summary of the report")))
        self.summary_edit = text_box("item_summary", 9, fixed=True)
        self.summary_edit.textChanged.connect(self._summary_changed)
        heard_column.addWidget(self.summary_edit)
        self.summary_error = error_label("summary_error")
        heard_column.addWidget(self.summary_error)
        body.addWidget(heard)
        self.speeches = RowList("speeches", _("Spoke"), _("Add who spoke…"))
        self.speeches.edit_requested.connect(self.edit_speech)
        self.speeches.remove_requested.connect(self.remove_speech)
        body.addWidget(self.speeches)
        self.decisions = RowList("decisions", _("Decided"), _("Add decision…"))
        self.decisions.edit_requested.connect(self.edit_decision)
        self.decisions.remove_requested.connect(self.remove_decision)
        body.addWidget(self.decisions)
        self.documents = RowList("documents", _("Documents reviewed under this item"), _("Add document…"))
        self.documents.edit_requested.connect(self.edit_document)
        self.documents.remove_requested.connect(self.remove_document)
        body.addWidget(self.documents)
        column.addWidget(self.body)
        column.addStretch(1)
        return editor

    # ---- the list -----------------------------------------------------------------------------

    def current_index(self) -> int:
        return self.items_list.currentRow()

    def current(self) -> DraftItem | None:
        index = self.current_index()
        return self.draft.items[index] if 0 <= index < len(self.draft.items) else None

    def item_text(self, index: int) -> str:
        item = self.draft.items[index]
        title = " ".join(item.title.split()) or (_("Review of earlier decisions") if item.is_review else "…")
        return _("{number}. {title}").format(number=index + 1, title=title)

    def refresh_list(self, select: int | None = None) -> None:
        """Rewrite the numbered list (numbers follow the order) and choose ``select``."""
        keep = self.current_index() if select is None else select
        self.items_list.blockSignals(True)
        self.items_list.clear()
        self.items_list.addItems([self.item_text(i) for i in range(len(self.draft.items))])
        self.items_list.blockSignals(False)
        if self.draft.items:
            self.items_list.setCurrentRow(min(max(keep, 0), len(self.draft.items) - 1))
        self._item_chosen(self.items_list.currentRow())

    def _update_buttons(self) -> None:
        index, count = self.current_index(), len(self.draft.items)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < count - 1)
        self.remove_item_button.setEnabled(index >= 0)
        self.review_button.setEnabled(not self.draft.has_review_item())

    def _item_chosen(self, index: int) -> None:
        item = self.current()
        self.empty_label.setVisible(item is None)
        self.body.setVisible(item is not None)
        self._update_buttons()
        if item is None:
            return
        self._loading = True
        try:
            self.kind_label.setText(
                _(
                    "This item reviews how earlier decisions were carried out. Leave the question empty "
                    "to print the usual wording."
                )
                if item.is_review
                else ""
            )
            self.kind_label.setVisible(item.is_review)
            self.title_edit.setPlainText(item.title)
            self.refresh_people()
            self.summary_edit.setPlainText(item.summary)
            self.review_box.setVisible(item.is_review)
            if item.is_review:
                self.review_table.refresh()
            self._show_parts(item, index)
        finally:
            self._loading = False

    def refresh_people(self) -> None:
        """Offer the current members and guests as the speaker (after guests change)."""
        item = self.current()
        was = self._loading
        self._loading = True
        try:
            self.speaker_combo.set_choices(self.speakers())
            if item is not None:
                self.speaker_combo.set_person(item.speaker)
                self._show_parts(item, self.current_index())
        finally:
            self._loading = was

    # ---- live edits -----------------------------------------------------------------------------

    def _title_changed(self) -> None:
        item = self.current()
        if self._loading or item is None:
            return
        item.title = self.title_edit.toPlainText()
        self.items_list.item(self.current_index()).setText(self.item_text(self.current_index()))

    def _speaker_changed(self, _text: str) -> None:
        item = self.current()
        if not self._loading and item is not None:
            item.speaker = self.speaker_combo.person()

    def _summary_changed(self) -> None:
        item = self.current()
        if not self._loading and item is not None:
            item.summary = self.summary_edit.toPlainText()

    # ---- items ------------------------------------------------------------------------------------

    def _append(self, item: DraftItem, at: int | None = None) -> None:
        index = len(self.draft.items) if at is None else at
        self.draft.items.insert(index, item)
        self.refresh_list(index)
        self.title_edit.setFocus()

    def add_item(self) -> None:
        self._append(DraftItem(id=None))

    def add_from_library(self) -> None:
        from metodesk.ui.dialogs.wording import WordingDialog

        dialog = WordingDialog(self.ctx, WordingKind.AGENDA.value, self.text_lang, parent=self)
        if dialog.exec() and dialog.chosen() is not None:
            self.text_lang = dialog.lang()
            entry = dialog.chosen()
            self._append(DraftItem(id=None, title=dialog.chosen_text(), topic=entry.topic if entry else ""))

    def add_review(self) -> None:
        if not self.draft.has_review_item():
            self._append(self.draft.review_item(), at=0)

    def _move(self, offset: int) -> None:
        index = self.current_index()
        target = index + offset
        if index < 0 or not 0 <= target < len(self.draft.items):
            return
        items = self.draft.items
        items[index], items[target] = items[target], items[index]
        self.refresh_list(target)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def remove_item(self) -> None:
        item, index = self.current(), self.current_index()
        if item is None:
            return
        if (
            item.title.strip() or item.summary.strip() or item.speeches or item.decisions
        ) and not common.confirm(
            self,
            _("Remove agenda item {number} with who spoke and its decisions?").format(number=index + 1),
        ):
            return
        del self.draft.items[index]
        self.refresh_list(index)

    # ---- refusals -------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for label in (
            self.item_error,
            self.title_error,
            self.speaker_error,
            self.summary_error,
            self.reviews_error,
        ):
            label.hide()
        for part in (self.speeches, self.decisions, self.documents):
            part.error.hide()

    def show_error(
        self, index: int | None, part: str, row: int | None, field: str | None, message: str
    ) -> None:
        """Choose the item the refusal is about and show the sentence by its field."""
        if index is not None and 0 <= index < len(self.draft.items):
            self.items_list.setCurrentRow(index)
        parts = {"speeches": self.speeches, "decisions": self.decisions, "documents": self.documents}
        if part in parts:
            target = parts[part]
            if row is not None and 0 <= row < target.list.count():
                target.list.setCurrentRow(row)
            label = target.error
        elif part == "reviews":
            label = self.reviews_error
        else:
            label = {
                "title": self.title_error,
                "speaker": self.speaker_error,
                "summary": self.summary_error,
            }.get(field or "", self.item_error)
        label.setText(message)
        label.show()
        self.scroll.ensureWidgetVisible(label)
