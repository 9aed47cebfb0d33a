"""Each school sees only its own (issue 20), enforced by PostgreSQL itself.

On PostgreSQL only (a SQLite file is one school's, and this migration leaves it
as it is):

- two roles without login: ``metodesk_school`` (a school methodist's login is a
  member) and ``metodesk_district`` (the district methodists'); both may read
  and write metodesk's tables, now and those later migrations add;
- ``district_login``: which organisation each school login belongs to
  (``metodesk district add-user``); the server's, not the program's data, so
  it is no model and never travels;
- row-level security on the tables that belong to a school: its teachers (and
  what hangs on a teacher: categories, courses, attestation, subjects,
  attendance, mentoring pairs), its associations and the district associations
  one of its teachers is a member of (and what hangs on an association:
  members, meetings, plans, lessons, reviewed documents). Organisations may be
  read by all (a district association names its organisation), changed only by
  the district or by the school itself. A login that is not a member of
  ``metodesk_school`` (the district, the owner) sees everything.

The functions the policies call are SECURITY DEFINER (they run as the owner,
whom row-level security does not bind), so one table's policy may look at
another table without the policies calling each other in a circle.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

ROLES = ("metodesk_school", "metodesk_district")

# table -> the condition (on the row's own columns) under which a school login may see and change it.
BY_TEACHER = ("attestation_case", "pd_course", "teacher_subject", "category_award", "meeting_attendance",
              "plan_activity_teacher",
              # professional growth (0011): a teacher's self-education, events spoken at, pupils prepared
              "self_education", "event_participant", "olympiad_result", "experience_teacher")
BY_ASSOCIATION = ("meeting", "plan", "reviewed_document", "lesson", "council_basis")
# the school's own plan of methodical work and analysis of the year (0010)
BY_ORGANISATION = ("school_plan", "year_analysis")
POLICIES: dict[str, str] = {
    "teacher": "metodesk_sees_all() OR organisation_id = metodesk_school_organisation()",
    "association": "metodesk_association_visible(id)",
    "membership": "metodesk_association_visible(association_id) OR metodesk_teacher_visible(teacher_id)",
    "mentoring_pair": "metodesk_teacher_visible(mentor_id) OR metodesk_teacher_visible(mentee_id)",
    **{table: "metodesk_teacher_visible(teacher_id)" for table in BY_TEACHER},
    **{table: "metodesk_association_visible(association_id)" for table in BY_ASSOCIATION},
    **{table: "metodesk_sees_all() OR organisation_id = metodesk_school_organisation()" for table in BY_ORGANISATION},
}

FUNCTIONS = """
CREATE OR REPLACE FUNCTION metodesk_sees_all() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT NOT pg_has_role(session_user, 'metodesk_school', 'MEMBER')
$$;

CREATE OR REPLACE FUNCTION metodesk_school_organisation() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT organisation_id FROM district_login WHERE login = session_user
$$;

CREATE OR REPLACE FUNCTION metodesk_teacher_visible(teacher integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT metodesk_sees_all() OR EXISTS (
    SELECT 1 FROM teacher t WHERE t.id = teacher AND t.organisation_id = metodesk_school_organisation())
$$;

CREATE OR REPLACE FUNCTION metodesk_association_visible(association integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT metodesk_sees_all()
    OR EXISTS (SELECT 1 FROM association a
               WHERE a.id = association AND a.organisation_id = metodesk_school_organisation())
    OR EXISTS (SELECT 1 FROM membership m JOIN teacher t ON t.id = m.teacher_id
               WHERE m.association_id = association AND t.organisation_id = metodesk_school_organisation())
$$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # Roles belong to the whole server: made once, by whichever database comes first
    # (two made at the same moment: the second one's error is the first one's success).
    for role in ROLES:
        op.execute(
            f"""DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} NOLOGIN;
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$"""
        )
    op.execute(
        "CREATE TABLE district_login ("
        " login varchar(63) PRIMARY KEY,"
        " organisation_id integer NOT NULL REFERENCES organisation (id) ON DELETE CASCADE)"
    )
    for function in FUNCTIONS.split("$$;"):
        if function.strip():
            op.execute(function + "$$")
    both = ", ".join(ROLES)
    op.execute(f"GRANT USAGE ON SCHEMA public TO {both}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {both}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {both}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {both}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {both}")
    # A school reads its own line of district_login (the functions read it as the owner).
    op.execute("REVOKE INSERT, UPDATE, DELETE ON district_login FROM metodesk_school")
    op.execute("ALTER TABLE district_login ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY own_line ON district_login USING (metodesk_sees_all() OR login = session_user)")
    op.execute("ALTER TABLE organisation ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY everyone_reads ON organisation FOR SELECT USING (true)")
    op.execute("CREATE POLICY district_adds ON organisation FOR INSERT WITH CHECK (metodesk_sees_all())")
    own = "metodesk_sees_all() OR id = metodesk_school_organisation()"
    op.execute(f"CREATE POLICY own_changes ON organisation FOR UPDATE USING ({own}) WITH CHECK ({own})")
    op.execute(f"CREATE POLICY own_removes ON organisation FOR DELETE USING ({own})")
    for table, condition in POLICIES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY by_school ON {table} USING ({condition}) WITH CHECK ({condition})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in POLICIES:
        op.execute(f"DROP POLICY IF EXISTS by_school ON {table}")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for policy in ("everyone_reads", "district_adds", "own_changes", "own_removes"):
        op.execute(f"DROP POLICY IF EXISTS {policy} ON organisation")
    op.execute("ALTER TABLE organisation DISABLE ROW LEVEL SECURITY")
    op.execute("DROP TABLE district_login")
    for function in ("metodesk_association_visible(integer)", "metodesk_teacher_visible(integer)",
                     "metodesk_school_organisation()", "metodesk_sees_all()"):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    both = ", ".join(ROLES)
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {both}")
    op.execute(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM {both}")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {both}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {both}")
    op.execute(f"REVOKE USAGE ON SCHEMA public FROM {both}")
