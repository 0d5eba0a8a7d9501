"""The StoredCase a change to a case leaves behind, built from what the save wrote and read.

Reading the case back through the ORM after the commit was a second transaction and half the time
of a save. Everything it would read is already at hand: the entry and interpretation just written
(the writer stores every column that differs, so the rows now hold exactly these values), and the
case row's other columns read with the version check in the same transaction (`case_writer`).
`mapping.stored_case` is the other way to the same value; a test holds the two equal.
"""

from __future__ import annotations

from datetime import datetime

from her2desk.domain.case import CaseEntry
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.records import SignOutState, StoredCase
from her2desk.domain.reported_result import Adjudication
from her2desk.store.case_writer import CaseHeader
from her2desk.store.mapping import aware, aware_or_none, reported_result


def _name(user_id: int | None, name: str | None) -> str | None:
    """As `mapping.stored_case` names a user id (a missing user row reads "user #id")."""
    if user_id is None:
        return None
    return name if name is not None else f"user #{user_id}"


def saved_case(
    header: CaseHeader, entry: CaseEntry, interpretation: Interpretation, user: str, now: datetime
) -> StoredCase:
    """The case `update_case` wrote (`header`), as `load()` would return it after the commit, with the
    adjudication cleared when the save voided it (`CaseHeader.voids_adjudication`)."""
    row = header.signoff
    names = header.count_names
    assert row is not None, "a header from update_case"
    assert names is not None, "a header from update_case"
    state = SignOutState(header.signout_state)
    voided = header.voids_adjudication
    adjudicated_status = None if voided else row.adjudicated_status
    adjudication_reason = None if voided else row.adjudication_reason
    adjudicated_by = None if voided else _name(row.adjudicated_by_user_id, row.adjudicated_by)
    adjudicated_at = None if voided else aware_or_none(row.adjudicated_at)
    adjudication = (
        Adjudication(adjudicated_status, adjudication_reason or "", adjudicated_by, adjudicated_at)
        if adjudicated_status is not None
        else None
    )
    first_by = header.first_count_by if header.has_first_count else None
    recount_by = header.recount_by if header.has_recount else None
    return StoredCase(
        case_id=header.case_id,
        entry=entry,
        interpretation=interpretation,
        version=header.version,
        signout_state=state,
        created_at=aware(header.created_at),
        created_by=header.created_by,
        updated_at=aware(now),
        updated_by=user,
        report_version=row.report_version or 1,
        entered_by_user_id=row.entered_by_user_id,
        signed_out_by=_name(row.signed_out_by_user_id, row.signed_out_by),
        signed_out_at=aware_or_none(row.signed_out_at),
        adjudicated_status=adjudicated_status,
        adjudication_reason=adjudication_reason,
        adjudicated_by=adjudicated_by,
        adjudicated_at=adjudicated_at,
        amendment_reason=row.amendment_reason,
        amended_by=_name(row.amended_by_user_id, row.amended_by),
        amended_at=aware_or_none(row.amended_at),
        reported_result=reported_result(
            row.reported_status, row.reported_descriptor, interpretation, adjudication, state
        ),
        first_count_by_user_id=first_by,
        recount_by_user_id=recount_by,
        first_count_by=_name(first_by, names.get(1)),
        recount_by=_name(recount_by, names.get(2)),
    )
