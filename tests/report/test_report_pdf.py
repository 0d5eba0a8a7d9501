"""The synoptic report read back from real PDFs (pdftotext and pypdf): every status x site x amendment,
the CAP elements where they apply, the signature block, the amended and preliminary marks, patient
identifiers on every page, and embedded fonts only."""

from __future__ import annotations

from dataclasses import replace

import pytest
from support.report_cases import (
    AMENDMENT_REASON,
    SITES,
    entry_for,
    pdf_fonts,
    pdftotext_pages,
    pypdf_pages,
    request_for,
)

from her2desk.domain.report_comments import HER2_LOW_2023, HER2_ULTRALOW
from her2desk.report import ReportRefusedError, build_report_content, render_report

STATUSES = {
    "positive": "HER2 POSITIVE",
    "negative": "HER2 NEGATIVE",
    "adjudicated-positive": "HER2 POSITIVE",
    "adjudicated-negative": "HER2 NEGATIVE",
}
COMMON = (
    "Primary site",
    "Specimen (procedure)",
    "Collection date",
    "Block tested A1",
    "Fixative 10% neutral buffered formalin",
    "Cold ischaemia time 25 minutes",
    "Fixation time 24 hours",
    "Antibody clone 4B5",
    "Test type FDA-approved / cleared",
    "Controls acceptable (stained as expected)",
    "IHC score",
    "Guideline",
    "Rules version her2desk-rules-",
    "Lab record check code: sha256:" + "ab" * 32 + " (record position 42)",
)
BREAST_ONLY = ("Breast, left",)
BIOPSY_ONLY = ("Biopsy criteria (CAP/ASCP/ASCO 2016)", "Fragments 6", "Fragments with tumour 4")
RESECTION_ONLY = ("Resection criteria (CAP/ASCP/ASCO 2016): membranous staining in >= 10% of tumour cells",)


def both_readings(pdf: bytes) -> list[tuple[str, list[str]]]:
    return [("pdftotext", pdftotext_pages(pdf)), ("pypdf", pypdf_pages(pdf))]


@pytest.mark.parametrize("amended", [False, True], ids=["original", "amended"])
@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("status", STATUSES)
def test_every_status_site_and_amendment(status: str, site: str, amended: bool) -> None:
    request = request_for(site, status, amended=amended)
    pdf = render_report(request)
    for reader, pages in both_readings(pdf):
        text = " ".join(pages)
        assert f"HER2 status (reported) {STATUSES[status]}" in text, reader
        for element in COMMON:
            assert element in text, (reader, element)
        for element in BREAST_ONLY:
            assert (element in text) is (site == "breast"), (reader, element)
        negative = STATUSES[status] == "HER2 NEGATIVE"
        assert ("HER2-low / ultralow descriptor" in text) is (site == "breast" and negative), reader
        # The percentage of stained cells scores breast and resection IHC; a biopsy is scored on a cluster.
        assert ("Tumour cells with membrane staining" in text) is (site != "stomach-biopsy"), reader
        for element in BIOPSY_ONLY:
            assert (element in text) is (site == "stomach-biopsy"), (reader, element)
        for element in RESECTION_ONLY:
            assert (element in text) is (site == "gej-resection"), (reader, element)
        assert "Electronically signed out Dr Pia Path (pia)" in text, reader
        assert ("Amended report — version 2" in text) is amended, reader
        assert (AMENDMENT_REASON in text) is amended, reader
        assert "PRELIMINARY" not in text, reader
        if amended:
            assert all("AMENDED REPORT · Report version 2 (amended)" in page for page in pages), reader
        else:
            assert "Final report" in text, reader
        adjudicated = status.startswith("adjudicated-")
        assert ("Guideline (engine) result ADJUDICATION" in text) is adjudicated, reader
        assert ("Adjudication reason Reviewed both counts with the IHC slide" in text) is adjudicated, reader
        assert ("Electronically adjudicated Dr Pia Path (pia)" in text) is adjudicated, reader
        if adjudicated:  # the ISH elements: probe, observers, cells, averages, ratio
            for element in ("Probe dual-probe (HER2/CEP17)", "Method FISH", "First count: cells counted 20"):
                assert element in text, (reader, element)
            assert "First count: HER2/CEP17 ratio" in text, reader
            assert ("First count: ISH group Group 4" in text) is (site == "breast"), reader
            assert ("Observers 2" in text) is (site == "breast"), reader
            assert ("Second observer (blinded) paul" in text) is (site == "breast"), reader
        else:
            assert "ISH not performed" in text, reader


