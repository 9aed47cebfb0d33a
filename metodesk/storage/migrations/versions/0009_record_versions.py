"""Several methodists at once (issue 20): every record gets a version, counted
up by each save (SQLAlchemy's version_id_col), and the name of who saved it last.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Every table of records (those with a uuid column) at revision 0008.
RECORD_TABLES = (
    "academic_year", "agenda_item", "agenda_speech", "association", "attestation_case",
    "attestation_rule", "case_observation", "category_award", "criteria_set", "criterion",
    "decision", "lesson", "lesson_move", "meeting", "meeting_attendance", "meeting_guest",
    "membership", "mentoring_activity", "mentoring_log_entry", "mentoring_pair", "observation",
    "observation_score", "organisation", "pd_course", "plan", "plan_activity", "plan_event",
    "plan_task", "reviewed_document", "subject", "teacher", "term", "wording",
)


def upgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
            batch_op.add_column(sa.Column("updated_by", sa.String(length=100), server_default="", nullable=False))


def downgrade() -> None:
    for table in reversed(RECORD_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("updated_by")
            batch_op.drop_column("version")
