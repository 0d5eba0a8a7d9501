"""A patient's HER2 history: where a later specimen's reported status differs from the primary's.

Metastatic and recurrent cancers are re-tested because HER2 status can change; the history highlights a
metastasis or recurrence whose *reported* status (the adjudicated one when a pathologist adjudicated,
`domain.reported_result`) differs from the primary tumour's, in words a pathologist can read.
"""

from __future__ import annotations

from collections.abc import Sequence

from her2desk.domain.records import SignOutState, StoredCase
from her2desk.domain.vocabulary import ClinicalSetting, Status

FINAL = (Status.POSITIVE, Status.NEGATIVE)


def _upper(status: Status | None) -> str:
    return status.value.upper() if status is not None else ""


def _unless_final(case: StoredCase) -> str:
    """Words after a status that is not yet the lab's final answer ("" when it is signed out)."""
    if case.signout_state is SignOutState.SIGNED_OUT:
        return ""
    if case.signout_state is SignOutState.AMENDED:
        return " (being amended)"
    return " (not signed out yet)"


def status_changes(cases: Sequence[StoredCase]) -> dict[int, str]:
    """Case id -> why it is highlighted: a metastasis/recurrence whose reported status (adjudicated or
    the guideline's, `domain.reported_result`) differs from the primary tumour's.

    Results not yet signed out are compared too (before sign-out is when the pathologist most wants to
    see a change, and a lab without accounts never signs out), but the words say which side is not
    yet final, so the highlight never passes an unsigned result off as the lab's answer."""
    changes: dict[int, str] = {}
    primary: StoredCase | None = None
    for case in cases:
        status = case.reported.status
        if case.entry.specimen.setting is ClinicalSetting.PRIMARY:
            if status in FINAL:
                primary = case
            continue
        if primary is None or status not in FINAL:
            continue
        before = primary.reported.status
        if status is not before:
            when = primary.entry.specimen.collected_on
            changes[case.case_id] = (
                f"HER2 status changed: primary {primary.entry.accession}"
                f"{f' ({when.isoformat()})' if when else ''} was {_upper(before)}{_unless_final(primary)}, "
                f"this {case.entry.specimen.setting.value} specimen is {_upper(status)}{_unless_final(case)}"
            )
    return changes
