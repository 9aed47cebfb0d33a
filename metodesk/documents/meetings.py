"""A meeting's protocol and its blank attendance sheet (Order No. 253 item 35;
layouts in docs/domain/documents.md, 'Protocol' and 'Attendance sheet')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.documents import common
from metodesk.documents.base import DocumentKind, Entry, Format, Option, Request
from metodesk.domain.rows.protocol import ProtocolData
from metodesk.domain.text import sort_key
from metodesk.i18n import _

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MEETING_OPTIONS = (
    Option("association", "association id", required=True, metavar="ID"),
    Option("number", "protocol number", required=True, metavar="N"),
    Option("year", "academic year, e.g. 2025-2026 (default: the association's)", kind="year", metavar="YEAR"),
)


def read_meeting(session: Session, request: Request) -> ProtocolData:
    """The meeting a request names: ``meeting`` (its id), or ``association``
    with ``number`` (and ``year``)."""
    from metodesk.services import meetings, protocol_rows

    meeting_id = common.number(request, "meeting")
    if meeting_id is None:
        row = meetings.find_meeting(
            session, int(request["association"]), int(request["number"]), common.year_id(session, request)
        )
        meeting_id = row.id
    return protocol_rows.protocol_data(session, meeting_id)


def held_meetings(
    session: Session, year_id: int, association_id: int | None, lang: str
) -> list[tuple[int, int, str, tuple[object, ...], str]]:
    """(meeting id, number, date, order, association name) of the year's held meetings."""
    from sqlalchemy import select

    from metodesk.domain.meeting_enums import MeetingStatus
    from metodesk.storage.models import Association, Meeting

    query = (
        select(Meeting.id, Meeting.number, Meeting.date, Association)
        .join(Association, Association.id == Meeting.association_id)
        .where(Meeting.year_id == year_id, Meeting.status == MeetingStatus.HELD.value)
    )
    if association_id is not None:
        query = query.where(Meeting.association_id == association_id)
    found: list[tuple[int, int, str, tuple[object, ...], str]] = []
    for meeting_id, number, day, assoc in session.execute(query):
        name = common.association_name(assoc, lang)
        found.append((meeting_id, number, day.isoformat(), (0, sort_key(name, lang), 1, number, 0), name))
    return found


class ProtocolKind(DocumentKind[ProtocolData]):
    key = "protocol"
    summary = "a meeting's protocol as PDF or Word (DOCX)"
    options = MEETING_OPTIONS
    in_archive = True

    def year_label(self) -> str | None:
        return _("Protocols of every held meeting")

    def title(self) -> str:
        return _("Protocol")

    def read(self, session: Session, request: Request) -> ProtocolData:
        return read_meeting(session, request)

    def build_format(self, data: ProtocolData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import protocol_docx

            return protocol_docx.build(data, lang)
        from metodesk.reports import protocol

        return protocol.build(data, lang)

    def file_title(self, data: ProtocolData, lang: str) -> str:
        return protocol_title(lang, data.number, data.date.isoformat())

    def preview_title(self, data: ProtocolData) -> str:
        return _("Protocol No. {number}: preview").format(number=data.number)

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        return [
            Entry(self.key, {"meeting": meeting_id}, protocol_title(lang, number, day), name, order)
            for meeting_id, number, day, order, name in held_meetings(session, year_id, association_id, lang)
        ]


def protocol_title(lang: str, number: int, day: str) -> str:
    pattern = "Протокол № {number} {date}" if lang == "ru" else "Хаттама № {number} {date}"
    return pattern.format(number=number, date=day)


def attendance_title(lang: str, number: int, day: str) -> str:
    pattern = "Лист регистрации № {number} {date}" if lang == "ru" else "Қатысу парағы № {number} {date}"
    return pattern.format(number=number, date=day)


class AttendanceKind(DocumentKind[ProtocolData]):
    key = "attendance"
    summary = "a blank attendance sheet for a meeting as PDF or Word (DOCX)"
    options = MEETING_OPTIONS
    in_archive = True

    def year_label(self) -> str | None:
        return _("Attendance sheets of every held meeting")

    def title(self) -> str:
        return _("Attendance sheet")

    def read(self, session: Session, request: Request) -> ProtocolData:
        return read_meeting(session, request)

    def build_format(self, data: ProtocolData, lang: str, fmt: Format) -> bytes:
        if fmt is Format.DOCX:
            from metodesk.reports import protocol_docx

            return protocol_docx.build_attendance(data, lang)
        from metodesk.reports import attendance

        return attendance.build(data, lang)

    def file_title(self, data: ProtocolData, lang: str) -> str:
        return attendance_title(lang, data.number, data.date.isoformat())

    def preview_title(self, data: ProtocolData) -> str:
        return _("Attendance sheet for meeting No. {number}: preview").format(number=data.number)

    def in_year(self, session: Session, year_id: int, association_id: int | None, lang: str) -> list[Entry]:
        # right after each protocol
        return [
            Entry(self.key, {"meeting": meeting_id}, attendance_title(lang, number, day), name, order[:4] + (1,))
            for meeting_id, number, day, order, name in held_meetings(session, year_id, association_id, lang)
        ]
