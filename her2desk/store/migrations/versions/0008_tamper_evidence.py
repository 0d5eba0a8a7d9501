"""Tamper evidence: hash chains over audit rows, e-signatures, case versions and handout prints.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

* `chain_seq`, `prev_hash`, `row_hash` on `audit`, `e_signature`, `case_version` and `handout_print`:
  each row's place in the one chain and its hash (`store/chain.py`).
* `record_seal`: the hash of each case's and patient's clinical rows as the last audited write left
  them (`store/seals.py`), itself chained.
* `chain_head`: the chain's last position and hash (one row).

The rows already stored are chained here, table by table in id order (audit, e-signatures, case
versions, handout prints), in batches, and every stored case and patient is sealed with its current
rows. So rows and cases from before the upgrade are attested from the upgrade on: the chain proves
they have not changed since, not that they were never changed before. The audit table's
append-only trigger is lifted for the one UPDATE that fills the new columns and put back in the same
transaction. All additive (ADD COLUMN with NULL, new tables), so SQLite rebuilds no table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from her2desk.store.audit import SQLITE_NO_UPDATE_TRIGGER
from her2desk.store.chain import GENESIS, chain_existing
from her2desk.store.seals import seal_all

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CHAINED = ("audit", "e_signature", "case_version", "handout_print")


def _chain_columns() -> list[sa.Column]:
    return [
        sa.Column("chain_seq", sa.BigInteger(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=True),
        sa.Column("row_hash", sa.String(length=64), nullable=True),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for table in CHAINED:
        for column in _chain_columns():
            op.add_column(table, column)
    op.create_table(
        "record_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("state_hash", sa.String(length=64), nullable=False),
        sa.Column("sealed_at", sa.DateTime(), nullable=False),
        *_chain_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_seal")),
    )
    op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chain_head")),
    )
    op.execute(f"INSERT INTO chain_head (id, position, head_hash) VALUES (1, 0, '{GENESIS}')")
    if sqlite:
        op.execute("DROP TRIGGER trg_audit_no_update")
    else:
        op.execute("ALTER TABLE audit DISABLE TRIGGER trg_audit_no_update_delete")
    for table in CHAINED:
        chain_existing(bind, table)
    if sqlite:
        op.execute(SQLITE_NO_UPDATE_TRIGGER)
    else:
        op.execute("ALTER TABLE audit ENABLE TRIGGER trg_audit_no_update_delete")
    seal_all(bind)


def downgrade() -> None:
    """Back to 0007: drop the chain columns (SQLite: in place, no rebuild) and the two tables."""
    op.drop_table("chain_head")
    op.drop_table("record_seal")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in CHAINED:
        for column in ("row_hash", "prev_hash", "chain_seq"):
            if sqlite:
                op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
            else:
                op.drop_column(table, column)
