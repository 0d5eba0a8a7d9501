"""PostgreSQL: build the newest-first worklist index DESC NULLS LAST so it serves both sort directions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

SQLite's plain (collected_on, case_id) index already serves both directions with NULL as the
smallest date; PostgreSQL sorts NULL as the largest, so the worklist's explicit NULLS LAST order
needs an index built that way. SQLite is unchanged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_specimen_collected_on_case_id", table_name="specimen")
    op.create_index(
        "ix_specimen_newest_first",
        "specimen",
        [sa.text("collected_on DESC NULLS LAST"), sa.text("case_id DESC NULLS LAST")],
        unique=False,
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_specimen_newest_first", table_name="specimen")
    op.create_index("ix_specimen_collected_on_case_id", "specimen", ["collected_on", "case_id"], unique=False)
