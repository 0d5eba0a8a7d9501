"""Worklist and search queries: paged SQL that an index can answer, never "load everything".

A text search matches an accession or MRN by prefix (as typed, or upper-cased) or a family name by
case-insensitive prefix. Each is a range on its own index (`key >= p AND key < p'` where p' is p with
its last character incremented), which SQLite and PostgreSQL (with the "C" collation on the key) both
answer from the index; the three are combined as a UNION of case ids.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select, union

from her2desk.domain.records import SignOutState, WorklistOrder, WorklistQuery, WorklistRow
from her2desk.domain.vocabulary import Status
from her2desk.store.mapping import aware, name_key
from her2desk.store.schema import Case, IhcResult, InterpretationRow, Patient, Specimen

NEEDS_ACTION = tuple(s for s in Status if s.needs_action)


def prefix_range(column: Any, prefix: str) -> ColumnElement[bool]:
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def text_matches(text: str) -> ColumnElement[bool]:
    """Case ids whose accession, MRN or family name starts with `text`."""
    variants = sorted({text, text.upper()})
    selects: list[Select[Any]] = []
    for v in variants:
        selects.append(select(Case.id).where(prefix_range(Case.accession, v)))
        selects.append(
            select(Case.id).join(Patient, Case.patient_id == Patient.id).where(prefix_range(Patient.mrn, v))
        )
    selects.append(
        select(Case.id)
        .join(Patient, Case.patient_id == Patient.id)
        .where(prefix_range(Patient.family_name_key, name_key(text)))
    )
    return Case.id.in_(union(*selects).scalar_subquery())


def _filtered(statement: Select[Any], query: WorklistQuery) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    text = query.text.strip()
    if text:
        conditions.append(text_matches(text))
    if query.status is not None:
        conditions.append(InterpretationRow.status == query.status)
    if query.needs_action:
        conditions.append(InterpretationRow.status.in_(NEEDS_ACTION))
    if query.site is not None:
        conditions.append(Specimen.site == query.site)
    if query.collected_from is not None:
        conditions.append(Specimen.collected_on >= query.collected_from)
    if query.collected_to is not None:
        conditions.append(Specimen.collected_on <= query.collected_to)
    if query.signout_state is not None:
        conditions.append(Case.signout_state == query.signout_state.value)
    return statement.where(*conditions) if conditions else statement


def _joined(statement: Select[Any]) -> Select[Any]:
    return (
        statement.select_from(Case)
        .join(Patient, Case.patient_id == Patient.id)
        .join(Specimen, Specimen.case_id == Case.id)
        .join(InterpretationRow, InterpretationRow.case_id == Case.id)
        .outerjoin(IhcResult, IhcResult.case_id == Case.id)
    )


ORDER_COLUMNS: dict[WorklistOrder, tuple[Any, ...]] = {
    WorklistOrder.COLLECTED_ON: (Specimen.collected_on, Specimen.case_id),
    WorklistOrder.ACCESSION: (Case.accession,),
    WorklistOrder.PATIENT: (Patient.family_name_key, Patient.given_name, Case.id),
    WorklistOrder.MRN: (Patient.mrn, Case.id),
    WorklistOrder.SITE: (Specimen.site, Case.id),
    WorklistOrder.STATUS: (InterpretationRow.status, Case.id),
    WorklistOrder.UPDATED_AT: (Case.updated_at, Case.id),
}


def count_statement(query: WorklistQuery) -> Select[Any]:
    """Count with only the joins the filters need (every case has exactly one specimen and one
    interpretation row, so leaving an unused join out cannot change the count, only its speed)."""
    statement = select(func.count()).select_from(Case)
    if query.site is not None or query.collected_from is not None or query.collected_to is not None:
        statement = statement.join(Specimen, Specimen.case_id == Case.id)
    if query.status is not None or query.needs_action:
        statement = statement.join(InterpretationRow, InterpretationRow.case_id == Case.id)
    return _filtered(statement, query)


def page_statement(query: WorklistQuery, offset: int, limit: int) -> Select[Any]:
    columns = ORDER_COLUMNS[query.order_by]
    # NULL sorts as the smallest value on both backends (SQLite's rule, which lets its indexes serve).
    order = [c.desc().nulls_last() if query.descending else c.asc().nulls_first() for c in columns]
    statement = select(
        Case.id,
        Case.accession,
        Patient.family_name,
        Patient.given_name,
        Patient.mrn,
        Specimen.site,
        Specimen.procedure,
        Specimen.collected_on,
        IhcResult.score,
        InterpretationRow.ish_group,
        InterpretationRow.status,
        Case.signout_state,
        Case.updated_at,
    )
    return _filtered(_joined(statement), query).order_by(*order).offset(offset).limit(limit)


def worklist_row(row: Any) -> WorklistRow:
    name = f"{row.family_name}, {row.given_name}" if row.given_name else row.family_name
    return WorklistRow(
        case_id=row.id,
        accession=row.accession,
        patient_name=name,
        mrn=row.mrn,
        site=row.site,
        procedure=row.procedure,
        collected_on=row.collected_on,
        ihc=row.score,
        ish_group=row.ish_group,
        status=row.status,
        signout_state=SignOutState(row.signout_state),
        updated_at=aware(row.updated_at),
    )
