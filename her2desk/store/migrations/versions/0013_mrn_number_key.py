"""The MRN's number as a search key: typing "72" finds "DEMO0000072" and "MRN-00072".

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

`patient.mrn_number_key` holds `domain.identifiers.mrn_number_key(mrn)`: the MRN's digits without
leading zeros (NULL when it has none), indexed, so the worklist's search for a number typed without
its letters and zeros is one index lookup (`store.queries`). Filled here for every stored patient
with the same function the writers use, in batches by id with plain Core statements and no audit
rows: the key is derived data, never shown or entered, a function of `mrn`, which never changes once
written. It is left out of the patient's seal (`store.seals.UNSEALED`), so the back-fill leaves every
seal valid and `db check` agrees before and after. ADD COLUMN with a NULL default: SQLite rebuilds no
table. The application role already may UPDATE `patient` (`store.roles`); no new table to grant.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from her2desk.domain.identifiers import mrn_number_key
from her2desk.store.derived_columns import refresh_derived_column

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

BATCH = 5000


def fill_mrn_number_keys(connection: sa.Connection) -> int:
    """Set every patient's mrn_number_key that differs from `mrn_number_key(mrn)`; the count changed."""
    return refresh_derived_column(connection, "patient", "mrn", "mrn_number_key", mrn_number_key, BATCH)


def upgrade() -> None:
    op.add_column("patient", sa.Column("mrn_number_key", sa.String(length=32), nullable=True))
    fill_mrn_number_keys(op.get_bind())
    op.create_index(op.f("ix_patient_mrn_number_key"), "patient", ["mrn_number_key"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_patient_mrn_number_key"), table_name="patient")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE patient DROP COLUMN mrn_number_key")  # in place, nothing cascades
    else:
        op.drop_column("patient", "mrn_number_key")
