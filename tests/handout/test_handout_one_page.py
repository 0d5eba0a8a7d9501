"""The handout is one sheet wherever the workflow can ask for it; where it cannot be, nothing is lost.

A tester found a corrected handout whose second page held only the records box, with a footer that said
"Page 1". Every handout the sign-out workflow can request (final, corrected, or preliminary: never
corrected and preliminary at once, see `HandoutRequest.for_stored_case`) must fit one page; the rest must
keep the records box whole, with the contact lines, and count the pages in the footer.
"""

from __future__ import annotations

import io
import itertools
from datetime import date

import pytest
from pypdf import PdfReader
from support.handout_cases import GROUP_SITES, OUTCOMES, dual_ish, flat, make_entry, request_for

from her2desk.handout import LabContact, render_handout

MODES = {
    "final": {},
    "corrected": {"corrected_on": date(2026, 3, 20)},
    "preliminary": {"preliminary": True},
}
PAGE_WORD = {"en": ("Page", "of"), "es": ("Página", "de")}
RECORDS = {"en": ("For your records", "Printed on"), "es": ("Para sus archivos", "Impreso el")}


def _pages(pdf: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def _entry(site: object, ish: bool):  # type: ignore[no-untyped-def]
    if not ish:
        return make_entry(site)  # type: ignore[arg-type]
    return make_entry(site, family="Ångström-Łukasiewicz", given="Zoë", ish=dual_ish("6.2", "2.0"))  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_handout_the_workflow_can_ask_for_is_one_page(mode: str, language: str) -> None:
    too_long = []
    for outcome, site, ish in itertools.product(OUTCOMES, GROUP_SITES.values(), [False, True]):
        request = request_for(outcome, site, language, entry=_entry(site, ish), **MODES[mode])
        pages = _pages(render_handout(request))
        if len(pages) != 1:
            too_long.append((outcome, site.value, ish, len(pages)))
            continue
        word, of = PAGE_WORD[language]
        assert f"{word} 1 {of} 1" in pages[0]
    assert too_long == []


def _check_records_whole(pages: list[str], language: str) -> None:
    heading, last_label = RECORDS[language]
    word, of = PAGE_WORD[language]
    holding = [i for i, text in enumerate(pages) if heading in text]
    assert len(holding) == 1
    records_page = pages[holding[0]]
    # The whole box on one page: its heading, its last row, and the contact lines above it.
    assert last_label in records_page
    assert records_page.index(heading) < records_page.index(last_label)
    contact = "Questions about this page" if language == "en" else "Preguntas sobre esta hoja"
    assert contact in records_page
    for number, text in enumerate(pages, start=1):
        assert f"{word} {number} {of} {len(pages)}" in text


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_handout_too_long_for_one_page_keeps_the_records_box_whole_and_counts_pages(language: str) -> None:
    lab = LabContact("Northside Demo Pathology", "phone 555-0100. " + "Desk open on weekdays. " * 60)
    entry = _entry(GROUP_SITES["breast"], ish=True)
    request = request_for("negative-low", language=language, entry=entry, lab=lab, preliminary=True)
    pages = _pages(render_handout(request))
    assert len(pages) == 2  # the long contact text really pushes the end over
    _check_records_whole(pages, language)


@pytest.mark.parametrize("outcome", ["negative-low", "negative-ultralow", "equivocal", "positive"])
def test_preliminary_and_corrected_at_once_keeps_the_records_box_whole(outcome: str) -> None:
    """Not a request the workflow makes, but the longest pages there are (Spanish, two banners)."""
    entry = _entry(GROUP_SITES["breast"], ish=True)
    request = request_for(
        outcome, language="es", entry=entry, preliminary=True, corrected_on=date(2026, 3, 20)
    )
    _check_records_whole(_pages(render_handout(request)), "es")
