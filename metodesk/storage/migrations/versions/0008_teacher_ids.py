"""teacher ids: a teacher's optional birth date and IIN (unique when given),
to tell two teachers with one name apart

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 20:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("teacher", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birth_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("iin", sa.String(length=12), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_teacher_iin"), ["iin"])


def downgrade() -> None:
    with op.batch_alter_table("teacher", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_teacher_iin"), type_="unique")
        batch_op.drop_column("iin")
        batch_op.drop_column("birth_date")
