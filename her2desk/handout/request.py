"""What the program asks the handout for: one case, its interpretation, a language and the lab's details.

The sign-out workflow (issue 5) decides `preliminary` and `corrected_on`; the handout only shows them.
Keeping them as plain fields means the handout never has to know how amendments are stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from her2desk.domain.case import CaseEntry
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.records import SignOutState, StoredCase


@dataclass(frozen=True)
class LabContact:
    """The lab's name and one contact line (phone, e-mail or desk), as the lab wants them printed."""

    name: str = ""
    contact: str = ""


@dataclass(frozen=True)
class HandoutRequest:
    """Everything one handout is made from.

    `preliminary`: the result is not signed out yet; every page is marked "not final" and the result
    line never reads as a final answer. `corrected_on`: the result was amended on that date; the page
    says "Corrected result" with the date. `printed_on` defaults to today and is shown only in the
    records box, so the same request renders the same words on any day it is tested.
    """

    entry: CaseEntry
    interpretation: Interpretation
    language: str = "en"
    lab: LabContact = field(default_factory=LabContact)
    corrected_on: date | None = None
    preliminary: bool = False
    printed_on: date | None = None

    @classmethod
    def for_stored_case(
        cls,
        stored: StoredCase,
        language: str = "en",
        lab: LabContact | None = None,
        corrected_on: date | None = None,
    ) -> HandoutRequest:
        """The request for a stored case; only a signed-out case gives a final page.

        Anything else (draft, entered, or amended and not yet signed out again) is preliminary.
        `corrected_on` is the day the corrected report version was signed out (report version > 1);
        it is ignored for a page that is not final.
        """
        final = stored.signout_state is SignOutState.SIGNED_OUT
        return cls(
            entry=stored.entry,
            interpretation=stored.interpretation,
            language=language,
            lab=lab or LabContact(),
            preliminary=not final,
            corrected_on=corrected_on if final else None,
        )


class HandoutRefusedError(ValueError):
    """This case cannot have a handout (e.g. its input has errors, so there is no result at all)."""
