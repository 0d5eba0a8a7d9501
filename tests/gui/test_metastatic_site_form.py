"""The case form's metastatic site: a list of sites stored as codes; Other shows a field for the site in
words (hidden otherwise, never moved), required to save; free text from before the list is kept."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update
from support.backends import make_entry

from her2desk.domain.vocabulary import ClinicalSetting
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.case_service import CaseService
from her2desk.store.schema import Specimen

OTHER = "Metastatic site (other)"


def type_metastatic_case(ui, form) -> None:
    for name, text in (
        ("Accession number", "S26-000801"),
        ("MRN", "SYN-800800"),
        ("Family name", "Testpatient-Sigma"),
        ("Given name", "Sita"),
        ("Birth date", "1961-04-12"),
        ("Collection date", "2026-01-20"),
    ):
        ui.type(form, name, text)
    ui.choose(form, "Procedure", "Core needle biopsy")
    ui.choose(form, "Site", "Breast")
    ui.choose(form, "Laterality", "Left")
    ui.choose(form, "Controls", "Stained as expected")
    ui.choose(form, "IHC score", "3+")
    ui.type(form, "Stained percent", "90")
    ui.choose(form, "Clinical setting", "Metastatic")


def _stored_site(service: CaseService) -> str | None:
    stored = service.load("S26-000801")
    assert stored is not None
    return stored.entry.specimen.metastatic_site


def test_liver_is_saved_as_its_code(window: MainWindow, service: CaseService, ui) -> None:
    window.new_action.trigger()
    form = window.editor.form
    type_metastatic_case(ui, form)
    assert not ui.shown(form, OTHER)
    ui.choose(form, "Metastatic site", "Liver")
    assert not ui.shown(form, OTHER)
    window.save_action.trigger()
    assert _stored_site(service) == "liver"


def test_other_asks_for_the_site_and_refuses_it_empty(window: MainWindow, service: CaseService, ui) -> None:
    window.new_action.trigger()
    form = window.editor.form
    type_metastatic_case(ui, form)
    ui.choose(form, "Metastatic site", "Other (specify)")
    assert ui.shown(form, OTHER)

    window.save_action.trigger()
    assert service.load("S26-000801") is None
    assert ui.message(form, OTHER) == "Is required when the site is Other: say which site it is"
    assert QApplication.focusWidget() is ui.find(form, OTHER)

    ui.type(form, OTHER, "adrenal gland")
    window.save_action.trigger()
    assert _stored_site(service) == "other: adrenal gland"

    ui.choose(form, "Metastatic site", "Lung")  # the words typed for Other are not read any more
    assert not ui.shown(form, OTHER)
    window.save_action.trigger()
    assert _stored_site(service) == "lung"


def test_tab_goes_to_the_other_field_only_when_it_is_shown(window: MainWindow, ui, qtbot) -> None:
    """Hidden or shown, the field keeps its place: right after the metastatic site."""
    window.new_action.trigger()
    window.activateWindow()
    form = window.editor.form
    type_metastatic_case(ui, form)
    site = ui.find(form, "Metastatic site")
    ui.choose(form, "Metastatic site", "Liver")
    qtbot.keyClick(site, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.find(form, "Collection date")
    ui.choose(form, "Metastatic site", "Other (specify)")
    qtbot.keyClick(site, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.find(form, OTHER)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.find(form, "Collection date")


def test_free_text_from_before_the_list_shows_as_other_and_is_kept(
    window: MainWindow, service: CaseService, ui
) -> None:
    entry = make_entry("S26-000801")
    specimen = replace(entry.specimen, setting=ClinicalSetting.METASTATIC, metastatic_site="liver")
    service.save(entry.with_changes(specimen=specimen), None)
    with service.database.write_engine.begin() as connection:  # as an old version of her2desk wrote it
        connection.execute(update(Specimen.__table__).values(metastatic_site="Adrenal, left"))

    window.open_accession("S26-000801")
    form = window.editor.form
    assert ui.text(form, "Metastatic site") == "Other (specify)"
    assert ui.text(form, OTHER) == "Adrenal, left"
    assert "typed before the list of sites" in window.editor.panel.warnings.text()
    ui.type(form, "Block", "B7")
    window.save_action.trigger()
    with service.database.write_engine.connect() as connection:
        assert (
            connection.execute(select(Specimen.__table__.c.metastatic_site)).scalar_one() == "Adrenal, left"
        )
    stored = service.load("S26-000801")
    assert stored is not None
    assert stored.entry.specimen.block == "B7"
