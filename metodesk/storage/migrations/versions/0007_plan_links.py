"""plan links: an annual-plan activity fulfilled by an open lesson or a mentoring
log entry (nullable, set to NULL when the record is deleted)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 03:05:01.420990
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan_activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lesson_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("mentoring_entry_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_plan_activity_lesson_id"), ["lesson_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_plan_activity_mentoring_entry_id"), ["mentoring_entry_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_plan_activity_lesson_id_lesson"),
            "lesson",
            ["lesson_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_plan_activity_mentoring_entry_id_mentoring_log_entry"),
            "mentoring_log_entry",
            ["mentoring_entry_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_activity", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_plan_activity_mentoring_entry_id_mentoring_log_entry"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_plan_activity_lesson_id_lesson"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_plan_activity_mentoring_entry_id"))
        batch_op.drop_index(batch_op.f("ix_plan_activity_lesson_id"))
        batch_op.drop_column("mentoring_entry_id")
        batch_op.drop_column("lesson_id")
