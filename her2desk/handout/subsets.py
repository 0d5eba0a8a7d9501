"""Embedded font subsets made once per distinct subset, not once per handout.

reportlab embeds, for every document, a subset of each TrueType font it used: it builds a new font
file from the glyphs of the characters drawn (`makeSubset`) and compresses it. For DejaVu Sans that
is a 36 kB file and about a sixth of a handout's time, and it is the same file whenever the same
characters were drawn in the same order: every handout embeds the printable ASCII block plus the other
characters in order of first use, so handouts in one language whose names add no new letter (or the
same ones) embed byte-identical subsets. `RememberingFace` keeps the last subsets made (as built and
as compressed) keyed by that exact character list, so the file in the PDF is the one reportlab would
have written (tests/handout/test_handout_speed.py compares them).

Only the font file is remembered; the per-document objects around it (font dictionary, widths,
ToUnicode map) are still made for each document as reportlab does.
"""

from __future__ import annotations

import zlib

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, TTFont, TTFontFace

from her2desk.handout.paragraphs import LruCache

SUBSETS_KEPT = 48  # per font; a DejaVu subset is ~36 kB raw + ~19 kB compressed


class _Compressed:
    """A Flate filter whose output is already known (reportlab's PDFZCompress would recompute it)."""

    pdfname = pdfdoc.PDFZCompress.pdfname

    def __init__(self, data: bytes) -> None:
        self.data = data

    def encode(self, text: bytes) -> bytes:
        return self.data


class RememberingFace(TTFontFace):
    """A TrueType face that remembers the subsets it made (raw and Flate-compressed)."""

    subsets: LruCache

    def _subset(self, subset: list[int]) -> tuple[bytes, bytes]:
        key = tuple(subset)
        made = self.subsets.get(key)
        if made is None:
            raw = self.makeSubset(subset)
            made = (raw, zlib.compress(raw))  # exactly what PDFZCompress.encode does
            self.subsets.put(key, made)
        return made

    def addSubsetObjects(self, doc: pdfdoc.PDFDocument, fontname: str, subset: list[int]) -> object:  # noqa: N802
        """reportlab's TTFontFace.addSubsetObjects, with the font file taken from the cache."""
        raw, compressed = self._subset(subset)
        font_file = pdfdoc.PDFStream()
        font_file.content = raw
        font_file.dictionary["Length1"] = len(raw)
        if doc.compression:
            font_file.filters = [_Compressed(compressed)]
        font_file_ref = doc.Reference(font_file, f"fontFile:{self.filename}({fontname})")
        flags = (self.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": "/FontDescriptor",
                "Ascent": self.ascent,
                "CapHeight": self.capHeight,
                "Descent": self.descent,
                "Flags": flags,
                "FontBBox": pdfdoc.PDFArray(self.bbox),
                "FontName": pdfdoc.PDFName(fontname),
                "ItalicAngle": self.italicAngle,
                "StemV": self.stemV,
                "FontFile2": font_file_ref,
                "MissingWidth": self.defaultWidth,
            }
        )
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)


def remembering_font(name: str, path: str) -> TTFont:
    """A reportlab TTFont whose face remembers its subsets.

    TTFont builds its own TTFontFace in its constructor; the face is given the subclass afterwards
    (it adds behaviour only, no state of its own but the cache).
    """
    font = TTFont(name, path)
    font.face.__class__ = RememberingFace
    font.face.subsets = LruCache(SUBSETS_KEPT)
    return font
