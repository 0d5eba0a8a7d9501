"""What the program asks the handout for: one case, its reported result, a language and the lab's details.

Everything the handout tells the patient about the result comes from `reported`, the one result the
lab reports (`domain.reported_result`: the pathologist's adjudicated status when there is one, else
the engine's, final only once signed out). The engine's `interpretation` is carried only for the
numbers of the records box (ISH group, ratio, signals) and the guideline and rules version; its status
is never read for the page, so an adjudicated case can never be told the engine's "not final yet".
The sign-out workflow decides whether the result is signed out and `corrected_on`; the handout only
shows them. Keeping them as plain fields means the handout never has to know how amendments are stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from her2desk.domain.case import CaseEntry
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.records import SignOutState, StoredCase
from her2desk.domain.reported_result import ReportedResult

PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class LabContact:
    """The lab's name and one contact line (phone, e-mail or desk), as the lab wants them printed."""

    name: str = ""
    contact: str = ""


@dataclass(frozen=True)
class HandoutRequest:
    """Everything one handout is made from.

    `reported`: the result the page states (status, descriptor, whether a pathologist adjudicated it)
    and whether it is signed out; it is required, so no caller can fall back on the engine's status.
    A result that is not signed out is `preliminary`: every page is marked "not final" and the result
    line never reads as a final answer. `corrected_on`: the result was amended on that date; the page
    says "Corrected result" with the date. `printed_on` defaults to today and is shown only in the
    records box, so the same request renders the same words on any day it is tested.
    `record_digest` ("sha256:<hex>") and `record_position`: the head of the lab record's hash chain
    when the page was made, printed at the foot of the records box so the page can later be proven
    against the record (`her2desk db check --digest`); left out when not given.
    """

    entry: CaseEntry
    interpretation: Interpretation
    language: str = "en"
    lab: LabContact = field(default_factory=LabContact)
    corrected_on: date | None = None
    printed_on: date | None = None
    reported: ReportedResult = field(kw_only=True)
    record_digest: str | None = field(default=None, kw_only=True)
    record_position: int | None = field(default=None, kw_only=True)
    # "a4" or "letter" (the lab setting, "auto" already resolved by the caller); large print: body
    # text 14 pt, the same words, and it may take two pages.
    paper: str = field(default="a4", kw_only=True)
    large_print: bool = field(default=False, kw_only=True)

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"paper: {self.paper!r} is not allowed; use one of {', '.join(PAPERS)}")

    @property
    def preliminary(self) -> bool:
        """Not signed out: the page is marked PRELIMINARY — NOT FINAL and says "early result"."""
        return not self.reported.signed_out

    @classmethod
    def for_stored_case(
        cls,
        stored: StoredCase,
        language: str = "en",
        lab: LabContact | None = None,
        corrected_on: date | None = None,
        *,
        paper: str = "a4",
        large_print: bool = False,
    ) -> HandoutRequest:
        """The request for a stored case, stating its reported result (`stored.reported`).

        Only a signed-out case gives a final page; anything else (draft, entered, or amended and not
        yet signed out again) is preliminary. The case's sign-out state decides, so the reported
        result is marked signed out exactly when the case is. `corrected_on` is the day the
        corrected report version was signed out (report version > 1); it is ignored for a page that
        is not final.
        """
        final = stored.signout_state is SignOutState.SIGNED_OUT
        reported = stored.reported
        if reported.signed_out is not final:
            reported = replace(reported, signed_out=final)
        return cls(
            entry=stored.entry,
            interpretation=stored.interpretation,
            language=language,
            lab=lab or LabContact(),
            corrected_on=corrected_on if final else None,
            reported=reported,
            paper=paper,
            large_print=large_print,
        )


class HandoutRefusedError(ValueError):
    """This case cannot have a handout (e.g. its input has errors, so there is no result at all)."""
