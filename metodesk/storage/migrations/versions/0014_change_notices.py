"""The window hears other users' changes (issue 20): on PostgreSQL only, every
table says after each statement that changed it, through NOTIFY on the channel
``metodesk_changes``; the payload is the table's name and the changing
connection's application_name (metodesk sets one per process, so a window can
pass over its own changes). Delivered at commit, once per table and
transaction. A later migration that adds a table adds its trigger too.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

CHANNEL = "metodesk_changes"

# Every table at revision 0013 (district_login is the server's own, and not watched).
TABLES = (
    "academic_year", "agenda_item", "agenda_item_lesson", "agenda_speech", "association",
    "attestation_case", "attestation_rule", "case_observation", "category_award", "criteria_set",
    "criterion", "decision", "lesson", "lesson_move", "meeting", "meeting_attendance", "meeting_guest",
    "membership", "mentoring_activity", "mentoring_log_entry", "mentoring_pair", "observation",
    "observation_score", "organisation", "pd_course", "plan", "plan_activity", "plan_activity_teacher",
    "plan_event", "plan_task", "reviewed_document", "setting", "subject", "teacher", "teacher_subject",
    "term", "wording",
    # the council and the professional growth (0010, 0011)
    "council_basis", "school_plan", "school_plan_row", "year_analysis", "self_education", "experience",
    "experience_teacher", "growth_event", "event_participant", "olympiad_result",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""CREATE OR REPLACE FUNCTION metodesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ' ' || coalesce(current_setting('application_name', true), ''));
            RETURN NULL;
        END $$"""
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER metodesk_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION metodesk_notify()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS metodesk_notify ON {table}")
    op.execute("DROP FUNCTION IF EXISTS metodesk_notify()")
