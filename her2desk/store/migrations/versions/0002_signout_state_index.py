"""Index the sign-out state, for the worklist's "to sign out" filter.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_her2_case_signout_state"), "her2_case", ["signout_state"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_her2_case_signout_state"), table_name="her2_case")
