"""Automatic accession numbers: one counter per expanded pattern prefix.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

`accession_counter` holds, per counter key ("H26-" for the lab pattern H{yy}-{seq:06} in 2026), the last
number drawn (see `store.schema.AccessionCounter`). A new, empty table: automatic numbers stay off until
an administrator sets the `accession_pattern` lab setting, and the first number drawn is 1. The
application role's privileges on it (it updates the counter) are granted by the upgrade's regrant
(`store.roles.TABLE_PRIVILEGES`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accession_counter",
        sa.Column("prefix", sa.String(length=64), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("prefix", name=op.f("pk_accession_counter")),
    )


def downgrade() -> None:
    op.drop_table("accession_counter")
