"""Sign-in and e-signature throttling: failed attempts and lockouts.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

`sign_in_throttle` holds, per account (or per group of unknown names), the wrong passwords in a row,
the time before which the next attempt is refused, and when the account was locked (see
`store.schema.SignInThrottle`). A new table only: no existing row changes, so every account starts
unlocked with no failures counted.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_throttle",
        sa.Column("subject", sa.String(length=32), nullable=False),
        sa.Column("failures", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("not_before", sa.DateTime(), nullable=True),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_sign_in_throttle")),
    )


def downgrade() -> None:
    op.drop_table("sign_in_throttle")
