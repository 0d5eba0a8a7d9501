"""The synoptic chart report of a stored case, decided in one place for the command line and the desktop.

It mirrors `handout_service`: a case that is not signed out gets no final report; a preliminary one
(every page marked PRELIMINARY — NOT FINAL) only when asked for AND the lab allows preliminary
documents (`allow_preliminary_handouts`, the one lab decision on whether anything not final may leave
the program). `prepare` renders the PDF once from the current report version: its reported result,
its amendment reason, the electronic signatures of that version, the rule settings the result was
computed with (so the criteria and comment wording are those of the rules version printed), and the
record's hash-chain head. The caller writes, shows or prints exactly those bytes and then calls
`record`, which writes the print log row: the handout print log, `document` "report" (same columns,
same superseding on amendment, same tamper-evidence chain), audited as "report".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.lab_settings import LabSettings
from her2desk.domain.phrases import Phrase
from her2desk.domain.records import SignOutState, StoredCase
from her2desk.domain.workflow import Actor
from her2desk.services.handout_service import ALLOW_PRELIMINARY_COMMAND
from her2desk.services.printed_document import HandoutRefused, PrintedDocumentService, Refusal
from her2desk.services.record_service import head_digest
from her2desk.services.rule_settings import RuleSettingsService
from her2desk.services.signout_service import (
    REPORT_DOCUMENT,
    CaseNotFoundError,
    HandoutRecord,
)

REPORT_LANGUAGE = "en"  # the chart report is written for the clinical team, in English

# The refusals are the handout's (same rules, same words for the callers' hints).
ReportRefused = HandoutRefused

__all__ = [
    "ALLOW_PRELIMINARY_COMMAND",
    "PreparedReport",
    "Refusal",
    "ReportRefused",
    "ReportService",
]


@dataclass(frozen=True)
class PreparedReport:
    """One rendered report: the exact bytes to write or print, and what the print log needs."""

    accession: str
    pdf: bytes
    sha256: str
    preliminary: bool
    amended: bool
    rules_version: str
    case_version: int  # the optimistic-lock version it was made from (checked by `record`)
    report_version: int

    @property
    def kind(self) -> str:
        if self.preliminary:
            return "preliminary, not final"
        return "amended" if self.amended else "final"

    @property
    def file_name(self) -> str:
        """A suggested file name; no patient name in it."""
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.accession)
        marker = "-preliminary" if self.preliminary else ""
        return f"report-{safe}-v{self.report_version}{marker}.pdf"


class ReportService(PrintedDocumentService):
    def check(self, accession: str, *, preliminary: bool, settings: LabSettings | None = None) -> StoredCase:
        """The stored case if a report of it may be made now, else ReportRefused (or CaseNotFoundError)."""
        return self.gate(
            accession,
            preliminary=preliminary,
            settings=settings,
            not_signed_out=lambda state: Phrase(
                "case {accession} is not signed out ({state}); only a signed-out version gets a final report",
                accession=accession,
                state=state,
            ),
            not_allowed=lambda state: Phrase(
                "case {accession} is not signed out ({state}), and this lab does not allow preliminary "
                "documents; an administrator can allow them with `{command}`",
                accession=accession,
                state=state,
                command=ALLOW_PRELIMINARY_COMMAND,
            ),
        )

    def _rules(self, rules_version: str) -> GuidelineSettings:
        """The rule settings the result was computed with; the lab's current ones if unknown."""
        rules = RuleSettingsService(self.database)
        try:
            return rules.settings_for_version(rules_version)[0]
        except LookupError:
            return rules.load()

    def prepare(self, accession: str, *, preliminary: bool = False) -> PreparedReport:
        """Render the report of the case's current version, or refuse (ReportRefused, CaseNotFoundError)."""
        from her2desk.report import ReportRefusedError, ReportRequest, Signature, render_report

        lab = self.settings()
        stored = self.check(accession, preliminary=preliminary, settings=lab)
        signed_out = stored.signout_state is SignOutState.SIGNED_OUT
        version = stored.report_version
        signatures = tuple(
            Signature(name, username, at, meaning)
            for number, username, name, at, meaning in self.signout.signatures(accession)
            if number == version
        )
        reported = stored.reported
        if reported.signed_out is not signed_out:
            reported = replace(reported, signed_out=signed_out)
        head = head_digest(self.database)  # commits to the sign-out this report states
        request = ReportRequest(
            stored.entry,
            stored.interpretation,
            reported=reported,
            report_version=version,
            amendment_reason=stored.amendment_reason if version > 1 else None,
            amended_by=stored.amended_by if version > 1 else None,
            amended_at=stored.amended_at if version > 1 else None,
            signatures=signatures,
            lab_name=lab.lab_name,
            settings=self._rules(stored.interpretation.rules_version),
            first_count_by=stored.first_count_by,
            recount_by=stored.recount_by,
            one_person_counted_both=stored.one_person_counted_both,
            record_digest=head.text if head else None,
            record_position=head.position if head else None,
        )
        try:
            pdf = render_report(request)
        except ReportRefusedError as error:
            raise ReportRefused(
                Refusal.NO_RESULT, Phrase("case {accession}: {error}", accession=accession, error=str(error))
            ) from error
        return PreparedReport(
            accession=accession,
            pdf=pdf,
            sha256=hashlib.sha256(pdf).hexdigest(),
            preliminary=request.preliminary,
            amended=request.amended,
            rules_version=stored.interpretation.rules_version,
            case_version=stored.version,
            report_version=version,
        )

    def record(self, prepared: PreparedReport, actor: Actor | None) -> HandoutRecord:
        """Write the print log row of a report that was written or printed (call only after success).

        Refused (CHANGED) when the case changed since the report was prepared: the log must name the
        report version that was actually printed. `actor` None is the local user.
        """
        if not self.is_current(prepared):
            if self.cases.load(prepared.accession) is None:
                raise CaseNotFoundError(
                    Phrase(
                        "no case with accession '{accession}' in this database", accession=prepared.accession
                    )
                )
            raise ReportRefused(
                Refusal.CHANGED,
                Phrase(
                    "case {accession} changed after this report was made; make the report again",
                    accession=prepared.accession,
                ),
            )
        return self.signout.record_handout(
            actor,
            prepared.accession,
            REPORT_LANGUAGE,
            prepared.sha256,
            prepared.rules_version,
            preliminary=prepared.preliminary,
            document=REPORT_DOCUMENT,
        )

    def reports(self, accession: str) -> list[HandoutRecord]:
        """Every report print of the case, oldest first."""
        return self.signout.handouts(accession, REPORT_DOCUMENT)
