"""The reported result reaches the patient and the export, walked through the real services.

A tester found this: a breast case (IHC 2+, dual-probe ISH group 4, blinded recount group 1) goes to
adjudication; one pathologist adjudicates it POSITIVE with a reason and another signs it out. The
handout then told the patient the result was "not final yet … a lab doctor is looking at all of
them", its records box said "under review, not final", and the CSV export's status column carried
the engine's ADJUDICATION. Rule (her2-reporting-rules, "The reported result"): a signed-out reported
result is final; "not final yet" is said only of a result that is not signed out.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.cli import main
from her2desk.domain.case import IshDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.records import SignOutState
from her2desk.domain.vocabulary import Descriptor, IshMethod, IshProbe, Status
from her2desk.domain.workflow import Actor, Role
from her2desk.handout.content import ResultKind, picture_for
from her2desk.handout.texts import load_texts
from her2desk.services.handout_service import HandoutKind, HandoutRefused, HandoutService, Refusal
from her2desk.services.lab_settings_service import LabSettingsService

REASON = "Blinded recount in group 1 on the area of IHC 2+; HER2 amplified on review of both counts"
# Everything a page may say only of a result that is not signed out, in both languages.
NOT_FINAL_WORDS = (
    "not final",
    "under review",
    "looking at all of them",
    "PRELIMINARY",
    "no es definitivo",
    "no definitivo",
    "en revisión",
    "los está revisando",
    "PRELIMINAR",
)
RESULT_LINES = {
    ("en", Status.POSITIVE): "Your result: HER2-positive",
    ("es", Status.POSITIVE): "Su resultado: HER2 positivo",
    ("en", Status.NEGATIVE): "Your result: HER2-negative, HER2-low",
    ("es", Status.NEGATIVE): "Su resultado: HER2 negativo, HER2 bajo (HER2-low)",
}
RECORDS_LABEL = {"en": "Lab result", "es": "Resultado del laboratorio"}
RECORDS_RESULT = {
    ("en", Status.POSITIVE): "positive",
    ("es", Status.POSITIVE): "positivo",
    ("en", Status.NEGATIVE): "negative (HER2-low)",
    ("es", Status.NEGATIVE): "negativo, HER2 bajo (HER2-low)",  # the descriptor in Spanish, its code kept
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def pdftotext(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return _flat(done.stdout.decode("utf-8"))


def records_value(pdf: bytes, label: str) -> str:
    """The value beside `label` in the records box, as poppler lays the page out (the box is a table
    of label/value pairs in two columns, so its plain reading order mixes the columns)."""
    done = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    for line in done.stdout.decode("utf-8").splitlines():
        found = re.search(rf"(?:^|\s{{2}}){re.escape(label)}\s{{2,}}(\S.*?)(?:\s{{2,}}|$)", line)
        if found:
            return found.group(1)
    raise AssertionError(f"no '{label}' row in the records box")


def pypdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return _flat(" ".join(page.extract_text() or "" for page in reader.pages))


@pytest.fixture
def recounter(lab: Lab) -> Actor:
    """The blinded recount the guideline uses must be a second observer's: another user enters it."""
    lab.auth.create_user("tia", "tech-pass-2", Role.TECHNOLOGIST, "Tia Tech", by=lab.admin)
    return lab.auth.login("tia", "tech-pass-2").actor


def _count(her2: str, cep17: str) -> IshCount:
    return IshCount(her2=Decimal(her2), cep17=Decimal(cep17), cells=20)


def _walk_to_adjudication(lab: Lab, recounter: Actor, accession: str) -> int:
    """IHC 2+, first count group 4 (ratio 1.67, 5.0 signals) by one technologist, blinded recount
    group 1 (ratio 2.50) by another: the guideline leaves the call to the pathologist."""
    first_only = IshDetails(probe=IshProbe.DUAL, method=IshMethod.FISH, first=_count("5.00", "3.00"))
    entry = make_entry(accession, ish=first_only)
    first = lab.cases(lab.tech).save(entry, None)
    assert first.interpretation.status is Status.PENDING  # the recount is awaited
    recount = entry.with_changes(ish=IshDetails(**{**vars(first_only), "second": _count("5.00", "2.00")}))
    second = lab.cases(recounter).save(recount, first.version)
    assert second.interpretation.status is Status.ADJUDICATION
    assert second.interpretation.ish_group == 4
    return second.version


