"""The patient handout: (case, interpretation, language) -> a plain-language PDF, with reportlab.

Public API: `render_handout(HandoutRequest) -> bytes`; `unprintable_characters(request)` for the GUI's
pre-print warning and `missing_characters(text)` to check a name as it is typed; `build_content(request)`
for the words without the PDF; `batch.write_handouts` for many at once. Imports the domain only.
Rendering is safe from a worker thread (fonts are registered once under a lock; no Qt).
"""

from her2desk.handout.content import HandoutContent, ResultKind, build_content, result_kind
from her2desk.handout.fonts import missing_characters
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
    "missing_characters",
    "render_handout",
    "result_kind",
    "unprintable_characters",
]
