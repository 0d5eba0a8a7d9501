"""Case entry: the form beside its live interpretation, and the rules for saving and leaving.

Every change re-checks the whole case with the domain (pure and fast), so the panel and the
messages beside the fields always agree with what a save would do. Saving goes through the service,
which checks again and refuses stale copies; nothing is overwritten behind anyone's back.

Above the form a banner states where the case is in the sign-out workflow. A signed-out case is shown
read-only (every input, not only Save) until it is amended. While a second observer enters the blinded
recount, the first count and everything computed from it are hidden.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QSplitter, QVBoxLayout, QWidget

from her2desk.domain.case import CaseEntry
from her2desk.domain.case_checks import CaseCheck
from her2desk.domain.inputs import INPUT_FIELDS
from her2desk.domain.labels import field_label, split_warning
from her2desk.domain.problems import Problem
from her2desk.domain.records import CaseConflictError, CaseInvalidError, SignOutState, StoredCase
from her2desk.domain.reported_result import ReportedResult
from her2desk.domain.vocabulary import NextStep
from her2desk.domain.workflow import WorkflowError
from her2desk.gui.case_entry.case_form import COUNT_KEYS, CaseForm
from her2desk.gui.case_entry.interpretation_panel import InterpretationPanel
from her2desk.gui.common import dialogs
from her2desk.gui.common.domain_text import say
from her2desk.gui.common.fields import set_locked
from her2desk.gui.common.labels import field_name, label, reported_label
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.domain.accession_pattern import AccessionPattern
    from her2desk.services.case_service import CaseService

# English, marked for pyside6-lupdate; shown through translate("CaseEditor", ...).
READ_ONLY_TEXT = QT_TRANSLATE_NOOP("CaseEditor", "signed out: amend it to change it")
ACCESSION_EXAMPLE = "e.g. S26-001234"  # the accession field's placeholder without automatic numbers
STATE_WORDS = {
    SignOutState.DRAFT: QT_TRANSLATE_NOOP("CaseEditor", "Draft"),
    SignOutState.ENTERED: QT_TRANSLATE_NOOP("CaseEditor", "Entered, awaiting sign-out"),
    SignOutState.SIGNED_OUT: QT_TRANSLATE_NOOP("CaseEditor", "Signed out (read-only)"),
    SignOutState.AMENDED: QT_TRANSLATE_NOOP("CaseEditor", "Amended, awaiting sign-out"),
}
BANNER_STYLES = {
    SignOutState.SIGNED_OUT: "background: #e6f2e8; border: 1px solid #1d5e2c; padding: 4px;",
    SignOutState.AMENDED: "background: #fff4e0; border: 1px solid #8a5a00; padding: 4px;",
}
DEFAULT_BANNER_STYLE = "background: #eef0f4; border: 1px solid #9aa3b0; padding: 4px;"


class CaseEditor(QWidget):
    """Edits one case against a service. `saved` carries what the store now holds."""

    saved = Signal(object)
    status_message = Signal(str)
    history_requested = Signal(str)
    case_changed = Signal()  # another case (or another version of it) is on screen

    def __init__(self, service: CaseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.form = CaseForm()
        self.panel = InterpretationPanel()
        self.stored: StoredCase | None = None
        self.check: CaseCheck | None = None
        self.errors: list[Problem] = []
        self._store_errors: list[Problem] = []
        self._show_all = False
        self._baseline: dict[str, str] = {}
        self._trusted = True
        self._blind_on_open = False
        self._entry = CaseEntry()
        # The lab's automatic accession pattern, read when a new case starts (None: off, or stored case).
        self._numbering: AccessionPattern | None = None
        # Why the signed-in user may not edit any case (their role), or "": see `set_edit_refusal`.
        self.edit_refusal = ""
        self._names: dict[str, str] = {}  # user name -> display name, see `_display_names`

        self.banner = QLabel()
        self.banner.setAccessibleName("Case state")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panel_scroll = QScrollArea()
        panel_scroll.setWidget(self.panel)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panel_scroll.setMinimumWidth(380)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(panel_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self.form.changed.connect(self._on_changed)
        self.form.field_left.connect(lambda _key: self._show_problems())
        self.form.find_patient_requested.connect(self.find_patient)
        self.form.history_requested.connect(self.history_requested)
        self.new_case()

    # -- state -----------------------------------------------------------------------------------

    @property
    def version(self) -> int | None:
        return self.stored.version if self.stored else None

    def is_dirty(self) -> bool:
        return self.form.raw_values() != self._baseline

    @property
    def read_only(self) -> bool:
        return bool(self.edit_refusal) or (self.stored is not None and self.stored.read_only)

    def set_edit_refusal(self, text: str) -> None:
        """The signed-in user's role may not edit cases (`text` says so, as a banner line), or may ("").
        Every case then opens read-only, as a signed-out one does, instead of refusing only at Save."""
        self.edit_refusal = text
        self._apply_read_only()
        self._show_banner()

    def new_case(self) -> None:
        self._start(None, CaseEntry())

    def open_case(self, stored: StoredCase) -> None:
        self._start(stored, stored.entry)

    def _start(self, stored: StoredCase | None, entry: CaseEntry) -> None:
        self.stored = stored
        self._store_errors = []
        self._show_all = stored is not None
        # Opened waiting for its recount: whoever opens it now is the second observer, unless they are
        # the signed-in user who entered the first count (they know it already and may correct it).
        self._blind_on_open = (
            stored is not None
            and not stored.read_only
            and stored.interpretation.next_step is NextStep.RECOUNT
            and stored.entry.ish.second is None
            and not self._entered_by_me(stored)
        )
        self._numbering = self._accession_pattern() if stored is None else None
        self.form.load(entry)
        self._baseline = self.form.raw_values()
        self._apply_read_only()
        self._show_banner()
        accession = self.form.rows["accession"].input
        (self.form.rows["patient.mrn"].input if stored else accession).setFocus()
        self.case_changed.emit()

    def _accession_pattern(self) -> AccessionPattern | None:
        """The lab's pattern, and the accession field's placeholder saying what an empty one means."""
        try:
            pattern = self.service.accession_pattern()
        except Exception:  # unreadable now: the save reads it again and says what is wrong
            pattern = None
        field = self.form.rows["accession"].input
        if isinstance(field, QLineEdit):
            field.setPlaceholderText(
                translate("CaseEditor", "empty: the next number ({pattern}) on save").format(
                    pattern=pattern.text
                )
                if pattern
                else translate("CaseForm", "e.g. S26-001234")
            )
        return pattern

    def _entered_by_me(self, stored: StoredCase) -> bool:
        """The signed-in user made the first count (counts stored before enterers were recorded: the
        case's enterer). Only the first observer may see the first count before the recount is in."""
        actor = getattr(self.service, "actor", None)  # a stored case is open: the service is too
        first = stored.first_count_by_user_id
        if first is None:
            first = stored.entered_by_user_id
        return actor is not None and first == actor.user_id

    def _apply_read_only(self) -> None:
        """Every input of a signed-out case is read-only; a stored case's accession always is."""
        read_only = self.read_only
        for key, row in self.form.rows.items():
            set_locked(row.input, read_only or (key == "accession" and self.stored is not None))
        self.form.find_button.setEnabled(not read_only)
        accession = self.form.rows["accession"].input
        # A stored case is known by its accession; changing it would be a different case.
        accession.setToolTip(
            translate("CaseEditor", "The accession of a stored case cannot be changed") if self.stored else ""
        )
        if self.edit_refusal:
            self.form.setToolTip(self.edit_refusal)
        else:
            self.form.setToolTip(_read_only_case("") if read_only else "")

    def _show_banner(self) -> None:
        stored = self.stored
        refusal = f"<br>{_html(self.edit_refusal)}" if self.edit_refusal else ""
        if stored is None:
            self.banner.setText(translate("CaseEditor", "New case, not saved yet") + refusal)
            self.banner.setStyleSheet(DEFAULT_BANNER_STYLE)
            return
        self.banner.setText(
            banner_text(stored, self._display_names(stored)) + refusal + self._four_eyes(stored)
        )
        self.banner.setStyleSheet(BANNER_STYLES.get(stored.signout_state, DEFAULT_BANNER_STYLE))

    def _four_eyes(self, stored: StoredCase) -> str:
        """A banner line warning a pathologist that changing results someone else entered means another
        pathologist must sign them out (only when the lab's self-verification setting is off)."""
        from her2desk.gui.common.workflow_dialog import results_change_warning
        from her2desk.services.bundle import Services

        actor = getattr(self.service, "actor", None)
        if self.edit_refusal or not results_change_warning(actor, stored, allowed=False):
            return ""  # no database read unless the warning could apply
        try:
            allowed = Services.of(self.service).signout.self_verification_allowed()
        except Exception:  # unreadable: the service falls back to the cautious default, so warn
            allowed = False
        warning = results_change_warning(actor, stored, allowed)
        return f"<br>{_html(warning)}" if warning else ""

    def _display_names(self, stored: StoredCase) -> dict[str, str]:
        """User name -> display name for the people the banner names (read once per editor, again when
        someone new appears; a lab has tens of users). Without them the banner shows user names."""
        wanted = {stored.signed_out_by, stored.adjudicated_by, stored.amended_by} - {None, ""}
        if wanted - self._names.keys():
            from her2desk.services.bundle import Services

            try:
                users = Services.of(self.service).auth.users()
            except Exception:
                return self._names
            self._names = {user.username: user.display_name for user in users}
        return self._names

    def confirm_leave(self) -> bool:
        """True when the person may leave this case (saved, discarded, or nothing changed)."""
        if not self.is_dirty():
            return True
        choice = dialogs.ask_unsaved(self, self.form.rows["accession"].text())
        if choice is dialogs.UnsavedChoice.SAVE:
            return self.save()
        return choice is dialogs.UnsavedChoice.DISCARD

    # -- checking --------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self._store_errors = []
        self.refresh()

    def refresh(self) -> None:
        """Re-read the form, re-check the case and show the result (runs on every keystroke)."""
        entry, parse_problems = self.form.read()
        self._entry = entry
        kept = self.stored.entry.specimen.metastatic_site if self.stored else None
        self.check = self.service.check(entry, kept_metastatic_site=kept)
        parsed_fields = {p.field for p in parse_problems}
        self._trusted = not parsed_fields & set(INPUT_FIELDS)
        # A new case left without an accession gets the lab pattern's next number when it is saved.
        numbered = self._numbering is not None and self.stored is None and not entry.accession.strip()
        self.errors = [
            *parse_problems,
            *(
                e
                for e in self.check.errors
                if e.field not in parsed_fields and not (numbered and e.field == "accession")
            ),
            *self._store_errors,
        ]
        wanted = self.check.interpretation.next_step is NextStep.RECOUNT
        self.form.set_second_count_wanted(wanted)
        self.form.set_first_count_hidden(self._blinded())
        self._show_problems()

    def _blinded(self) -> bool:
        """The recount is being entered and is not complete: the first count must not be seen."""
        if self.read_only or not self.form.second_count_shown():
            return False
        keys = [k for k in COUNT_KEYS["second"] if self.form.applies(k)]
        typed = [k for k in keys if self.form.rows[k].text().strip()]
        if len(typed) == len(keys):
            return False
        return self._blind_on_open or bool(typed)

    def _shown(self, field: str) -> bool:
        """Whether a problem of `field` is shown yet: once the person has left the field after changing
        it, or tried to save (a stored case shows all); a problem of no field on the form at once."""
        return self._show_all or field in self.form.touched or field not in self.form.rows

    def _show_problems(self) -> None:
        by_field: dict[str, str] = {}
        shown = [p for p in self.errors if self._shown(p.field)]
        for problem in shown:
            if problem.field in self.form.rows:
                by_field.setdefault(problem.field, _sentence(say(problem.message)))
        # Not yet shown: named in a quiet line of the panel, so nobody believes the case is complete.
        pending = list(dict.fromkeys(self._name(p.field) for p in self.errors if not self._shown(p.field)))
        warnings: dict[str, str] = {}
        for text in self.check.warnings if self.check else ():
            name, message = split_warning(text)
            if name in self.form.rows:
                warnings.setdefault(name, _sentence(say(message)))
        blinded = self.form.first_count_hidden()
        wrong = {p.field for p in self.errors}  # no plausibility warning beside an error on that field
        all_warnings = self.check.warnings if self.check else ()
        shown_warnings = [w for w in all_warnings if split_warning(w)[0] not in wrong]
        if blinded:  # a warning about the first count could tell the second observer its value
            shown_warnings = [w for w in shown_warnings if not _about_first_count(w)]
        reported, voided = self._reported_on_screen()
        self.form.show_problems(by_field, warnings)
        self.panel.show_check(
            self.check,
            [self._describe(p.field, p.message) for p in shown],
            [*([voided] if voided else []), *(self._describe(*split_warning(w)) for w in shown_warnings)],
            trusted=self._trusted,
            blinded=blinded,
            reported=reported,
            pending=pending,
        )

    def _reported_on_screen(self) -> tuple[ReportedResult | None, str]:
        """The stored case's reported result while the results on screen are the ones it was reported
        for; otherwise (results changed since an adjudication) the warning that saving voids it."""
        stored = self.stored
        if stored is None or not stored.reported.adjudicated:
            return None, ""
        if self._entry.test_input() == stored.entry.test_input():
            return stored.reported, ""
        return None, translate(
            "CaseEditor",
            "The results changed since they were adjudicated {status}: saving voids the adjudication, "
            "and a pathologist must adjudicate the new results again.",
        ).format(status=label(stored.reported.status))

    def _name(self, field: str) -> str:
        """The field as a problem line names it, in the interface's language: its input's accessible
        name (English on purpose, for screen-reader scripts) translated, else the domain's label."""
        row = self.form.rows.get(field)
        return field_name(row.input.accessibleName() if row else field_label(field))  # never a raw key

    def _describe(self, field: str, message: str) -> str:
        name = self._name(field)
        return f"{name}: {say(message)}" if name else say(message)

    # -- actions ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save if the case has no errors; otherwise show them all and go to the first one."""
        if self.edit_refusal:
            self.status_message.emit(_not_saved(self.edit_refusal))
            return False
        if self.read_only:
            accession = self.stored.entry.accession if self.stored else ""
            self.status_message.emit(_not_saved(_read_only_case(accession)))
            return False
        self.refresh()
        if self.errors:
            return self._refuse(
                translate("CaseEditor", "Not saved: {count} problem(s) to fix first").format(
                    count=len(self.errors)
                )
            )
        if self.stored is not None and not self.is_dirty():
            # Saving an unchanged case would only add a version and an audit row that say nothing.
            self.status_message.emit(
                translate("CaseEditor", "Nothing to save: case {accession} is unchanged").format(
                    accession=self.stored.entry.accession
                )
            )
            return True
        entry, _ = self.form.read()
        try:
            stored = self.service.save(entry, self.version)
        except CaseConflictError as conflict:
            self.status_message.emit(dialogs.conflict_text(conflict))
            if dialogs.ask_conflict(self, conflict):
                self.reload()
            return False
        except WorkflowError as refused:  # e.g. a signed-out case is read-only until amended
            message = "; ".join(refused.reasons)
            self.status_message.emit(_not_saved(message))
            dialogs.show_error(
                self,
                translate("CaseEditor", "Case not saved"),
                translate("CaseEditor", "The case was not saved: {reason}.").format(reason=message),
            )
            return False
        except CaseInvalidError as invalid:
            self._store_errors = [p for p in invalid.problems if isinstance(p, Problem)]
            self.refresh()
            described = "; ".join(self._describe(p.field, p.message) for p in self._store_errors)
            return self._refuse(_not_saved(described or str(invalid)))  # labels, not keys (patient.mrn)
        except Exception as error:  # the database is unreachable, locked, full...: say so, keep the entries
            message = translate(
                "CaseEditor", "The case was not saved: {reason}. Your entries are still on screen; try again."
            ).format(reason=error)
            self.status_message.emit(translate("CaseEditor", "Not saved: the database could not be written"))
            dialogs.show_error(self, translate("CaseEditor", "Case not saved"), message)
            return False
        shown = self._with_workflow_facts(stored)
        self.open_case(shown)
        # The report version, as in the banner; the store's lock counter (`version`) means nothing to users.
        self.status_message.emit(
            translate("CaseEditor", "Saved case {accession} (report version {version})").format(
                accession=stored.entry.accession, version=shown.report_version
            )
        )
        self.saved.emit(stored)
        return True

    def _with_workflow_facts(self, saved: StoredCase) -> StoredCase:
        """The service's answer to a save carries the case, not its sign-out facts. A save succeeds only
        over the version on screen, so those facts are the ones on screen, except that the save voided
        any adjudication and made the saving user the one who entered the results."""
        before = self.stored
        if before is None:
            return saved
        actor = getattr(self.service, "actor", None)
        return replace(
            saved,
            report_version=before.report_version,
            entered_by_user_id=actor.user_id if actor is not None else before.entered_by_user_id,
            amendment_reason=before.amendment_reason,
            amended_by=before.amended_by,
            amended_at=before.amended_at,
        )

    def _refuse(self, message: str) -> bool:
        self._show_all = True
        self._show_problems()
        first = self.form.first_field(p.field for p in self.errors)
        if first is not None:
            first.input.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status_message.emit(message)
        return False

    def reload(self) -> None:
        """Replace what is on screen with the stored version of this case."""
        accession = self.stored.entry.accession if self.stored else self.form.rows["accession"].text()
        current = self.service.load(accession)
        if current is None:
            self.status_message.emit(
                translate("CaseEditor", "Case {accession} is no longer stored").format(accession=accession)
            )
            return
        self.open_case(current)
        self.status_message.emit(
            translate("CaseEditor", "Reloaded case {accession} (report version {version})").format(
                accession=accession, version=current.report_version
            )
        )

    def find_patient(self, mrn: str) -> None:
        mrn = mrn.strip()
        if not mrn:
            self.status_message.emit(translate("CaseEditor", "Type an MRN first, then Find patient"))
            self.form.rows["patient.mrn"].input.setFocus()
            return
        try:
            patient = self.service.find_patient(mrn)
        except Exception as error:  # the database is unreachable or locked: say so, keep the form
            self.status_message.emit(
                translate("CaseEditor", "The patient could not be looked up: {reason}").format(reason=error)
            )
            return
        if patient is None:
            self.status_message.emit(
                translate(
                    "CaseEditor", "No patient with MRN {mrn} yet: a new patient will be recorded"
                ).format(mrn=mrn)
            )
            self.form.rows["patient.family_name"].input.setFocus()
            return
        self.form.fill_patient(patient)
        self.status_message.emit(
            translate("CaseEditor", "Found patient {name} (MRN {mrn})").format(
                name=patient.display_name, mrn=mrn
            )
        )
        self.form.rows["procedure"].input.setFocus()


def _when(moment: datetime | None) -> str:
    if moment is None:
        return translate("CaseEditor", "an unknown time")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def banner_text(stored: StoredCase, display_names: Mapping[str, str] | None = None) -> str:
    """The case's place in the sign-out workflow in words: state, report version, who signed it out
    and when, the adjudication beside the engine's result, and the reason for an amendment."""
    state = translate("CaseEditor", STATE_WORDS[stored.signout_state])
    lines = [
        translate("CaseEditor", "<b>{state}</b> · report version {version}").format(
            state=state, version=stored.report_version
        )
    ]
    if stored.signed_out_at is not None:
        signer = person(stored.signed_out_by, display_names) or translate("CaseEditor", "unknown")
        lines.append(
            translate("CaseEditor", "Signed out by {person} at {when}").format(
                person=_html(signer), when=_when(stored.signed_out_at)
            )
        )
    reported = stored.reported
    if reported.status is not None:
        final = (
            translate("CaseEditor", "final")
            if reported.is_final
            else translate("CaseEditor", "not final until signed out")
        )
        shown = reported_label(reported.status, reported.descriptor, adjudicated=False)
        lines.append(
            translate("CaseEditor", "Reported result: <b>{result}</b> ({final})").format(
                result=_html(shown), final=final
            )
        )
    if stored.adjudicated_status is not None:
        engine = (
            label(stored.interpretation.status)
            if stored.interpretation.status
            else translate("CaseEditor", "no result")
        )
        words = (
            translate(
                "CaseEditor", "Adjudicated {status} by {person} at {when} (guideline result: {engine})."
            )
            if stored.adjudicated_by
            else translate("CaseEditor", "Adjudicated {status} at {when} (guideline result: {engine}).")
        )
        lines.append(
            words.format(
                status=label(stored.adjudicated_status),
                person=_html(person(stored.adjudicated_by, display_names)),
                when=_when(stored.adjudicated_at),
                engine=engine,
            )
            + " "
            + translate("CaseEditor", "Reason: {reason}").format(
                reason=_html(stored.adjudication_reason or "")
            )
        )
    if stored.report_version > 1 and stored.amendment_reason:
        words = (
            translate("CaseEditor", "Amended by {person} at {when} (version {version} stays on record).")
            if stored.amended_by
            else translate("CaseEditor", "Amended at {when} (version {version} stays on record).")
        )
        lines.append(
            words.format(
                person=_html(person(stored.amended_by, display_names)),
                when=_when(stored.amended_at),
                version=stored.report_version - 1,
            )
            + " "
            + translate("CaseEditor", "Reason: {reason}").format(reason=_html(stored.amendment_reason))
        )
    if stored.read_only:
        lines.append(translate("CaseEditor", "Read-only: amend it (Case ▸ Amend…) to change it."))
    return "<br>".join(lines)


def _not_saved(reason: str) -> str:
    return translate("CaseEditor", "Not saved: {reason}").format(reason=reason)


def _read_only_case(accession: str) -> str:
    """'This case is signed out: amend it to change it' ('case S26-1 is ...' with an accession)."""
    if accession:
        return translate("CaseEditor", "case {accession} is {state}").format(
            accession=accession, state=translate("CaseEditor", READ_ONLY_TEXT)
        )
    return translate("CaseEditor", "This case is {state}").format(
        state=translate("CaseEditor", READ_ONLY_TEXT)
    )


def person(username: str | None, display_names: Mapping[str, str] | None) -> str:
    """ "Dr Petra Path (path1)": the display name people know, with the user name the records keep
    (the user name alone when the display name is unknown or the same)."""
    if not username:
        return ""
    display = (display_names or {}).get(username, "")
    return f"{display} ({username})" if display and display != username else username


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _about_first_count(warning: str) -> bool:
    """A warning derived from the first count (its field, or the near-threshold and discordance
    warnings that quote its ratio or copy number)."""
    field = split_warning(warning)[0]
    return field in set(COUNT_KEYS["first"]) or warning.startswith(("Near a threshold", "Discordance"))


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message
