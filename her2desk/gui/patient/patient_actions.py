"""Case menu ▸ Correct patient details… for the patient of the case open in the Case tab.

Saving a case with an existing MRN but other details is refused (it would rename the patient on every
case); the refusal points here. The action is offered when a stored case is open and the user may edit
cases (`Action.EDIT`: technologist, pathologist, or the local user without sign-in); the service checks
everything again. Unsaved changes in the open case are kept: after the correction the form is reloaded
only if it had none; otherwise its patient fields take the corrected details and the person saves it.
The dialog module (and the service) are imported on first use: not on the start path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from her2desk.domain import workflow
from her2desk.domain.records import StoredCase
from her2desk.domain.workflow import Action, Actor
from her2desk.gui.common.translation import translate

if TYPE_CHECKING:
    from her2desk.gui.patient.patient_dialog import PatientDialog
    from her2desk.gui.shell.host import FeatureHost

ACTION_TEXT = "Correct &patient details…"  # English; shown through translate("PatientDialog", ...)


def exec_dialog(dialog: QDialog) -> int:
    """Run the dialog modally (replaced in tests by code that types into it and presses its buttons)."""
    return dialog.exec()


def refusals(actor: Actor | None, stored: StoredCase | None) -> list[str]:
    """Why the action cannot be offered now (empty: offer it)."""
    if stored is None:
        return [translate("PatientDialog", "open a stored case first")]
    return workflow.role_refusals(actor, Action.EDIT) if actor is not None else []


class PatientActions:
    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.action = QAction(translate("PatientDialog", "Correct &patient details…"), window.widget())
        self.action.triggered.connect(self.correct)
        window.menus["case"].addAction(self.action)
        window.menus["case"].aboutToShow.connect(self.update)
        self.update()

    def update(self) -> None:
        reasons = refusals(self.window.actor, self.window.current_case())
        self.action.setEnabled(not reasons)
        tip = "; ".join(reasons)
        self.action.setStatusTip(tip[:1].upper() + tip[1:] if tip else "")

    def dialog(self) -> PatientDialog | None:
        """The dialog for the open case's patient, with the stored details read now; None if refused."""
        from her2desk.gui.patient.patient_dialog import PatientDialog
        from her2desk.services.bundle import Services

        stored_case = self.window.current_case()
        reasons = refusals(self.window.actor, stored_case)
        if reasons or stored_case is None:
            self.window.show_message(
                translate("PatientDialog", "Cannot correct patient details: {reasons}").format(
                    reasons="; ".join(reasons)
                )
            )
            return None
        service = Services.of(self.window.service).patients
        mrn = stored_case.entry.patient.mrn
        stored = self.window.try_read(lambda: service.load(mrn), f"patient {mrn} could not be read")
        if stored is None:
            return None
        return PatientDialog(
            service, self.window.actor, stored, [stored_case.entry.accession], parent=self.window.widget()
        )

    def correct(self) -> bool:
        dialog = self.dialog()
        if dialog is None:
            return False
        stored_case = self.window.current_case()
        assert stored_case is not None
        accession = stored_case.entry.accession
        unsaved = self.window.has_unsaved_changes()
        accepted = exec_dialog(dialog) == QDialog.DialogCode.Accepted
        result = dialog.result_value
        dialog.deleteLater()
        if not accepted or result is None:
            self.window.show_message(
                translate("PatientDialog", "Patient {mrn}: nothing was changed").format(
                    mrn=stored_case.entry.patient.mrn
                )
            )
            return False
        cases = len(result.accessions)
        text = (
            translate("PatientDialog", "Corrected patient {mrn} ({old} → {new}) on 1 case")
            if cases == 1
            else translate("PatientDialog", "Corrected patient {mrn} ({old} → {new}) on {count} cases")
        ).format(mrn=result.mrn, old=result.old.display_name, new=result.new.display_name, count=cases)
        if result.handouts_superseded:
            text += translate("PatientDialog", "; {count} earlier handout(s) marked superseded").format(
                count=result.handouts_superseded
            )
        if unsaved:
            # Reloading would drop the person's unsaved edits: keep them, with the corrected patient in
            # the form (which also clears the earlier refusal); the worklist shows the new name.
            self.window.fill_patient(result.mrn, result.new)
            self.window.refresh()
            text += translate(
                "PatientDialog", ". Case {accession} keeps its unsaved changes: save it (Ctrl+S)"
            ).format(accession=accession)
        else:
            self.window.after_workflow(accession)
        self.window.show_message(text)
        return True


def install(window: FeatureHost) -> PatientActions:
    """Add Correct patient details… to the Case menu."""
    return PatientActions(window)
