"""Lab settings in the shared database, and an index for the worklist's "signed out" date filter.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

`lab_setting` holds one row per setting an administrator has changed (a missing row means the
default of `domain.lab_settings`), so every workstation on the database sees the same policy.
`her2_case.signed_out_at` gets an index for filtering and sorting by sign-out time. "Awaiting
sign-out" (state entered or amended) is already served by `ix_her2_case_signout_state` (0002).
Both changes are additive, so neither backend rebuilds a table.
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
        "lab_setting",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_lab_setting")),
    )
    op.create_index(op.f("ix_her2_case_signed_out_at"), "her2_case", ["signed_out_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_her2_case_signed_out_at"), table_name="her2_case")
    op.drop_table("lab_setting")
