"""Place the report's words on A4 pages with reportlab platypus, in the handout's embedded fonts.

Every page carries the patient identifiers and accession at the top and "Report version N · Page i of
n" at the foot (a loose page must still be matched to its patient); a version that is not signed out
carries the red PRELIMINARY — NOT FINAL band on every page, as the handout does. Every text goes
through the handout's `to_markup`, so names are escaped and each script gets a font that has it; every
table names an embedded font first, because a table cell otherwise defaults to Helvetica.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from her2desk.handout.fonts import BOLD, REGULAR, register_fonts
from her2desk.handout.markup import to_markup
from her2desk.handout.paragraphs import RememberedParagraph
from her2desk.report.content import Block, ReportContent, build_report_content
from her2desk.report.request import ReportRequest

PAGE = A4
MARGIN = 16 * mm
WIDTH = PAGE[0] - 2 * MARGIN
TOP_MARGIN = 23 * mm  # below the band (3.5-10 mm) and two lines of identifiers (from 11.5 mm)
BOTTOM_MARGIN = 16 * mm
LABEL_WIDTH = 62 * mm
LONG_VALUE = 400  # characters: longer values are set as paragraphs, which may break across pages

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#0b5563")
SOFT = colors.HexColor("#eef4f5")
LINE = colors.HexColor("#9bb7bd")
WARN = colors.HexColor("#c0392b")
CELL_FONT = ("FONT", (0, 0), (-1, -1), REGULAR, 9)


def _style(name: str, size: float, bold: bool = False, **extra: object) -> ParagraphStyle:
    settings: dict[str, object] = {"textColor": INK, **extra}
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        bulletFontName=REGULAR,
        fontSize=size,
        leading=round(size * 1.25, 1),
        **settings,  # type: ignore[arg-type]
    )


class Styles:
    def __init__(self) -> None:
        self.title = _style("report_title", 15, bold=True, textColor=ACCENT)
        self.kind = _style("report_kind", 11, bold=True)
        self.kind_warn = _style("report_kind_warn", 11, bold=True, textColor=WARN)
        self.heading = _style(
            "report_heading", 10.5, bold=True, textColor=ACCENT, spaceBefore=5, spaceAfter=2
        )
        self.label = _style("report_label", 9, textColor=colors.HexColor("#444444"))
        self.value = _style("report_value", 9, bold=True)
        self.body = _style("report_body", 9, spaceAfter=3)
        self.small = _style("report_small", 8)
        self.ident = _style("report_ident", 8.5, bold=True)


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    if _styles is None:
        register_fonts()
        _styles = Styles()
    return _styles


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return RememberedParagraph(to_markup(text, style.fontName), style)


def _rows_table(rows: tuple[tuple[str, str], ...], s: Styles) -> Table:
    table = Table(
        [[para(label, s.label), para(value, s.value)] for label, value in rows],
        colWidths=[LABEL_WIDTH, WIDTH - LABEL_WIDTH],
    )
    table.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _row_groups(rows: tuple[tuple[str, str], ...]) -> list[tuple[tuple[str, str], ...] | tuple[str, str]]:
    """Consecutive short rows as one table; a long value (a long amendment reason) on its own.

    A table row cannot break across pages, so a value that may not fit on one page is set as a label
    line and a paragraph, which can.
    """
    groups: list[tuple[tuple[str, str], ...] | tuple[str, str]] = []
    current: list[tuple[str, str]] = []
    for label, value in rows:
        if len(value) > LONG_VALUE:
            if current:
                groups.append(tuple(current))
                current = []
            groups.append((label, value))
        else:
            current.append((label, value))
    if current:
        groups.append(tuple(current))
    return groups


def block(item: Block, s: Styles) -> list[Flowable]:
    heading = para(item.heading, s.heading)
    flow: list[Flowable] = []
    for group in _row_groups(item.rows):
        if isinstance(group[0], str):  # one long value
            label, value = group
            flow += [para(label, s.label), para(value, s.value)]
        else:  # the first two rows go with the heading, the rest may break to the next page
            rows: tuple[tuple[str, str], ...] = group
            flow.append(_rows_table(rows[:2], s))
            if rows[2:]:
                flow.append(_rows_table(rows[2:], s))
    flow += [para(text, s.body) for text in item.paragraphs]
    return [KeepTogether([heading, *flow[:1]]), *flow[1:]]


def story(content: ReportContent) -> list[Flowable]:
    s = styles()
    flow: list[Flowable] = [para(content.title, s.title)]
    if content.lab_name:
        flow.append(para(content.lab_name, s.body))
    kind_style = s.kind_warn if content.preliminary_mark or content.amended else s.kind
    kind = Table([[para(content.kind_line, kind_style)]], colWidths=[WIDTH])
    kind.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("BOX", (0, 0), (-1, -1), 1, WARN if content.preliminary_mark or content.amended else ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), SOFT),
            ]
        )
    )
    flow += [Spacer(1, 2 * mm), kind, Spacer(1, 1 * mm)]
    for item in content.blocks:
        flow += block(item, s)
    tail = [text for text in (content.record_check, content.printed) if text]
    if tail:
        flow.append(Spacer(1, 3 * mm))
        flow += [para(text, s.small) for text in tail]
    return flow


def _identity_line(content: ReportContent) -> str:
    return "   ".join(f"{label}: {value}" for label, value in content.identity)


def draw_page_marks(canvas: Canvas, content: ReportContent, page: int, pages: int) -> None:
    """The band, the identifiers and the foot of one page (drawn once the page count is known)."""
    s = styles()
    canvas.saveState()
    top = PAGE[1]
    if content.preliminary_mark:
        canvas.setFillColor(WARN)
        canvas.rect(MARGIN, top - 10 * mm, WIDTH, 6.5 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, 10.5)
        canvas.drawCentredString(PAGE[0] / 2, top - 7.8 * mm, content.preliminary_mark)
    ident = para(_identity_line(content), s.ident)
    _, height = ident.wrapOn(canvas, WIDTH, 12 * mm)
    ident.drawOn(canvas, MARGIN, top - 11.5 * mm - height)
    canvas.setStrokeColor(LINE)
    rule = top - 11.5 * mm - height - 1.5 * mm
    canvas.line(MARGIN, rule, PAGE[0] - MARGIN, rule)
    canvas.line(MARGIN, 13 * mm, PAGE[0] - MARGIN, 13 * mm)
    parts = [content.version_label, f"Page {page} of {pages}"]
    if content.preliminary_mark:
        parts.insert(0, content.preliminary_mark)
    elif content.amended:
        parts.insert(0, "AMENDED REPORT")
    foot = para("  ·  ".join(parts), s.small)
    foot.wrapOn(canvas, WIDTH, 10 * mm)
    foot.drawOn(canvas, MARGIN, 8.5 * mm)
    canvas.restoreState()


def counting_canvas(content: ReportContent) -> type[Canvas]:
    """Holds each page back until the page count is known, then draws every page's marks."""

    class CountingCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._held: list[dict[str, object]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset, not in its stubs

        def save(self) -> None:
            pages = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                draw_page_marks(self, content, number, pages)
                super().showPage()
            super().save()

    return CountingCanvas


def build_pdf(content: ReportContent) -> bytes:
    """The PDF bytes; `invariant` makes them depend on the content only (no timestamp or random ID)."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=f"{content.title} — {content.identity[-1][1]}",
        author=content.lab_name or "her2desk",
        subject="HER2 synoptic report",
        creator="her2desk",
        lang="en",
        invariant=1,
        initialFontName=REGULAR,  # reportlab's default, Helvetica, would be named and not embedded
    )
    doc.build(story(content), canvasmaker=counting_canvas(content))
    return buffer.getvalue()


def render_report(request: ReportRequest) -> bytes:
    """The synoptic report of one case version as PDF bytes (ReportRefusedError: no result)."""
    return build_pdf(build_report_content(request))
