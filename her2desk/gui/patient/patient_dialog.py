"""The "Correct patient details" dialog: fix a typo in a stored patient's name or birth date, with a reason.

Saving a case refuses an existing MRN typed with other details (it would silently rename the patient on
every case); this dialog is the explicit way to correct the stored patient instead. It shows the stored
details (read fresh when it opens, and passed to the service as `expected`, so a correction someone
made meanwhile is refused rather than overwritten), the cases it will change, and a reason box.
Problems with a field are shown beside that field; any other refusal (role, reason, signed-out rule,
a concurrent change, a database problem) below the fields, in words. The dialog stays open with the
entries kept until the service accepts; `result_value` then holds the `PatientCorrection`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from her2desk.domain.case import PatientDetails
from her2desk.domain.problems import Problem
from her2desk.domain.records import CaseInvalidError
from her2desk.domain.vocabulary import Sex
from her2desk.domain.workflow import Actor
from her2desk.gui.common.domain_text import say, say_all
from her2desk.gui.common.fields import DATE_HINT, FieldRow, enum_field, line_field, parse_date
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.common.workflow_dialog import ReasonBox, WorkflowDialog, refusal_text, text_label
from her2desk.services.patient_service import PatientCorrection, PatientService

# English (the accessible name), marked for pyside6-lupdate; WorkflowDialog shows it translated.
TITLE = QT_TRANSLATE_NOOP("Workflow", "Correct patient details")
NOT_CORRECTED = QT_TRANSLATE_NOOP("PatientDialog", "Not corrected: fix the marked fields.")


class PatientDialog(WorkflowDialog[PatientCorrection]):
    """Identity details of one stored patient (MRN fixed), prefilled, plus the reason for the change."""

    def __init__(
        self,
        service: PatientService,
        actor: Actor | None,
        stored: PatientDetails,
        accessions: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(TITLE, QT_TRANSLATE_NOOP("Workflow", "&Correct"), parent)
        self.service, self.actor, self.stored = service, actor, stored
        cases = f" ({', '.join(accessions)})" if accessions else ""
        about = text_label(
            translate(
                "PatientDialog",
                "MRN {mrn}: the corrected details apply to all of this patient's cases{cases}. If a case is "
                "signed out, only a pathologist may correct them, and the handouts printed so far are marked "
                "superseded (they carry the old details). The change and its reason are audited.",
            ).format(mrn=stored.mrn, cases=cases),
            "About patient correction",
        )
        self.rows: dict[str, FieldRow] = {
            "patient.family_name": line_field(
                "patient.family_name", translate("PatientDialog", "&Family name"), "Family name"
            ),
            "patient.given_name": line_field(
                "patient.given_name", translate("PatientDialog", "&Given name"), "Given name"
            ),
            "patient.birth_date": line_field(
                "patient.birth_date",
                translate("PatientDialog", "&Birth date"),
                "Birth date",
                translate("CaseForm", DATE_HINT),
            ),
            "patient.sex": enum_field("patient.sex", translate("PatientDialog", "Se&x"), "Sex", Sex),
        }
        self.rows["patient.family_name"].set_value(stored.family_name)
        self.rows["patient.given_name"].set_value(stored.given_name)
        self.rows["patient.birth_date"].set_value(stored.birth_date.isoformat() if stored.birth_date else "")
        self.rows["patient.sex"].set_value(stored.sex)
        self.reason = ReasonBox("Correction reason")
        form = QFormLayout()
        for row in self.rows.values():
            form.addRow(row.caption, row.container)
        caption = QLabel(translate("Workflow", "&Reason:"))
        caption.setBuddy(self.reason.edit)
        form.addRow(caption, self.reason)
        self.body.addWidget(about)
        self.body.addLayout(form)
        self.rows["patient.family_name"].input.setFocus()

    def entered(self) -> tuple[PatientDetails, list[Problem]]:
        """The details as typed, and the problems of reading them (a date that is not a date)."""
        problems: list[Problem] = []
        born_text = self.rows["patient.birth_date"].text().strip()
        born = parse_date(born_text, "patient.birth_date") if born_text else None
        if isinstance(born, Problem):
            problems.append(born)
            born = None
        sex = self.rows["patient.sex"].value()
        details = PatientDetails(
            mrn=self.stored.mrn,
            family_name=self.rows["patient.family_name"].text(),
            given_name=self.rows["patient.given_name"].text(),
            birth_date=born,
            sex=sex if isinstance(sex, Sex) else None,
        )
        return details, problems

    def show_field_problems(self, problems: list[Problem] | tuple[Problem, ...]) -> list[Problem]:
        """Show each problem beside its field; return those that belong to no field here."""
        by_field: dict[str, list[str]] = {}
        other: list[Problem] = []
        for problem in problems:
            if problem.field in self.rows:
                by_field.setdefault(problem.field, []).append(say(problem.message))
            else:
                other.append(problem)
        for key, row in self.rows.items():
            row.show_message("; ".join(by_field.get(key, [])), is_error=True)
        return other

    def perform(self) -> PatientCorrection:
        details, _problems = self.entered()
        return self.service.correct(
            self.actor, self.stored.mrn, details, self.reason.text(), expected=self.stored
        )

    def attempt(self) -> bool:
        """Ask the service; field problems beside the fields, other refusals below them, in words."""
        _details, problems = self.entered()
        if problems:  # not sent: the birth date cannot be read
            self.show_field_problems(problems)
            self.show_problem(translate("PatientDialog", NOT_CORRECTED))
            return False
        try:
            self.result_value = self.perform()
        except CaseInvalidError as error:
            other = self.show_field_problems(error.problems)
            extra = say_all(p.message for p in other)
            self.show_problem(translate("PatientDialog", NOT_CORRECTED) + (f" {extra}." if extra else ""))
            return False
        except Exception as error:  # refused or failed: said in words, the dialog stays open
            self.show_field_problems([])
            self.show_problem(refusal_text(error))
            return False
        self.accept()
        return True
