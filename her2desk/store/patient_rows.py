"""Patient rows for the patient correction (`services.patient_service`): read one patient (locked for
the correction on PostgreSQL), list their cases, write corrected identity details."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from her2desk.domain.case import PatientDetails
from her2desk.store.mapping import name_key
from her2desk.store.schema import Case, HandoutPrint, Patient, Specimen


def patient_row(connection: Connection, mrn: str, *, lock: bool = False) -> Any:
    """The patient row of `mrn` (None when there is none). `lock`: hold it for this transaction (SQLite:
    the writer's BEGIN IMMEDIATE already excludes other writers; PostgreSQL: FOR UPDATE)."""
    statement = select(Patient.__table__).where(Patient.mrn == mrn)
    if lock and connection.dialect.name == "postgresql":
        statement = statement.with_for_update()
    return connection.execute(statement).one_or_none()


def patient_cases(connection: Connection, patient_id: int) -> list[Any]:
    """The patient's cases (id, accession, signout_state, collected_on), by accession."""
    return list(
        connection.execute(
            select(Case.id, Case.accession, Case.signout_state, Specimen.collected_on)
            .outerjoin(Specimen, Specimen.case_id == Case.id)
            .where(Case.patient_id == patient_id)
            .order_by(Case.accession)
        ).all()
    )


def write_identity(
    connection: Connection, patient_id: int, details: PatientDetails, who: str, now: datetime
) -> None:
    """Store corrected identity details (and the name's search key) on the patient row."""
    patients = Patient.__table__
    connection.execute(
        update(patients)
        .where(patients.c.id == patient_id)
        .values(
            family_name=details.family_name,
            given_name=details.given_name,
            family_name_key=name_key(details.family_name),
            birth_date=details.birth_date,
            sex=details.sex,
            updated_at=now,
            updated_by=who,
        )
    )


def supersede_handouts(connection: Connection, case_ids: list[int]) -> int:
    """Mark the current handouts of these cases superseded (their content is out of date); how many."""
    if not case_ids:
        return 0
    handouts = HandoutPrint.__table__
    return int(
        connection.execute(
            update(handouts)
            .where(handouts.c.case_id.in_(case_ids), handouts.c.superseded.is_(False))
            .values(superseded=True)
        ).rowcount
    )
