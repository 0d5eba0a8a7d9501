"""The handout's variants, each read back from the real PDF: paper, large print, metadata, the picture of
the result and the handout's own language in every fixed line."""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from support.handout_cases import (
    EXPECTED_LINES,
    GROUP_SITES,
    OUTCOMES,
    dual_ish,
    flat,
    make_entry,
    pdftotext_text,
    request_for,
)

from her2desk.domain.vocabulary import ScoringCriteria, Site
from her2desk.handout import build_content, render_handout

PAPER_POINTS = {"a4": (595, 842), "letter": (612, 792)}
MARKER = "\u25c0"


def _reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _modes(outcome: str) -> list[dict[str, object]]:
    """Every handout the workflow can ask for with this result: a corrected page only for a final one
    (an open result is never signed out, so never corrected)."""
    status, _descriptor = OUTCOMES[outcome]
    modes: list[dict[str, object]] = [{}, {"preliminary": True}]
    if status is not None and status.is_final:
        modes.append({"corrected_on": date(2026, 3, 20)})
    return modes


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_status_and_language_is_one_page_on_both_papers(paper: str, language: str) -> None:
    too_long = []
    for outcome, site, ish in itertools.product(OUTCOMES, [*GROUP_SITES.values(), Site.OVARY], [False, True]):
        entry = make_entry(
            site, family="Ångström-Łukasiewicz", given="Zoë", ish=dual_ish("6.2", "2.0") if ish else None
        )
        for mode in _modes(outcome):
            request = replace(
                request_for(outcome, site, language, entry=entry, **mode),  # type: ignore[arg-type]
                paper=paper,
                record_digest="sha256:" + "ab" * 32,
                record_position=1234,
            )
            reader = _reader(render_handout(request))
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == PAPER_POINTS[paper]
            if len(reader.pages) != 1:
                too_long.append((outcome, site.value, ish, mode))
    assert too_long == []


def test_the_paper_is_the_one_asked_for_and_a4_is_the_default() -> None:
    request = request_for("positive")
    assert request.paper == "a4"
    for paper, points in PAPER_POINTS.items():
        box = _reader(render_handout(replace(request, paper=paper))).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == points
    with pytest.raises(ValueError, match="paper: 'legal' is not allowed"):
        replace(request, paper="legal")


def _sizes(pdf: bytes) -> dict[str, float]:
    """Every drawn text chunk of the first page with the size it is drawn at (font size x text matrix)."""
    sizes: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[text.strip()] = max(sizes.get(text.strip(), 0), size * abs(tm[3]) * abs(cm[3] or 1))

    _reader(pdf).pages[0].extract_text(visitor_text=visit)
    return sizes


BODY_START = {"en": "HER2 is a protein on the outside of some cells.", "es": "HER2 es una proteína"}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_large_print_has_a_body_of_14_points_the_same_words_and_at_most_two_pages(
    language: str, paper: str
) -> None:
    for outcome in OUTCOMES:
        request = replace(request_for(outcome, language=language), paper=paper)
        normal, large = render_handout(request), render_handout(replace(request, large_print=True))
        body = [size for text, size in _sizes(large).items() if text.startswith(BODY_START[language])]
        normal_body = [size for text, size in _sizes(normal).items() if text.startswith(BODY_START[language])]
        assert body, "the body sentence was not found on the first page"
        assert min(body) >= 14
        assert max(normal_body) < 14  # the check can tell them apart
        assert len(_reader(large).pages) <= 2
        # The same content: every sentence of the normal page is on the large-print one.
        content = build_content(request)
        large_text = pdftotext_text(large)
        for line in content.main_text().split("\n"):
            if not line.startswith(("Picture", "Dibujo")):  # invisible, one line: checked below
                for sentence in re.split(r"(?<=[.?!])\s+", line):
                    assert flat(sentence).rstrip(".") in large_text, sentence
        assert content.picture.description in large_text


@pytest.mark.parametrize("language", ["en", "es"])
def test_metadata_keeps_title_subject_and_language_and_names_the_lab_as_author(language: str) -> None:
    request = request_for("negative-low", language=language)
    content = build_content(request)
    reader = _reader(render_handout(request))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == content.title
    assert meta.subject == content.subject
    assert meta.author == "Northside Demo Pathology"
    assert meta.creator == "her2desk"
    assert reader.trailer["/Root"]["/Lang"] == language
    expected = {"en": ("Your HER2 test result", "HER2 tumor marker"), "es": ("Su resultado", "marcador")}[
        language
    ]
    assert meta.title.startswith(expected[0])
    assert expected[1] in (meta.subject or "")


