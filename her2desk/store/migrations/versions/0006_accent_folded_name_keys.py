"""Accent-folded family-name search keys; indexes for the whole-database audit viewer's filters.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24

`patient.family_name_key` (the worklist's name search) was compatibility-normalised and case-folded
but kept accents, so "demo-ang" did not find "Demo-Ångström". `mapping.name_key` now folds accents
of Latin letters; every stored key is recomputed here with that same function, so a key written
before the upgrade and one written after by a save are identical, and a later save of an unchanged
patient sees no change (and writes no audit row). It is the only column built by `name_key`.

The keys are rewritten with plain Core statements on the migration's connection, in batches by id
(the ORM's audit hook does not run, and no trigger guards `patient`), and deliberately without audit
rows: the key is derived data, never shown or entered, a function of `family_name`, whose every change
is already audited; one row per patient would bury the trail under a mechanical change. The upgrade
itself is recorded by the schema version, and on SQLite by the backup taken before it.

`audit.at`, `audit.who` and `audit.action` get an index each: the date, user and action filters of
the whole-database audit viewer and its lists of users and actions (see `services/audit_service.py`).
Adding an index does not update or delete audit rows, so the append-only triggers do not object.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from her2desk.store.derived_columns import refresh_derived_column
from her2desk.store.mapping import name_key

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 5000
AUDIT_INDEXES = ("at", "who", "action")


def recompute_name_keys(connection: sa.Connection, key: Callable[[str], str] = name_key) -> int:
    """Rewrite every patient's family_name_key that differs from `key(family_name)`; the count changed."""
    return refresh_derived_column(connection, "patient", "family_name", "family_name_key", key, BATCH)


def _folded_before_0006(family_name: str) -> str:
    """The key as revisions 0001-0005 built it (for the downgrade)."""
    import unicodedata

    return unicodedata.normalize("NFKC", family_name).casefold()


def upgrade() -> None:
    recompute_name_keys(op.get_bind())
    for column in AUDIT_INDEXES:
        op.create_index(op.f(f"ix_audit_{column}"), "audit", [column], unique=False)


def downgrade() -> None:
    for column in reversed(AUDIT_INDEXES):
        op.drop_index(op.f(f"ix_audit_{column}"), table_name="audit")
    recompute_name_keys(op.get_bind(), _folded_before_0006)
