"""The agenda of a meeting: ordered items, who was heard on each and what they
said, and who spoke in the discussion. Decisions are in ``decisions``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from metodesk.domain.errors import DomainError, NotFound
from metodesk.domain.meeting_enums import ItemKind as ItemKind
from metodesk.domain.text import clean_multiline
from metodesk.i18n import _
from metodesk.services.attendance import GuestRow
from metodesk.services.common import check_enum, get_or_fail, limited
from metodesk.services.meetings import _is_participant, short_name
from metodesk.storage.models import AgendaItem, AgendaSpeech, Meeting, MeetingGuest, Teacher

MAX_ITEM_TITLE = 1000
MAX_SUMMARY = 20000
MAX_SPEECH = 10000
MAX_SPEAKER = 300


@dataclass(frozen=True)
class Speaker:
    """Who speaks: a teacher, a guest of the meeting, or a name typed in."""

    teacher_id: int | None = None
    guest_id: int | None = None
    text: str = ""


@dataclass(frozen=True)
class SpeechRow:
    id: int
    item_id: int
    position: int
    speaker: Speaker
    speaker_name: str
    text: str


@dataclass(frozen=True)
class ItemRow:
    id: int
    meeting_id: int
    position: int
    kind: str
    title: str
    speaker: Speaker
    speaker_name: str
    summary: str
    speeches: tuple[SpeechRow, ...]

    @property
    def is_review(self) -> bool:
        return self.kind == ItemKind.REVIEW.value


@dataclass
class ItemInput:
    title: str = ""
    speaker: Speaker = Speaker()
    summary: str = ""
    kind: str = ItemKind.REGULAR.value


@dataclass
class SpeechInput:
    speaker: Speaker = Speaker()
    text: str = ""


def speaker_name(teacher: Teacher | None, guest: MeetingGuest | None, text: str) -> str:
    """The name a protocol prints for a speaker ('' when nobody is set)."""
    if teacher is not None:
        return short_name(teacher)
    if guest is not None:
        return GuestRow(guest.id, guest.name, guest.job_title, guest.organisation).described
    return text


def _speech_row(s: AgendaSpeech) -> SpeechRow:
    return SpeechRow(
        id=s.id,
        item_id=s.item_id,
        position=s.position,
        speaker=Speaker(s.speaker_teacher_id, s.speaker_guest_id, s.speaker_text),
        speaker_name=speaker_name(s.speaker_teacher, s.speaker_guest, s.speaker_text),
        text=s.text,
    )


def item_row(item: AgendaItem) -> ItemRow:
    return ItemRow(
        id=item.id,
        meeting_id=item.meeting_id,
        position=item.position,
        kind=item.kind,
        title=item.title,
        speaker=Speaker(item.speaker_teacher_id, item.speaker_guest_id, item.speaker_text),
        speaker_name=speaker_name(item.speaker_teacher, item.speaker_guest, item.speaker_text),
        summary=item.summary,
        speeches=tuple(_speech_row(s) for s in _ordered(item.speeches)),
    )


def list_items(session: Session, meeting_id: int) -> tuple[ItemRow, ...]:
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    return tuple(item_row(i) for i in _ordered(meeting.items))


def get_item(session: Session, item_id: int) -> ItemRow:
    return item_row(get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found.")))


def _check_speaker(
    session: Session, meeting: Meeting, speaker: Speaker, field: str
) -> tuple[Teacher | None, MeetingGuest | None, str]:
    """The speaker's teacher, guest and typed name, once known to fit the meeting."""
    chosen = sum(x is not None and x != "" for x in (speaker.teacher_id, speaker.guest_id, speaker.text))
    if chosen > 1:
        raise DomainError(_("Choose one speaker: a member, a guest, or a name typed in."), field=field)
    teacher = guest = None
    if speaker.teacher_id is not None:
        teacher = session.get(Teacher, speaker.teacher_id)
        if teacher is None or not _is_participant(session, meeting.association, meeting.id, teacher.id):
            raise DomainError(_("Choose a member of the association."), field=field)
    if speaker.guest_id is not None:
        guest = session.get(MeetingGuest, speaker.guest_id)
        if guest is None or guest.meeting_id != meeting.id:
            raise DomainError(_("Choose a guest of this meeting."), field=field)
    return teacher, guest, limited(speaker.text, field, MAX_SPEAKER)


