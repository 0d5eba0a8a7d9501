"""The case form's "Scoring criteria": shown only for a site without a guideline of its own, blank until
the person chooses, required to save, and the interpretation follows the choice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.vocabulary import IhcScore, Procedure, ScoringCriteria, Sex, Site, Status
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.case_service import CaseService

GASTRO = "Gastroesophageal criteria (CAP/ASCP/ASCO 2016)"
BREAST = "Breast criteria (ASCO/CAP 2018)"


def type_case(ui, form) -> None:
    for name, text in (
        ("Accession number", "S26-000701"),
        ("MRN", "SYN-700700"),
        ("Family name", "Testpatient-Omega"),
        ("Given name", "Olive"),
        ("Birth date", "1958-09-30"),
        ("Collection date", "2026-01-20"),
    ):
        ui.type(form, name, text)
    ui.choose(form, "Procedure", "Core needle biopsy")
    ui.choose(form, "Controls", "Stained as expected")
    ui.choose(form, "IHC score", "2+")
    # Ratio 1.67 with HER2 5.0: breast group 4 (a blinded recount is needed); by the gastroesophageal
    # criteria simply not amplified.
    ui.choose(form, "ISH probe", "Dual")
    ui.type(form, "HER2 signals per cell", "5.0")
    ui.type(form, "CEP17 signals per cell", "3.0")
    ui.type(form, "Cells counted", "20")


def test_other_site_needs_the_criteria_chosen_and_follows_the_choice(
    window: MainWindow, service: CaseService, ui
) -> None:
    window.new_action.trigger()
    form, panel = window.editor.form, window.editor.panel
    assert not ui.shown(form, "Scoring criteria")  # no site yet
    type_case(ui, form)
    ui.choose(form, "Site", "Breast")
    assert not ui.shown(form, "Scoring criteria")
    ui.choose(form, "Site", "Stomach")
    assert not ui.shown(form, "Scoring criteria")

    ui.choose(form, "Site", "Other")
    assert ui.shown(form, "Scoring criteria")
    assert ui.text(form, "Scoring criteria") == "—"  # blank: nothing is chosen for the person
    assert panel.status.text() == "NO RESULT"
    assert "Scoring criteria" in panel.pending.text()  # not chosen yet: no red before it is left
    assert "Scoring criteria" not in panel.errors.text()

    window.save_action.trigger()
    assert service.load("S26-000701") is None  # refused until the criteria are chosen
    assert window.statusBar().currentMessage().startswith("Not saved")
    message = ui.message(form, "Scoring criteria")
    assert message.startswith("Required because")
    assert "gastroesophageal" in message
    assert "breast" in message

    ui.choose(form, "Scoring criteria", BREAST)
    assert ui.message(form, "Scoring criteria") == ""
    assert panel.status.text() == "PENDING"
    assert panel.ish_group.text() == "4"
    assert "second count" in panel.next_step.text()
    assert panel.guideline.text() == (
        "ASCO/CAP 2018 breast criteria (affirmed 2023), applied to another site (no site-specific guideline)"
    )
    assert "Breast criteria (ASCO/CAP 2018)" in panel.trail.text()
    assert "defined for breast cancer" in panel.warnings.text()

    ui.choose(form, "Scoring criteria", GASTRO)
    assert panel.status.text() == "NEGATIVE"
    assert panel.ish_group.text() == "—"
    assert panel.guideline.text().startswith("CAP/ASCP/ASCO 2016 gastroesophageal criteria, applied to")

    ui.choose(form, "Scoring criteria", BREAST)
    window.save_action.trigger()
    stored = service.load("S26-000701")
    assert stored is not None, window.statusBar().currentMessage()
    assert stored.entry.specimen.scoring_criteria is ScoringCriteria.BREAST
    assert stored.interpretation.status is Status.PENDING
    assert stored.interpretation.ish_group == 4
    assert "breast criteria" in stored.interpretation.guideline
    assert "no site-specific guideline" in stored.interpretation.guideline


def test_a_stored_case_shows_its_criteria_and_a_guideline_site_hides_them(
    window: MainWindow, service: CaseService, ui
) -> None:
    service.save(
        CaseEntry(
            accession="S26-000702",
            patient=PatientDetails("SYN-700701", "Testpatient-Psi", "Pia", date(1966, 5, 6), Sex.FEMALE),
            specimen=SpecimenDetails(
                procedure=Procedure.SURGICAL_RESECTION,
                site=Site.PANCREAS,
                collected_on=date(2026, 2, 2),
                scoring_criteria=ScoringCriteria.GASTROESOPHAGEAL,
            ),
            ihc=IhcDetails(score=IhcScore.THREE_PLUS, stained_pct=Decimal(60), controls_acceptable=True),
        ),
        None,
    )
    stored = service.load("S26-000702")
    assert stored is not None
    window.open_case_id(stored.case_id)
    form, panel = window.editor.form, window.editor.panel
    assert ui.shown(form, "Scoring criteria")
    assert ui.text(form, "Scoring criteria") == GASTRO
    assert panel.status.text() == "POSITIVE"
    assert panel.guideline.text() == (
        "CAP/ASCP/ASCO 2016 gastroesophageal criteria, applied to pancreas (no site-specific guideline)"
    )
    assert not window.editor.is_dirty()

    # A site with its own guideline hides the field, and its value is not read (nor refused).
    ui.choose(form, "Site", "Stomach")
    assert not ui.shown(form, "Scoring criteria")
    entry, problems = form.read()
    assert problems == []
    assert entry.specimen.scoring_criteria is None
    assert panel.status.text() == "POSITIVE"
    assert panel.guideline.text() == "CAP/ASCP/ASCO 2016, gastroesophageal adenocarcinoma"
