"""The open decisions past their deadline are found through an index on
(status, deadline): on a district server the Overview's attention list read the
whole decision table for them (issues 17 and 20, the Overview ≤ 150 ms).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_decision_status_deadline", "decision", ["status", "deadline"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_decision_status_deadline", table_name="decision")
