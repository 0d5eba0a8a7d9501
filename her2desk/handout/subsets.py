"""Embedded font subsets made once per distinct subset, not once per handout.

reportlab embeds, for every document, a subset of each TrueType font it used: it builds a new font
file from the glyphs of the characters drawn (`makeSubset`) and compresses it. For DejaVu Sans that
is a 36 kB file and about a sixth of a handout's time, and it is the same file whenever the same
characters were drawn in the same order: every handout embeds the printable ASCII block plus the other
characters in order of first use, so handouts in one language whose names add no new letter (or the
same ones) embed byte-identical subsets. `RememberingFace` keeps the last subsets made (as built and
as compressed) keyed by that exact character list; `RememberingFont` does the same for the two other
things made from that list alone, the widths array (written number by number) and the compressed
ToUnicode map. The PDF is byte for byte the one reportlab writes (tests/handout/test_handout_speed.py
compares them); the objects that name this document's fonts are still made for each document.
"""

from __future__ import annotations

import zlib
from typing import Any, cast

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    TTFontFace,
    makeToUnicodeCMap,
)

from her2desk.handout.paragraphs import LruCache

SUBSETS_KEPT = 48  # per font; a DejaVu subset is ~36 kB raw + ~19 kB compressed


class _Compressed:
    """A Flate filter whose output is already known (reportlab's PDFZCompress would recompute it)."""

    pdfname = pdfdoc.PDFZCompress.pdfname

    def __init__(self, data: bytes) -> None:
        self.data = data

    def encode(self, text: bytes) -> bytes:
        return self.data


class _Formatted(pdfdoc.PDFObject):
    """A PDF value whose serialisation is already known (the widths array of a remembered subset)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
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


class RememberingFont(TTFont):
    """reportlab's TTFont with a RememberingFace, and the widths and ToUnicode map of each subset kept.

    `addObjects` is reportlab's own (ttfonts.TTFont.addObjects, reportlab 4-5), with those two taken
    from the cache; the byte-for-byte test against a plain TTFont guards a reportlab upgrade.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        # TTFont builds its own TTFontFace; give it the subclass (behaviour only, plus the cache).
        self.face.__class__ = RememberingFace
        cast(RememberingFace, self.face).subsets = LruCache(SUBSETS_KEPT)
        self.objects = LruCache(SUBSETS_KEPT)

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802
        try:
            state = self.state[doc]
        except KeyError:
            # set by TTFont.__init__; the stubs leave reportlab's private attributes out
            state = self.state[doc] = TTFont.State(self._asciiReadable)  # type: ignore[attr-defined]
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            # reportlab writes every attribute set on a font object as a PDF key; the stubs name none.
            pdf_font: Any = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            key = (base_font_name, tuple(subset), rl_config.pdfMultiLine)
            made = self.objects.get(key)
            if made is None:
                widths = pdfdoc.PDFArray(list(map(face.getCharWidth, subset))).format(doc)
                cmap = makeToUnicodeCMap(base_font_name, subset)
                made = (widths, cmap, pdfdoc.PDFZCompress.encode(cmap))
                self.objects.put(key, made)
            widths, cmap, compressed_cmap = made
            pdf_font.Widths = _Formatted(widths)
            cmap_stream = pdfdoc.PDFStream()
            cmap_stream.content = cmap
            if doc.compression:
                cmap_stream.filters = [_Compressed(compressed_cmap)]
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = face.addSubsetObjects(doc, base_font_name, subset)
            doc.Reference(pdf_font, internal_name)
            fonts = cast(pdfdoc.PDFDictionary, doc.idToObject["BasicFonts"])  # the document's font map
            fonts.dict[internal_name] = pdf_font
        del self.state[doc]


def remembering_font(name: str, path: str) -> TTFont:
    """A reportlab TTFont that remembers what it made for each distinct subset."""
    return RememberingFont(name, path)
