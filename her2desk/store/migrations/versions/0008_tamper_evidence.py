"""Tamper evidence: hash chains over audit rows, e-signatures, case versions and handout prints.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

Reserved so that work on it can proceed in parallel with the neighbouring revisions; it changes
nothing until its schema lands.
"""

from __future__ import annotations

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
