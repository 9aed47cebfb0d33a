"""plans: annual association plans, their tasks, activities (with responsible
members and the meeting that fulfilled them) and the history of their approval

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 01:53:09.384541
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan",
        sa.Column("association_id", sa.Integer(), nullable=False),
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("analysis", sa.Text(), nullable=False),
        sa.Column("theme", sa.Text(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("review_meeting_id", sa.Integer(), nullable=True),
        sa.Column("agreed_name", sa.String(length=200), nullable=False),
        sa.Column("agreed_title", sa.String(length=200), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("approved_name", sa.String(length=200), nullable=False),
        sa.Column("approved_title", sa.String(length=200), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["association_id"],
            ["association.id"],
            name=op.f("fk_plan_association_id_association"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["review_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_plan_review_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["year_id"], ["academic_year.id"], name=op.f("fk_plan_year_id_academic_year"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
        sa.UniqueConstraint("association_id", "year_id", name=op.f("uq_plan_association_id_year_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_uuid")),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_association_id"), ["association_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_review_meeting_id"), ["review_meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_year_id"), ["year_id"], unique=False)

    op.create_table(
        "plan_activity",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("form", sa.String(length=32), nullable=False),
        sa.Column("form_text", sa.String(length=200), nullable=False),
        sa.Column("direction", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("months", sa.String(length=40), nullable=False),
        sa.Column("responsible_text", sa.String(length=300), nullable=False),
        sa.Column("expected", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_note", sa.String(length=200), nullable=False),
        sa.Column("carried_over", sa.Boolean(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_plan_activity_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_activity_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_activity")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_activity_uuid")),
    )
    with op.batch_alter_table("plan_activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_activity_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_activity_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_event",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("details", sa.String(length=300), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_event_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_event")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_event_uuid")),
    )
    with op.batch_alter_table("plan_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_event_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_task",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_task_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_task")),
        sa.UniqueConstraint("uuid", name=op.f("uq_plan_task_uuid")),
    )
    with op.batch_alter_table("plan_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_task_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_activity_teacher",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["plan_activity.id"],
            name=op.f("fk_plan_activity_teacher_activity_id_plan_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["teacher.id"],
            name=op.f("fk_plan_activity_teacher_teacher_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("activity_id", "teacher_id", name=op.f("pk_plan_activity_teacher")),
    )
    with op.batch_alter_table("plan_activity_teacher", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_activity_teacher_teacher_id"), ["teacher_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plan_activity_teacher", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_activity_teacher_teacher_id"))

    op.drop_table("plan_activity_teacher")
    with op.batch_alter_table("plan_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_task_plan_id"))

    op.drop_table("plan_task")
    with op.batch_alter_table("plan_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_event_plan_id"))

    op.drop_table("plan_event")
    with op.batch_alter_table("plan_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_activity_plan_id"))
        batch_op.drop_index(batch_op.f("ix_plan_activity_meeting_id"))

    op.drop_table("plan_activity")
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_year_id"))
        batch_op.drop_index(batch_op.f("ix_plan_review_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_plan_association_id"))

    op.drop_table("plan")
