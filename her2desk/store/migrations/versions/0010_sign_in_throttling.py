"""Sign-in and e-signature throttling: failed attempts and lockouts.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

`sign_in_throttle` holds, per account (or per group of unknown names), the wrong passwords in a row,
the time before which the next attempt is refused, and when the account was locked (see
`store.schema.SignInThrottle`); the random key that groups unknown names goes into `app_metadata`
(written here, by the owner: the application role only reads that table). `write_notice` lets a long
import name itself to a workstation that gives up waiting for the write lock. New tables and one new
row only: every account starts unlocked with no failures counted.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from her2desk.store.throttle import KEY_NAME, new_key

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "write_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_write_notice")),
    )
    op.create_table(
        "sign_in_throttle",
        sa.Column("subject", sa.String(length=32), nullable=False),
        sa.Column("failures", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("not_before", sa.DateTime(), nullable=True),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_sign_in_throttle")),
    )
    metadata = sa.table("app_metadata", sa.column("key", sa.String), sa.column("value", sa.String))
    op.execute(metadata.delete().where(metadata.c.key == KEY_NAME))
    op.execute(metadata.insert().values(key=KEY_NAME, value=new_key()))


def downgrade() -> None:
    metadata = sa.table("app_metadata", sa.column("key", sa.String))
    op.execute(metadata.delete().where(metadata.c.key == KEY_NAME))
    op.drop_table("sign_in_throttle")
    op.drop_table("write_notice")
