"""The patient handout of a stored case, decided in one place for the command line and the desktop program.

The gating lives here, so that no caller can print around it: a case that is not signed out gets
no handout, unless a preliminary page is asked for AND the lab's setting `allow_preliminary_handouts`
is on; then every page is marked PRELIMINARY — NOT FINAL (the handout package does the marking). The
page states the case's reported result (`StoredCase.reported`: an adjudicated status when there is
one, else the engine's), never the engine's status alone; a signed-out result is final. The
lab's name and contact line come from the same shared settings. `prepare` renders the PDF once; the
caller shows, prints or saves exactly those bytes and then calls `record`, which writes the print log
row (who, when, language, rules version, SHA-256 of those bytes) through `SignOutService`. A print the
user cancelled is never recorded, because the caller only records after it succeeded.
"""

from __future__ import annotations

import hashlib
import locale
import os
from dataclasses import dataclass, replace
from enum import Enum

from her2desk.domain.lab_settings import LabSettings, lab_lines, resolve_paper
from her2desk.domain.phrases import Phrase
from her2desk.domain.records import SignOutState, StoredCase
from her2desk.domain.workflow import Actor
from her2desk.services.printed_document import HandoutRefused, PrintedDocumentService, Refusal
from her2desk.services.record_service import head_digest
from her2desk.services.signout_service import HandoutRecord

# The refusal types live with the gate both documents share; they are imported from here too.
__all__ = [
    "ALLOW_PRELIMINARY_COMMAND",
    "HandoutKind",
    "HandoutRefused",
    "HandoutService",
    "PreparedHandout",
    "Refusal",
    "system_paper",
]

ALLOW_PRELIMINARY_COMMAND = "her2desk settings set allow_preliminary_handouts true --as ADMINISTRATOR"


class HandoutKind(Enum):
    FINAL = "final"
    CORRECTED = "corrected"
    PRELIMINARY = "preliminary, not final"


@dataclass(frozen=True)
class PreparedHandout:
    """One rendered handout: the exact bytes to show, print or save, and what the print log needs."""

    accession: str
    language: str
    pdf: bytes
    sha256: str
    kind: HandoutKind
    rules_version: str
    case_version: int  # the case's optimistic-lock version it was made from (checked by `record`)
    report_version: int
    unprintable: tuple[str, ...] = ()  # characters no shipped font prints (the page shows U+FFFD)
    # In words, for the preview and the command line: e.g. a Spanish page printing the default
    # language's lab name because no Spanish one is set.
    warnings: tuple[str, ...] = ()
    paper: str = "a4"
    large_print: bool = False

    @property
    def unprintable_text(self) -> str:
        """The unprintable characters in words for a warning, '' when there are none."""
        return ", ".join(f"{c} (U+{ord(c):04X})" for c in self.unprintable)

    @property
    def preliminary(self) -> bool:
        return self.kind is HandoutKind.PRELIMINARY

    @property
    def file_name(self) -> str:
        """A suggested file name; no patient name in it (file names end up in folders and logs)."""
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in self.accession)
        marker = "-preliminary" if self.preliminary else ""
        marker += "-large-print" if self.large_print else ""
        return f"handout-{safe}-{self.language}{marker}.pdf"


def system_paper(setting: str) -> str:
    """The paper of the lab setting `paper_size`; for "auto", this computer's locale's (LC_ALL, LC_PAPER,
    LANG, else the locale Python reports): Letter in the US, Canada, Mexico, the Philippines and the
    other territories glibc gives Letter paper, A4 everywhere else."""
    try:
        fallback = locale.getlocale(locale.LC_CTYPE)[0] or ""
    except ValueError:
        fallback = ""
    return resolve_paper(setting, os.environ, fallback)


