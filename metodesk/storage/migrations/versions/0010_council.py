"""council: the methodical council's basis (director's order), the school's plan
of methodical work with its hand-typed rows, the analysis of the year's work,
and the reviewing body's conclusion on a reviewed document

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 22:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _record() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _organisation_year(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name=f"fk_{table}_organisation_id_organisation", ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["year_id"], ["academic_year.id"], name=f"fk_{table}_year_id_academic_year", ondelete="RESTRICT"
        ),
        sa.UniqueConstraint("organisation_id", "year_id", name=f"uq_{table}_organisation_id_year_id"),
    ]


def upgrade() -> None:
    op.create_table(
        "council_basis",
        *_record(),
        sa.Column("association_id", sa.Integer(), nullable=False),
        sa.Column("order_number", sa.String(length=50), nullable=False),
        sa.Column("order_date", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["association_id"],
            ["association.id"],
            name="fk_council_basis_association_id_association",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_council_basis"),
        sa.UniqueConstraint("uuid", name="uq_council_basis_uuid"),
    )
    with op.batch_alter_table("council_basis", schema=None) as batch_op:
        batch_op.create_index("ix_council_basis_association_id", ["association_id"], unique=True)

    op.create_table(
        "school_plan",
        *_record(),
        *_organisation_year("school_plan"),
        sa.Column("theme", sa.Text(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("tasks", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("review_meeting_id", sa.Integer(), nullable=True),
        sa.Column("pedcouncil_number", sa.String(length=20), nullable=False),
        sa.Column("pedcouncil_date", sa.Date(), nullable=True),
        sa.Column("approved_name", sa.String(length=200), nullable=False),
        sa.Column("approved_title", sa.String(length=200), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("reopen_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["review_meeting_id"],
            ["meeting.id"],
            name="fk_school_plan_review_meeting_id_meeting",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_school_plan"),
        sa.UniqueConstraint("uuid", name="uq_school_plan_uuid"),
    )
    with op.batch_alter_table("school_plan", schema=None) as batch_op:
        batch_op.create_index("ix_school_plan_organisation_id", ["organisation_id"], unique=False)
        batch_op.create_index("ix_school_plan_year_id", ["year_id"], unique=False)
        batch_op.create_index("ix_school_plan_review_meeting_id", ["review_meeting_id"], unique=False)

    op.create_table(
        "school_plan_row",
        *_record(),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("form", sa.String(length=200), nullable=False),
        sa.Column("dates", sa.String(length=100), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("result", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["school_plan.id"], name="fk_school_plan_row_plan_id_school_plan", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_school_plan_row"),
        sa.UniqueConstraint("uuid", name="uq_school_plan_row_uuid"),
    )
    with op.batch_alter_table("school_plan_row", schema=None) as batch_op:
        batch_op.create_index("ix_school_plan_row_plan_id", ["plan_id"], unique=False)

    op.create_table(
        "year_analysis",
        *_record(),
        *_organisation_year("year_analysis"),
        sa.Column("conclusions", sa.Text(), nullable=False),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("next_tasks", sa.Text(), nullable=False),
        sa.Column("pedcouncil_number", sa.String(length=20), nullable=False),
        sa.Column("pedcouncil_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_year_analysis"),
        sa.UniqueConstraint("uuid", name="uq_year_analysis_uuid"),
    )
    with op.batch_alter_table("year_analysis", schema=None) as batch_op:
        batch_op.create_index("ix_year_analysis_organisation_id", ["organisation_id"], unique=False)
        batch_op.create_index("ix_year_analysis_year_id", ["year_id"], unique=False)

    with op.batch_alter_table("reviewed_document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("conclusion", sa.String(length=16), server_default="", nullable=False))
        batch_op.add_column(sa.Column("conclusion_reason", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("reviewed_document", schema=None) as batch_op:
        batch_op.drop_column("conclusion_reason")
        batch_op.drop_column("conclusion")
    op.drop_table("year_analysis")
    op.drop_table("school_plan_row")
    op.drop_table("school_plan")
    op.drop_table("council_basis")
