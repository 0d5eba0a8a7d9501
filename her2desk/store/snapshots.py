"""The frozen report of one signed-out version: the JSON kept in `case_version.snapshot`.

Why here and not in the sign-out service: two writers must build it the same way, the sign-out
workflow (`services.signout_service`, from a stored case) and the demo seeder (`demo.seed`, from the
values it is about to insert; store code cannot import services). Pure: domain values in, JSON out.
"""

from __future__ import annotations

import functools

from her2desk.domain.case import CaseEntry
from her2desk.domain.interpretation import Interpretation
from her2desk.store.audit import to_json
from her2desk.store.mapping import (
    count_values,
    ihc_values,
    interpretation_values,
    ish_values,
    patient_values,
    specimen_values,
)

# Patients and interpretations repeat across cases (the demo seeder freezes tens of thousands of
# versions); both are immutable, so their column values are worked out once. Read-only results.
_patient_values = functools.lru_cache(maxsize=4096)(patient_values)
_interpretation_values = functools.lru_cache(maxsize=4096)(interpretation_values)

# The meaning recorded with each electronic signature: a sign-out, an adjudication, an amendment.
SIGNATURE_MEANING = "signed out"
ADJUDICATION_MEANING = "adjudicated"
AMENDMENT_MEANING = "amended"


def snapshot_json(
    *,
    accession: str,
    report_version: int,
    state: str,
    entry: CaseEntry,
    interpretation: Interpretation,
    adjudicated_status: str | None,
    adjudication_reason: str | None,
    reported_status: str | None,
    reported_descriptor: str | None,
    counted_by: dict[str, str | None] | None = None,
) -> str:
    """The case's entry, the engine's interpretation, the reported result and the workflow state as
    JSON text (sorted keys)."""
    values = {
        "accession": accession,
        "report_version": report_version,
        "state": state,
        "patient": _patient_values(entry.patient),
        "specimen": specimen_values(entry.specimen),
        "ihc": ihc_values(entry.ihc),
        "ish": ish_values(entry.ish),
        "ish_counts": {str(k): v for k, v in sorted(count_values(entry.ish).items())},
        "interpretation": _interpretation_values(interpretation),
        "adjudicated_status": adjudicated_status,
        "adjudication_reason": adjudication_reason,
        "reported_status": reported_status,
        "reported_descriptor": reported_descriptor,
        # Who entered each ISH count ("1": first count, "2": blinded recount), by user name.
        "counted_by": counted_by or {},
    }
    return to_json(values) or "{}"
