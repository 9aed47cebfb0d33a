"""Documents an association reviews (Order No. 253 items 26-27): the one an
agenda item reviews (edited with the meeting), and an entry of the register
(kind, title, author, the meeting that reviewed it, the head's approval date),
written at once."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from metodesk.domain.council import ReviewConclusion

from metodesk.domain.errors import DomainError
from metodesk.domain.meeting_enums import DocumentKind
from metodesk.i18n import _
from metodesk.i18n.dates import short_date
from metodesk.services import agenda, associations, meetings, reviewed_documents
from metodesk.services.meeting_draft import DraftDocument
from metodesk.services.reviewed_documents import DocumentInput
from metodesk.ui.context import AppContext
from metodesk.ui.dialogs.base import FormDialog
from metodesk.ui.dialogs.draft_form import DraftFormDialog
from metodesk.ui.widgets import DateField


def _combo(name: str, items: list[tuple[object, str]], current: object) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for data, text in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _kinds() -> list[tuple[object, str]]:
    return [(code, label) for code, label in DocumentKind.choices()]


class ConclusionFields:
    """The reviewing body's conclusion (item 27) and, for a revision, its reason."""

    def __init__(self, dialog, conclusion: str, reason: str) -> None:  # type: ignore[no-untyped-def]
        self.dialog = dialog
        self.combo = dialog.add_field(
            _("Conclusion"), _combo("document_conclusion", list(ReviewConclusion.choices()), conclusion), "conclusion"
        )
        self.reason = dialog.add_field(_("Reason for revision"), QLineEdit(reason), "conclusion_reason")
        self.reason.setObjectName("document_reason")
        self.combo.currentIndexChanged.connect(lambda _i: self.update())
        self.update()

    def update(self) -> None:
        revision = self.combo.currentData() == ReviewConclusion.REVISION.value
        self.dialog.form.setRowVisible(self.reason.parentWidget(), revision)

    def values(self) -> tuple[str, str]:
        code = str(self.combo.currentData())
        reason = self.reason.text().strip() if code == ReviewConclusion.REVISION.value else ""
        if code == ReviewConclusion.REVISION.value and not reason:
            raise DomainError(_("Say why the document is returned for revision."), field="conclusion_reason")
        return code, reason


class ItemDocumentDialog(DraftFormDialog):
    """The document an agenda item reviews: kind, title and author."""

    def __init__(
        self,
        ctx: AppContext,
        document: DraftDocument,
        authors: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("Document reviewed"), parent)
        self.document = document
        self.kind = self.add_field(_("Kind"), _combo("document_kind", _kinds(), document.kind), "kind")
        self.title = self.add_field(_("Title"), QLineEdit(document.title), "title")
        self.title.setObjectName("document_title")
        self.title.setPlaceholderText(_("For example: Mathematics, grades 5-6, 2025-2026"))
        people: list[tuple[object, str]] = [(None, _("— nobody in particular —"))]
        people += [(teacher_id, name) for teacher_id, name in authors]
        self.author = self.add_field(
            _("Author"), _combo("document_author", people, document.author_id), "author_id"
        )
        self.conclusion = ConclusionFields(self, document.conclusion, document.conclusion_reason)
        self.resize(max(self.width(), 600), self.sizeHint().height())

    def collect(self) -> None:
        title = self.title.text().strip()
        if not title:
            raise DomainError(_("Enter the document's title."), field="title")
        self.document.kind = str(self.kind.currentData())
        self.document.title = title
        self.document.author_id = self.author.currentData()
        self.document.conclusion, self.document.conclusion_reason = self.conclusion.values()


class RegisterDocumentDialog(FormDialog):
    """An entry of the association's register, with the meeting item that
    reviewed it (if any) and the day the head approved it."""

    def __init__(
        self,
        ctx: AppContext,
        association_id: int,
        document_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, _("Document reviewed") if document_id else _("New document"), parent)
        self.association_id = association_id
        self.document_id = document_id
        with ctx.reading() as session:
            current = reviewed_documents.get_document(session, document_id) if document_id else None
            detail = associations.get_detail(session, association_id)
            items: list[tuple[object, str]] = [(None, _("— not reviewed yet —"))]
            for meeting in meetings.list_meetings(session, association_id, detail.row.year_id):
                for item in agenda.list_items(session, meeting.id):
                    title = item.title or _("Review of earlier decisions")
                    items.append(
                        (
                            item.id,
                            _("Protocol No. {number} of {date}, item {position}: {title}").format(
                                number=meeting.number,
                                date=short_date(meeting.date),
                                position=item.position,
                                title=title,
                            ),
                        )
                    )
        kind = current.kind if current else DocumentKind.CALENDAR_PLAN.value
        self.kind = self.add_field(_("Kind"), _combo("document_kind", _kinds(), kind), "kind")
        self.title = self.add_field(_("Title"), QLineEdit(current.title if current else ""), "title")
        self.title.setObjectName("document_title")
        people: list[tuple[object, str]] = [(None, _("— nobody in particular —"))]
        people += [(m.teacher_id, m.full_name) for m in detail.members]
        author = current.author_id if current else None
        if author is not None and all(p[0] != author for p in people):
            people.append((author, current.author_name if current else ""))
        self.author = self.add_field(_("Author"), _combo("document_author", people, author), "author_id")
        self.item = self.add_field(
            _("Reviewed at"), _combo("document_item", items, current.item_id if current else None), "item_id"
        )
        self.item.setMinimumContentsLength(30)
        self.item.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.approved_on = self.add_field(
            _("Approved by the head on"), DateField("approved_on"), "approved_on"
        )
        self.approved_on.set_date(current.approved_on if current else None)
        self.conclusion = ConclusionFields(
            self, current.conclusion if current else "", current.conclusion_reason if current else ""
        )
        self.resize(max(self.width(), 640), self.sizeHint().height())

    def save(self, session) -> int:  # type: ignore[no-untyped-def]
        data = DocumentInput(
            kind=str(self.kind.currentData()),
            title=self.title.text(),
            author_id=self.author.currentData(),
            item_id=self.item.currentData(),
            approved_on=self.approved_on.date(),
        )
        data.conclusion, data.conclusion_reason = self.conclusion.values()
        return reviewed_documents.save_document(session, self.association_id, data, self.document_id)
