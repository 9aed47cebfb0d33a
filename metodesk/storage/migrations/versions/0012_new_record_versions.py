"""The records of the council and of professional growth (0010, 0011) get the
version and the name of who saved them last, as every other record did in 0009
(issue 20: several methodists at once).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# The record tables (those with a uuid column) 0010 and 0011 made.
RECORD_TABLES = (
    "council_basis", "school_plan", "school_plan_row", "year_analysis",
    "self_education", "experience", "growth_event", "event_participant", "olympiad_result",
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
