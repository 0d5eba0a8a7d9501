"""Signed-in sessions: a random token per sign-in, stored hashed with an expiry.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Reserved so that work on it can proceed in parallel with the neighbouring revisions; it changes
nothing until its schema lands.
"""

from __future__ import annotations

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
