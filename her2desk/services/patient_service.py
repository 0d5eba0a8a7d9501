"""Correct a stored patient's identity details (a typo in the name, a wrong birth date): the audited path.

Saving a case never changes a stored patient: an existing MRN typed with other details is refused
(`store.case_writer`), because silently taking them renamed the patient on every case, signed-out ones
included. A real correction goes through here instead, explicitly, for ALL of the patient's cases at once,
in one transaction with one audit row (`patient-corrected`, table `patient`, old/new details, reason,
the cases affected and how many handouts were superseded).

Rules (the guards are `domain.workflow`'s; nothing is re-implemented here):
- Role: correcting identity details is editing case data, the same fields the case form edits, so it
  needs `Action.EDIT` (technologist or pathologist; an administrator manages users, not patients).
  The local user of a single-workstation install without sign-in may correct like they may edit.
- A reason of at least `workflow.MIN_REASON_CHARS` characters (`workflow.reason_given`).
- Optimistic check: the caller passes the details it showed (`expected`); if the stored ones differ,
  someone corrected the patient meanwhile and nothing is written.
- Validation as on the case form (`domain.case_checks` for the patient fields), plus: the birth date
  may not be after the collection date of any of the patient's cases. The MRN itself is not changed
  here (a wrong MRN is a different patient, not a typo in one).
- Signed-out cases: allowed only for a pathologist (`Action.AMEND`, the pathologist's right to change
  signed-out results), and every not yet superseded handout of the patient's cases is marked superseded,
  so a handout carrying the old name is never the current one; the next one printed carries the new
  name. Chosen over "amend each signed-out case first" because the result did not change — amending
  would add report versions and re-sign-outs for a name typo — while the superseded mark gives the same
  protection for the handouts. The signed-out versions' frozen snapshots keep the name as signed (the
  record of what was signed); the audit row links old and new.
  Preliminary handouts of unsigned cases carry the old name too and are superseded as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from her2desk.domain import workflow
from her2desk.domain.case import CaseEntry, PatientDetails
from her2desk.domain.case_checks import check_case
from her2desk.domain.phrases import Phrase
from her2desk.domain.problems import Problem
from her2desk.domain.records import CaseInvalidError, SignOutState
from her2desk.domain.vocabulary import Sex
from her2desk.domain.workflow import Action, Actor, Role, WorkflowError
from her2desk.store.audit import record_event, utc_now
from her2desk.store.database import Database
from her2desk.store.patient_rows import patient_cases, patient_row, supersede_handouts, write_identity
from her2desk.store.users import acting_user

LOCAL_USER = "local"
AUDIT_ACTION = "patient-corrected"
IDENTITY_FIELDS = ("family_name", "given_name", "birth_date", "sex")
SIGNED_STATES = frozenset({SignOutState.SIGNED_OUT.value})


class PatientNotFoundError(LookupError):
    pass


class PatientChangedError(WorkflowError):
    """The stored details are no longer the ones the caller showed: someone corrected them meanwhile."""

    def __init__(self, mrn: str, stored: PatientDetails, by: str) -> None:
        super().__init__(
            [
                Phrase(
                    "the patient with MRN {mrn} was changed by {by} meanwhile (now {name}); "
                    "nothing was saved — look at the stored details and correct again if needed",
                    mrn=mrn,
                    by=by,
                    name=stored.display_name,
                )
            ]
        )
        self.stored = stored


@dataclass(frozen=True)
class PatientCorrection:
    """What a correction did: for the status message and the tests."""

    mrn: str
    old: PatientDetails
    new: PatientDetails
    accessions: tuple[str, ...]
    signed_out: tuple[str, ...]
    handouts_superseded: int


def _as_date(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value))


def _details(row: Any) -> PatientDetails:
    sex = row.sex if isinstance(row.sex, Sex) or row.sex is None else Sex(row.sex)
    return PatientDetails(row.mrn, row.family_name, row.given_name, _as_date(row.birth_date), sex)


def _identity(p: PatientDetails) -> tuple[Any, ...]:
    return tuple(getattr(p, name) for name in IDENTITY_FIELDS)


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)


def patient_problems(details: PatientDetails, today: date | None = None) -> list[Problem]:
    """The case form's checks on the patient fields (field names "patient.family_name" ...)."""
    check = check_case(CaseEntry(accession="X", patient=details), today=today)
    return [p for p in check.errors if p.field.startswith("patient.")]


