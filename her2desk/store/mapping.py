"""Copy between the domain's plain dataclasses and database rows, in both directions.

Writing: the column values of each table for a case (used by `case_writer`). Reading: ORM rows back
into `StoredCase`. Only this module knows both shapes; the service hands out the dataclasses, never
ORM objects, so results can cross threads and outlive the session that loaded them.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.identifiers import mrn_number_key
from her2desk.domain.inputs import IshCount
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.records import SignOutState, StoredCase
from her2desk.domain.reported_result import Adjudication, ReportedResult
from her2desk.domain.vocabulary import Descriptor, Status
from her2desk.store.schema import Case, InterpretationRow, Patient, User

USER_NAMES_KEY = "her2desk.user_names"


# Latin letters with no decomposition into base + mark, spelled as a reader without the key would
# type them (ß needs no entry: casefold makes it "ss"). Dotless ı is folded too ("Işık" -> "isik").
LATIN_LETTER_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
)


@functools.cache
def _is_latin(character: str) -> bool:
    return unicodedata.name(character, "").startswith("LATIN ")


def name_key(family_name: str) -> str:
    """The search key of a family name: compatibility-normalised, accent-folded for Latin letters and
    case-folded (schema revision 0006 recomputes stored keys with it).

    Why: a user types "angstrom" or "nguyen" for "Ångström" or "Nguyễn". Marks are dropped only after
    a Latin base letter (Vietnamese folds; Devanagari, Hebrew or Arabic marks are part of the letter
    and stay). Typed search text goes through this same function (`queries.py`), so both sides agree,
    and a prefix of a name still gives a prefix of its key. Idempotent: name_key(name_key(x)) ==
    name_key(x).
    """
    if family_name.isascii():
        return family_name.lower()  # casefold of ASCII; the common case, kept cheap
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", family_name).casefold())
    kept: list[str] = []
    latin_base = False
    for character in decomposed:
        if unicodedata.combining(character) or unicodedata.category(character).startswith("M"):
            if latin_base:
                continue
        else:
            latin_base = _is_latin(character)
        kept.append(character)
    return unicodedata.normalize("NFC", "".join(kept).translate(LATIN_LETTER_FOLDS))


def aware(value: datetime) -> datetime:
    """Stored timestamps are naive UTC; hand them out as aware UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def patient_values(p: PatientDetails) -> dict[str, Any]:
    return {
        "mrn": p.mrn,
        "family_name": p.family_name,
        "given_name": p.given_name,
        "family_name_key": name_key(p.family_name),
        "birth_date": p.birth_date,
        "sex": p.sex,
    }


def patient_row_values(p: PatientDetails) -> dict[str, Any]:
    """The patient row's columns: `patient_values` plus the MRN's number key (a search key only; the
    frozen report of a version keeps `patient_values`)."""
    return {**patient_values(p), "mrn_number_key": mrn_number_key(p.mrn)}


def specimen_values(s: SpecimenDetails) -> dict[str, Any]:
    return {
        "procedure": s.procedure,
        "site": s.site,
        "laterality": s.laterality,
        "setting": s.setting,
        "metastatic_site": s.metastatic_site,
        "collected_on": s.collected_on,
        "block": s.block,
        "fixative": s.fixative,
        "cold_ischaemia_minutes": s.cold_ischaemia_minutes,
        "fixation_hours": s.fixation_hours,
        "fragments": s.fragments,
        "fragments_with_tumour": s.fragments_with_tumour,
        "scoring_criteria": s.scoring_criteria,
    }


def ihc_values(i: IhcDetails) -> dict[str, Any]:
    return {
        "clone": i.clone,
        "assay_type": i.assay_type,
        "controls_acceptable": i.controls_acceptable,
        "score": i.score,
        "stained_pct": i.stained_pct,
        "cluster_cells": i.cluster_cells,
    }


def ish_values(i: IshDetails) -> dict[str, Any]:
    return {"probe": i.probe, "method": i.method}


def count_values(i: IshDetails) -> dict[int, dict[str, Any]]:
    counts = {1: i.first, 2: i.second}
    return {
        observer: {"cells": c.cells, "her2": c.her2, "cep17": c.cep17}
        for observer, c in counts.items()
        if c is not None
    }


def interpretation_values(r: Interpretation) -> dict[str, Any]:
    return {
        "status": r.status,
        "next_step": r.next_step,
        "guideline": r.guideline,
        "scoring_system": r.scoring_system,
        "ish_group": r.ish_group,
        "ratio": r.ratio,
        "her2_average": r.her2_average,
        "recount_group": r.recount_group,
        "recount_ratio": r.recount_ratio,
        "descriptor": r.descriptor,
        "comments": json.dumps(list(r.comments), ensure_ascii=False),
        "warnings": json.dumps(list(r.warnings), ensure_ascii=False),
        "trail": json.dumps(list(r.trail), ensure_ascii=False),
        "rules_version": r.rules_version,
    }


def patient_details(p: Patient) -> PatientDetails:
    return PatientDetails(
        mrn=p.mrn, family_name=p.family_name, given_name=p.given_name, birth_date=p.birth_date, sex=p.sex
    )


