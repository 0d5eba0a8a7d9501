"""Each case carries its patient's family-name search key, kept by triggers.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

`her2_case.family_name_key` is a copy of `patient.family_name_key` that triggers keep true on every
insert, every change of a case's patient and every rename (`store.case_name_keys`), so a broad
family-name search tests each case row it walks without looking up its patient. Filled here for
every stored case in one statement, with no audit rows: derived data, never shown or entered, left
out of the case's seal (`store.seals.UNSEALED`), so every seal stays valid and `db check` agrees
before and after. ADD COLUMN with a NULL default: SQLite rebuilds no table. The application role
already may UPDATE `her2_case` (`store.roles`), which the rename trigger does in its name.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from her2desk.store.case_name_keys import (
    create_case_name_key_triggers,
    drop_case_name_key_triggers,
    fill_case_name_keys,
)
from her2desk.store.types import SearchKey

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("her2_case", sa.Column("family_name_key", SearchKey, nullable=True))
    connection = op.get_bind()
    fill_case_name_keys(connection)
    create_case_name_key_triggers(connection)


def downgrade() -> None:
    drop_case_name_key_triggers(op.get_bind())
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE her2_case DROP COLUMN family_name_key")  # in place, nothing cascades
    else:
        op.drop_column("her2_case", "family_name_key")
