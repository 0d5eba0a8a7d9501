"""ReportService on real databases: the handout's gating, the signatures of the version, the print log
(one chained table with the handouts, `document` "report"), and the schema revision that added it."""

from __future__ import annotations

import hashlib
import re
import subprocess

import pytest
from sqlalchemy import inspect
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.services.handout_service import HandoutService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.record_service import check_record, head_digest
from her2desk.services.report_service import Refusal, ReportRefused, ReportService
from her2desk.services.signout_service import CaseNotFoundError
from her2desk.store import migrate


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


def _enter_and_sign_out(lab: Lab, accession: str) -> None:
    lab.cases(lab.tech).save(make_entry(accession), None)
    stored = lab.cases(None).load(accession)
    assert stored is not None
    lab.signout.sign_out(lab.path, accession, PASSWORDS["pia"], stored.version)


def test_a_signed_out_case_gets_its_final_report_with_signature_and_check_code(lab: Lab) -> None:
    _enter_and_sign_out(lab, "S26-00001")
    service = ReportService(lab.database)
    prepared = service.prepare("S26-00001")
    assert prepared.kind == "final"
    assert prepared.sha256 == hashlib.sha256(prepared.pdf).hexdigest()
    words = pdf_text(prepared.pdf)
    assert "Final report" in words
    assert "PRELIMINARY" not in words
    assert "Electronically signed out Dr Pia Path (pia)" in words
    head = head_digest(lab.database)
    assert head is not None
    [printed] = re.findall(r"sha256:[0-9a-f]{64}", words)
    assert printed == head.text
    record = service.record(prepared, lab.path)
    assert (record.printed_by, record.sha256, record.preliminary) == ("pia", prepared.sha256, False)
    assert service.reports("S26-00001") == [record]
    assert lab.signout.handouts("S26-00001") == []  # a report print is not a handout print
    assert lab.events("report")
    assert check_record(lab.database).problems == []


def test_a_case_not_signed_out_is_refused_unless_the_lab_allows_a_marked_preliminary_report(lab: Lab) -> None:
    lab.cases(lab.tech).save(make_entry("S26-00002"), None)
    service = ReportService(lab.database)
    with pytest.raises(ReportRefused) as refused:
        service.prepare("S26-00002")
    assert refused.value.refusal is Refusal.NOT_SIGNED_OUT
    assert "only a signed-out version gets a final report" in refused.value.reasons[0]
    with pytest.raises(ReportRefused) as refused:
        service.prepare("S26-00002", preliminary=True)
    assert refused.value.refusal is Refusal.PRELIMINARY_NOT_ALLOWED
    LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
    prepared = service.prepare("S26-00002", preliminary=True)
    assert prepared.preliminary
    assert "PRELIMINARY — NOT FINAL" in pdf_text(prepared.pdf)
    assert service.record(prepared, lab.tech).preliminary
    with pytest.raises(CaseNotFoundError):
        service.prepare("S26-99999")


def test_an_amended_and_signed_out_again_version_is_an_amended_report_with_its_reason(lab: Lab) -> None:
    _enter_and_sign_out(lab, "S26-00003")
    service = ReportService(lab.database)
    first = service.prepare("S26-00003")
    service.record(first, lab.path)
    stored = lab.cases(None).load("S26-00003")
    assert stored is not None
    lab.signout.amend(
        lab.path, "S26-00003", "wrong block recorded at entry", stored.version, password=PASSWORDS["pia"]
    )
    assert not service.is_current(first)
    with pytest.raises(ReportRefused) as refused:
        service.record(first, lab.path)
    assert refused.value.refusal is Refusal.CHANGED
    assert [r.superseded for r in service.reports("S26-00003")] == [True]  # superseded by the amendment
    stored = lab.cases(None).load("S26-00003")
    assert stored is not None
    lab.signout.sign_out(lab.path2, "S26-00003", PASSWORDS["paul"], stored.version)
    prepared = service.prepare("S26-00003")
    assert (prepared.report_version, prepared.kind) == (2, "amended")
    words = pdf_text(prepared.pdf)
    assert "Amended report — version 2" in words
    assert "wrong block recorded at entry" in words
    assert "Electronically amended Dr Pia Path (pia)" in words
    assert "Electronically signed out Dr Paul Path (paul)" in words
    assert "Page 1 of" in words


def test_revision_0011_keeps_the_chain_of_existing_prints_and_chains_report_prints(lab: Lab) -> None:
    """Down to 0010 (no document column) with a handout print, then up: the chain still checks, the old
    print is still a handout, and a report printed afterwards is chained too."""
    _enter_and_sign_out(lab, "S26-00004")
    handouts = HandoutService(lab.database)
    handouts.record(handouts.prepare("S26-00004", "en"), lab.path)
    with lab.database.write_engine.begin() as connection:
        migrate.downgrade(connection, "0010")
        assert "document" not in {c["name"] for c in inspect(connection).get_columns("handout_print")}
        migrate.upgrade(connection)
    assert check_record(lab.database).problems == []
    assert len(lab.signout.handouts("S26-00004")) == 1
    service = ReportService(lab.database)
    service.record(service.prepare("S26-00004"), lab.path)
    assert len(service.reports("S26-00004")) == 1
    assert len(lab.signout.handouts("S26-00004")) == 1
    assert check_record(lab.database).problems == []
