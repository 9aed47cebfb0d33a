"""The parts of one agenda item in the meeting editor — who spoke, the
decisions, the documents it reviews — listed with their live numbers (1.1, 1.2 …)
and edited through small dialogs. A mixin of ``AgendaPanel``."""

from __future__ import annotations

from metodesk.domain.meeting_enums import DocumentKind
from metodesk.i18n import _
from metodesk.services.meeting_draft import (
    DraftDecision,
    DraftDocument,
    DraftItem,
    DraftPerson,
    DraftSpeech,
)
from metodesk.ui.dialogs.decision import DecisionDialog, SpeechDialog, decision_summary
from metodesk.ui.dialogs.draft_form import label_of


class ItemParts:
    """Needs ``ctx``, ``draft``, ``current()``, ``current_index()``, the three
    ``RowList`` widgets ``speeches``, ``decisions``, ``documents``, the people
    callables ``speakers`` and ``members``, and ``text_lang``."""

    def _show_parts(self, item: DraftItem, index: int) -> None:
        self.speeches.set_texts([self._speech_text(s) for s in item.speeches])
        self.decisions.set_texts(
            [
                _("{code} {text}").format(
                    code=f"{index + 1}.{row + 1}", text=decision_summary(d, self._person_name(d.responsible))
                )
                for row, d in enumerate(item.decisions)
            ]
        )
        self.documents.set_texts([self._document_text(d) for d in item.documents])

    # ---- names ----------------------------------------------------------------------------------

    def _person_name(self, person: DraftPerson) -> str:
        if person.teacher_id is not None:
            listed = (a.full_name for a in self.draft.attendance if a.teacher_id == person.teacher_id)
            return next(listed, person.text)
        guest = self.draft.guest(person.guest_key)
        return guest.described if guest is not None else person.text

    def _speech_text(self, speech: DraftSpeech) -> str:
        said = " ".join(speech.text.split())
        name = self._person_name(speech.speaker)
        return _("{name}: {text}").format(name=name, text=said) if name else said

    def _document_text(self, doc: DraftDocument) -> str:
        author = next((a.full_name for a in self.draft.attendance if a.teacher_id == doc.author_id), "")
        kind = label_of(DocumentKind, doc.kind)
        if author:
            return _("{kind}: {title} ({author})").format(kind=kind, title=doc.title, author=author)
        return _("{kind}: {title}").format(kind=kind, title=doc.title)

    # ---- parts of an item --------------------------------------------------------------------

    def edit_speech(self, row: int) -> None:
        item = self.current()
        if item is None:
            return
        speech = item.speeches[row] if row >= 0 else DraftSpeech(id=None)
        if SpeechDialog(self.ctx, speech, self.speakers(), self).exec():
            if row < 0:
                item.speeches.append(speech)
            self._show_parts(item, self.current_index())
            if row < 0:
                self.speeches.list.setCurrentRow(len(item.speeches) - 1)

    def remove_speech(self, row: int) -> None:
        item = self.current()
        if item is not None:
            del item.speeches[row]
            self._show_parts(item, self.current_index())

    def edit_decision(self, row: int) -> None:
        item, index = self.current(), self.current_index()
        if item is None:
            return
        decision = item.decisions[row] if row >= 0 else DraftDecision(id=None)
        number = row + 1 if row >= 0 else len(item.decisions) + 1
        dialog = DecisionDialog(
            self.ctx, decision, f"{index + 1}.{number}", self.members(), self.text_lang, item.topic, self
        )
        if dialog.exec():
            self.text_lang = dialog.text_lang
            if row < 0:
                item.decisions.append(decision)
            self._show_parts(item, index)
            self.decisions.list.setCurrentRow(number - 1)

    def remove_decision(self, row: int) -> None:
        item = self.current()
        if item is not None:
            del item.decisions[row]
            self._show_parts(item, self.current_index())

    def edit_document(self, row: int) -> None:
        from metodesk.ui.dialogs.reviewed_document import ItemDocumentDialog

        item = self.current()
        if item is None:
            return
        doc = item.documents[row] if row >= 0 else DraftDocument(id=None)
        authors = [(a.teacher_id, a.full_name) for a in self.draft.attendance]
        if ItemDocumentDialog(self.ctx, doc, authors, self).exec():
            if row < 0:
                item.documents.append(doc)
            self._show_parts(item, self.current_index())

    def remove_document(self, row: int) -> None:
        item = self.current()
        if item is not None:
            del item.documents[row]
            self._show_parts(item, self.current_index())