def _long_text(value: str, field: str, limit: int) -> str:
    text = clean_multiline(value)
    if len(text) > limit:
        raise DomainError(
            _("This text is too long: at most {limit} characters.").format(limit=limit), field=field
        )
    return text


def save_item(session: Session, meeting_id: int, data: ItemInput, item_id: int | None = None) -> int:
    """Add an item at the end of the agenda, or edit one. A regular item needs a
    title; the review item may leave it empty (the protocol prints the usual wording)."""
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    check_enum(data.kind, ItemKind, "kind")
    title = _long_text(data.title, "title", MAX_ITEM_TITLE).replace("\n", " ")
    if not title and data.kind == ItemKind.REGULAR.value:
        raise DomainError(_("Enter the question of the agenda item."), field="title")
    teacher, guest, text = _check_speaker(session, meeting, data.speaker, "speaker")
    summary = _long_text(data.summary, "summary", MAX_SUMMARY)
    item = get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found.")) if item_id else None
    if item is None:
        item = AgendaItem(position=max((i.position for i in meeting.items), default=0) + 1)
        meeting.items.append(item)
    elif item.meeting_id != meeting_id:
        raise NotFound(_("The agenda item was not found."))
    item.kind, item.title = data.kind, title
    item.speaker_teacher, item.speaker_guest, item.speaker_text = teacher, guest, text
    item.summary = summary
    session.flush()
    return item.id


def _ordered(records: list) -> list:  # type: ignore[type-arg]
    """Items or speeches by position (a collection keeps its load order)."""
    return sorted(records, key=lambda r: r.position)


def _renumber(ordered: list[AgendaItem]) -> None:
    for position, item in enumerate(ordered, start=1):
        item.position = position


def insert_item_first(session: Session, meeting_id: int, data: ItemInput) -> int:
    """Save a new item and put it at the head of the agenda."""
    item_id = save_item(session, meeting_id, data)
    meeting = get_or_fail(session, Meeting, meeting_id, _("The meeting was not found."))
    item = session.get(AgendaItem, item_id)
    _renumber([item, *[i for i in _ordered(meeting.items) if i.id != item_id]])  # type: ignore[list-item]
    session.flush()
    return item_id


def move_item(session: Session, item_id: int, offset: int) -> None:
    """Move an item up (negative) or down the agenda; the others close ranks."""
    item = get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found."))
    meeting = item.meeting
    ordered = _ordered(meeting.items)
    index = ordered.index(item)
    target = min(max(index + offset, 0), len(ordered) - 1)
    ordered.insert(target, ordered.pop(index))
    _renumber(ordered)
    session.flush()


def delete_item(session: Session, item_id: int) -> None:
    """Delete an item with its speeches and decisions; the rest are renumbered."""
    item = get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found."))
    meeting = item.meeting
    meeting.items.remove(item)
    session.flush()
    _renumber(_ordered(meeting.items))
    session.flush()


def save_speech(session: Session, item_id: int, data: SpeechInput, speech_id: int | None = None) -> int:
    """Add who spoke in the discussion of an item and what they said, or edit it."""
    item = get_or_fail(session, AgendaItem, item_id, _("The agenda item was not found."))
    teacher, guest, text = _check_speaker(session, item.meeting, data.speaker, "speaker")
    said = _long_text(data.text, "text", MAX_SPEECH)
    if not said:
        raise DomainError(_("Write what the speaker said."), field="text")
    speech = (
        get_or_fail(session, AgendaSpeech, speech_id, _("The speech was not found.")) if speech_id else None
    )
    if speech is None:
        speech = AgendaSpeech(position=max((x.position for x in item.speeches), default=0) + 1)
        item.speeches.append(speech)
    elif speech.item_id != item_id:
        raise NotFound(_("The speech was not found."))
    speech.speaker_teacher, speech.speaker_guest, speech.speaker_text = teacher, guest, text
    speech.text = said
    session.flush()
    return speech.id


def delete_speech(session: Session, speech_id: int) -> None:
    speech = get_or_fail(session, AgendaSpeech, speech_id, _("The speech was not found."))
    item = speech.item
    item.speeches.remove(speech)
    session.flush()
    for position, other in enumerate(_ordered(item.speeches), start=1):
        other.position = position
    session.flush()


def items_of_meeting(session: Session, meeting_id: int) -> list[AgendaItem]:
    """The ORM items in order (for the other services of this area)."""
    return list(
        session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position)
        )
    )
