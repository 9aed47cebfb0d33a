"""Documents metodesk prints, built with reportlab from plain rows (never from
a Session, never with Qt). Each builder returns the PDF's bytes.

Importing this package is cheap: reportlab loads only when a document is
built, so the window's start-up does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from metodesk.domain.rows.protocol import ProtocolData

PRINT_LANGUAGES = ("kk", "ru")


def build_protocol(data: ProtocolData, lang: str) -> bytes:
    """The meeting's protocol in ``lang`` ("kk" or "ru")."""
    from metodesk.reports import protocol

    return protocol.build(data, lang)


def build_attendance_sheet(data: ProtocolData, lang: str) -> bytes:
    """A blank attendance sheet for the meeting: member names and a column to sign."""
    from metodesk.reports import attendance

    return attendance.build(data, lang)
