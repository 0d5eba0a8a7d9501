"""Initial schema: patients, cases, specimens, IHC and ISH results, interpretations, users, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-24

Written out in full (not `create_all`) so this revision stays what version 1 was, whatever the models
become later. The audit table's append-only triggers are part of the revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SEARCH_KEY = sa.String(length=200).with_variant(sa.String(length=200, collation="C"), "postgresql")
AUDIT_MESSAGE = "audit rows are append-only"


def upgrade() -> None:
    op.create_table(
        "app_metadata",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_metadata")),
    )
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("patient_id", sa.Integer(), nullable=True),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index(op.f("ix_audit_case_id"), "audit", ["case_id"], unique=False)
    op.create_index(op.f("ix_audit_patient_id"), "audit", ["patient_id"], unique=False)
    op.create_table(
        "patient",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mrn", sa.String(length=32), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column("family_name_key", SEARCH_KEY, nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=16), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient")),
        sa.UniqueConstraint("mrn", name=op.f("uq_patient_mrn")),
    )
    op.create_index(op.f("ix_patient_family_name_key"), "patient", ["family_name_key"], unique=False)
    op.create_table(
        "her2_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("accession", sa.String(length=32), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("signout_state", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["patient_id"], ["patient.id"], name=op.f("fk_her2_case_patient_id_patient")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_her2_case")),
        sa.UniqueConstraint("accession", name=op.f("uq_her2_case_accession")),
    )
    op.create_index(op.f("ix_her2_case_patient_id"), "her2_case", ["patient_id"], unique=False)
    op.create_index(op.f("ix_her2_case_updated_at"), "her2_case", ["updated_at"], unique=False)
    op.create_table(
        "ihc_result",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("clone", sa.String(length=100), nullable=True),
        sa.Column("assay_type", sa.String(length=32), nullable=True),
        sa.Column("controls_acceptable", sa.Boolean(), nullable=True),
        sa.Column("score", sa.String(length=16), nullable=True),
        sa.Column("stained_pct", sa.String(length=32), nullable=True),
        sa.Column("cluster_cells", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["her2_case.id"], name=op.f("fk_ihc_result_case_id_her2_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_ihc_result")),
    )
    op.create_table(
        "interpretation",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("next_step", sa.String(length=32), nullable=False),
        sa.Column("guideline", sa.String(length=200), nullable=False),
        sa.Column("scoring_system", sa.String(length=80), nullable=True),
        sa.Column("ish_group", sa.Integer(), nullable=True),
        sa.Column("ratio", sa.String(length=32), nullable=True),
        sa.Column("her2_average", sa.String(length=32), nullable=True),
        sa.Column("recount_group", sa.Integer(), nullable=True),
        sa.Column("recount_ratio", sa.String(length=32), nullable=True),
        sa.Column("descriptor", sa.String(length=16), nullable=True),
        sa.Column("comments", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("trail", sa.Text(), nullable=False),
        sa.Column("rules_version", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["her2_case.id"],
            name=op.f("fk_interpretation_case_id_her2_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_interpretation")),
    )
    op.create_index(op.f("ix_interpretation_status"), "interpretation", ["status"], unique=False)
    op.create_table(
        "ish_count",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("observer", sa.Integer(), nullable=False),
        sa.Column("cells", sa.Integer(), nullable=False),
        sa.Column("her2", sa.String(length=32), nullable=False),
        sa.Column("cep17", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["her2_case.id"], name=op.f("fk_ish_count_case_id_her2_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", "observer", name=op.f("pk_ish_count")),
    )
    op.create_table(
        "ish_result",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("probe", sa.String(length=16), nullable=True),
        sa.Column("method", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["her2_case.id"], name=op.f("fk_ish_result_case_id_her2_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_ish_result")),
    )
    op.create_table(
        "specimen",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("procedure", sa.String(length=32), nullable=True),
        sa.Column("site", sa.String(length=32), nullable=True),
        sa.Column("laterality", sa.String(length=16), nullable=True),
        sa.Column("setting", sa.String(length=16), nullable=False),
        sa.Column("metastatic_site", sa.String(length=100), nullable=True),
        sa.Column("collected_on", sa.Date(), nullable=True),
        sa.Column("block", sa.String(length=100), nullable=True),
        sa.Column("fixative", sa.String(length=40), nullable=True),
        sa.Column("cold_ischaemia_minutes", sa.Integer(), nullable=True),
        sa.Column("fixation_hours", sa.String(length=32), nullable=True),
        sa.Column("fragments", sa.Integer(), nullable=True),
        sa.Column("fragments_with_tumour", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["her2_case.id"], name=op.f("fk_specimen_case_id_her2_case"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_specimen")),
    )
    op.create_index("ix_specimen_collected_on_case_id", "specimen", ["collected_on", "case_id"], unique=False)
    _create_audit_triggers()


def _create_audit_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for action in ("update", "delete"):
            op.execute(
                f"CREATE TRIGGER trg_audit_no_{action} BEFORE {action.upper()} ON audit "
                f"BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END"
            )
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION her2desk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{AUDIT_MESSAGE}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER trg_audit_no_update_delete BEFORE UPDATE OR DELETE ON audit "
        "FOR EACH ROW EXECUTE FUNCTION her2desk_audit_append_only()"
    )
    op.execute(
        "CREATE TRIGGER trg_audit_no_truncate BEFORE TRUNCATE ON audit "
        "FOR EACH STATEMENT EXECUTE FUNCTION her2desk_audit_append_only()"
    )


def downgrade() -> None:
    for table in (
        "specimen",
        "ish_result",
        "ish_count",
        "interpretation",
        "ihc_result",
        "her2_case",
        "patient",
        "audit",
        "app_user",
        "app_metadata",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS her2desk_audit_append_only()")
