"""growth: self-education topics, generalised experience with its teachers, methodical
events with their participants (an event may fulfil a plan activity) and pupils'
olympiad results

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 21:51:32.467519
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("experience",
    sa.Column("year_id", sa.Integer(), nullable=False),
    sa.Column("topic", sa.String(length=300), nullable=False),
    sa.Column("level", sa.String(length=16), nullable=False),
    sa.Column("presented_at", sa.String(length=300), nullable=False),
    sa.Column("approved_on", sa.Date(), nullable=True),
    sa.Column("document", sa.String(length=100), nullable=False),
    sa.Column("materials", sa.Text(), nullable=False),
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("uuid", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["year_id"], ["academic_year.id"], name=op.f("fk_experience_year_id_academic_year"), ondelete="RESTRICT"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_experience")),
    sa.UniqueConstraint("uuid", name=op.f("uq_experience_uuid"))
    )
    with op.batch_alter_table("experience", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_experience_year_id"), ["year_id"], unique=False)

    op.create_table("experience_teacher",
    sa.Column("experience_id", sa.Integer(), nullable=False),
    sa.Column("teacher_id", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["experience_id"], ["experience.id"], name=op.f("fk_experience_teacher_experience_id_experience"), ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["teacher_id"], ["teacher.id"], name=op.f("fk_experience_teacher_teacher_id_teacher"), ondelete="RESTRICT"),
    sa.PrimaryKeyConstraint("experience_id", "teacher_id", name=op.f("pk_experience_teacher"))
    )
    with op.batch_alter_table("experience_teacher", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_experience_teacher_teacher_id"), ["teacher_id"], unique=False)

    op.create_table("olympiad_result",
    sa.Column("year_id", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("title", sa.String(length=300), nullable=False),
    sa.Column("date", sa.Date(), nullable=True),
    sa.Column("pupil", sa.String(length=200), nullable=False),
    sa.Column("grade", sa.Integer(), nullable=False),
    sa.Column("subject_id", sa.Integer(), nullable=True),
    sa.Column("level", sa.String(length=16), nullable=False),
    sa.Column("result", sa.String(length=16), nullable=False),
    sa.Column("teacher_id", sa.Integer(), nullable=False),
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("uuid", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["subject_id"], ["subject.id"], name=op.f("fk_olympiad_result_subject_id_subject"), ondelete="RESTRICT"),
    sa.ForeignKeyConstraint(["teacher_id"], ["teacher.id"], name=op.f("fk_olympiad_result_teacher_id_teacher"), ondelete="RESTRICT"),
    sa.ForeignKeyConstraint(["year_id"], ["academic_year.id"], name=op.f("fk_olympiad_result_year_id_academic_year"), ondelete="RESTRICT"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_olympiad_result")),
    sa.UniqueConstraint("uuid", name=op.f("uq_olympiad_result_uuid"))
    )
    with op.batch_alter_table("olympiad_result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_olympiad_result_subject_id"), ["subject_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_olympiad_result_teacher_id"), ["teacher_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_olympiad_result_year_id"), ["year_id"], unique=False)

    op.create_table("self_education",
    sa.Column("teacher_id", sa.Integer(), nullable=False),
    sa.Column("year_id", sa.Integer(), nullable=False),
    sa.Column("topic", sa.String(length=300), nullable=False),
    sa.Column("stage", sa.String(length=16), nullable=False),
    sa.Column("plan", sa.Text(), nullable=False),
    sa.Column("report_form", sa.String(length=16), nullable=False),
    sa.Column("report_date", sa.Date(), nullable=True),
    sa.Column("heard_at", sa.String(length=24), nullable=False),
    sa.Column("result", sa.String(length=300), nullable=False),
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("uuid", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["teacher_id"], ["teacher.id"], name=op.f("fk_self_education_teacher_id_teacher"), ondelete="RESTRICT"),
    sa.ForeignKeyConstraint(["year_id"], ["academic_year.id"], name=op.f("fk_self_education_year_id_academic_year"), ondelete="RESTRICT"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_self_education")),
    sa.UniqueConstraint("teacher_id", "year_id", name=op.f("uq_self_education_teacher_id_year_id")),
    sa.UniqueConstraint("uuid", name=op.f("uq_self_education_uuid"))
    )
    with op.batch_alter_table("self_education", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_self_education_teacher_id"), ["teacher_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_self_education_year_id"), ["year_id"], unique=False)

    op.create_table("growth_event",
    sa.Column("year_id", sa.Integer(), nullable=False),
    sa.Column("title", sa.String(length=300), nullable=False),
    sa.Column("form", sa.String(length=24), nullable=False),
    sa.Column("level", sa.String(length=16), nullable=False),
    sa.Column("start_date", sa.Date(), nullable=False),
    sa.Column("end_date", sa.Date(), nullable=True),
    sa.Column("organiser", sa.String(length=300), nullable=False),
    sa.Column("result", sa.String(length=300), nullable=False),
    sa.Column("materials", sa.Text(), nullable=False),
    sa.Column("plan_activity_id", sa.Integer(), nullable=True),
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("uuid", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["plan_activity_id"], ["plan_activity.id"], name=op.f("fk_growth_event_plan_activity_id_plan_activity"), ondelete="SET NULL"),
    sa.ForeignKeyConstraint(["year_id"], ["academic_year.id"], name=op.f("fk_growth_event_year_id_academic_year"), ondelete="RESTRICT"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_growth_event")),
    sa.UniqueConstraint("plan_activity_id", name=op.f("uq_growth_event_plan_activity_id")),
    sa.UniqueConstraint("uuid", name=op.f("uq_growth_event_uuid"))
    )
    with op.batch_alter_table("growth_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_growth_event_start_date"), ["start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_growth_event_year_id"), ["year_id"], unique=False)

    op.create_table("event_participant",
    sa.Column("event_id", sa.Integer(), nullable=False),
    sa.Column("teacher_id", sa.Integer(), nullable=False),
    sa.Column("role", sa.String(length=16), nullable=False),
    sa.Column("result", sa.String(length=200), nullable=False),
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("uuid", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(["event_id"], ["growth_event.id"], name=op.f("fk_event_participant_event_id_growth_event"), ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["teacher_id"], ["teacher.id"], name=op.f("fk_event_participant_teacher_id_teacher"), ondelete="RESTRICT"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participant")),
    sa.UniqueConstraint("event_id", "teacher_id", name=op.f("uq_event_participant_event_id_teacher_id")),
    sa.UniqueConstraint("uuid", name=op.f("uq_event_participant_uuid"))
    )
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_participant_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_participant_teacher_id"), ["teacher_id"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participant_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_event_participant_event_id"))

    op.drop_table("event_participant")
    with op.batch_alter_table("growth_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_growth_event_year_id"))
        batch_op.drop_index(batch_op.f("ix_growth_event_start_date"))

    op.drop_table("growth_event")
    with op.batch_alter_table("self_education", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_self_education_year_id"))
        batch_op.drop_index(batch_op.f("ix_self_education_teacher_id"))

    op.drop_table("self_education")
    with op.batch_alter_table("olympiad_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_olympiad_result_year_id"))
        batch_op.drop_index(batch_op.f("ix_olympiad_result_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_olympiad_result_subject_id"))

    op.drop_table("olympiad_result")
    with op.batch_alter_table("experience_teacher", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_experience_teacher_teacher_id"))

    op.drop_table("experience_teacher")
    with op.batch_alter_table("experience", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_experience_year_id"))

    op.drop_table("experience")