def _adjudicate(lab: Lab, accession: str, final: Status, version: int) -> int:
    return lab.signout.adjudicate(
        lab.path, accession, final, REASON, version, password=PASSWORDS["pia"]
    ).version


def _sign_out(lab: Lab, accession: str, version: int) -> None:
    done = lab.signout.sign_out(lab.path2, accession, PASSWORDS["paul"], version)
    assert done.state is SignOutState.SIGNED_OUT


def _export(url: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, str]]:
    assert main(["--database", url, "export", "--format", "csv"]) == 0
    return {row["accession"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}


@pytest.mark.parametrize("final", [Status.POSITIVE, Status.NEGATIVE])
def test_a_signed_out_adjudicated_case_is_final_on_the_handout(
    lab: Lab, recounter: Actor, final: Status
) -> None:
    accession = "S26-00301"
    version = _adjudicate(lab, accession, final, _walk_to_adjudication(lab, recounter, accession))
    _sign_out(lab, accession, version)
    stored = lab.cases(None).load(accession)
    assert stored is not None
    assert stored.interpretation.status is Status.ADJUDICATION  # the engine's own result is kept
    expected_descriptor = Descriptor.LOW if final is Status.NEGATIVE else None
    assert (stored.reported.status, stored.reported.descriptor) == (final, expected_descriptor)
    service = HandoutService(lab.database)
    for language in ("en", "es"):
        prepared = service.prepare(accession, language)
        assert prepared.kind is HandoutKind.FINAL
        records = (RECORDS_LABEL[language], RECORDS_RESULT[(language, final)])
        assert records_value(prepared.pdf, records[0]) == records[1]
        assert " ".join(records) in pypdf_text(prepared.pdf)
        for text in (pdftotext(prepared.pdf), pypdf_text(prepared.pdf)):
            assert RESULT_LINES[(language, final)] in text
            for words in NOT_FINAL_WORDS:
                assert words not in text, (language, words)
        if final is Status.POSITIVE:
            # The picture's scale names both answers (its "negative" box is drawn empty, the positive
            # one marked); outside the picture no word may say negative.
            picture = picture_for(ResultKind.POSITIVE, False, load_texts(language))
            assert picture.marked_label == picture.labels[-1]
            outside = pdftotext(prepared.pdf)
            for words in (picture.description, *picture.labels):
                outside = outside.replace(" ".join(words.split()), "")
            assert "negativ" not in outside, language
    english = pdftotext(service.prepare(accession, "en").pdf)
    assert "A lab doctor looked at all of your tests to decide on this result." in english


def test_an_adjudicated_case_not_yet_signed_out_gets_only_a_preliminary_page(
    lab: Lab, recounter: Actor
) -> None:
    accession = "S26-00302"
    _adjudicate(lab, accession, Status.POSITIVE, _walk_to_adjudication(lab, recounter, accession))
    service = HandoutService(lab.database)
    with pytest.raises(HandoutRefused) as refused:
        service.prepare(accession, "en")
    assert refused.value.refusal is Refusal.NOT_SIGNED_OUT
    with pytest.raises(HandoutRefused) as refused:
        service.prepare(accession, "en", preliminary=True)
    assert refused.value.refusal is Refusal.PRELIMINARY_NOT_ALLOWED
    LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
    prepared = service.prepare(accession, "en", preliminary=True)
    assert prepared.kind is HandoutKind.PRELIMINARY
    assert records_value(prepared.pdf, "Lab result").startswith("positive; preliminary, not")
    assert "Lab result positive; preliminary, not final yet" in pypdf_text(prepared.pdf)
    for text in (pdftotext(prepared.pdf), pypdf_text(prepared.pdf)):
        assert "PRELIMINARY — NOT FINAL" in text
        assert "Early result, not final yet: HER2-positive" in text
        assert "A lab doctor has decided on this result, but it has not been signed yet." in text
        assert "under review" not in text
        assert "looking at all of them" not in text
    spanish = pdftotext(service.prepare(accession, "es", preliminary=True).pdf)
    assert "Resultado preliminar, todavía no es definitivo: HER2 positivo" in spanish


def test_the_export_carries_the_reported_result_beside_the_engines(
    lab: Lab, recounter: Actor, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for accession, final in (("S26-00303", Status.POSITIVE), ("S26-00304", Status.NEGATIVE)):
        version = _adjudicate(lab, accession, final, _walk_to_adjudication(lab, recounter, accession))
        _sign_out(lab, accession, version)
    lab.cases(lab.tech).save(make_entry("S26-00305"), None)  # not adjudicated: the engine's positive
    rows = _export(db_url, capsys)
    positive, negative, plain = rows["S26-00303"], rows["S26-00304"], rows["S26-00305"]
    assert "status" not in positive  # no column a reader could take for the reported result
    assert "descriptor" not in positive
    assert (positive["reported_status"], positive["reported_descriptor"]) == ("positive", "")
    assert (positive["engine_status"], positive["engine_descriptor"]) == ("adjudication", "")
    assert (positive["adjudicated_status"], positive["adjudication_reason"]) == ("positive", REASON)
    assert positive["signout_state"] == "signed-out"
    assert (negative["reported_status"], negative["reported_descriptor"]) == ("negative", "HER2-low")
    assert negative["engine_status"] == "adjudication"
    assert (plain["reported_status"], plain["engine_status"], plain["adjudicated_status"]) == (
        "positive",
        "positive",
        "",
    )


def test_the_worklist_filters_and_history_read_the_reported_result(lab: Lab, recounter: Actor) -> None:
    """The same walk, seen at a glance: the worklist row and the status filters show the adjudicated
    POSITIVE (no longer "needs action"), and the patient history flags a later negative metastasis."""
    from dataclasses import replace as changed

    from her2desk.domain.history import status_changes
    from her2desk.domain.records import WorklistQuery
    from her2desk.domain.vocabulary import ClinicalSetting, IhcScore

    accession = "S26-00305"
    version = _adjudicate(lab, accession, Status.POSITIVE, _walk_to_adjudication(lab, recounter, accession))
    _sign_out(lab, accession, version)
    cases = lab.cases(lab.tech)
    primary = cases.load(accession)
    assert primary is not None
    metastasis = primary.entry.with_changes(
        accession="S26-WALK-M1",
        specimen=changed(
            primary.entry.specimen,
            setting=ClinicalSetting.METASTATIC,
            metastatic_site="liver",
            collected_on=date(2026, 6, 1),
        ),
        ihc=changed(primary.entry.ihc, score=IhcScore.ZERO, stained_pct=Decimal(0)),
        ish=IshDetails(),
    )
    cases.save(metastasis, None)
    [row] = [r for r in cases.worklist_page(WorklistQuery(), 0, 50) if r.accession == accession]
    assert (row.status, row.engine_status, row.adjudicated) == (Status.POSITIVE, Status.ADJUDICATION, True)
    needing = cases.worklist_page(WorklistQuery(needs_action=True), 0, 50)
    assert accession not in {r.accession for r in needing}
    positives = cases.worklist_page(WorklistQuery(status=Status.POSITIVE), 0, 50)
    assert accession in {r.accession for r in positives}
    adjudication = cases.worklist_page(WorklistQuery(status=Status.ADJUDICATION), 0, 50)
    assert accession not in {r.accession for r in adjudication}
    history = cases.patient_history(primary.entry.patient.mrn)
    changes = status_changes(history)
    [changed_id] = changes
    assert "was POSITIVE" in changes[changed_id]
    assert "is NEGATIVE" in changes[changed_id]
