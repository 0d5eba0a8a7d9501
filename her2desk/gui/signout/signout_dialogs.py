"""The sign-out, adjudication and amendment dialogs.

Each dialog shows what is being signed or changed and asks for what the service needs. When it opens
(and after each refusal) it asks the service whether the action would be refused whatever is typed
(the role, the case's state, who entered it, an unfinished result); then it says why, hides the
password and disables its main button, since no password could help. Pressing its main button calls
the service; a refusal (a workflow rule, someone else's change, a wrong password, a
database problem) is shown in words inside the dialog, which stays open with the entries kept, so the
person can correct them or cancel. Only a success closes it (`result_value` then holds the result).
The password is passed straight to the service: never stored, shown or logged.

`exec_dialog` is the one place a dialog is run modally, so tests can drive the real widgets instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from her2desk.domain.blinded_recount import SAME_OBSERVER_NOTE
from her2desk.domain.case_checks import check_case
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.labels import readable_warnings
from her2desk.domain.numbers import format_decimal
from her2desk.domain.records import CaseConflictError, StoredCase
from her2desk.domain.vocabulary import Status
from her2desk.domain.workflow import ADJUDICABLE_FINAL, Action, Actor, Role, WorkflowError
from her2desk.gui.common.domain_text import say, say_all
from her2desk.gui.common.labels import label, reported_label
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.common.workflow_dialog import (
    SELF_VERIFICATION_WARNING,
    ReasonBox,
    WorkflowDialog,
    refusal_text,
    text_label,
)

if TYPE_CHECKING:
    from her2desk.services.signout_service import SignOutService, WorkflowResult

# What a signature means, English, marked for pyside6-lupdate; shown through translate("Workflow", ...).
SIGNATURE_MEANING_TEXT = QT_TRANSLATE_NOOP("Workflow", "I have reviewed this result and sign it out.")
ADJUDICATION_MEANING_TEXT = QT_TRANSLATE_NOOP(
    "Workflow", "I have reviewed the results and decide the final status given here, for the reason given."
)
AMENDMENT_MEANING_TEXT = QT_TRANSLATE_NOOP(
    "Workflow", "I reopen this signed-out report for correction, for the reason given."
)
FINAL_STATUSES = (Status.POSITIVE, Status.NEGATIVE, Status.INDETERMINATE)
assert set(FINAL_STATUSES) == set(ADJUDICABLE_FINAL)


def case_notes(stored: StoredCase, settings: GuidelineSettings = DEFAULT_SETTINGS) -> list[str]:
    """What the pathologist should see before signing, each once and in words: the case check's own
    warnings (pre-analytics, controls, clone), the warnings of the result being signed and its comments.

    The case check also repeats the engine's warnings; those are taken from the stored result, the one
    being signed, so a warning is never listed twice. Field keys ("stained_pct: ...") become labels
    ("Stained percent: ..."). The check is made with `settings`: the rule settings the stored result was
    interpreted with.
    """
    check = check_case(stored.entry, None, settings)
    engine = set(check.interpretation.warnings)
    case_only = [w for w in check.warnings if w not in engine]
    notes = readable_warnings([*case_only, *stored.interpretation.warnings])
    notes.extend(stored.interpretation.comments)
    return list(dict.fromkeys(notes))


def result_rules(service: SignOutService, stored: StoredCase) -> tuple[GuidelineSettings, str]:
    """The rule settings the stored result was made with, and a note when the lab's have changed since
    (`RuleSettingsService.for_result`); her2desk's defaults, with a note, if they cannot be read."""
    from her2desk.services.bundle import Services

    try:
        return Services(service.database).rule_settings.for_result(stored.interpretation.rules_version)
    except Exception as error:  # an unreachable database: the stored warnings and comments still show
        return DEFAULT_SETTINGS, translate(
            "Workflow", "The lab's rule settings could not be read ({reason})."
        ).format(reason=error)


def exec_dialog(dialog: QDialog) -> int:
    """Run a dialog modally (replaced in tests by code that types into it and presses its buttons)."""
    return dialog.exec()


