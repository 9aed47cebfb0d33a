"""mentoring: pairs of mentor and mentee for an academic year, the mentor's plan
with its marks, and the log of their meetings (lesson visits may name a lesson
and its observation sheet)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 02:19:04.411467
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mentoring_pair",
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("mentee_id", sa.Integer(), nullable=False),
        sa.Column("mentee_kind", sa.String(length=24), nullable=False),
        sa.Column("order_number", sa.String(length=50), nullable=False),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("plan_lang", sa.String(length=2), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mentee_id"],
            ["teacher.id"],
            name=op.f("fk_mentoring_pair_mentee_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["teacher.id"],
            name=op.f("fk_mentoring_pair_mentor_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["academic_year.id"],
            name=op.f("fk_mentoring_pair_year_id_academic_year"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentoring_pair")),
        sa.UniqueConstraint("mentee_id", "year_id", name=op.f("uq_mentoring_pair_mentee_id_year_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_mentoring_pair_uuid")),
    )
    with op.batch_alter_table("mentoring_pair", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentoring_pair_mentee_id"), ["mentee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentoring_pair_mentor_id"), ["mentor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentoring_pair_year_id"), ["year_id"], unique=False)

    op.create_table(
        "mentoring_activity",
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("activity", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("when_text", sa.String(length=100), nullable=False),
        sa.Column("completion_form", sa.String(length=300), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("mark_note", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pair_id"],
            ["mentoring_pair.id"],
            name=op.f("fk_mentoring_activity_pair_id_mentoring_pair"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentoring_activity")),
        sa.UniqueConstraint("uuid", name=op.f("uq_mentoring_activity_uuid")),
    )
    with op.batch_alter_table("mentoring_activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentoring_activity_pair_id"), ["pair_id"], unique=False)

    op.create_table(
        "mentoring_log_entry",
        sa.Column("pair_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=True),
        sa.Column("observation_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lesson_id"],
            ["lesson.id"],
            name=op.f("fk_mentoring_log_entry_lesson_id_lesson"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["observation.id"],
            name=op.f("fk_mentoring_log_entry_observation_id_observation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pair_id"],
            ["mentoring_pair.id"],
            name=op.f("fk_mentoring_log_entry_pair_id_mentoring_pair"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentoring_log_entry")),
        sa.UniqueConstraint("uuid", name=op.f("uq_mentoring_log_entry_uuid")),
    )
    with op.batch_alter_table("mentoring_log_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentoring_log_entry_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentoring_log_entry_lesson_id"), ["lesson_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mentoring_log_entry_observation_id"), ["observation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_mentoring_log_entry_pair_id"), ["pair_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mentoring_log_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentoring_log_entry_pair_id"))
        batch_op.drop_index(batch_op.f("ix_mentoring_log_entry_observation_id"))
        batch_op.drop_index(batch_op.f("ix_mentoring_log_entry_lesson_id"))
        batch_op.drop_index(batch_op.f("ix_mentoring_log_entry_date"))

    op.drop_table("mentoring_log_entry")
    with op.batch_alter_table("mentoring_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentoring_activity_pair_id"))

    op.drop_table("mentoring_activity")
    with op.batch_alter_table("mentoring_pair", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentoring_pair_year_id"))
        batch_op.drop_index(batch_op.f("ix_mentoring_pair_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_mentoring_pair_mentee_id"))

    op.drop_table("mentoring_pair")
