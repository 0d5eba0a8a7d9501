"""The handout's speed-ups change no byte of what reportlab would have drawn, and are really used."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate
from support.handout_cases import GROUP_SITES, make_entry, request_for

from her2desk.handout import layout, render_handout
from her2desk.handout.fonts import BOLD, REGULAR, register_fonts
from her2desk.handout.paragraphs import PARSED, WRAP_STATE, WRAPPED, RememberedParagraph
from her2desk.handout.resources import font_path
from her2desk.handout.subsets import remembering_font

REQUESTS = {
    "en positive": lambda: request_for("positive"),
    "es gastro pending preliminary": lambda: request_for(
        "pending", GROUP_SITES["gastro"], "es", preliminary=True
    ),
    "corrected, Cyrillic name": lambda: request_for(
        "negative-low", corrected_on=date(2026, 3, 20), entry=make_entry(family="Петрова", given="Ольга")
    ),
    "CJK and Korean name": lambda: request_for(
        "positive", entry=make_entry(family="王芳 김민지", given="Zoë")
    ),
    "200-letter name": lambda: request_for("negative", entry=make_entry(family="X" * 200, given="")),
}


def _clear_caches() -> None:
    register_fonts()
    PARSED.clear()
    WRAPPED.clear()
    for name in (REGULAR, BOLD):
        pdfmetrics.getFont(name).face.subsets.clear()  # type: ignore[attr-defined]


@pytest.mark.parametrize("label", REQUESTS)
def test_remembered_paragraphs_give_the_same_bytes_as_plain_ones(
    label: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = REQUESTS[label]()
    _clear_caches()
    cold = render_handout(request)
    warm = render_handout(request)
    with monkeypatch.context() as patch:
        patch.setattr(layout, "RememberedParagraph", Paragraph)
        plain = render_handout(request)
    assert cold == warm == plain


def test_a_paragraph_split_over_pages_is_the_same_as_a_plain_one() -> None:
    style = layout.styles().body
    text = " ".join(f"Sentence {i} of a very long paragraph that goes over pages." for i in range(400))

    def build(kind: type[Paragraph]) -> bytes:
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build([kind(text, style), kind(text, style)])
        return buffer.getvalue()

    plain = build(Paragraph)
    assert len(PdfReader(io.BytesIO(plain)).pages) > 2
    assert build(RememberedParagraph) == build(RememberedParagraph) == plain


def test_wrap_sets_nothing_the_cache_does_not_restore() -> None:
    """Guards a reportlab upgrade: a new attribute set by Paragraph.wrap must be added to WRAP_STATE."""
    for bullet in (None, "•"):
        paragraph = Paragraph("Some <b>bold</b> and plain words " * 20, layout.styles().bullet, bullet)
        before = set(vars(paragraph))
        paragraph.wrap(300, 800)
        assert set(vars(paragraph)) - before <= set(WRAP_STATE)


def _font_files(pdf: bytes) -> list[bytes]:
    files = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is not None:
                files.append(descriptor.get_object()["/FontFile2"].get_object().get_data())
    return files


def test_remembered_font_subsets_are_the_files_reportlab_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(font_path("DejaVuSans.ttf"))
    # reportlab quietly aliases a second font of an already registered face to the first one; register
    # each of these with an empty face registry so that each name really gets its own font object.
    monkeypatch.setattr(pdfmetrics, "_dynFaceNames", {})
    pdfmetrics.registerFont(TTFont("SpeedTestStock", path))
    monkeypatch.setattr(pdfmetrics, "_dynFaceNames", {})
    pdfmetrics.registerFont(remembering_font("SpeedTestRemembering", path))
    remembering = pdfmetrics.getFont("SpeedTestRemembering").face
    assert pdfmetrics.getFont("SpeedTestStock").face is not remembering

    def pdf(font: str, text: str) -> bytes:
        buffer = io.BytesIO()
        canvas = Canvas(buffer, invariant=1)
        canvas.setFont(font, 12)
        canvas.drawString(50, 700, text)
        canvas.save()
        return buffer.getvalue()

    for text in ("Zoë Ångström-Łukasiewicz", "Ольга Петрова", "Zoë Ångström-Łukasiewicz"):
        stock = pdf("SpeedTestStock", text)
        assert len(_font_files(stock)) == 1
        assert pdf("SpeedTestRemembering", text) == stock
    assert (remembering.subsets.misses, remembering.subsets.hits) == (2, 1)  # type: ignore[attr-defined]
    objects = pdfmetrics.getFont("SpeedTestRemembering").objects  # type: ignore[attr-defined]
    assert (objects.misses, objects.hits) == (2, 1)


def test_handouts_reuse_subsets_and_paragraphs() -> None:
    """Two handouts whose names add no new letter: the second makes no font subset and parses only its
    own texts (a speed-up that silently stopped working would fail here, not only in the benchmark)."""
    _clear_caches()
    render_handout(request_for("positive", entry=make_entry(family="Smith", given="Anna")))
    faces = [pdfmetrics.getFont(name).face for name in (REGULAR, BOLD)]
    made = [face.subsets.misses for face in faces]  # type: ignore[attr-defined]
    parsed = PARSED.misses
    render_handout(request_for("positive", entry=make_entry(family="Jones", given="Mary")))
    assert [face.subsets.misses for face in faces] == made  # type: ignore[attr-defined]
    assert PARSED.misses - parsed <= 4  # the footer line, and what names the patient
    assert PARSED.hits > 20


def _embedded(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if font.get("/FontDescriptor") is not None:
                names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("Smith", {"DejaVuSans", "DejaVuSans-Bold"}),
        ("Nguyễn Ångström", {"DejaVuSans", "DejaVuSans-Bold"}),
        ("王芳", {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"}),
        ("김민지", {"DejaVuSans", "DejaVuSans-Bold", "NanumGothic"}),
    ],
)
def test_fallback_fonts_are_embedded_only_when_a_name_needs_them(family: str, expected: set[str]) -> None:
    pdf = render_handout(request_for("positive", entry=make_entry(family=family, given="")))
    assert _embedded(pdf) == expected
