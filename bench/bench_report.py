"""Benchmark of the synoptic chart report (not a test): run `python bench/bench_report.py`.

The report PDF against a bare reportlab document of the same content, built in the same run (target:
report <= 1.5x bare). The bare document has the same words (`build_report_content`), the same page
size, margins, headings and two-column label/value tables, in reportlab's own TTFont objects for the
same DejaVu files registered under their own names (so none of the handout's caches apply), plain
Paragraphs with escaped text, and no page marks or page count. The ratio is the cost of everything
the report adds (choosing the words, per-script font runs, identifiers, band and "Page i of n" on
every page) less what it saves by reusing work. The machine may be shared: both figures are medians
of the same run, and CPU seconds are printed beside wall seconds.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # support.report_cases
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's her2desk

from support.report_cases import request_for

from her2desk.handout.fonts import register_fonts
from her2desk.handout.resources import font_path
from her2desk.report import build_report_content, render_report
from her2desk.report.content import ReportContent

BARE_REGULAR, BARE_BOLD = "BareReportSans", "BareReportSans-Bold"


def register_bare_fonts() -> None:
    register_fonts()
    faces = pdfmetrics._dynFaceNames
    try:
        for name, file_name in ((BARE_REGULAR, "DejaVuSans.ttf"), (BARE_BOLD, "DejaVuSans-Bold.ttf")):
            pdfmetrics._dynFaceNames = {}
            pdfmetrics.registerFont(TTFont(name, str(font_path(file_name))))
    finally:
        pdfmetrics._dynFaceNames = faces


def bare_document(content: ReportContent) -> bytes:
    """The same words in plain reportlab: headings, label/value tables, paragraphs."""
    width = A4[0] - 32 * mm
    body = ParagraphStyle("b", fontName=BARE_REGULAR, fontSize=9, leading=11.2)
    bold = ParagraphStyle("v", fontName=BARE_BOLD, fontSize=9, leading=11.2)
    heading = ParagraphStyle("h", fontName=BARE_BOLD, fontSize=10.5, leading=13, spaceBefore=5)
    flow: list = [Paragraph(escape(content.title), heading), Paragraph(escape(content.kind_line), bold)]
    flow.append(Paragraph(escape("   ".join(f"{a}: {b}" for a, b in content.identity)), body))
    for block in content.blocks:
        flow.append(Paragraph(escape(block.heading), heading))
        if block.rows:
            table = Table(
                [[Paragraph(escape(a), body), Paragraph(escape(b), bold)] for a, b in block.rows],
                colWidths=[62 * mm, width - 62 * mm],
            )
            table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), BARE_REGULAR, 9)]))
            flow.append(table)
        flow += [Paragraph(escape(p), body) for p in block.paragraphs]
    flow += [Spacer(1, 3 * mm)] + [Paragraph(escape(t), body) for t in (content.record_check,) if t]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=23 * mm,
        bottomMargin=16 * mm, invariant=1, initialFontName=BARE_REGULAR,
    )  # fmt: skip
    doc.build(flow)
    return buffer.getvalue()


def timed(make: Callable[[], bytes], repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of one call."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        make()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    register_bare_fonts()
    cases = {
        "breast adjudicated, amended": request_for("breast", "adjudicated-negative", amended=True),
        "stomach biopsy positive": request_for("stomach-biopsy", "positive"),
        "breast equivocal, preliminary": request_for("breast", "equivocal", preliminary=True),
    }
    ratios = []
    for label, request in cases.items():
        content = build_report_content(request)
        render_report(request), bare_document(content)  # warm up: fonts, caches, imports
        report_ms = timed(lambda r=request: render_report(r), args.repeat)  # type: ignore[misc]
        bare_ms = timed(lambda c=content: bare_document(c), args.repeat)  # type: ignore[misc]
        ratio = report_ms[1] / bare_ms[1]
        ratios.append(ratio)
        print(
            f"{label:32} report {report_ms[0]:6.1f} ms wall {report_ms[1]:6.1f} ms CPU   "
            f"bare {bare_ms[0]:6.1f} ms wall {bare_ms[1]:6.1f} ms CPU   "
            f"ratio CPU {ratio:.2f}x, wall {report_ms[0] / bare_ms[0]:.2f}x"
        )
    print(f"worst ratio {max(ratios):.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
