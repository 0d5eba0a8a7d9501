"""The rendered PDF, read back by independent readers: pypdf, poppler's pdftotext and pdftoppm."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from support.barcode_reader import read_code128
from support.handout_cases import (
    EXPECTED_LINES,
    GROUP_SITES,
    NAMES,
    OUTCOMES,
    make_entry,
    pdftotext_text,
    pypdf_text,
    request_for,
)

from her2desk.handout import render_handout, unprintable_characters
from her2desk.handout.texts import LANGUAGES

KEY_SENTENCES = {
    "en": [
        "HER2 is a protein on the outside of some cells.",
        "IHC: a stain that shows how much HER2 protein is on the cancer cells.",
        "HER2 results can differ between parts of a tumor or between samples.",
        "Questions to ask your care team",
        "This page does not replace advice from your care team.",
        "For your records",
    ],
    "es": [
        "HER2 es una proteína que está por fuera de algunas células.",
        "IHC: una tinción que muestra cuánta proteína HER2",
        "Los resultados de HER2 pueden ser distintos",
        "Preguntas para su equipo médico",
        "Esta hoja no reemplaza los consejos de su equipo médico.",
        "Para sus archivos",
    ],
}
GROUP_SENTENCES = {
    ("en", "breast"): "Some breast cancers make too much HER2.",
    ("en", "gastro"): "Some cancers of the stomach and food pipe make too much HER2.",
    ("en", "other"): "Some cancers make too much HER2.",
    ("es", "breast"): "Algunos cánceres de mama producen demasiado HER2.",
    ("es", "gastro"): "Algunos cánceres del estómago y del esófago producen demasiado HER2.",
    ("es", "other"): "Algunos cánceres producen demasiado HER2.",
}
WRONG_FINAL_LINES = [line for (_, outcome), line in EXPECTED_LINES.items() if ":" in line]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("group", GROUP_SITES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_every_status_site_and_language_renders_its_result_line(
    outcome: str, group: str, language: str
) -> None:
    pdf = render_handout(request_for(outcome, GROUP_SITES[group], language))
    assert pdf.startswith(b"%PDF-")
    text = pypdf_text(pdf)
    assert EXPECTED_LINES[(language, outcome)] in text
    assert GROUP_SENTENCES[(language, group)] in text
    for sentence in KEY_SENTENCES[language]:
        assert sentence in text
    if outcome in ("equivocal", "pending", "adjudication", "indeterminate"):
        for line in WRONG_FINAL_LINES:
            assert line not in text


@pytest.mark.parametrize("name", NAMES)
def test_every_name_round_trips_through_text_extraction(name: str) -> None:
    entry = make_entry(family=name, given="")
    pdf = render_handout(request_for("positive", entry=entry))
    assert name in pypdf_text(pdf)
    assert name in pdftotext_text(pdf)
    assert unprintable_characters(request_for("positive", entry=entry)) == []


def test_family_and_given_names_are_printed_family_first() -> None:
    entry = make_entry(family="Ångström-Łukasiewicz", given="Zoë")
    assert "Ångström-Łukasiewicz, Zoë" in pdftotext_text(render_handout(request_for("positive", entry=entry)))


@pytest.mark.parametrize("name", ["<b>Bold</b> & <font name='x'>", "A&amp;B", "Tom &lt;3 <br/>"])
def test_markup_in_a_name_is_printed_not_obeyed(name: str) -> None:
    pdf = render_handout(request_for("negative", entry=make_entry(family=name, given="")))
    assert name in pdftotext_text(pdf)


def test_a_character_no_font_has_is_reported_not_printed_as_a_box() -> None:
    request = request_for("positive", entry=make_entry(family="Demo 🧪 ཀ Test", given=""))
    assert unprintable_characters(request) == ["🧪", "ཀ"]
    text = pdftotext_text(render_handout(request))
    assert "some letters on this page cannot be printed" in text
    assert "U+1F9EA TEST TUBE" in text
    assert "U+0F40 TIBETAN LETTER KA" in text
    assert "Demo \ufffd \ufffd Test" in text


def test_names_render_to_pixels_with_the_fallback_font(tmp_path: Path) -> None:
    """王芳 must be drawn (dark pixels), not left blank: compare with a page without the name."""
    with_name = render_handout(request_for("positive", entry=make_entry(family="王芳", given="")))
    without = render_handout(request_for("positive", entry=make_entry(family="", given="")))
    ink = []
    for label, pdf in (("with", with_name), ("without", without)):
        (tmp_path / f"{label}.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", f"{label}.pdf", label],
            cwd=tmp_path,
            check=True,
        )
        image = Image.open(tmp_path / f"{label}.png").convert("L")
        ink.append(sum(image.histogram()[:100]))
    assert ink[0] > ink[1] + 50


def test_pages_open_in_an_independent_renderer(tmp_path: Path) -> None:
    pdf = render_handout(request_for("pending", GROUP_SITES["gastro"], "es", preliminary=True))
    (tmp_path / "handout.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "handout.pdf", "page"], cwd=tmp_path, check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == len(PdfReader(io.BytesIO(pdf)).pages) >= 1
    for page in pages:
        image = Image.open(page)
        assert image.size[0] > 400
        assert image.size[1] > 600
        assert image.convert("L").getextrema()[0] < 50  # there is ink on the page


@pytest.mark.parametrize("accession", ["S26-01234", "GI-2026-000777", "X1"])
def test_accession_barcode_decodes_to_the_accession(tmp_path: Path, accession: str) -> None:
    pdf = render_handout(request_for("positive", entry=make_entry(accession=accession)))
    (tmp_path / "h.pdf").write_bytes(pdf)
    args = ["pdftoppm", "-png", "-r", "400", "-aa", "no", "-aaVector", "no", "-f", "1", "-l", "1"]
    subprocess.run([*args, "-singlefile", "h.pdf", "h"], cwd=tmp_path, check=True)
    assert read_code128(str(tmp_path / "h.png")) == accession


def test_no_barcode_when_the_accession_cannot_be_encoded(tmp_path: Path) -> None:
    pdf = render_handout(request_for("positive", entry=make_entry(accession="S26-王")))
    (tmp_path / "h.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "400", "-f", "1", "-l", "1", "-singlefile", "h.pdf", "h"],
        cwd=tmp_path,
        check=True,
    )
    assert read_code128(str(tmp_path / "h.png")) is None
    assert "S26-王" in pdftotext_text(pdf)


def test_preliminary_pages_are_marked_on_every_page() -> None:
    pdf = render_handout(request_for("positive", preliminary=True))
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert "PRELIMINARY — NOT FINAL" in " ".join(page.extract_text().split())
    text = pypdf_text(pdf)
    assert "Early result, not final yet: HER2-positive" in text
    assert "Your result: HER2-positive" not in text


def test_corrected_page_shows_the_date() -> None:
    text = pypdf_text(render_handout(request_for("negative", corrected_on=date(2026, 3, 20))))
    assert "Corrected result — March 20, 2026" in text
    assert "Corrected result: HER2-negative" in text


def test_same_request_gives_the_same_bytes() -> None:
    request = request_for("negative-low", language="es")
    assert render_handout(request) == render_handout(request)


def test_fonts_are_embedded() -> None:
    pdf = render_handout(request_for("positive", entry=make_entry(family="王芳", given="Zoë")))
    embedded = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"} <= embedded


def test_every_page_carries_the_name_and_accession() -> None:
    entry = make_entry(family="Петрова", given="Ольга", accession="S26-04444")
    pdf = render_handout(request_for("negative-low", corrected_on=date(2026, 3, 20), entry=entry))
    pages = PdfReader(io.BytesIO(pdf)).pages
    for number, page in enumerate(pages, start=1):
        text = " ".join(page.extract_text().split())
        assert f"Петрова, Ольга · S26-04444 · Page {number}" in text


def test_korean_names_use_the_hangul_font() -> None:
    request = request_for("positive", entry=make_entry(family="김민지", given=""))
    assert unprintable_characters(request) == []
    assert "김민지" in pdftotext_text(render_handout(request))


# Synthetic names: Hebrew; Arabic whose letters join (initial, medial, final forms and lam-alef).
RIGHT_TO_LEFT_NAMES = [("כהן", "שרה"), ("الحسيني", "ليلى"), ("عبدالله", "سلمى"), ("Levi-לוי", "Dana")]


def _reading_order(extracted: str) -> str:
    """Poppler's line in reading order: it writes each right-to-left word in its reading order (between
    RLE/PDF marks) and the words of a line left to right, as they stand on a left-to-right page; the
    words of one right-to-left run are read right to left. Arabic joined forms are read as the letters
    they join (NFKC)."""
    text = unicodedata.normalize("NFKC", extracted)
    runs = re.split(r"(\u202b[^\u202c]*\u202c(?:[ ,]*\u202b[^\u202c]*\u202c)*)", text)
    out = []
    for run in runs:
        if run.startswith("\u202b"):
            # Words keep their letters; the neutral separators between them are reversed with them.
            pieces = [word or sep[::-1] for word, sep in re.findall(r"\u202b([^\u202c]*)\u202c|([ ,]+)", run)]
            out.append("".join(reversed(pieces)).strip())
        else:
            out.append(run)
    return "".join(out)


@pytest.mark.parametrize(("family", "given"), RIGHT_TO_LEFT_NAMES)
def test_right_to_left_names_are_printed_and_read_back_in_reading_order(family: str, given: str) -> None:
    entry = make_entry(family=family, given=given)
    request = request_for("positive", entry=entry)
    assert unprintable_characters(request) == []
    pdf = render_handout(request)
    command = ["pdftotext", "-enc", "UTF-8", "-", "-"]
    done = subprocess.run(command, input=pdf, capture_output=True, check=True)
    extracted = done.stdout.decode("utf-8")
    assert "cannot be printed" not in extracted
    lines = [_reading_order(line) for line in extracted.splitlines()]
    name = entry.patient.display_name  # "family, given", as typed (logical order)
    assert any(name in line for line in lines), lines
    # Arabic is drawn joined: the page carries presentation forms, not the isolated letters.
    drawn = unicodedata.normalize("NFC", extracted)
    if any("\u0600" <= c <= "\u06ff" for c in family):
        assert any("\ufe70" <= c <= "\ufefc" for c in drawn)


def test_right_to_left_text_is_drawn_in_display_order() -> None:
    from her2desk.handout.bidi import display_order

    assert display_order("Zoë") == "Zoë"
    assert display_order("כהן, שרה") == "כהן, שרה"[::-1]  # one right-to-left run, drawn right to left
    assert display_order("Levi-לוי") == "Levi-יול"
    joined = display_order("ليلى")
    assert unicodedata.normalize("NFKC", joined)[::-1] == "ليلى"
    assert all("\ufe70" <= c <= "\ufefc" for c in joined)


def test_very_long_names_wrap_and_the_footer_stays_one_line() -> None:
    name = "X" * 200
    pdf = render_handout(request_for("negative", entry=make_entry(family=name, given="")))
    text = pypdf_text(pdf).replace(" ", "")
    assert name in text  # wrapped over several lines in the header, nothing lost
    assert "X" * 59 + "…·S26-01234·Page1" in text


def test_rendering_from_several_threads_keeps_each_handout_its_own() -> None:
    """The GUI renders in a worker thread; concurrent handouts must not mix names or glyphs."""
    from concurrent.futures import ThreadPoolExecutor

    names = [f"{name} {i}" for i, name in enumerate(NAMES * 3)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        pdfs = list(
            pool.map(
                lambda n: render_handout(request_for("positive", entry=make_entry(family=n, given=""))), names
            )
        )
    for name, pdf in zip(names, pdfs, strict=True):
        assert name in pdftotext_text(pdf)


def test_names_typed_with_combining_marks_print_as_the_composed_letters() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng")
    assert len(decomposed) > len("Nguyễn Thị Hồng")
    text = pdftotext_text(
        render_handout(request_for("positive", entry=make_entry(family=decomposed, given="")))
    )
    assert "Nguyễn Thị Hồng" in text  # NFC: one glyph per letter, both accents on the ễ
