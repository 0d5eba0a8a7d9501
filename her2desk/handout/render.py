"""The handout's front door: one request in, PDF bytes out, plus the check the GUI runs before printing."""

from __future__ import annotations

from her2desk.handout.content import HandoutContent, build_content
from her2desk.handout.fonts import REPLACEMENT, describe, missing_characters
from her2desk.handout.layout import Geometry, build_pdf
from her2desk.handout.request import HandoutRequest
from her2desk.handout.texts import load_texts


def unprintable_characters(request: HandoutRequest) -> list[str]:
    """Characters of this handout no shipped font can print (empty when all is well).

    The GUI calls this to warn before printing; the page itself also says so in a boxed note.
    """
    return missing_characters(build_content(request).all_text())


def missing_glyph_notice(content: HandoutContent, missing: list[str]) -> str | None:
    if not missing:
        return None
    texts = load_texts(content.language)
    return texts.text("labels.missing_glyphs", characters=describe(missing), symbol=REPLACEMENT)


def render_handout(request: HandoutRequest) -> bytes:
    """The patient handout for one case as PDF bytes.

    Raises HandoutRefusedError when the case has no result (input errors), UnknownLanguageError for a
    language without texts. The same request always gives the same bytes (printed_on included).
    """
    content = build_content(request)
    notice = missing_glyph_notice(content, missing_characters(content.all_text()))
    return build_pdf(content, notice, geometry=Geometry(request.paper, request.large_print))
