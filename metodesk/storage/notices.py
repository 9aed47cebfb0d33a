"""Other users' changes on a server, heard as they are committed (LISTEN/NOTIFY).

Migration 0014 makes every table NOTIFY ``metodesk_changes`` with ``"<table>
<application_name>"`` after a statement changed it. ``ChangeListener`` holds
one connection of its own that LISTENs, and turns what arrived into the data
areas the window's tabs know (``AREAS``): a tab whose area changed reloads. A
notice from this very process (its application_name, ``server.APPLICATION``)
is passed over: the window already refreshes after its own saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from metodesk.domain.errors import StorageError

if TYPE_CHECKING:
    import psycopg

CHANNEL = "metodesk_changes"

# Each table's data area (the names ui/context's ``changed`` signal carries).
AREAS: dict[str, str] = {
    **dict.fromkeys(("teacher", "teacher_subject"), "teachers"),
    **dict.fromkeys(("organisation", "academic_year", "term", "subject", "setting", "wording"), "settings"),
    **dict.fromkeys(("association", "membership", "reviewed_document"), "associations"),
    **dict.fromkeys(
        ("meeting", "meeting_attendance", "meeting_guest", "agenda_item", "agenda_speech", "decision",
         "agenda_item_lesson"),
        "meetings",
    ),
    **dict.fromkeys(("plan", "plan_activity", "plan_event", "plan_task", "plan_activity_teacher"), "plans"),
    **dict.fromkeys(
        ("lesson", "lesson_move", "observation", "observation_score", "criteria_set", "criterion"), "lessons"
    ),
    **dict.fromkeys(("mentoring_pair", "mentoring_activity", "mentoring_log_entry"), "mentoring"),
    **dict.fromkeys(
        ("attestation_case", "attestation_rule", "case_observation", "category_award", "pd_course"), "attestation"
    ),
    # the council's tab and the overview listen to "associations" (the council is an association row)
    **dict.fromkeys(("council_basis", "school_plan", "school_plan_row", "year_analysis"), "associations"),
    **dict.fromkeys(
        ("self_education", "experience", "experience_teacher", "growth_event", "event_participant", "olympiad_result"),
        "growth",
    ),
}


class ChangeListener:
    """A connection that LISTENs for other users' changes to the server database at ``url``."""

    def __init__(self, url: str) -> None:
        import psycopg

        from metodesk.storage import server

        conninfo = server.engine_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        try:
            self.connection: psycopg.Connection[tuple[object, ...]] = psycopg.connect(
                conninfo, autocommit=True, connect_timeout=server.CONNECT_TIMEOUT_S,
                application_name=f"{server.APPLICATION}-listener",
            )
            self.connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            raise server.unreachable(url, exc) from exc

    def fileno(self) -> int:
        """The socket to watch: readable when a notice may have arrived."""
        return self.connection.fileno()

    def tables(self, timeout: float = 0.0) -> set[str]:
        """The tables other processes changed, from the notices that arrived
        (waiting up to ``timeout`` seconds for the first)."""
        import psycopg

        from metodesk.storage import server

        found: set[str] = set()
        try:
            for notice in self.connection.notifies(timeout=timeout, stop_after=None if timeout == 0 else 1):
                table, _sep, sender = notice.payload.partition(" ")
                if sender != server.APPLICATION:
                    found.add(table)
        except psycopg.Error as exc:
            raise StorageError(str(exc)) from exc
        return found

    def areas(self, timeout: float = 0.0) -> set[str]:
        """The data areas other processes changed (see ``tables``)."""
        return {AREAS.get(table, "settings") for table in self.tables(timeout)}

    def close(self) -> None:
        self.connection.close()
