"""Every glyph of every handout variant is drawn in a font embedded in the file.

A font that is only named (reportlab's Helvetica, for a bullet or a table cell) depends on the reader's
substitution and keeps the file from being archived as PDF/A. Poppler's `pdffonts` is the judge.
"""

from __future__ import annotations

from datetime import date

import pytest
from support.handout_cases import make_entry, pdf_fonts, request_for

from her2desk.handout import render_handout
from her2desk.handout.texts import LANGUAGES

VARIANTS = {
    "final": {"preliminary": False},
    "preliminary": {"preliminary": True},
    "corrected": {"preliminary": False, "corrected_on": date(2026, 3, 20)},
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_font_of_every_handout_variant_is_embedded(language: str, variant: str) -> None:
    # A name that needs the fallback font, and a result with bullets (the bullets were Helvetica).
    entry = make_entry(family="王芳", given="Zoë")
    pdf = render_handout(request_for("negative-low", language=language, entry=entry, **VARIANTS[variant]))
    fonts = pdf_fonts(pdf)
    assert fonts, "pdffonts listed no font at all"
    assert [name for name, embedded in fonts if not embedded] == []
    assert all("Helvetica" not in name for name, _ in fonts)
    assert {name.split("+")[-1] for name, _ in fonts} >= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DroidSansFallback",
    }
