"""The case form as a lab judges it: no red before a field is left or Save is tried, each message in
the form's words without repeating the field's name, fields that stay where they are when messages
appear, and one read-only look for every kind of input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site
from her2desk.domain.workflow import Role
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.signout_service import SignOutService


def inputs(form: QWidget) -> dict[str, QLineEdit | QComboBox]:
    return {
        row.input.accessibleName(): row.input
        for row in form.rows.values()  # type: ignore[attr-defined]
        if row.input.isVisibleTo(form)
    }


def shown_messages(ui, form: QWidget) -> dict[str, str]:
    return {name: ui.message(form, name) for name in inputs(form) if ui.message(form, name)}


# -- 1. when and in which words ----------------------------------------------------------------------


def test_a_new_case_shows_no_problems_until_a_field_is_left(window: MainWindow, ui, qtbot) -> None:
    window.new_action.trigger()
    form, panel = window.editor.form, window.editor.panel
    assert shown_messages(ui, form) == {}
    assert panel.errors.text() == ""  # not eight red problems on an empty form
    assert "Accession number" in panel.pending.text()  # but said, quietly, what is still to do

    ui.type(form, "Accession number", "S26 0001")  # a space is not allowed
    assert ui.message(form, "Accession number") == ""  # not while typing
    qtbot.keyClick(ui.find(form, "Accession number"), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.find(form, "MRN")
    assert ui.message(form, "Accession number") == "May contain only letters A-Z, digits and - _ / ."
    assert "Accession number: may contain only letters" in panel.errors.text()
    assert ui.message(form, "MRN") == ""  # entered and left without typing: not touched

    ui.type(form, "Accession number", "S26-0001")  # once shown, a message follows each keystroke
    assert ui.message(form, "Accession number") == ""


def test_choosing_in_a_drop_down_and_leaving_it_shows_its_problem(window: MainWindow, ui, qtbot) -> None:
    window.new_action.trigger()
    form = window.editor.form
    ui.choose(form, "Site", "Breast")
    ui.choose(form, "Laterality", "Right")
    ui.choose(form, "Laterality", "—")  # chosen, then taken back
    assert ui.message(form, "Laterality") == ""
    ui.leave(form, "Laterality")
    assert ui.message(form, "Laterality") == (
        "Breast specimens need laterality: left, right, bilateral or unknown"
    )


def test_messages_never_repeat_the_fields_name_and_use_the_forms_words(
    window: MainWindow, ui, service: CaseService
) -> None:
    window.new_action.trigger()
    form, panel = window.editor.form, window.editor.panel
    assert not window.editor.save()
    messages = shown_messages(ui, form)
    assert {"Accession number", "MRN", "Family name", "Given name", "Birth date"} <= messages.keys()
    assert messages["Accession number"] == "Required"
    for name, message in messages.items():
        assert not message.lower().startswith(name.lower()), (name, message)
    assert "Accession number: required" in panel.errors.text()
    assert "Accession number: Accession number" not in panel.errors.text()
    site, procedure = messages["Site"], messages["Procedure"]
    assert "Gastroesophageal junction" in site
    assert "gastroesophageal-junction" not in site
    assert "Fine needle aspiration" in procedure
    assert "fine-needle-aspiration" not in procedure
    # Every value named is one the drop-down shows.
    site_combo = ui.find(form, "Site")
    for index in range(1, site_combo.count()):
        assert site_combo.itemText(index) in site
    assert service.load("") is None


# -- 2. fields that stay where they are --------------------------------------------------------------


def test_inputs_do_not_move_when_messages_appear(window: MainWindow, ui) -> None:
    window.new_action.trigger()
    form = window.editor.form
    ui.type(form, "Accession number", "S26-000301")
    ui.choose(form, "Procedure", "Core needle biopsy")
    ui.choose(form, "Site", "Breast")  # Laterality is shown, and will need a value
    QApplication.processEvents()

    def positions() -> dict[str, int]:
        QApplication.processEvents()
        return {name: w.mapTo(form, QPoint(0, 0)).y() for name, w in inputs(form).items()}

    before = positions()
    assert not window.editor.save()
    assert len(shown_messages(ui, form)) >= 5  # MRN, names, birth date, laterality, IHC score...
    assert positions() == before


def test_a_long_message_keeps_to_one_line_and_is_whole_in_its_tooltip(window: MainWindow, ui) -> None:
    window.new_action.trigger()
    form = window.editor.form
    assert not window.editor.save()
    line = ui.find(form, "IHC score message")
    assert line.text().startswith("Nothing to interpret")
    assert line.toolTip() == line.text()
    assert line.height() == ui.find(form, "MRN message").height()
    assert line.height() < ui.find(form, "IHC score").height()


# -- 4. one read-only look ---------------------------------------------------------------------------


def _signed_out(service: CaseService) -> None:
    entry = CaseEntry(
        accession="S26-000302",
        patient=PatientDetails("SYN-302", "Testpatient-Lambda", "Lee", date(1970, 3, 4), Sex.FEMALE),
        specimen=SpecimenDetails(
            procedure=Procedure.SURGICAL_RESECTION,
            site=Site.BREAST,
            laterality=Laterality.LEFT,
            collected_on=date(2026, 2, 1),
            block="B1",
        ),
        ihc=IhcDetails(clone="4B5", score=IhcScore.THREE_PLUS, stained_pct=Decimal(80)),
    )
    service.save(entry, None)
    auth = AuthService(service.database)
    auth.create_user("ada", "admin-pass-1", Role.ADMINISTRATOR)
    admin = auth.login("ada", "admin-pass-1").actor
    auth.create_user("pia", "pia-pass-1", Role.PATHOLOGIST, by=admin)
    pathologist = auth.login("pia", "pia-pass-1").actor
    SignOutService(service.database).sign_out(pathologist, entry.accession, "pia-pass-1", 1)


def _look(widget: QWidget) -> tuple[tuple[int, int, int], int]:
    """What a person sees: the background inside the left edge, and how dark the darkest text is."""
    image = widget.grab().toImage()
    inside = image.pixelColor(3, widget.height() // 2)
    darkest = min(
        image.pixelColor(x, y).lightness()
        for x in range(4, min(widget.width() - 4, 120))
        for y in range(4, widget.height() - 4)
    )
    return (inside.red(), inside.green(), inside.blue()), darkest


def test_a_signed_out_case_looks_read_only_alike_in_every_kind_of_field(
    window: MainWindow, service: CaseService, ui
) -> None:
    _signed_out(service)
    stored = service.load("S26-000302")
    assert stored is not None
    assert stored.read_only
    window.open_case_id(stored.case_id)
    form = window.editor.form
    QApplication.processEvents()
    with_text = {
        name: widget
        for name, widget in inputs(form).items()
        if (widget.text() if isinstance(widget, QLineEdit) else widget.currentIndex() > 0)
    }
    kinds = {type(w) for w in with_text.values()}
    assert kinds == {QLineEdit, QComboBox}
    looks = {name: _look(widget) for name, widget in with_text.items()}
    backgrounds = {background for background, _text in looks.values()}
    assert len(backgrounds) == 1, looks  # one background for line edits and drop-downs alike
    window_colour = form.palette().window().color()
    assert backgrounds == {(window_colour.red(), window_colour.green(), window_colour.blue())}
    darkest = [text for _background, text in looks.values()]
    assert max(darkest) - min(darkest) < 40, looks  # no greyed-out text beside ordinary text
    # Read-only in fact, too: neither kind takes a change.
    ui.find(form, "Block").setFocus()
    ui.qtbot.keyClicks(ui.find(form, "Block"), "7")
    assert ui.text(form, "Block") == "B1"
    assert not ui.find(form, "Site").isEnabled()
