"""The patient handout: (case, reported result, language) -> a plain-language PDF, with reportlab.

Public API: `render_handout(HandoutRequest) -> bytes`; `unprintable_characters(request)` for the GUI's
pre-print warning and `missing_characters(text)` to check a name as it is typed; `build_content(request)`
for the words without the PDF; `batch.write_handouts` for many at once. Imports the domain only.
Rendering is safe from a worker thread (fonts are registered once under a lock; no Qt).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Exports load on first use (PEP 562) so that `her2desk handout --help`, and the parser every command
# builds, can read LANGUAGES without importing reportlab.
_EXPORTS = {
    "HandoutContent": "content",
    "ResultKind": "content",
    "build_content": "content",
    "result_kind": "content",
    "missing_characters": "fonts",
    "render_handout": "render",
    "unprintable_characters": "render",
    "HandoutRefusedError": "request",
    "HandoutRequest": "request",
    "LabContact": "request",
    "LANGUAGES": "texts",
    "UnknownLanguageError": "texts",
}

if TYPE_CHECKING:
    from her2desk.handout.content import HandoutContent, ResultKind, build_content, result_kind
    from her2desk.handout.fonts import missing_characters
    from her2desk.handout.render import render_handout, unprintable_characters
    from her2desk.handout.request import HandoutRefusedError, HandoutRequest, LabContact
    from her2desk.handout.texts import LANGUAGES, UnknownLanguageError


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'her2desk.handout' has no attribute {name!r}")
    return getattr(importlib.import_module(f"her2desk.handout.{module}"), name)


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
