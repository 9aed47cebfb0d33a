"""attestation: the rules as data with valid-from dates, category history, attestation
cases with their lesson observations (linked to observation sheets), and
professional-development courses

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 02:21:35.966710
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attestation_rule",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attestation_rule")),
        sa.UniqueConstraint(
            "kind", "subject", "valid_from", name=op.f("uq_attestation_rule_kind_subject_valid_from")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_attestation_rule_uuid")),
    )
    op.create_table(
        "attestation_case",
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("year_start", sa.Integer(), nullable=False),
        sa.Column("target_category", sa.String(length=32), nullable=False),
        sa.Column("window", sa.String(length=16), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("application_date", sa.Date(), nullable=True),
        sa.Column("test_date", sa.Date(), nullable=True),
        sa.Column("test_score", sa.Integer(), nullable=True),
        sa.Column("portfolio_status", sa.String(length=16), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("decision_date", sa.Date(), nullable=True),
        sa.Column("decision_body", sa.String(length=16), nullable=False),
        sa.Column("order_number", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["teacher.id"],
            name=op.f("fk_attestation_case_teacher_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attestation_case")),
        sa.UniqueConstraint(
            "teacher_id", "year_start", name=op.f("uq_attestation_case_teacher_id_year_start")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_attestation_case_uuid")),
    )
    with op.batch_alter_table("attestation_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attestation_case_teacher_id"), ["teacher_id"], unique=False)

    op.create_table(
        "pd_course",
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("certificate_number", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["teacher.id"], name=op.f("fk_pd_course_teacher_id_teacher"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pd_course")),
        sa.UniqueConstraint("uuid", name=op.f("uq_pd_course_uuid")),
    )
    with op.batch_alter_table("pd_course", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pd_course_teacher_id"), ["teacher_id"], unique=False)

    op.create_table(
        "category_award",
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("award_date", sa.Date(), nullable=False),
        sa.Column("order_number", sa.String(length=100), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("decision_body", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["attestation_case.id"],
            name=op.f("fk_category_award_case_id_attestation_case"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["teacher.id"],
            name=op.f("fk_category_award_teacher_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_category_award")),
        sa.UniqueConstraint("uuid", name=op.f("uq_category_award_uuid")),
    )
    with op.batch_alter_table("category_award", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_category_award_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_category_award_teacher_id"), ["teacher_id"], unique=False)

    op.create_table(
        "case_observation",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("observation_id", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["attestation_case.id"],
            name=op.f("fk_case_observation_case_id_attestation_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["observation_id"],
            ["observation.id"],
            name=op.f("fk_case_observation_observation_id_observation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_observation")),
        sa.UniqueConstraint("uuid", name=op.f("uq_case_observation_uuid")),
    )
    with op.batch_alter_table("case_observation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_observation_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_case_observation_observation_id"), ["observation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("case_observation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_observation_observation_id"))
        batch_op.drop_index(batch_op.f("ix_case_observation_case_id"))

    op.drop_table("case_observation")
    with op.batch_alter_table("category_award", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_award_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_category_award_case_id"))

    op.drop_table("category_award")
    with op.batch_alter_table("pd_course", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pd_course_teacher_id"))

    op.drop_table("pd_course")
    with op.batch_alter_table("attestation_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attestation_case_teacher_id"))

    op.drop_table("attestation_case")
    op.drop_table("attestation_rule")
