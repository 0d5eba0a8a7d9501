"""Turn any text into safe reportlab paragraph markup, switching font per run of characters.

Paragraph text is XML-like markup, so a name such as `O'Brien <b>&` must be escaped or it is parsed
(or crashes the parser). After escaping, each run of characters the base font lacks is wrapped in a
<font> tag naming the fallback that has them; characters no font has become U+FFFD.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from her2desk.handout.bidi import display_order
from her2desk.handout.fonts import REPLACEMENT, coverage, font_for, is_printable


@lru_cache(maxsize=4096)  # most texts are the same words on every handout
def to_markup(text: str, base: str) -> str:
    """Markup for `text` in a paragraph whose style font is `base` (fonts.REGULAR or fonts.BOLD).

    Text is shown in NFC: a name typed with combining marks ('e' + U+0302 + U+0303, as some keyboards
    and macOS file names produce) gets the precomposed letter ('ễ'); reportlab cannot stack two
    combining marks itself, and the letters read the same either way.
    """
    text = display_order(unicodedata.normalize("NFC", text))  # right-to-left runs as they are seen
    base_glyphs = coverage(base)
    if all((ord(c) in base_glyphs and is_printable(c)) or c.isspace() for c in text):
        return escape(text)
    runs: list[tuple[str, str]] = []
    for char in text:
        font = base if char.isspace() else font_for(char, base)
        if font is None:
            font, char = base, REPLACEMENT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return "".join(
        escape(chunk) if font == base else f'<font face="{font}">{escape(chunk)}</font>'
        for font, chunk in runs
    )


def is_plain(text: str, base: str) -> bool:
    """True when `text` needs neither escaping nor another font: it can be drawn as a bare string."""
    return to_markup(text, base) == text
