"""Sign-out workflow: credentials and roles for users, sign-out/adjudication/amendment columns on the
case, electronic signatures, signed report versions and printed handouts; wider audit actions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

Columns are added to existing tables with plain ADD COLUMN on both backends (nullable or with a
default, so SQLite needs no table rebuild: rebuilding `her2_case` would cascade-delete its children).
Only `audit.action` is widened (8 -> 32 characters for event names such as "login-failed"); on SQLite
that is a batch rebuild of the audit table, after which its append-only triggers are created again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from her2desk.store.audit import create_audit_triggers

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CASE_USER_COLUMNS = (
    "entered_by_user_id",
    "signed_out_by_user_id",
    "adjudicated_by_user_id",
    "amended_by_user_id",
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("app_user", sa.Column("password_hash", sa.String(length=200), nullable=True))
    op.add_column(
        "app_user", sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False)
    )
    op.add_column("app_user", sa.Column("created_at", sa.DateTime(), nullable=True))

    op.add_column(
        "her2_case", sa.Column("report_version", sa.Integer(), server_default=sa.text("1"), nullable=False)
    )
    for column in CASE_USER_COLUMNS:
        if sqlite:
            # SQLite: ALTER TABLE ADD COLUMN ... REFERENCES (allowed for a NULL default), no rebuild.
            op.execute(
                f"ALTER TABLE her2_case ADD COLUMN {column} INTEGER "
                f"CONSTRAINT fk_her2_case_{column}_app_user REFERENCES app_user (id)"
            )
        else:
            op.add_column("her2_case", sa.Column(column, sa.Integer(), nullable=True))
            op.create_foreign_key(
                op.f(f"fk_her2_case_{column}_app_user"), "her2_case", "app_user", [column], ["id"]
            )
    op.add_column("her2_case", sa.Column("signed_out_at", sa.DateTime(), nullable=True))
    op.add_column("her2_case", sa.Column("adjudicated_status", sa.String(length=16), nullable=True))
    op.add_column("her2_case", sa.Column("adjudication_reason", sa.Text(), nullable=True))
    op.add_column("her2_case", sa.Column("adjudicated_at", sa.DateTime(), nullable=True))
    op.add_column("her2_case", sa.Column("amendment_reason", sa.Text(), nullable=True))
    op.add_column("her2_case", sa.Column("amended_at", sa.DateTime(), nullable=True))

    op.create_table(
        "e_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("report_version", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("meaning", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["her2_case.id"], name=op.f("fk_e_signature_case_id_her2_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_e_signature_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_e_signature")),
    )
    op.create_index(op.f("ix_e_signature_case_id"), "e_signature", ["case_id"], unique=False)

    op.create_table(
        "case_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("report_version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("amendment_reason", sa.Text(), nullable=True),
        sa.Column("signed_out_by", sa.String(length=64), nullable=False),
        sa.Column("signed_out_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["her2_case.id"], name=op.f("fk_case_version_case_id_her2_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_version")),
        sa.UniqueConstraint("case_id", "report_version", name="uq_case_version_case_report"),
    )
    op.create_index(op.f("ix_case_version_case_id"), "case_version", ["case_id"], unique=False)

    op.create_table(
        "handout_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("report_version", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("printed_by", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("rules_version", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("preliminary", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("superseded", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["her2_case.id"], name=op.f("fk_handout_print_case_id_her2_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["app_user.id"], name=op.f("fk_handout_print_user_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handout_print")),
    )
    op.create_index(op.f("ix_handout_print_case_id"), "handout_print", ["case_id"], unique=False)

    if sqlite:
        with op.batch_alter_table("audit", recreate="always") as batch:
            batch.alter_column("action", existing_type=sa.String(length=8), type_=sa.String(length=32))
        create_audit_triggers(op.get_bind())
    else:
        op.alter_column("audit", "action", existing_type=sa.String(length=8), type_=sa.String(length=32))


def downgrade() -> None:
    raise NotImplementedError("revision 0004 cannot be downgraded; restore the backup taken before it")
