"""Chart report prints share the handout print log: `handout_print.document`.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

A synoptic report print is recorded exactly like a handout print (who, when, report version, rules
version, SHA-256, preliminary, superseded on amendment), so it goes into the same chained table with
one new nullable column: NULL for a patient handout, "report" for the chart report. Existing rows stay
NULL, and the chain's canonical form leaves NULL columns out, so no existing hash changes and nothing
is re-chained. The application role's table privileges cover the new column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy), so the table's triggers and chain rows stay as they are.
    op.add_column("handout_print", sa.Column("document", sa.String(length=16), nullable=True))


def downgrade() -> None:
    # Report prints, if any, then read as handout prints and no longer match their chained hashes
    # (`db check` reports them): a downgrade past this revision is for a database without them.
    op.drop_column("handout_print", "document")
