"""What the store hands back to the program: plain, immutable data that can cross threads.

Live ORM objects never leave the store; the GUI, the handout and the CLI see only these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from her2desk.domain.vocabulary import Descriptor, IhcScore, Procedure, Site, Status

# The worklist's first page needs only the row and query types below: the case, its interpretation
# and the reported result are imported where a stored case is read (they cost the desktop program's
# cold start several milliseconds before its first paint otherwise).
if TYPE_CHECKING:
    from her2desk.domain.case import CaseEntry
    from her2desk.domain.interpretation import Interpretation
    from her2desk.domain.reported_result import Adjudication, ReportedResult


class SignOutState(StrEnum):
    """Sign-out workflow state of a case (the transitions and their guards are `domain.workflow`)."""

    DRAFT = "draft"
    ENTERED = "entered"
    SIGNED_OUT = "signed-out"
    AMENDED = "amended"


@dataclass(frozen=True)
class StoredCase:
    """A case as stored. `version` is the optimistic-lock counter; `report_version` counts amendments
    (1 = the original report). The adjudicated status sits beside the engine's interpretation and
    never replaces it. User fields hold user names (None: nobody yet, or the local user)."""

    case_id: int
    entry: CaseEntry
    interpretation: Interpretation
    version: int
    signout_state: SignOutState
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    report_version: int = 1
    entered_by_user_id: int | None = None
    signed_out_by: str | None = None
    signed_out_at: datetime | None = None
    adjudicated_status: Status | None = None
    adjudication_reason: str | None = None
    adjudicated_by: str | None = None
    adjudicated_at: datetime | None = None
    amendment_reason: str | None = None
    amended_by: str | None = None
    amended_at: datetime | None = None
    # The reported result as the store holds it (written with the lab's rules of the time); None for
    # a StoredCase made by hand, whose `reported` is then derived with the default rules.
    reported_result: ReportedResult | None = None
    # Who entered the first ISH count and the blinded recount (user ids, user names; None: unknown).
    first_count_by_user_id: int | None = None
    recount_by_user_id: int | None = None
    first_count_by: str | None = None
    recount_by: str | None = None

    @property
    def one_person_counted_both(self) -> bool:
        """Both ISH counts were provably entered by one person (allowed only by a lab setting)."""
        from her2desk.domain.blinded_recount import same_observer

        return same_observer(self.first_count_by_user_id, self.recount_by_user_id)

    @property
    def adjudication(self) -> Adjudication | None:
        from her2desk.domain.reported_result import Adjudication

        if self.adjudicated_status is None:
            return None
        return Adjudication(
            self.adjudicated_status, self.adjudication_reason or "", self.adjudicated_by, self.adjudicated_at
        )

    @property
    def reported(self) -> ReportedResult:
        """The one result the lab reports for this case version (`domain.reported_result`)."""
        if self.reported_result is not None:
            return self.reported_result
        from her2desk.domain.reported_result import report

        return report(
            self.interpretation,
            site=self.entry.specimen.site,
            ihc=self.entry.ihc.score,
            stained_pct=self.entry.ihc.stained_pct,
            adjudication=self.adjudication,
            scoring_criteria=self.entry.specimen.scoring_criteria,
            signed_out=self.signout_state is SignOutState.SIGNED_OUT,
        )

    @property
    def read_only(self) -> bool:
        """A signed-out case cannot be changed until it is amended (with a reason)."""
        return self.signout_state is SignOutState.SIGNED_OUT


@dataclass(frozen=True)
class WorklistRow:
    case_id: int
    accession: str
    patient_name: str
    mrn: str
    site: Site | None
    procedure: Procedure | None
    collected_on: date | None
    ihc: IhcScore | None
    ish_group: int | None
    status: Status | None  # the reported status (adjudicated, else the engine's)
    signout_state: SignOutState
    updated_at: datetime
    descriptor: Descriptor | None = None  # the reported descriptor
    engine_status: Status | None = None  # the engine's own status, shown beside an adjudicated one
    # Whether a pathologist's adjudication stands on the case: stored, never inferred from the two
    # statuses (an adjudication the guideline came to agree with after a change is still one).
    adjudicated: bool = False


class WorklistOrder(StrEnum):
    """Sortable worklist columns; each has an index in the store."""

    COLLECTED_ON = "collected_on"
    ACCESSION = "accession"
    PATIENT = "patient"
    MRN = "mrn"
    SITE = "site"
    STATUS = "status"
    UPDATED_AT = "updated_at"


@dataclass(frozen=True)
class WorklistQuery:
    """A worklist filter. `text` matches an accession or MRN exactly/by prefix, or a family-name prefix."""

    text: str = ""
    status: Status | None = None  # the reported status
    site: Site | None = None
    collected_from: date | None = None
    collected_to: date | None = None
    needs_action: bool = False  # the reported status is equivocal, pending or adjudication
    signout_state: SignOutState | None = None
    awaiting_signout: bool = False  # entered or amended: waiting for a pathologist's signature
    signed_out_on: date | None = None  # signed out on this local calendar day
    order_by: WorklistOrder = WorklistOrder.COLLECTED_ON
    descending: bool = True


class CaseConflictError(Exception):
    """A save was based on a stale copy: someone else changed the case first. Nothing was written."""

    def __init__(self, accession: str, changed_by: str, changed_at: datetime, current_version: int) -> None:
        self.accession = accession
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = current_version
        super().__init__(
            f"Case {accession} was changed by {changed_by} at {changed_at:%Y-%m-%d %H:%M:%S}; "
            "reload it before saving. Nothing was overwritten."
        )


class CaseInvalidError(Exception):
    """A save was refused because the case has errors; carries every problem."""

    def __init__(self, problems: tuple) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit trail: `old`/`new` hold only the changed columns (None for insert/delete)."""

    when: datetime
    who: str
    action: str
    table: str
    record: str
    old: dict[str, object] | None
    new: dict[str, object] | None