def case_entry(case: Case) -> CaseEntry:
    s, i, h = case.specimen, case.ihc, case.ish
    counts = {c.observer: IshCount(her2=c.her2, cep17=c.cep17, cells=c.cells) for c in case.ish_counts}
    return CaseEntry(
        accession=case.accession,
        patient=patient_details(case.patient),
        specimen=SpecimenDetails(
            procedure=s.procedure,
            site=s.site,
            laterality=s.laterality,
            setting=s.setting,
            metastatic_site=s.metastatic_site,
            collected_on=s.collected_on,
            block=s.block,
            fixative=s.fixative,
            cold_ischaemia_minutes=s.cold_ischaemia_minutes,
            fixation_hours=s.fixation_hours,
            fragments=s.fragments,
            fragments_with_tumour=s.fragments_with_tumour,
            scoring_criteria=s.scoring_criteria,
        ),
        ihc=IhcDetails(
            clone=i.clone if i else None,
            assay_type=i.assay_type if i else None,
            controls_acceptable=i.controls_acceptable if i else None,
            score=i.score if i else None,
            stained_pct=i.stained_pct if i else None,
            cluster_cells=i.cluster_cells if i else None,
        ),
        ish=IshDetails(
            probe=h.probe if h else None,
            method=h.method if h else None,
            first=counts.get(1),
            second=counts.get(2),
        ),
    )


def interpretation_of(row: InterpretationRow) -> Interpretation:
    return Interpretation(
        status=row.status,
        next_step=row.next_step,
        guideline=row.guideline,
        ish_group=row.ish_group,
        ratio=row.ratio,
        her2_average=row.her2_average,
        recount_group=row.recount_group,
        recount_ratio=row.recount_ratio,
        descriptor=row.descriptor,
        scoring_system=row.scoring_system,
        comments=tuple(json.loads(row.comments)),
        warnings=tuple(json.loads(row.warnings)),
        trail=tuple(json.loads(row.trail)),
        rules_version=row.rules_version,
    )


def user_names(session: Session | None, user_ids: set[int]) -> dict[int, str]:
    """User names by id, cached on the session (there are few users and many cases per session)."""
    if session is None:
        return {}
    cache: dict[int, str] = session.info.setdefault(USER_NAMES_KEY, {})
    missing = user_ids - cache.keys()
    if missing:
        rows = session.execute(select(User.id, User.username).where(User.id.in_(missing)))
        cache.update({int(row.id): row.username for row in rows})
    return cache


def aware_or_none(value: datetime | None) -> datetime | None:
    return aware(value) if value is not None else None


def reported_result(
    status: Status | None,
    descriptor: Descriptor | None,
    interpretation: Interpretation,
    adjudication: Adjudication | None,
    state: SignOutState,
) -> ReportedResult:
    """The stored case's reported result, read one way wherever a case is read back (a load, a save)."""
    return ReportedResult(
        status=status,
        descriptor=descriptor,
        engine_status=interpretation.status,
        engine_descriptor=interpretation.descriptor,
        adjudication=adjudication,
        signed_out=state is SignOutState.SIGNED_OUT,
    )


def stored_case(case: Case) -> StoredCase:
    counters = {c.observer: c.entered_by_user_id for c in case.ish_counts}
    candidates = (
        case.signed_out_by_user_id,
        case.adjudicated_by_user_id,
        case.amended_by_user_id,
        *counters.values(),
    )
    ids = {user_id for user_id in candidates if user_id is not None}
    names = user_names(object_session(case), ids) if ids else {}

    def name(user_id: int | None) -> str | None:
        return names.get(user_id, f"user #{user_id}") if user_id is not None else None

    interpretation = interpretation_of(case.interpretation)
    state = SignOutState(case.signout_state)
    adjudication = (
        Adjudication(
            case.adjudicated_status,
            case.adjudication_reason or "",
            name(case.adjudicated_by_user_id),
            aware_or_none(case.adjudicated_at),
        )
        if case.adjudicated_status is not None
        else None
    )
    reported = reported_result(
        case.reported_status, case.reported_descriptor, interpretation, adjudication, state
    )
    return StoredCase(
        case_id=case.id,
        entry=case_entry(case),
        interpretation=interpretation,
        version=case.version,
        signout_state=SignOutState(case.signout_state),
        created_at=aware(case.created_at),
        created_by=case.created_by,
        updated_at=aware(case.updated_at),
        updated_by=case.updated_by,
        report_version=case.report_version or 1,
        entered_by_user_id=case.entered_by_user_id,
        signed_out_by=name(case.signed_out_by_user_id),
        signed_out_at=aware_or_none(case.signed_out_at),
        adjudicated_status=case.adjudicated_status,
        adjudication_reason=case.adjudication_reason,
        adjudicated_by=name(case.adjudicated_by_user_id),
        adjudicated_at=aware_or_none(case.adjudicated_at),
        amendment_reason=case.amendment_reason,
        amended_by=name(case.amended_by_user_id),
        amended_at=aware_or_none(case.amended_at),
        reported_result=reported,
        first_count_by_user_id=counters.get(1),
        recount_by_user_id=counters.get(2),
        first_count_by=name(counters.get(1)),
        recount_by=name(counters.get(2)),
    )
