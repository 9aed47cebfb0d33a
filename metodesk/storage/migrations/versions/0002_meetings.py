"""meetings: attendance, guests, agenda, speeches, decisions, reviewed documents, wording

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 01:30:05.476226
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wording",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("text_kk", sa.Text(), nullable=False),
        sa.Column("text_ru", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wording")),
        sa.UniqueConstraint("code", name=op.f("uq_wording_code")),
        sa.UniqueConstraint("uuid", name=op.f("uq_wording_uuid")),
    )
    op.create_table(
        "meeting",
        sa.Column("association_id", sa.Integer(), nullable=False),
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("chair_id", sa.Integer(), nullable=True),
        sa.Column("secretary_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["association_id"],
            ["association.id"],
            name=op.f("fk_meeting_association_id_association"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["chair_id"], ["teacher.id"], name=op.f("fk_meeting_chair_id_teacher"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["secretary_id"],
            ["teacher.id"],
            name=op.f("fk_meeting_secretary_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["academic_year.id"],
            name=op.f("fk_meeting_year_id_academic_year"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint(
            "association_id", "year_id", "number", name=op.f("uq_meeting_association_id_year_id_number")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_uuid")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_association_id"), ["association_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_chair_id"), ["chair_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_secretary_id"), ["secretary_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_year_id"), ["year_id"], unique=False)

    op.create_table(
        "meeting_attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("presence", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["teacher_id"],
            ["teacher.id"],
            name=op.f("fk_meeting_attendance_teacher_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendance")),
        sa.UniqueConstraint(
            "meeting_id", "teacher_id", name=op.f("uq_meeting_attendance_meeting_id_teacher_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_attendance_uuid")),
    )
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_attendance_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_attendance_teacher_id"), ["teacher_id"], unique=False)

    op.create_table(
        "meeting_guest",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("job_title", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_guest_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_guest")),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_guest_uuid")),
    )
    with op.batch_alter_table("meeting_guest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_guest_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("speaker_teacher_id", sa.Integer(), nullable=True),
        sa.Column("speaker_guest_id", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_agenda_item_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["speaker_guest_id"],
            ["meeting_guest.id"],
            name=op.f("fk_agenda_item_speaker_guest_id_meeting_guest"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_teacher_id"],
            ["teacher.id"],
            name=op.f("fk_agenda_item_speaker_teacher_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agenda_item_uuid")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agenda_item_speaker_guest_id"), ["speaker_guest_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_item_speaker_teacher_id"), ["speaker_teacher_id"], unique=False
        )

    op.create_table(
        "agenda_speech",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker_teacher_id", sa.Integer(), nullable=True),
        sa.Column("speaker_guest_id", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_item.id"],
            name=op.f("fk_agenda_speech_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_guest_id"],
            ["meeting_guest.id"],
            name=op.f("fk_agenda_speech_speaker_guest_id_meeting_guest"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_teacher_id"],
            ["teacher.id"],
            name=op.f("fk_agenda_speech_speaker_teacher_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_speech")),
        sa.UniqueConstraint("uuid", name=op.f("uq_agenda_speech_uuid")),
    )
    with op.batch_alter_table("agenda_speech", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_speech_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agenda_speech_speaker_guest_id"), ["speaker_guest_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agenda_speech_speaker_teacher_id"), ["speaker_teacher_id"], unique=False
        )

    op.create_table(
        "decision",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("responsible_teacher_id", sa.Integer(), nullable=True),
        sa.Column("responsible_text", sa.String(length=300), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("deadline_text", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("done_date", sa.Date(), nullable=True),
        sa.Column("closed_meeting_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["closed_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_decision_closed_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["agenda_item.id"], name=op.f("fk_decision_item_id_agenda_item"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["responsible_teacher_id"],
            ["teacher.id"],
            name=op.f("fk_decision_responsible_teacher_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint("item_id", "number", name=op.f("uq_decision_item_id_number")),
        sa.UniqueConstraint("uuid", name=op.f("uq_decision_uuid")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decision_closed_meeting_id"), ["closed_meeting_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_decision_item_id"), ["item_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_decision_responsible_teacher_id"), ["responsible_teacher_id"], unique=False
        )

    op.create_table(
        "reviewed_document",
        sa.Column("association_id", sa.Integer(), nullable=False),
        sa.Column("year_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["association_id"],
            ["association.id"],
            name=op.f("fk_reviewed_document_association_id_association"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["teacher.id"],
            name=op.f("fk_reviewed_document_author_id_teacher"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["agenda_item.id"],
            name=op.f("fk_reviewed_document_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["year_id"],
            ["academic_year.id"],
            name=op.f("fk_reviewed_document_year_id_academic_year"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviewed_document")),
        sa.UniqueConstraint("uuid", name=op.f("uq_reviewed_document_uuid")),
    )
    with op.batch_alter_table("reviewed_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reviewed_document_association_id"), ["association_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_reviewed_document_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviewed_document_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviewed_document_year_id"), ["year_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reviewed_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviewed_document_year_id"))
        batch_op.drop_index(batch_op.f("ix_reviewed_document_item_id"))
        batch_op.drop_index(batch_op.f("ix_reviewed_document_author_id"))
        batch_op.drop_index(batch_op.f("ix_reviewed_document_association_id"))

    op.drop_table("reviewed_document")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_responsible_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_decision_item_id"))
        batch_op.drop_index(batch_op.f("ix_decision_closed_meeting_id"))

    op.drop_table("decision")
    with op.batch_alter_table("agenda_speech", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_speech_speaker_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_speech_speaker_guest_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_speech_item_id"))

    op.drop_table("agenda_speech")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_speaker_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_speaker_guest_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("meeting_guest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_guest_meeting_id"))

    op.drop_table("meeting_guest")
    with op.batch_alter_table("meeting_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_teacher_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_attendance_meeting_id"))

    op.drop_table("meeting_attendance")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_year_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_secretary_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_chair_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_association_id"))

    op.drop_table("meeting")
    op.drop_table("wording")