def case_summary(stored: StoredCase) -> str:
    """Accession, patient, specimen, the reported result (what will be signed out) and the engine's
    result beside it, with the adjudication's reason."""
    entry, result = stored.entry, stored.interpretation
    patient = entry.patient.display_name
    specimen = ", ".join(label(v) for v in (entry.specimen.site, entry.specimen.procedure) if v is not None)
    numbers = []
    if result.ish_group is not None:
        numbers.append(translate("Workflow", "ISH group {group}").format(group=result.ish_group))
    if result.ratio is not None:
        numbers.append(translate("Workflow", "ratio {ratio}").format(ratio=format_decimal(result.ratio)))
    if result.her2_average is not None:
        numbers.append(
            translate("Workflow", "HER2 per cell {count}").format(count=format_decimal(result.her2_average))
        )
    reported = stored.reported
    reported_text = reported_label(reported.status, reported.descriptor, adjudicated=False) or translate(
        "Workflow", "NO RESULT"
    )
    if reported.adjudication and reported.adjudication.by:
        reported_text = translate("Workflow", "{result}, adjudicated by {user}").format(
            result=reported_text, user=reported.adjudication.by
        )
    guideline = label(result.status) if result.status else translate("Workflow", "no result")
    if numbers:
        guideline += f" ({', '.join(numbers)})"
    lines = [
        translate("Workflow", "Case {accession}, report version {version}").format(
            accession=entry.accession, version=stored.report_version
        ),
        translate("Workflow", "Patient: {patient} (MRN {mrn})").format(
            patient=patient, mrn=entry.patient.mrn
        ),
        translate("Workflow", "Specimen: {specimen}").format(
            specimen=specimen or translate("Workflow", "not given")
        ),
        translate("Workflow", "Reported result: {result}").format(result=reported_text),
        translate("Workflow", "Guideline result: {result}").format(result=guideline),
    ]
    if result.descriptor is not None:
        lines.append(
            translate("Workflow", "Guideline descriptor: {descriptor}").format(
                descriptor=label(result.descriptor)
            )
        )
    if stored.adjudicated_status is not None:
        lines.append(
            translate("Workflow", "Adjudication reason: {reason}").format(
                reason=stored.adjudication_reason or ""
            )
        )
    if stored.one_person_counted_both:
        lines.append(say(SAME_OBSERVER_NOTE))
    return "\n".join(lines)


class CaseActionDialog(WorkflowDialog["WorkflowResult"]):  # a name imported for type checking only
    """A signed action on one case. On opening, and again after every refusal, it asks the service
    whether the action would be refused whatever is typed (`SignOutService.standing_refusals`: the
    role, the case's state, who entered it, its result); if so it says why and asks for no password.
    A wrong password, or the wait after several, leaves the password field for another try."""

    action: ClassVar[Action]
    cannot: ClassVar[str]  # the start of the sentence that says why not, e.g. "This case cannot be ..."
    service: SignOutService
    actor: Actor
    stored: StoredCase

    def recheck(self) -> bool:
        """Ask the service; True when the action may still be tried (the password field is shown)."""
        try:
            reasons = self.service.standing_refusals(
                self.actor, self.stored.entry.accession, self.action, self.stored.version
            )
        except (CaseConflictError, LookupError) as error:
            text = refusal_text(error)
        except Exception:  # an unreachable database: the action itself will say so when tried
            return True
        else:
            text = (
                translate("Workflow", "{cannot}: {reasons}.").format(
                    cannot=translate("Workflow", self.cannot), reasons=say_all(reasons)
                )
                if reasons
                else ""
            )
        self.refuse_whatever_typed(text)
        return not text

    def attempt(self) -> bool:
        if super().attempt():
            return True
        self.recheck()  # e.g. someone else signed it out meanwhile: no password can help now
        return False


class SignOutDialog(CaseActionDialog):
    """The electronic signature: the case and its result, the meaning of signing, the password."""

    action = Action.SIGN_OUT
    cannot = QT_TRANSLATE_NOOP("Workflow", "This case cannot be signed out")

    def __init__(
        self,
        service: SignOutService,
        actor: Actor,
        stored: StoredCase,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Workflow", "Sign out case"), QT_TRANSLATE_NOOP("Workflow", "&Sign out"), parent
        )
        self.service, self.actor, self.stored = service, actor, stored
        self.summary = text_label(case_summary(stored), "Case to sign out")
        settings, rules_note = result_rules(service, stored)
        notes = ([rules_note] if rules_note else []) + case_notes(stored, settings)
        self.notes = text_label(
            translate("Workflow", "Warnings and comments:") + "\n" + "\n".join(f"• {say(n)}" for n in notes)
            if notes
            else translate("Workflow", "No warnings."),
            "Warnings and comments",
        )
        form = QFormLayout()
        self.add_signature(actor, SIGNATURE_MEANING_TEXT, form)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.notes)
        self.body.addLayout(form)
        self.password.setFocus()
        self.recheck()

    def perform(self) -> WorkflowResult:
        return self.signed(
            lambda password: self.service.sign_out(
                self.actor, self.stored.entry.accession, password, self.stored.version
            )
        )


