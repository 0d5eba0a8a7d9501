"""Sign-in and e-signature throttling: failed attempts and lockouts.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Reserved so that work on it can proceed in parallel with the neighbouring revisions; it changes
nothing until its schema lands.
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