def test_without_a_lab_name_the_author_is_the_lab_in_words_not_the_program() -> None:
    from her2desk.handout import LabContact

    for language, words in (("en", "the pathology lab"), ("es", "el laboratorio")):
        request = request_for("positive", language=language, lab=LabContact())
        meta = _reader(render_handout(request)).metadata
        assert meta is not None
        assert meta.author is not None
        assert words in meta.author.lower()
        assert "her2desk" not in meta.author


def picture_reading(pdf: bytes) -> tuple[str, str]:
    """(the label of the marked box, the marker words) as drawn on the first page.

    The marker ("◀ Your result") is drawn inside the marked box, right of its label; the boxes' labels
    are drawn at the same height. The marked label is the rightmost label left of the marker.
    """
    chunks: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            chunks.append((text.strip(), x, y))

    _reader(pdf).pages[0].extract_text(visitor_text=visit)
    markers = [c for c in chunks if c[0].startswith(MARKER)]
    assert len(markers) == 1, markers
    marker, mx, my = markers[0]
    row = [c for c in chunks if abs(c[2] - my) < 2 and c[1] < mx and not c[0].startswith(MARKER)]
    assert row, "no label on the marker's row"
    return max(row, key=lambda c: c[1])[0], marker


PICTURE_LABELS = {
    "en": {"positive": "HER2-positive", "negative": "HER2-negative", "not-final": "Not final yet",
           "indeterminate": "Could not be determined"},
    "es": {"positive": "HER2 positivo", "negative": "HER2 negativo", "not-final": "Todavía no es definitivo",
           "indeterminate": "No se pudo determinar"},
}  # fmt: skip


def _expected_label(outcome: str, language: str) -> str:
    labels = PICTURE_LABELS[language]
    if outcome.startswith("negative"):
        return labels["negative"]
    if outcome in ("equivocal", "pending", "adjudication"):
        return labels["not-final"]
    return labels[outcome]


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_picture_marks_the_box_the_result_line_names(language: str, large_print: bool) -> None:
    for outcome in OUTCOMES:
        for mode in _modes(outcome):
            request = replace(request_for(outcome, language=language, **mode), large_print=large_print)  # type: ignore[arg-type]
            pdf = render_handout(request)
            label, marker = picture_reading(pdf)
            content = build_content(request)
            assert label == _expected_label(outcome, language), (outcome, mode)
            # The picture agrees with the bold line: the line names the marked box's result.
            assert label.lower() in content.result_line.lower(), (outcome, mode, content.result_line)
            if mode.get("preliminary") and content.result_kind.is_final_answer:
                early = {"en": "Early result", "es": "Resultado preliminar"}[language]
                assert early in marker
                assert early in content.result_line
            # And its description is in the text layer, after the result line, in words.
            text = pdftotext_text(pdf)
            assert content.picture.description in text
            line_at = text.index(flat(content.result_line))
            assert line_at < text.index(content.picture.description)
    if language == "en":
        assert EXPECTED_LINES[("en", "positive")] == "Your result: HER2-positive"


def test_a_final_page_has_no_not_final_box() -> None:
    for language in ("en", "es"):
        for outcome in ("positive", "negative", "negative-low"):
            text = pdftotext_text(render_handout(request_for(outcome, language=language)))
            assert PICTURE_LABELS[language]["not-final"].lower() not in text.lower()
        pending = pdftotext_text(render_handout(request_for("pending", language=language)))
        assert PICTURE_LABELS[language]["not-final"] in pending


ENGLISH_IN_RECORDS = ["affirmed", "breast", "gastroesophageal adenocarcinoma", "applied to", "site-specific"]


@pytest.mark.parametrize(
    ("site", "criteria", "spanish"),
    [
        (Site.BREAST, None, "ASCO/CAP 2018 (ratificada en 2023), mama"),
        (Site.STOMACH, None, "CAP/ASCP/ASCO 2016, adenocarcinoma gastroesofágico"),
        (Site.PANCREAS, ScoringCriteria.BREAST, "aplicados a páncreas (sin guía propia)"),
        (Site.PANCREAS, ScoringCriteria.GASTROESOPHAGEAL, "criterios gastroesofágicos de CAP/ASCP/ASCO 2016"),
        (Site.BLADDER, None, "Sin guía propia para vejiga; no se eligieron criterios"),
    ],
)
def test_a_spanish_handout_names_the_guideline_in_spanish(
    site: Site, criteria: ScoringCriteria | None, spanish: str
) -> None:
    entry = make_entry(site)
    entry = replace(entry, specimen=replace(entry.specimen, scoring_criteria=criteria))
    text = pdftotext_text(render_handout(request_for("negative-low", site, "es", entry=entry)))
    assert spanish in text
    for english in ENGLISH_IN_RECORDS:
        assert english not in text, english
    assert "negativo, HER2 bajo (HER2-low)" in text  # the descriptor in Spanish too
    english = pdftotext_text(render_handout(request_for("negative-low", site, "en", entry=entry)))
    assert "negative (HER2-low)" in english
