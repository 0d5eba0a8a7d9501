"""The shipped TrueType fonts, registered once, and which characters they can print.

DejaVu Sans covers Latin (incl. Vietnamese), Greek and Cyrillic; Droid Sans Fallback adds Chinese and
Japanese; NanumGothic adds Korean Hangul. All are TrueType outlines, which reportlab can embed (the
CFF-based Noto CJK fonts it cannot). A character no shipped font has is reported, never drawn as an
empty box: `missing_characters()` is what the GUI calls to warn before printing.

Right-to-left letters (Hebrew, Arabic) are printed in display order with Arabic letters joined
(`bidi.display_order`, before the font runs are chosen); DejaVu Sans has the Hebrew letters, the Arabic
letters and the joined forms standard Arabic needs (Presentation Forms-B). A joined form it lacks (most
of Presentation Forms-A: some Persian and Urdu letters' forms) is reported like any missing character.

Fonts are registered as `subsets.RememberingFont`: reportlab's TTFont, with each distinct embedded
subset made once per process instead of once per handout.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from her2desk.handout.bidi import display_order, has_right_to_left
from her2desk.handout.resources import font_path
from her2desk.handout.subsets import remembering_font

REGULAR = "Her2Sans"
BOLD = "Her2Sans-Bold"
FALLBACK = "Her2Fallback"
HANGUL = "Her2Hangul"

FONT_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
    HANGUL: "NanumGothic.ttf",
}

# Fonts tried in order for one run of text; a bold glyph DejaVu Bold lacks falls back to regular.
CHAINS = {
    REGULAR: (REGULAR, FALLBACK, HANGUL),
    BOLD: (BOLD, REGULAR, FALLBACK, HANGUL),
}

REPLACEMENT = "\ufffd"  # drawn instead of a character no shipped font has

_lock = threading.Lock()


@cache
def _register() -> None:
    for name, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(remembering_font(name, str(font_path(file_name))))
    # Let <b> inside a paragraph find the bold face.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    addMapping(FALLBACK, 1, 0, FALLBACK)
    addMapping(HANGUL, 1, 0, HANGUL)


def register_fonts() -> None:
    """Register the shipped fonts with reportlab (thread-safe, done once per process)."""
    with _lock:
        _register()


@cache
def coverage(font_name: str) -> frozenset[int]:
    """Code points the font has a glyph for."""
    register_fonts()
    font = cast(TTFont, pdfmetrics.getFont(font_name))  # the handout registers only TrueType fonts
    face = font.face
    return frozenset(face.charToGlyph)


def is_printable(char: str) -> bool:
    """True if some shipped font draws `char`, or it needs no glyph (spaces, line breaks)."""
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
        return True
    code = ord(char)
    return any(code in coverage(name) for name in CHAINS[REGULAR])


def missing_characters(texts: str | Iterable[str]) -> list[str]:
    """Characters in `texts` that no shipped font can print, each once, in order of appearance; for
    right-to-left text, also the joined (presentation) forms drawn in its place."""
    joined = unicodedata.normalize("NFC", texts if isinstance(texts, str) else "".join(texts))
    chars = dict.fromkeys(joined)  # each character once: a handout has thousands, of a hundred kinds
    if has_right_to_left("".join(chars)):
        chars = dict.fromkeys(joined + display_order(joined))
    return [char for char in chars if not is_printable(char)]


def describe(chars: Iterable[str]) -> str:
    """'U+1F9EA TEST TUBE' for each character: readable even though the glyph cannot be shown."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}" for c in chars)


def font_for(char: str, base: str) -> str | None:
    """The first font of `base`'s chain that has `char`, or None if none has it."""
    code = ord(char)
    for name in CHAINS[base]:
        if code in coverage(name):
            return name
    return None