class PatientService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def load(self, mrn: str) -> PatientDetails:
        """The stored details of the patient with this MRN (what the correction dialog shows)."""
        with self.database.write_engine.connect() as connection:
            row = patient_row(connection, mrn)
        if row is None:
            raise PatientNotFoundError(Phrase("no patient with MRN {mrn} is stored", mrn=mrn))
        return _details(row)

    def correct(
        self,
        actor: Actor | None,
        mrn: str,
        details: PatientDetails,
        reason: str,
        expected: PatientDetails,
    ) -> PatientCorrection:
        """Correct the identity details of patient `mrn` for all their cases, audited, in one transaction.

        Raises CaseInvalidError (problems by field, as the case form shows them), WorkflowError (role,
        reason, signed-out rule; PatientChangedError when the stored details are no longer `expected`)
        or PatientNotFoundError. Nothing is written when any of them is raised."""
        details = replace(details, mrn=details.mrn or mrn)
        problems = patient_problems(details)
        if details.mrn != mrn:
            problems.insert(
                0,
                Problem(
                    "patient.mrn",
                    Phrase(
                        "the MRN cannot be changed here ({mrn}); a different MRN is a different patient",
                        mrn=mrn,
                    ),
                ),
            )
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            current = acting_user(connection, actor)
            who = current.username if current is not None else LOCAL_USER
            refusals = workflow.role_refusals(current, Action.EDIT) if current is not None else []
            if refusals:
                raise WorkflowError(
                    [
                        Phrase(
                            "{refusal}: only a technologist or pathologist may correct patient details",
                            refusal=refusals[0],
                        )
                    ]
                )
            row = self._patient_row(connection, mrn)
            stored = _details(row)
            cases = patient_cases(connection, row.id)
            problems.extend(self._date_problems(details, cases))
            if problems:
                raise CaseInvalidError(tuple(problems))
            reasons = workflow.reason_given(reason, Phrase("a patient correction"))
            if _identity(stored) != _identity(replace(expected, mrn=mrn)):
                raise PatientChangedError(mrn, stored, row.updated_by)
            if _identity(stored) == _identity(details):
                reasons.append(Phrase("the details entered are the stored ones; there is nothing to correct"))
            signed_out = tuple(c.accession for c in cases if c.signout_state in SIGNED_STATES)
            if signed_out and (current is None or current.role is not Role.PATHOLOGIST):
                reasons.append(
                    Phrase(
                        "{cases} signed out; only a pathologist (signed in) may correct the "
                        "patient of signed-out cases (their earlier handouts are then superseded)",
                        cases=_cases(signed_out),
                    )
                )
            if reasons:
                raise WorkflowError(reasons)
            write_identity(connection, row.id, details, who, now)
            superseded = supersede_handouts(connection, [c.id for c in cases])
            record_event(
                connection,
                at=now,
                who=who,
                action=AUDIT_ACTION,
                table="patient",
                record=str(row.id),
                patient_id=row.id,
                old={k: _plain(getattr(stored, k)) for k in IDENTITY_FIELDS},
                new={
                    **{k: _plain(getattr(details, k)) for k in IDENTITY_FIELDS},
                    "reason": reason.strip(),
                    "cases": [c.accession for c in cases],
                    "signed_out_cases": list(signed_out),
                    "handouts_superseded": superseded,
                },
            )
        accessions = tuple(c.accession for c in cases)
        return PatientCorrection(mrn, stored, details, accessions, signed_out, superseded)

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _patient_row(connection: Connection, mrn: str) -> Any:
        row = patient_row(connection, mrn, lock=True)  # held until the correction commits
        if row is None:
            raise PatientNotFoundError(Phrase("no patient with MRN {mrn} is stored", mrn=mrn))
        return row

    @staticmethod
    def _date_problems(details: PatientDetails, cases: Sequence[Any]) -> list[Problem]:
        if details.birth_date is None:
            return []
        later = [
            (c.accession, collected)
            for c in cases
            if (collected := _as_date(c.collected_on)) is not None and collected < details.birth_date
        ]
        return [
            Problem(
                "patient.birth_date",
                Phrase(
                    "{born} is after the collection date of case {accession} ({collected})",
                    born=details.birth_date.isoformat(),
                    accession=accession,
                    collected=collected.isoformat(),
                ),
            )
            for accession, collected in later[:1]
        ]


def _cases(accessions: tuple[str, ...]) -> str:
    if len(accessions) == 1:
        return Phrase("case {accession} is", accession=accessions[0])
    return Phrase("cases {accessions} are", accessions=", ".join(accessions))
