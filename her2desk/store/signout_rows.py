"""The rows of the sign-out workflow (`services.signout_service`): the case as the workflow guards
need it, the optimistic-locked state change, electronic signatures, frozen report versions and
handout prints, and reading them back for a case's record. The service decides; this module only
reads and writes, in the caller's transaction. Signatures, versions and prints are chained rows
(`chain.append`, tamper evidence), like the audit trail.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from her2desk.domain.workflow import Actor
from her2desk.store.chain import append
from her2desk.store.mapping import stored_case
from her2desk.store.schema import (
    Case,
    CaseVersionRow,
    ElectronicSignature,
    HandoutPrint,
    IhcResult,
    InterpretationRow,
    Specimen,
    User,
)
from her2desk.store.snapshots import snapshot_json


def workflow_case_row(connection: Connection, accession: str) -> Any:
    """The case's state, versions, results and interpretation for the workflow's guards (None when no
    such case); locked for the caller's transaction on PostgreSQL (SQLite's writer excludes others)."""
    statement = (
        select(
            Case.id,
            Case.patient_id,
            Case.version,
            Case.report_version,
            Case.signout_state,
            Case.entered_by_user_id,
            Case.adjudicated_status,
            Case.updated_by,
            Case.updated_at,
            Case.reported_status,
            Case.reported_descriptor,
            InterpretationRow.status,
            InterpretationRow.descriptor,
            InterpretationRow.ish_group,
            IhcResult.score,
            IhcResult.stained_pct,
            Specimen.site,
            Specimen.scoring_criteria,
        )
        .outerjoin(InterpretationRow, InterpretationRow.case_id == Case.id)
        .outerjoin(IhcResult, IhcResult.case_id == Case.id)
        .outerjoin(Specimen, Specimen.case_id == Case.id)
        .where(Case.accession == accession)
    )
    if connection.dialect.name == "postgresql":
        statement = statement.with_for_update(of=Case.__table__)
    return connection.execute(statement).one_or_none()


def write_case_state(
    connection: Connection, case_id: int, version: int, values: dict[str, Any], who: str, now: datetime
) -> int | None:
    """Write `values` to the case if it is still at `version`; the new version, or None when someone
    else changed the case meanwhile (nothing written)."""
    table = Case.__table__
    new_version = version + 1
    done = connection.execute(
        update(table)
        .where(table.c.id == case_id, table.c.version == version)
        .values(**values, version=new_version, updated_at=now, updated_by=who)
    ).rowcount
    return new_version if done == 1 else None


def user_display_name(connection: Connection, user_id: int) -> str:
    return str(connection.execute(select(User.display_name).where(User.id == user_id)).scalar_one())


def write_signature(
    connection: Connection,
    case_id: int,
    report_version: int,
    signer: Actor,
    now: datetime,
    meaning: str,
    display_name: str,
) -> None:
    """One electronic signature: who signed which report version, when, and what it means."""
    append(
        connection,
        "e_signature",
        [
            {
                "case_id": case_id,
                "report_version": report_version,
                "user_id": signer.user_id,
                "username": signer.username,
                "display_name": display_name,
                "signed_at": now,
                "meaning": meaning,
            }
        ],
    )


def case_snapshot(case: Case) -> dict[str, Any]:
    """The case's entry, the engine's interpretation and the workflow state as JSON-ready values
    (built by `store.snapshots`, which the demo seeder uses too)."""
    stored = stored_case(case)
    text = snapshot_json(
        accession=case.accession,
        report_version=case.report_version,
        state=case.signout_state,
        entry=stored.entry,
        interpretation=stored.interpretation,
        adjudicated_status=case.adjudicated_status,
        adjudication_reason=case.adjudication_reason,
        reported_status=case.reported_status,
        reported_descriptor=case.reported_descriptor,
        counted_by={"1": stored.first_count_by, "2": stored.recount_by} if stored.entry.ish.first else None,
    )
    return json.loads(text)


def frozen_version(connection: Connection, case_id: int) -> tuple[dict[str, Any], str | None]:
    """The case as it stands in this transaction: its snapshot and its amendment reason."""
    with Session(bind=connection) as session:
        case = session.get(Case, case_id)
        assert case is not None
        return case_snapshot(case), case.amendment_reason


def write_case_version(
    connection: Connection,
    *,
    case_id: int,
    report_version: int,
    state: str,
    snapshot: str,
    amendment_reason: str | None,
    signed_out_by: str,
    signed_out_at: datetime,
) -> None:
    """Freeze one signed-out report version (its snapshot as JSON text)."""
    row = {
        "case_id": case_id,
        "report_version": report_version,
        "state": state,
        "snapshot": snapshot,
        "amendment_reason": amendment_reason,
        "signed_out_by": signed_out_by,
        "signed_out_at": signed_out_at,
    }
    append(connection, "case_version", [row])


def write_handout_print(connection: Connection, values: dict[str, Any]) -> None:
    """One print log row (who, when, language, rules version, SHA-256 of the bytes)."""
    append(connection, "handout_print", [values])


@dataclass(frozen=True)
class CurrentVersion:
    """The case's current report version as it stands (not necessarily signed out)."""

    report_version: int
    state: str
    snapshot: dict[str, Any]
    amendment_reason: str | None


def case_version_rows(connection: Connection, accession: str) -> tuple[list[Any], CurrentVersion] | None:
    """The frozen versions of the case (oldest first) and its current one; None when no such case."""
    with Session(bind=connection) as session:
        case = session.scalars(select(Case).where(Case.accession == accession)).unique().one_or_none()
        if case is None:
            return None
        rows = session.scalars(
            select(CaseVersionRow)
            .where(CaseVersionRow.case_id == case.id)
            .order_by(CaseVersionRow.report_version)
        ).all()
        current = CurrentVersion(
            case.report_version, case.signout_state, case_snapshot(case), case.amendment_reason
        )
        return list(rows), current


def handout_print_rows(connection: Connection, accession: str, document: str | None = None) -> list[Any]:
    """The case's print log of one kind of document (None: patient handouts), in the order printed."""
    kind = HandoutPrint.document.is_(None) if document is None else HandoutPrint.document == document
    statement = (
        select(HandoutPrint.__table__)
        .join(Case, Case.id == HandoutPrint.case_id)
        .where(Case.accession == accession, kind)
        .order_by(HandoutPrint.id)
    )
    return list(connection.execute(statement).all())


def signature_rows(connection: Connection, accession: str) -> list[Any]:
    """The case's electronic signatures, in the order signed."""
    statement = (
        select(ElectronicSignature.__table__)
        .join(Case, Case.id == ElectronicSignature.case_id)
        .where(Case.accession == accession)
        .order_by(ElectronicSignature.id)
    )
    return list(connection.execute(statement).all())
