"""The reported result on the case; who entered each ISH count; the criteria chosen for other sites;
the rule sets that were in force.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05

* `her2_case.reported_status` / `reported_descriptor` (`domain.reported_result`): the status the lab
  reports (the adjudicated one when there is one, else the engine's) and its descriptor, indexed for
  the worklist's filters and sort. Filled here for every stored case with the same domain function the
  writers use: an unadjudicated case reports its engine result (one UPDATE), an adjudicated one is
  worked out case by case (an adjudicated negative gets its descriptor from the IHC; such cases are
  few). Before this revision every stored result was computed with the default rule settings.
* `ish_count.entered_by_user_id`: who entered each count, so the blinded recount is provably a second
  observer's. Unknown (NULL) for counts stored before.
* `specimen.scoring_criteria`: for a site without a guideline of its own, the criteria the person
  entering chose. Stored cases of such sites were scored with the gastroesophageal criteria (the only
  behaviour before), which is recorded here so no stored case is left without a choice.
* `rule_set`: every set of lab rule settings ever in force, by fingerprint.

All additive (ADD COLUMN with NULL defaults, a new table, an index), so SQLite rebuilds no table and
the audit triggers are untouched. The backfill writes no audit rows: the reported result is derived
from columns whose every change is audited, and the upgrade itself is recorded by the schema version.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TypeVar

import sqlalchemy as sa
from alembic import op

from her2desk.domain.reported_result import reported_descriptor
from her2desk.domain.vocabulary import Descriptor, IhcScore, ScoringCriteria, Site, Status

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SITES_WITHOUT_GUIDELINE = tuple(s.value for s in Site if not s.has_site_specific_guideline)


_E = TypeVar("_E", bound=Enum)


def _enum(kind: type[_E], value: object) -> _E | None:
    return kind(value) if value is not None else None


def backfill_reported(connection: sa.Connection) -> None:
    """Set the reported status and descriptor of every stored case (see the module docstring)."""
    connection.execute(
        sa.text(
            "UPDATE her2_case SET reported_status = "
            "(SELECT status FROM interpretation WHERE interpretation.case_id = her2_case.id), "
            "reported_descriptor = "
            "(SELECT descriptor FROM interpretation WHERE interpretation.case_id = her2_case.id) "
            "WHERE adjudicated_status IS NULL"
        )
    )
    rows = connection.execute(
        sa.text(
            "SELECT c.id, c.adjudicated_status, i.status, i.descriptor, s.site, h.score, h.stained_pct "
            "FROM her2_case c JOIN interpretation i ON i.case_id = c.id "
            "JOIN specimen s ON s.case_id = c.id LEFT JOIN ihc_result h ON h.case_id = c.id "
            "WHERE c.adjudicated_status IS NOT NULL"
        )
    ).all()
    for case_id, adjudicated, engine, descriptor, site, ihc, pct in rows:
        value = reported_descriptor(
            site=_enum(Site, site),
            ihc=_enum(IhcScore, ihc),
            stained_pct=Decimal(pct) if pct is not None else None,
            engine_status=_enum(Status, engine),
            engine_descriptor=_enum(Descriptor, descriptor),
            adjudicated_status=Status(adjudicated),
            # No case had chosen criteria before this revision: a site without a guideline was scored
            # with the gastroesophageal ones (recorded just after this backfill), which None means.
            scoring_criteria=None,
        )
        connection.execute(
            sa.text("UPDATE her2_case SET reported_status = :s, reported_descriptor = :d WHERE id = :id"),
            {"s": adjudicated, "d": value.value if value else None, "id": case_id},
        )


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.add_column("her2_case", sa.Column("reported_status", sa.String(length=16), nullable=True))
    op.add_column("her2_case", sa.Column("reported_descriptor", sa.String(length=16), nullable=True))
    op.add_column("specimen", sa.Column("scoring_criteria", sa.String(length=32), nullable=True))
    if sqlite:
        op.execute(
            "ALTER TABLE ish_count ADD COLUMN entered_by_user_id INTEGER "
            "CONSTRAINT fk_ish_count_entered_by_user_id_app_user REFERENCES app_user (id)"
        )
    else:
        op.add_column("ish_count", sa.Column("entered_by_user_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_ish_count_entered_by_user_id_app_user"),
            "ish_count",
            "app_user",
            ["entered_by_user_id"],
            ["id"],
        )
    op.create_table(
        "rule_set",
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_rule_set")),
    )
    backfill_reported(bind)
    marks = ", ".join(f"'{site}'" for site in SITES_WITHOUT_GUIDELINE)
    op.execute(
        f"UPDATE specimen SET scoring_criteria = '{ScoringCriteria.GASTROESOPHAGEAL.value}' "
        f"WHERE site IN ({marks})"
    )
    op.create_index(op.f("ix_her2_case_reported_status"), "her2_case", ["reported_status"], unique=False)


def downgrade() -> None:
    """Back to 0006: drop what 0007 added. SQLite drops the plain columns of `her2_case` and
    `specimen` in place (ALTER TABLE ... DROP COLUMN, no rebuild, so nothing cascades); `ish_count`,
    whose new column carries a foreign key, is rebuilt (no table refers to it)."""
    op.drop_index(op.f("ix_her2_case_reported_status"), table_name="her2_case")
    op.drop_table("rule_set")
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("ish_count", recreate="always") as batch:
            batch.drop_column("entered_by_user_id")
        for table, column in (
            ("her2_case", "reported_status"),
            ("her2_case", "reported_descriptor"),
            ("specimen", "scoring_criteria"),
        ):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        op.drop_constraint(op.f("fk_ish_count_entered_by_user_id_app_user"), "ish_count", type_="foreignkey")
        op.drop_column("ish_count", "entered_by_user_id")
        op.drop_column("specimen", "scoring_criteria")
        op.drop_column("her2_case", "reported_descriptor")
        op.drop_column("her2_case", "reported_status")
