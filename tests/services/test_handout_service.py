"""HandoutService on real databases: the sign-out gating, lab details from the settings, the print log."""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import replace

import pytest
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.workflow import WorkflowError
from her2desk.services.handout_service import (
    HandoutKind,
    HandoutRefused,
    HandoutService,
    Refusal,
)
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.signout_service import CaseNotFoundError


def pdf_text(pdf: bytes) -> str:
    """Poppler's reading of the PDF (an independent parser), with runs of white space made one space."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


def _enter(lab: Lab, accession: str) -> None:
    lab.cases(lab.tech).save(make_entry(accession), None)


def _sign_out(lab: Lab, accession: str) -> None:
    stored = lab.cases(None).load(accession)
    assert stored is not None
    lab.signout.sign_out(lab.path, accession, PASSWORDS["pia"], stored.version)


def _setting(lab: Lab, name: str, value: str) -> None:
    LabSettingsService(lab.database).update(lab.admin, name, value)


def test_a_signed_out_case_gets_its_final_handout_and_the_hash_is_of_those_bytes(lab: Lab) -> None:
    _enter(lab, "S26-00001")
    _sign_out(lab, "S26-00001")
    prepared = HandoutService(lab.database).prepare("S26-00001", "en")
    assert prepared.kind is HandoutKind.FINAL
    assert not prepared.preliminary
    assert prepared.sha256 == hashlib.sha256(prepared.pdf).hexdigest()
    assert prepared.file_name == "handout-S26-00001-en.pdf"
    text = pdf_text(prepared.pdf)
    assert "Demo-Ångström" in text
    assert "Your result: HER2-positive" in text
    assert "PRELIMINARY" not in text


def test_a_case_not_signed_out_is_refused_by_default_even_when_preliminary_is_asked(lab: Lab) -> None:
    _enter(lab, "S26-00002")
    service = HandoutService(lab.database)
    with pytest.raises(HandoutRefused) as refused:
        service.prepare("S26-00002", "en")
    assert refused.value.refusal is Refusal.NOT_SIGNED_OUT
    assert "not signed out (entered)" in refused.value.reasons[0]
    assert not refused.value.preliminary_allowed
    with pytest.raises(HandoutRefused) as refused:
        service.prepare("S26-00002", "en", preliminary=True)
    assert refused.value.refusal is Refusal.PRELIMINARY_NOT_ALLOWED
    command = "her2desk settings set allow_preliminary_handouts true --as ADMINISTRATOR"
    assert command in refused.value.reasons[0]


def test_where_the_lab_allows_it_a_clearly_marked_preliminary_page(lab: Lab) -> None:
    _enter(lab, "S26-00003")
    _setting(lab, "allow_preliminary_handouts", "true")
    service = HandoutService(lab.database)
    with pytest.raises(HandoutRefused) as refused:
        service.prepare("S26-00003", "en")  # still refused unless a preliminary page is asked for
    assert refused.value.preliminary_allowed
    prepared = service.prepare("S26-00003", "es", preliminary=True)
    assert prepared.kind is HandoutKind.PRELIMINARY
    assert prepared.file_name == "handout-S26-00003-es-preliminary.pdf"
    assert "Resultado preliminar" in pdf_text(prepared.pdf)


def test_asking_for_preliminary_on_a_signed_out_case_still_gives_the_final_page(lab: Lab) -> None:
    _enter(lab, "S26-00004")
    _sign_out(lab, "S26-00004")
    prepared = HandoutService(lab.database).prepare("S26-00004", "en", preliminary=True)
    assert prepared.kind is HandoutKind.FINAL


def test_lab_name_and_contact_come_from_the_lab_settings(lab: Lab) -> None:
    _enter(lab, "S26-00005")
    _sign_out(lab, "S26-00005")
    _setting(lab, "lab_name", "Westside Synthetic Pathology")
    _setting(lab, "lab_contact", "phone 555-0199")
    text = pdf_text(HandoutService(lab.database).prepare("S26-00005", "en").pdf)
    assert "Contact Westside Synthetic Pathology: phone 555-0199." in text


def test_unknown_accession(lab: Lab) -> None:
    with pytest.raises(CaseNotFoundError, match="S26-99999"):
        HandoutService(lab.database).prepare("S26-99999", "en")


def test_record_writes_who_language_version_and_hash(lab: Lab) -> None:
    _enter(lab, "S26-00006")
    _sign_out(lab, "S26-00006")
    service = HandoutService(lab.database)
    prepared = service.prepare("S26-00006", "es")
    before = len(lab.events("handout"))
    service.record(prepared, lab.tech)
    (row,) = lab.signout.handouts("S26-00006")
    assert (row.printed_by, row.language, row.sha256, row.preliminary) == (
        "tom",
        "es",
        prepared.sha256,
        False,
    )
    assert row.rules_version == prepared.rules_version
    assert row.report_version == prepared.report_version == 1
    assert len(lab.events("handout")) == before + 1


def test_a_preliminary_print_is_recorded_as_preliminary(lab: Lab) -> None:
    _enter(lab, "S26-00007")
    _setting(lab, "allow_preliminary_handouts", "true")
    service = HandoutService(lab.database)
    prepared = service.prepare("S26-00007", "en", preliminary=True)
    with pytest.raises(WorkflowError, match="signed-in user"):  # nobody anonymous once accounts exist
        service.record(prepared, None)
    service.record(prepared, lab.tech)
    (row,) = lab.signout.handouts("S26-00007")
    assert row.preliminary
    assert row.printed_by == "tom"


def test_a_case_changed_after_prepare_is_not_recorded(lab: Lab) -> None:
    _enter(lab, "S26-00008")
    _sign_out(lab, "S26-00008")
    service = HandoutService(lab.database)
    prepared = service.prepare("S26-00008", "en")
    assert service.is_current(prepared)
    stored = lab.cases(None).load("S26-00008")
    assert stored is not None
    lab.signout.amend(
        lab.path, "S26-00008", "wrong block recorded at entry", stored.version, password=PASSWORDS["pia"]
    )
    assert not service.is_current(prepared)
    with pytest.raises(HandoutRefused) as refused:
        service.record(prepared, lab.path)
    assert refused.value.refusal is Refusal.CHANGED
    assert lab.signout.handouts("S26-00008") == []


def test_a_corrected_result_after_amendment_and_second_sign_out(lab: Lab) -> None:
    _enter(lab, "S26-00009")
    _sign_out(lab, "S26-00009")
    stored = lab.cases(None).load("S26-00009")
    assert stored is not None
    lab.signout.amend(
        lab.path, "S26-00009", "wrong block recorded at entry", stored.version, password=PASSWORDS["pia"]
    )
    stored = lab.cases(None).load("S26-00009")
    assert stored is not None
    lab.signout.sign_out(lab.path2, "S26-00009", PASSWORDS["paul"], stored.version)
    prepared = HandoutService(lab.database).prepare("S26-00009", "en")
    assert prepared.kind is HandoutKind.CORRECTED
    assert prepared.report_version == 2
    assert "Corrected result" in pdf_text(prepared.pdf)


def test_characters_no_font_prints_are_named_for_the_warning(lab: Lab) -> None:
    entry = make_entry("S26-00010", mrn="DEMO000010")
    patient = replace(entry.patient, given_name="Sarah ሰላም")  # Ethiopic: no shipped font, printed as U+FFFD
    lab.cases(lab.tech).save(replace(entry, patient=patient), None)
    _sign_out(lab, "S26-00010")
    prepared = HandoutService(lab.database).prepare("S26-00010", "en")
    assert set(prepared.unprintable) == set("ሰላም")
    assert "ሰ (U+1230)" in prepared.unprintable_text
    clean = make_entry("S26-00011")
    lab.cases(lab.tech).save(clean, None)
    _sign_out(lab, "S26-00011")
    assert HandoutService(lab.database).prepare("S26-00011", "en").unprintable == ()


def test_the_handout_prints_the_record_check_code_that_proves_it_against_the_record(lab: Lab) -> None:
    """The head of the record's hash chain when the page was made is printed in full, in both
    languages, and `db check --digest` accepts it later, after more work has been recorded."""
    import re

    from her2desk.services.record_service import check_record, head_digest

    _enter(lab, "S26-00001")
    _sign_out(lab, "S26-00001")
    head = head_digest(lab.database)
    assert head is not None
    service = HandoutService(lab.database)
    english = pdf_text(service.prepare("S26-00001", "en").pdf)
    assert f"Lab record check code: {head.text} (record position {head.position})" in english
    spanish = pdf_text(service.prepare("S26-00001", "es").pdf)
    assert f"{head.text} (posición {head.position})" in spanish
    # Later work moves the head on; the printed code still proves the record it was printed from.
    service.record(service.prepare("S26-00001", "en"), lab.tech)
    _enter(lab, "S26-00002")
    later = head_digest(lab.database)
    assert later is not None
    assert later.position > head.position
    [printed] = re.findall(r"sha256:[0-9a-f]{64}", english)
    check = check_record(lab.database, printed)
    assert check.problems == []
    assert check.digest_position == head.position
    # A page made now carries the new head.
    assert later.text in pdf_text(service.prepare("S26-00001", "en").pdf)


def test_each_language_prints_its_own_lab_lines_or_the_default_with_a_warning(lab: Lab) -> None:
    _enter(lab, "S26-00021")
    _sign_out(lab, "S26-00021")
    _setting(lab, "lab_name", "Westside Synthetic Pathology")
    _setting(lab, "lab_contact", "phone 555-0199")
    service = HandoutService(lab.database)
    english = service.prepare("S26-00021", "en")
    assert english.warnings == ()
    spanish = service.prepare("S26-00021", "es")
    assert "Comuníquese con Westside Synthetic Pathology: phone 555-0199." in pdf_text(spanish.pdf)
    assert len(spanish.warnings) == 2
    assert "lab_name_es" in spanish.warnings[0]
    assert "lab_contact_es" in spanish.warnings[1]
    _setting(lab, "lab_name_es", "Patología Sintética del Oeste")
    _setting(lab, "lab_contact_es", "teléfono 555-0199")
    spanish = service.prepare("S26-00021", "es")
    assert spanish.warnings == ()
    text = pdf_text(spanish.pdf)
    assert "Comuníquese con Patología Sintética del Oeste: teléfono 555-0199." in text
    assert "phone 555-0199" not in text
    # A line given for this run (the command line's environment) replaces the setting and its warning.
    _setting(lab, "lab_contact_es", "")
    given = service.prepare("S26-00021", "es", lab_contact="desk 7")
    assert given.warnings == ()


def test_large_print_and_the_paper_come_through_the_service(
    lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from pypdf import PdfReader

    _enter(lab, "S26-00022")
    _sign_out(lab, "S26-00022")
    service = HandoutService(lab.database)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # paper_size auto: this computer's locale
    letter = service.prepare("S26-00022", "en")
    assert letter.paper == "letter"
    assert float(PdfReader(io.BytesIO(letter.pdf)).pages[0].mediabox.height) == pytest.approx(792)
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert service.prepare("S26-00022", "en").paper == "a4"
    _setting(lab, "paper_size", "letter")
    assert service.prepare("S26-00022", "en").paper == "letter"  # the lab's choice beats the locale
    assert service.prepare("S26-00022", "en", paper="a4").paper == "a4"  # and a choice for one print, it
    large = service.prepare("S26-00022", "es", large_print=True)
    assert large.large_print
    assert large.file_name.endswith("-es-large-print.pdf")
    assert large.sha256 != service.prepare("S26-00022", "es").sha256
    assert "Su resultado: HER2 positivo" in pdf_text(large.pdf)