@pytest.mark.parametrize(
    ("status", "descriptor", "comments"),
    [
        ("negative-low", "HER2-low", [HER2_LOW_2023]),
        ("negative-ultralow", "HER2-ultralow", [HER2_LOW_2023, HER2_ULTRALOW]),
        ("negative-null", "HER2-null", [HER2_LOW_2023]),  # the 2023 comment on IHC 0 vs 1+
        ("adjudicated-negative", "HER2-low", [HER2_LOW_2023]),
    ],
)
def test_breast_negative_descriptors_and_their_comments(
    status: str, descriptor: str, comments: list[str]
) -> None:
    request = request_for("breast", status)
    content = build_report_content(request)
    texts = content.all_text()
    assert descriptor in texts
    for comment in (HER2_LOW_2023, HER2_ULTRALOW):
        assert (comment in texts) is (comment in comments), comment
    pdf = render_report(request)
    for reader, pages in both_readings(pdf):
        text = " ".join(pages)
        assert f"HER2-low / ultralow descriptor {descriptor}" in text, reader
        if comments:
            assert " ".join(comments[-1].split())[:80] in text, reader


def test_an_adjudicated_positive_drops_the_descriptor_comments_of_the_engine() -> None:
    request = request_for("breast", "adjudicated-positive")
    engine = replace(request.interpretation, comments=(HER2_LOW_2023,))
    content = build_report_content(replace(request, interpretation=engine))
    assert HER2_LOW_2023 not in content.all_text()


def test_a_preliminary_report_is_marked_on_every_page_and_never_final() -> None:
    long_reason = "Recount requested. " * 200  # several pages
    request = request_for("breast", "equivocal", preliminary=True, amended=True, amendment_reason=long_reason)
    pdf = render_report(request)
    for reader, pages in both_readings(pdf):
        assert len(pages) >= 2, reader
        for page in pages:
            assert "PRELIMINARY — NOT FINAL" in page, reader
        text = " ".join(pages)
        assert "HER2 EQUIVOCAL — not final" in text, reader
        assert "Next step Reflex ISH on the same specimen" in text, reader
        assert "Final report" not in text, reader
        assert "Electronically signed out" not in text, reader
        assert "Not signed out: this is not a final report" in text, reader


def test_patient_identifiers_and_page_numbers_on_every_page_of_a_long_report() -> None:
    entry = entry_for("breast", "adjudicated-positive", family="Петрова-王", given="Zoë")
    request = request_for("breast", "adjudicated-positive", amended=True, entry=entry)
    request = replace(request, amendment_reason="Corrected after review. " * 400)
    pdf = render_report(request)
    for reader, pages in both_readings(pdf):
        assert len(pages) >= 3, reader
        for number, page in enumerate(pages, start=1):
            assert "Patient: Петрова-王, Zoë" in page, reader
            assert "MRN: DEMO000077" in page, reader
            assert "Birth date: 1958-07-01" in page, reader
            assert f"Accession: {entry.accession}" in page, reader
            assert f"Page {number} of {len(pages)}" in page, reader


@pytest.mark.parametrize("preliminary", [False, True], ids=["final", "preliminary"])
@pytest.mark.parametrize("amended", [False, True], ids=["original", "amended"])
def test_every_font_is_embedded(preliminary: bool, amended: bool) -> None:
    entry = entry_for("breast", "negative-low", family="王芳", given="Zoë")
    status = "equivocal" if preliminary else "negative-low"
    pdf = render_report(request_for("breast", status, preliminary=preliminary, amended=amended, entry=entry))
    fonts = pdf_fonts(pdf)
    assert fonts
    assert [name for name, embedded in fonts if not embedded] == []
    assert {name.split("+")[-1] for name, _ in fonts} >= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DroidSansFallback",
    }


def test_markup_in_a_name_is_printed_not_obeyed() -> None:
    entry = entry_for("breast", "positive", family="O'Brien <b>&amp;", given="<i>x</i>")
    text = " ".join(pdftotext_pages(render_report(request_for("breast", "positive", entry=entry))))
    assert "Patient: O'Brien <b>&amp;, <i>x</i>" in text


def test_a_case_without_a_result_or_an_amendment_without_a_reason_is_refused() -> None:
    request = request_for("breast", "positive")
    with pytest.raises(ReportRefusedError, match="no result"):
        render_report(replace(request, reported=replace(request.reported, status=None)))
    with pytest.raises(ReportRefusedError, match="no reason"):
        render_report(replace(request, report_version=2, amendment_reason="  "))


def test_same_request_gives_the_same_bytes() -> None:
    request = request_for("gej-resection", "adjudicated-negative", amended=True)
    assert render_report(request) == render_report(request)