class HandoutService(PrintedDocumentService):
    def check(self, accession: str, *, preliminary: bool, settings: LabSettings | None = None) -> StoredCase:
        """The stored case if a handout of it may be made now, else HandoutRefused (or CaseNotFoundError)."""
        return self.gate(
            accession,
            preliminary=preliminary,
            settings=settings,
            not_signed_out=lambda state: Phrase(
                "case {accession} is not signed out ({state}); only a signed-out result goes to the patient",
                accession=accession,
                state=state,
            ),
            not_allowed=lambda state: Phrase(
                "case {accession} is not signed out ({state}), and this lab does not allow preliminary "
                "handouts; an administrator can allow them with `{command}`",
                accession=accession,
                state=state,
                command=ALLOW_PRELIMINARY_COMMAND,
            ),
        )

    def prepare(
        self,
        accession: str,
        language: str,
        *,
        preliminary: bool = False,
        actor: Actor | None = None,
        lab_name: str | None = None,
        lab_contact: str | None = None,
        large_print: bool = False,
        paper: str | None = None,
    ) -> PreparedHandout:
        """Render the handout of a stored case, or refuse it (HandoutRefused, CaseNotFoundError).

        `preliminary` asks for a marked page for a case that is not signed out (allowed only where the
        lab's setting allows it); a signed-out case always gets its final page. The lab's name and
        contact line are the ones set for `language`, else the default language's, with a warning
        (`PreparedHandout.warnings`); `lab_name` and `lab_contact` replace them when given (the
        command line's environment variables). `large_print`: body text 14 pt, the same words, up to
        two pages. `paper` ("a4" or "letter") replaces the lab's setting `paper_size`, whose "auto"
        is this computer's locale (`domain.lab_settings.resolve_paper`).
        `actor` is accepted for symmetry with `record`: reading needs no role.
        Safe to call from a worker thread (no Qt; reportlab renders under its own lock).
        """
        del actor  # any signed-in user may look at a handout; the print log names who printed it
        from her2desk.handout import (
            HandoutRefusedError,
            HandoutRequest,
            LabContact,
            render_handout,
            unprintable_characters,
        )

        settings = self.settings()
        stored = self.check(accession, preliminary=preliminary, settings=settings)
        signed_out = stored.signout_state is SignOutState.SIGNED_OUT
        current = self.signout.case_versions(accession)[-1]
        # The day the current report version was signed out, when it corrects an earlier one.
        corrected_on = (
            current.signed_out_at.astimezone().date()
            if signed_out and current.report_version > 1 and current.signed_out_at is not None
            else None
        )
        lines = lab_lines(settings, language)
        lab = LabContact(
            lines.name if lab_name is None else lab_name,
            lines.contact if lab_contact is None else lab_contact,
        )
        # A line given for this run replaces the setting, and the warning about the setting with it.
        given = {"name": lab_name is not None, "contact": lab_contact is not None}
        warnings = tuple(w for w in lines.warnings if not any(given[k] and f"lab_{k}_" in w for k in given))
        chosen_paper = paper or system_paper(settings.paper_size)
        try:
            request = HandoutRequest.for_stored_case(
                stored, language, lab, corrected_on, paper=chosen_paper, large_print=large_print
            )
            head = head_digest(self.database)  # commits to the sign-out this page reports
            if head is not None:
                request = replace(request, record_digest=head.text, record_position=head.position)
            pdf = render_handout(request)
            unprintable = tuple(unprintable_characters(request))
        except HandoutRefusedError as error:
            raise HandoutRefused(
                Refusal.NO_RESULT, Phrase("case {accession}: {error}", accession=accession, error=str(error))
            ) from error
        kind = (
            HandoutKind.PRELIMINARY
            if request.preliminary
            else HandoutKind.CORRECTED
            if corrected_on
            else HandoutKind.FINAL
        )
        return PreparedHandout(
            accession=accession,
            language=language,
            pdf=pdf,
            sha256=hashlib.sha256(pdf).hexdigest(),
            kind=kind,
            rules_version=stored.interpretation.rules_version,
            case_version=stored.version,
            report_version=current.report_version,
            unprintable=unprintable,
            warnings=warnings,
            paper=chosen_paper,
            large_print=large_print,
        )

    def record(self, prepared: PreparedHandout, actor: Actor | None) -> HandoutRecord:
        """Write the print log row for a handout that was printed or saved (call only after success).

        Refused (HandoutRefused CHANGED) when the case changed since the handout was prepared: the
        log must name the report version that was actually printed. `actor` None is the local user.
        """
        stored = self.stored_case(prepared.accession)
        if stored.version != prepared.case_version:
            raise HandoutRefused(
                Refusal.CHANGED,
                Phrase(
                    "case {accession} changed after this handout was made; make the handout again",
                    accession=prepared.accession,
                ),
            )
        return self.signout.record_handout(
            actor,
            prepared.accession,
            prepared.language,
            prepared.sha256,
            prepared.rules_version,
            preliminary=prepared.preliminary,
        )
