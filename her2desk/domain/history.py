"""A patient's HER2 history: where a later specimen's reported status differs from the primary's.

Metastatic and recurrent cancers are re-tested because HER2 status can change; the history highlights a
metastasis or recurrence whose *reported* status (the adjudicated one when a pathologist adjudicated,
`domain.reported_result`) differs from the primary tumour's, in words a pathologist can read.
"""

from __future__ import annotations

from collections.abc import Sequence

from her2desk.domain.records import StoredCase
from her2desk.domain.vocabulary import ClinicalSetting, Status

FINAL = (Status.POSITIVE, Status.NEGATIVE)


def _upper(status: Status | None) -> str:
    return status.value.upper() if status is not None else ""


def status_changes(cases: Sequence[StoredCase]) -> dict[int, str]:
    """Case id -> why it is highlighted: a metastasis/recurrence whose reported status (adjudicated or
    the guideline's, `domain.reported_result`) differs from the primary tumour's.

    The primary compared with is the latest one signed out positive or negative: a result not signed
    out is not yet the lab's answer, so nothing is measured against it. A later specimen
    is compared as soon as its result is positive or negative, signed out or not (before sign-out is
    when the pathologist most wants to see the change), and the words say when it is not signed out
    yet, so the highlight never passes an unsigned result off as the final one."""
    changes: dict[int, str] = {}
    primary: StoredCase | None = None
    for case in cases:
        reported = case.reported
        status = reported.status
        if case.entry.specimen.setting is ClinicalSetting.PRIMARY:
            if reported.is_final and status in FINAL:
                primary = case
            continue
        if primary is None or status not in FINAL:
            continue
        before = primary.reported.status
        if status is not before:
            when = primary.entry.specimen.collected_on
            changes[case.case_id] = (
                f"HER2 status changed: primary {primary.entry.accession}"
                f"{f' ({when.isoformat()})' if when else ''} was {_upper(before)}, "
                f"this {case.entry.specimen.setting.value} specimen is {_upper(status)}"
                f"{'' if reported.signed_out else ' (not signed out yet)'}"
            )
    return changes
