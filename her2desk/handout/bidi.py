"""Right-to-left names (Arabic, Hebrew) in display order, with Arabic letters in their joined forms.

reportlab draws characters left to right, one glyph per character, with no shaping engine. So a name
in Hebrew or Arabic is turned into what the eye must see before it is placed: arabic-reshaper (MIT)
replaces each Arabic letter by its initial, medial, final or isolated presentation form (Unicode's
Arabic Presentation Forms-B, which DejaVu Sans has) and joins lam-alef; python-bidi (LGPL-3.0, used
unmodified as a separately installed library) applies the Unicode bidirectional algorithm to give the
left-to-right display order of a page whose own direction is left to right. Text readers (pdftotext,
screen readers) reorder such runs back into reading order; the joined forms read back as the same
letters under Unicode compatibility normalisation (NFKC).

The whole text is reordered at once, before reportlab breaks it into lines: right for names and other
single-line texts, which is where right-to-left text appears on the handout; a right-to-left run
broken across two lines would show its lines in the wrong order.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Any

RIGHT_TO_LEFT = ("R", "AL")


def has_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in RIGHT_TO_LEFT for char in text)


@cache
def _reshaper() -> Any:
    from arabic_reshaper import ArabicReshaper

    # Keep the vowel marks (a name's harakat are part of it; DejaVu Sans has them) and only the
    # lam-alef ligatures, which every Arabic text needs and DejaVu Sans has; the word ligatures
    # (e.g. "Allah") are in Presentation Forms-A, which it mostly lacks.
    return ArabicReshaper(
        configuration={"delete_harakat": False, "support_ligatures": True, "ARABIC LIGATURE ALLAH": False}
    )


@lru_cache(maxsize=1024)
def display_order(text: str) -> str:
    """`text` as drawn on a left-to-right page: unchanged unless it has right-to-left letters."""
    if not has_right_to_left(text):
        return text
    from bidi import get_display

    return str(get_display(_reshaper().reshape(text), base_dir="L"))
