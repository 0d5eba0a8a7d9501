"""The patient handout: (case, interpretation, language) -> a plain-language PDF, with reportlab.

Public API: `render_handout(HandoutRequest) -> bytes`, `unprintable_characters(request)` for the GUI's
pre-print warning, `build_content(request)` for the words without the PDF. Imports the domain only.
"""

from her2desk.handout.content import HandoutContent, ResultKind, build_content, result_kind
from her2desk.handout.render import render_handout, unprintable_characters
from her2desk.handout.request import HandoutRefusedError, HandoutRequest, LabContact
from her2desk.handout.texts import LANGUAGES, UnknownLanguageError

__all__ = [
    "LANGUAGES",
    "HandoutContent",
    "HandoutRefusedError",
    "HandoutRequest",
    "LabContact",
    "ResultKind",
    "UnknownLanguageError",
    "build_content",
    "render_handout",
    "result_kind",
    "unprintable_characters",
]