class AdjudicationDialog(CaseActionDialog):
    """The pathologist's final status and reason, recorded beside the engine's result."""

    action = Action.ADJUDICATE
    cannot = QT_TRANSLATE_NOOP("Workflow", "This case cannot be adjudicated")

    def __init__(
        self, service: SignOutService, actor: Actor, stored: StoredCase, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Workflow", "Adjudicate case"),
            QT_TRANSLATE_NOOP("Workflow", "&Record adjudication"),
            parent,
        )
        self.service, self.actor, self.stored = service, actor, stored
        self.summary = text_label(case_summary(stored), "Case to adjudicate")
        note = text_label(
            translate(
                "Workflow",
                "The adjudicated status is kept beside the guideline result, never in its place. Saving "
                "changed results later voids it.",
            ),
            "About adjudication",
        )
        self.final = QComboBox()
        self.final.setAccessibleName("Final status")
        self.final.addItem("—")
        for status in FINAL_STATUSES:
            self.final.addItem(label(status))
        if stored.adjudicated_status in FINAL_STATUSES:
            self.final.setCurrentIndex(FINAL_STATUSES.index(stored.adjudicated_status) + 1)
        self.reason = ReasonBox("Adjudication reason")
        form = QFormLayout()
        for caption_text, widget, buddy in (
            (translate("Workflow", "&Final status:"), self.final, self.final),
            (translate("Workflow", "&Reason:"), self.reason, self.reason.edit),
        ):
            caption = QLabel(caption_text)
            caption.setBuddy(buddy)
            form.addRow(caption, widget)
        self.add_signature(actor, ADJUDICATION_MEANING_TEXT, form)
        self.body.addWidget(self.summary)
        self.body.addWidget(note)
        self.body.addLayout(form)
        self.final.setFocus()
        self.recheck()

    def chosen(self) -> Status | None:
        index = self.final.currentIndex()
        return FINAL_STATUSES[index - 1] if index > 0 else None

    def perform(self) -> WorkflowResult:
        final = self.chosen()
        if final is None:
            raise WorkflowError(
                [translate("Workflow", "choose the final status: positive, negative or indeterminate")]
            )
        return self.signed(
            lambda password: self.service.adjudicate(
                self.actor,
                self.stored.entry.accession,
                final,
                self.reason.text(),
                self.stored.version,
                password=password,
            )
        )


class AmendmentDialog(CaseActionDialog):
    """Reopen a signed-out case for correction as a new report version, with a reason."""

    action = Action.AMEND
    cannot = QT_TRANSLATE_NOOP("Workflow", "This case cannot be amended")

    def __init__(
        self, service: SignOutService, actor: Actor, stored: StoredCase, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Workflow", "Amend case"), QT_TRANSLATE_NOOP("Workflow", "&Amend"), parent
        )
        self.service, self.actor, self.stored = service, actor, stored
        self.summary = text_label(case_summary(stored), "Case to amend")
        version = stored.report_version
        note = text_label(
            translate(
                "Workflow",
                "Report version {version} stays on record as it was signed out. The case opens for "
                "correction as version {next}, which must be signed out again; handouts printed so far are "
                "marked superseded.",
            ).format(version=version, next=version + 1),
            "About amendment",
        )
        try:
            allowed = service.self_verification_allowed()
        except Exception:  # unreadable: warn, as the service will then use the cautious default
            allowed = False
        # The amended case is open for editing, so the warning applies whoever entered it before.
        self.self_verification = text_label(
            ""
            if allowed or actor.role is not Role.PATHOLOGIST
            else translate("Workflow", SELF_VERIFICATION_WARNING),
            "About signing out the amended results",
        )
        self.self_verification.setVisible(bool(self.self_verification.text()))
        self.reason = ReasonBox("Amendment reason")
        form = QFormLayout()
        caption = QLabel(translate("Workflow", "&Reason:"))
        caption.setBuddy(self.reason.edit)
        form.addRow(caption, self.reason)
        self.add_signature(actor, AMENDMENT_MEANING_TEXT, form)
        self.body.addWidget(self.summary)
        self.body.addWidget(note)
        self.body.addWidget(self.self_verification)
        self.body.addLayout(form)
        self.reason.edit.setFocus()
        self.recheck()

    def perform(self) -> WorkflowResult:
        return self.signed(
            lambda password: self.service.amend(
                self.actor,
                self.stored.entry.accession,
                self.reason.text(),
                self.stored.version,
                password=password,
            )
        )
