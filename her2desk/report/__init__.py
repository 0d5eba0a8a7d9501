"""The synoptic HER2 report for the chart: (case version, reported result, signatures) -> a PDF.

The report is what the oncologist files: the CAP breast biomarker template's HER2 elements (or their
gastroesophageal equivalents), the reported result beside the guideline's own when they differ, the
guideline comments, the electronic signatures and the record check code. Public API:
`render_report(ReportRequest) -> bytes` and `build_report_content(request)` for the words without the
PDF. Imports the domain, and the handout's fonts and text markup so both documents print every name
the same way in embedded TrueType fonts; never the store or the services.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "ReportContent": "content",
    "build_report_content": "content",
    "render_report": "layout",
    "ReportRefusedError": "request",
    "ReportRequest": "request",
    "Signature": "request",
}

if TYPE_CHECKING:
    from her2desk.report.content import ReportContent, build_report_content
    from her2desk.report.layout import render_report
    from her2desk.report.request import ReportRefusedError, ReportRequest, Signature


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'her2desk.report' has no attribute {name!r}")
    return getattr(importlib.import_module(f"her2desk.report.{module}"), name)


__all__ = [
    "ReportContent",
    "ReportRefusedError",
    "ReportRequest",
    "Signature",
    "build_report_content",
    "render_report",
]
