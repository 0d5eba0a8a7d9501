"""What the patient handout and the chart report services share: the case and the lab's settings as
stored now, the one gate that decides whether a case may have a printed document, how a document is
refused, and whether a prepared document still shows what the case says.

The gate: a signed-out case always may; a case that is not signed out may only when a preliminary
document is asked for AND the lab's setting `allow_preliminary_handouts` is on. Each service says
the refusal in its own words (a handout "goes to the patient", a report is "final"), so the reasons
are built by the caller and the rule is written once.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

from her2desk.domain.lab_settings import LabSettings
from her2desk.domain.phrases import Phrase
from her2desk.domain.records import SignOutState, StoredCase
from her2desk.domain.workflow import STATE_WORDS, WorkflowError
from her2desk.services.case_service import CaseService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.signout_service import CaseNotFoundError, SignOutService
from her2desk.store.database import Database


class Refusal(Enum):
    """Why a document was refused, so each caller can add its own hint (a CLI option, a checkbox)."""

    NOT_SIGNED_OUT = "not-signed-out"  # and no preliminary page was asked for
    PRELIMINARY_NOT_ALLOWED = "preliminary-not-allowed"  # asked for, but the lab's setting is off
    NO_RESULT = "no-result"  # the case's input has errors: there is nothing to explain
    CHANGED = "changed"  # the case changed between prepare and record


class HandoutRefused(WorkflowError):  # noqa: N818 - a refusal, like WorkflowError, not a program error
    """A handout (or report) was refused; `reasons` in plain words, `refusal` says which rule refused it."""

    def __init__(self, refusal: Refusal, reason: str, *, preliminary_allowed: bool = False) -> None:
        super().__init__([reason])
        self.refusal = refusal
        self.preliminary_allowed = preliminary_allowed


Reason = Callable[[Phrase], Phrase]  # the refusal in words, given the case's sign-out state in words


class PrintedDocumentService:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.cases = CaseService(database, "local")  # reads only; the user name is never written here
        self.signout = SignOutService(database)

    def settings(self) -> LabSettings:
        """The lab's settings as stored now (another workstation's administrator may have changed them)."""
        return LabSettingsService(self.database).load()

    def stored_case(self, accession: str) -> StoredCase:
        """The stored case, or CaseNotFoundError naming the accession."""
        stored = self.cases.load(accession)
        if stored is None:
            raise CaseNotFoundError(
                Phrase("no case with accession '{accession}' in this database", accession=accession)
            )
        return stored

    def gate(
        self,
        accession: str,
        *,
        preliminary: bool,
        settings: LabSettings | None,
        not_signed_out: Reason,
        not_allowed: Reason,
    ) -> StoredCase:
        """The stored case if a document of it may be made now, else HandoutRefused with the caller's
        reason: `not_signed_out` (no preliminary document asked for; the error says whether the lab
        allows one) or `not_allowed` (asked for, but the lab's setting is off)."""
        stored = self.stored_case(accession)
        if stored.signout_state is SignOutState.SIGNED_OUT:
            return stored
        allowed = (settings or self.settings()).allow_preliminary_handouts
        state = STATE_WORDS[stored.signout_state]
        if not preliminary:
            raise HandoutRefused(Refusal.NOT_SIGNED_OUT, not_signed_out(state), preliminary_allowed=allowed)
        if not allowed:
            raise HandoutRefused(Refusal.PRELIMINARY_NOT_ALLOWED, not_allowed(state))
        return stored

    def is_current(self, prepared: Any) -> bool:
        """True while the stored case is still the version the document was made from."""
        stored = self.cases.load(prepared.accession)
        return stored is not None and stored.version == prepared.case_version
