"""lessons: open lessons and mutual visits, their moves, criteria sets, observation
sheets with their copied criteria and scores, and the agenda items that discussed a lesson

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 01:59:45.450721
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "criteria_set",
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("name_kk", sa.String(length=200), nullable=False),
        sa.Column("name_ru", sa.String(length=200), nullable=False),
        sa.Column("scale_min", sa.Integer(), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=False),
        sa.Column("legend_kk", sa.String(length=500), nullable=False),
        sa.Column("legend_ru", sa.String(length=500), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criteria_set")),
        sa.UniqueConstraint("code", name=op.f("uq_criteria_set_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_criteria_set_uuid")),
    )
    op.create_table(
        "criterion",
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text_kk", sa.Text(), nullable=False),
        sa.Column("text_ru", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"], ["criteria_set.id"], name=op.f("fk_criterion_set_id_criteria_set"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion")),
        sa.UniqueConstraint("uuid", name=op.f("uq_criterion_uuid")),
    )
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_criterion_set_id"), ["set_id"], unique=False)

    op.create_table(
        "lesson",
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("association_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("subject_text", sa.String(length=200), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.Column("class_letter", sa.String(length=8), nullable=False),
        sa.Column("group_name", sa.String(length=100), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=True),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("objectives", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["association_id"],
            ["association.id"],
            name=op.f("fk_lesson_association_id_association"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["subject.id"], name=op.f("fk_lesson_subject_id_subject"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["teacher.id"], name=op.f("fk_lesson_teacher_id_teacher"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["academic_year.id"],
            name=op.f("fk_lesson_year_id_academic_year"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson")),
        sa.UniqueConstraint("uuid", name=op.f("uq_lesson_uuid")),
    )
    with op.batch_alter_table("lesson", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lesson_association_id"), ["association_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lesson_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_lesson_subject_id"), ["subject_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lesson_teacher_id"), ["teacher_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lesson_year_id"), ["year_id"], unique=False)

    op.create_table(
        "lesson_move",
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=False),
        sa.Column("from_period", sa.Integer(), nullable=True),
        sa.Column("to_date", sa.Date(), nullable=False),
        sa.Column("to_period", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lesson_id"], ["lesson.id"], name=op.f("fk_lesson_move_lesson_id_lesson"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson_move")),
        sa.UniqueConstraint("uuid", name=op.f("uq_lesson_move_uuid")),
    )
    with op.batch_alter_table("lesson_move", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lesson_move_lesson_id"), ["lesson_id"], unique=False)

    op.create_table(
        "observation",
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("observer_teacher_id", sa.Integer(), nullable=True),
        sa.Column("observer_name", sa.String(length=200), nullable=False),
        sa.Column("observer_position", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("criteria_set_id", sa.Integer(), nullable=True),
        sa.Column("set_name_kk", sa.String(length=200), nullable=False),
        sa.Column("set_name_ru", sa.String(length=200), nullable=False),
        sa.Column("scale_min", sa.Integer(), nullable=False),
        sa.Column("scale_max", sa.Integer(), nullable=False),
        sa.Column("legend_kk", sa.String(length=500), nullable=False),
        sa.Column("legend_ru", sa.String(length=500), nullable=False),
        sa.Column("strengths", sa.Text(), nullable=False),
        sa.Column("recommendations", sa.Text(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("acknowledged", sa.Boolean(), nullable=False),
        sa.Column("acknowledged_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["criteria_set_id"],
            ["criteria_set.id"],
            name=op.f("fk_observation_criteria_set_id_criteria_set"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["lesson_id"], ["lesson.id"], name=op.f("fk_observation_lesson_id_lesson"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["observer_teacher_id"],
            ["teacher.id"],
            name=op.f("fk_observation_observer_teacher_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation")),
        sa.UniqueConstraint("uuid", name=op.f("uq_observation_uuid")),
    )
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_observation_criteria_set_id"), ["criteria_set_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_observation_lesson_id"), ["lesson_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_observation_observer_teacher_id"), ["observer_teacher_id"], unique=False
        )

    op.create_table(
        "observation_score",
        sa.Column("observation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=True),
        sa.Column("text_kk", sa.Text(), nullable=False),
        sa.Column("text_ru", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criterion.id"],
            name=op.f("fk_observation_score_criterion_id_criterion"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["observation.id"],
            name=op.f("fk_observation_score_observation_id_observation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation_score")),
        sa.UniqueConstraint("uuid", name=op.f("uq_observation_score_uuid")),
    )
    with op.batch_alter_table("observation_score", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_observation_score_criterion_id"), ["criterion_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_observation_score_observation_id"), ["observation_id"], unique=False
        )

    op.create_table(
        "agenda_item_lesson",
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_agenda_item_lesson_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lesson_id"],
            ["lesson.id"],
            name=op.f("fk_agenda_item_lesson_lesson_id_lesson"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agenda_item_id", "lesson_id", name=op.f("pk_agenda_item_lesson")),
    )
    with op.batch_alter_table("agenda_item_lesson", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_lesson_lesson_id"), ["lesson_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("agenda_item_lesson", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_lesson_lesson_id"))

    op.drop_table("agenda_item_lesson")
    with op.batch_alter_table("observation_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observation_score_observation_id"))
        batch_op.drop_index(batch_op.f("ix_observation_score_criterion_id"))

    op.drop_table("observation_score")
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_observation_observer_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_observation_lesson_id"))
        batch_op.drop_index(batch_op.f("ix_observation_criteria_set_id"))

    op.drop_table("observation")
    with op.batch_alter_table("lesson_move", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lesson_move_lesson_id"))

    op.drop_table("lesson_move")
    with op.batch_alter_table("lesson", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lesson_year_id"))
        batch_op.drop_index(batch_op.f("ix_lesson_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_lesson_subject_id"))
        batch_op.drop_index(batch_op.f("ix_lesson_date"))
        batch_op.drop_index(batch_op.f("ix_lesson_association_id"))

    op.drop_table("lesson")
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_set_id"))

    op.drop_table("criterion")
    op.drop_table("criteria_set")
