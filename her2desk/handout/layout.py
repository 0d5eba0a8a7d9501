"""Place the handout's words on A4 or US Letter pages with reportlab platypus.

Only placement lives here: `content.py` chose every word. Every piece of text goes through
`markup.to_markup`, so names are escaped and each script gets a font that has it. `Geometry` is the
paper and the print size: the normal page is one sheet on both papers; the large-print page (body
14 pt) may take two. The picture of the result is `picture.py`'s.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from her2desk.handout.content import Banner, HandoutContent, Section
from her2desk.handout.fonts import BOLD, REGULAR, register_fonts
from her2desk.handout.markup import is_plain, to_markup
from her2desk.handout.paragraphs import RememberedParagraph
from her2desk.handout.picture import result_picture

PAPERS = {"a4": A4, "letter": LETTER}
PAGE = A4
# Line height as a multiple of the font size: 1.15 (a common "single" spacing) keeps the Spanish page
# to one sheet of US Letter with the picture; 1.2, the usual book setting, did not. Large print,
# which may take two pages, gets more air between its lines.
LEADING = 1.15
LARGE_LEADING = 1.25
FOOTER_NAME_MAX = 60
MARGIN = 16 * mm
# US Letter is 18 mm shorter than A4 and 6 mm wider: half-inch side margins (the usual US setting)
# give its lines the width that keeps the page to one sheet.
LETTER_MARGIN = 12.7 * mm
WIDTH = PAGE[0] - 2 * MARGIN  # the normal A4 page's text width
LARGE_BODY = 14  # points: large print's body text (the normal page's is 10)
# Top: below the preliminary band (3.5-10 mm). Bottom: above the footer rule at 13 mm.
TOP_MARGIN = 11 * mm
BOTTOM_MARGIN = 14.5 * mm

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#0b5563")
SOFT = colors.HexColor("#eef4f5")
LINE = colors.HexColor("#9bb7bd")
WARN_BG = colors.HexColor("#fff1e6")
WARN_LINE = colors.HexColor("#c0392b")
NOTE_BG = colors.HexColor("#e8f0fb")
NOTE_LINE = colors.HexColor("#2e5c9a")
# First command of every table: a table sets each cell's font before drawing it, even a cell holding a
# paragraph, and without a FONT command that font is reportlab's Helvetica, which is not embedded.
CELL_FONT = ("FONT", (0, 0), (-1, -1), REGULAR, 10)


@dataclass(frozen=True)
class Geometry:
    """The paper and the print size of one handout, and the measures that follow from them."""

    paper: str = "a4"
    large_print: bool = False

    @property
    def page(self) -> tuple[float, float]:
        return PAPERS[self.paper]

    @property
    def margin(self) -> float:
        return LETTER_MARGIN if self.paper == "letter" else MARGIN

    @property
    def width(self) -> float:
        return self.page[0] - 2 * self.margin

    @property
    def height(self) -> float:
        return self.page[1]

    def size(self, normal: float) -> float:
        """A style's size: as given, or for large print scaled so the body is LARGE_BODY points, and
        no text smaller than 12 points (the records box and the footer are read too)."""
        if not self.large_print:
            return normal
        return round(max(normal * LARGE_BODY / 10, 12), 1)


NORMAL = Geometry()


def _make_style(
    name: str, size: float, bold: bool = False, leading: float = LEADING, **extra: Any
) -> ParagraphStyle:
    settings: dict[str, Any] = {"textColor": INK, **extra}
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        bulletFontName=REGULAR,  # reportlab's default bullet font is Helvetica, which is not embedded
        fontSize=size,
        leading=round(size * leading, 1),
        **settings,
    )


class Styles:
    """The handful of paragraph styles the page uses (built after the fonts are registered)."""

    def __init__(self, geometry: Geometry = NORMAL) -> None:
        z = geometry.size
        leading = LARGE_LEADING if geometry.large_print else LEADING

        def _style(name: str, size: float, bold: bool = False, **extra: object) -> ParagraphStyle:
            return _make_style(name, size, bold, leading, **extra)

        self.title = _style("title", z(17), bold=True, textColor=ACCENT, spaceAfter=1)
        self.subtitle = _style("subtitle", z(10))
        self.lab = _style("lab", z(9.5), bold=True, textColor=ACCENT)
        self.label = _style("label", z(8), textColor=colors.HexColor("#4a4a4a"))
        self.value = _style("value", z(10), bold=True)
        self.heading = _style(
            "heading", z(11.5), bold=True, textColor=ACCENT, spaceBefore=2, spaceAfter=1, keepWithNext=1
        )
        self.body = _style("body", z(10), spaceAfter=1.5)
        self.bullet = _style("bullet", z(10), leftIndent=z(12), bulletIndent=2, spaceAfter=1)
        self.result = _style("result", z(13.5), bold=True)
        self.banner_title = _style("banner_title", z(11.5), bold=True, textColor=WARN_LINE)
        self.note_title = _style("note_title", z(11.5), bold=True, textColor=NOTE_LINE)
        self.small = _style("small", z(8.2))
        self.small_bold = _style("small_bold", z(8.2), bold=True)
        self.records_heading = _style("records_heading", z(9.5), bold=True, textColor=ACCENT)
        self.barcode_text = _style("barcode_text", z(8), alignment=TA_CENTER)
        # The footer stays one line under the rule in large print too (10 pt; the page's own text is larger).
        footer = 10 if geometry.large_print else 7.8
        self.footer = _style("footer", footer, textColor=colors.HexColor("#555555"))
        self.disclaimer = _style("disclaimer", z(10), bold=True)
        self.picture = _style("picture", z(8.5))
        self.picture_bold = _style("picture_bold", z(8.5), bold=True)


@cache
def _styles_for(large_print: bool) -> Styles:
    register_fonts()
    return Styles(Geometry(large_print=large_print))


def styles(geometry: Geometry = NORMAL) -> Styles:
    """The styles of a normal or a large-print page (the paper does not change them)."""
    return _styles_for(geometry.large_print)


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text: escaped, with per-script fonts, right-to-left runs in display order."""
    return RememberedParagraph(to_markup(text, style.fontName), style, bulletText=bullet)


def cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell: a bare string when it fits on one line in the style's own font, else a paragraph.

    Bare strings are drawn directly by the table; a paragraph is parsed and wrapped several times while
    the table measures itself, which made the two small tables a third of the time of a handout. The
    table's FONT command must name the same font and size as `style`.
    """
    if is_plain(text, style.fontName) and stringWidth(text, style.fontName, style.fontSize) <= width:
        return text
    return para(text, style)


def _cell_font(columns: tuple[int, int], rows: tuple[int, int], style: ParagraphStyle) -> list[tuple]:
    first, last = (columns[0], rows[0]), (columns[1], rows[1])
    return [
        ("FONT", first, last, style.fontName, style.fontSize, style.leading),
        ("TEXTCOLOR", first, last, style.textColor),
    ]


def barcode(accession: str) -> Flowable | None:
    """Code 128 of the accession, or None when it cannot be encoded (empty or not printable ASCII)."""
    if not accession or not (accession.isascii() and accession.isprintable()):
        return None
    return Code128(accession, barHeight=11 * mm, barWidth=0.3 * mm, quiet=True, humanReadable=False)


def _boxed(
    rows: list[list[Flowable]], background: colors.Color, line: colors.Color, width: float, pad: float = 6
) -> Table:
    table = Table(rows, colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), 1.2, line),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), pad / 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad / 2),
            ]
        )
    )
    return table


def header(content: HandoutContent, s: Styles, g: Geometry) -> list[Flowable]:
    width = g.width
    left: list[Flowable] = [para(content.title, s.title), para(content.subtitle, s.subtitle)]
    if content.lab_name:
        left.append(para(content.lab_name, s.lab))
    code = barcode(content.accession)
    right: list[Flowable] = [code, para(content.accession, s.barcode_text)] if code else []
    top = Table([[left, right]], colWidths=[width - 52 * mm, 52 * mm])
    top.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    pad = 12  # the table's default left + right padding
    pairs = content.identity
    if g.large_print:  # one pair a row: a long name in large type needs the width
        widths = [50 * mm, width - 50 * mm]
        rows = [[cell(a, s.label, widths[0] - pad), cell(b, s.value, widths[1] - pad)] for a, b in pairs]
    else:
        widths = [30 * mm, width / 2 - 30 * mm, 36 * mm, width / 2 - 36 * mm]
        rows = [
            [
                cell(pairs[i][0], s.label, widths[0] - pad),
                cell(pairs[i][1], s.value, widths[1] - pad),
                cell(pairs[i + 1][0], s.label, widths[2] - pad),
                cell(pairs[i + 1][1], s.value, widths[3] - pad),
            ]
            for i in (0, 2)
        ]
    identity = Table(rows, colWidths=widths)
    identity.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                ("LINEABOVE", (0, 0), (-1, 0), 1, LINE),
                ("LINEBELOW", (0, -1), (-1, -1), 1, LINE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                *[
                    command
                    for column in range(len(widths))
                    for command in _cell_font((column, column), (0, -1), s.value if column % 2 else s.label)
                ],
            ]
        )
    )
    return [top, Spacer(1, 1.2 * mm), identity, Spacer(1, 1.5 * mm)]


def banner(item: Banner, s: Styles, g: Geometry) -> Flowable:
    """A boxed notice: its title in bold colour, then its text, in one paragraph (one line saved)."""
    urgent = item.key == "preliminary"
    colour = (WARN_LINE if urgent else NOTE_LINE).hexval()[2:]
    title = f'<font color="#{colour}"><b>{to_markup(item.title, BOLD)}</b></font>'
    markup = f"{title}  {to_markup(item.text, REGULAR)}"
    box = RememberedParagraph(markup, s.body)
    return _boxed([[box]], WARN_BG if urgent else NOTE_BG, WARN_LINE if urgent else NOTE_LINE, g.width)


def notice(text: str, s: Styles, g: Geometry) -> Flowable:
    return _boxed(
        [[para(text, s.small_bold)]], colors.HexColor("#fff8c5"), colors.HexColor("#b59b00"), g.width
    )


def section(item: Section, s: Styles, g: Geometry, content: HandoutContent) -> list[Flowable]:
    if item.result_line is not None:
        # The boxed bold line is its own heading ("Your result: ..."); a heading above it repeats it.
        # The picture of the result sits in the same box, under the line it shows.
        rows: list[list[Flowable]] = [[para(item.result_line, s.result)]]
        rows.append([result_picture(content.picture, g.width - 14, s)])
        flow: list[Flowable] = [Spacer(1, 1.5 * mm), _boxed(rows, SOFT, ACCENT, g.width, pad=7)]
        flow.append(Spacer(1, 1 * mm))
    else:
        flow = [para(item.heading, s.heading)]
    flow += [para(p, s.body) for p in item.paragraphs]
    flow += [para(b, s.bullet, bullet="•") for b in item.bullets]
    # Headings keep with the next paragraph (style keepWithNext); never start a section at the very foot.
    return [CondPageBreak(25 * mm), *flow]


@cache
def _sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """`style` at another size (one object per size, so remembered paragraphs are shared)."""
    return ParagraphStyle(
        f"{style.name}-{size}", parent=style, fontSize=size, leading=round(size * LEADING, 1)
    )


def _fitting(text: str, style: ParagraphStyle, room: float) -> ParagraphStyle:
    """`style`, or a smaller size of it (down to 80 %) at which `text` fits one line of `room` points:
    the record check code is a code, not a sentence, and a line of it saved keeps US Letter to one sheet."""
    if not is_plain(text, style.fontName):
        return style
    width = stringWidth(text, style.fontName, style.fontSize)
    if width <= room:
        return style
    size = max(style.fontSize * room / width, style.fontSize * 0.8)
    return _sized(style, round(size - 0.05, 1))


def heading_with_note(heading: str, note: str, s: Styles) -> Paragraph:
    """'For your records' in its heading style, then the note in small regular type, as one paragraph."""
    note_markup = to_markup(note, REGULAR)
    markup = (
        f"{to_markup(heading, BOLD)}  "
        f'<font face="{REGULAR}" size="{s.small.fontSize}" color="#1a1a1a">{note_markup}</font>'
    )
    return RememberedParagraph(markup, s.records_heading)


def records(content: HandoutContent, s: Styles, g: Geometry) -> list[Flowable]:
    """The small 'for your records' box: one table (heading and note span it), label/value in two columns."""
    width = g.width
    pairs = [pair for pair in content.records if pair[0] not in content.wide_records]
    half = (len(pairs) + 1) // 2
    left, right = pairs[:half], pairs[half:] + [("", "")] * (2 * half - len(pairs))
    rows: list[list[object]] = [
        # The heading and its note on one line (a line saved: US Letter is shorter than A4).
        [heading_with_note(content.records_heading, content.records_note, s), "", "", ""],
    ]
    # Label columns wide enough that "Fecha de la muestra" and the like stay on one line.
    label_width = (50 if g.large_print else 40) * mm
    widths = [label_width, width / 2 - label_width, label_width, width / 2 - label_width]
    pad = 10  # left 4 + right 6 points
    rows += [
        [
            cell(a, s.small, widths[0] - pad),
            cell(b, s.small_bold, widths[1] - pad),
            cell(c, s.small, widths[2] - pad),
            cell(d, s.small_bold, widths[3] - pad),
        ]
        for (a, b), (c, d) in zip(left, right, strict=True)
    ]
    spans = [("SPAN", (0, 0), (-1, 0))]
    wide = [pair for pair in content.records if pair[0] in content.wide_records]
    for label, value in wide:  # long texts: the value spans three columns
        rows.append([cell(label, s.small, widths[0] - pad), para(value, s.small_bold), "", ""])
        spans.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
    if content.record_check:  # the record's check code, spanning the box's last row
        rows.append(
            [para(content.record_check, _fitting(content.record_check, s.small, width - 10)), "", "", ""]
        )
        spans.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                CELL_FONT,
                *spans,
                ("BOX", (0, 0), (-1, -1), 0.8, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, 0), 3),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, LINE),
                *_cell_font((0, 0), (1, -1), s.small),
                *_cell_font((2, 2), (1, -1), s.small),
                *_cell_font((1, 1), (1, -1), s.small_bold),
                *_cell_font((3, 3), (1, -1), s.small_bold),
            ]
        )
    )
    # A list, not a KeepTogether: the caller keeps it with the contact lines (nested KeepTogethers always
    # split, as the inner one reports an impossible height).
    return [Spacer(1, 1.5 * mm), table]


def story(content: HandoutContent, warning: str | None, g: Geometry = NORMAL) -> list[Flowable]:
    s = styles(g)
    flow = header(content, s, g)
    for item in content.banners:
        flow += [banner(item, s, g), Spacer(1, 1.5 * mm)]
    if warning:
        flow += [notice(warning, s, g), Spacer(1, 2 * mm)]
    for part in content.sections:
        flow += section(part, s, g, content)
    contact = [
        para(content.contact_heading, s.heading),
        para(content.contact, s.body),
        para(content.disclaimer, s.disclaimer),
    ]
    # The records box goes with the contact lines: it is never split, and never alone on a second page.
    flow.append(KeepTogether([*contact, *records(content, s, g)]))
    return flow


def page_decorator(content: HandoutContent, g: Geometry) -> Callable[[Canvas, SimpleDocTemplate], None]:
    """What every page carries above the text: a red top band when preliminary, and the footer rule.

    The footer's words wait for `CountingCanvas`: "Page 1 of 2" needs the page count, known only at the end.
    """

    def decorate(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        if content.preliminary_mark:
            # A red band across the top of every page. Horizontal text (no diagonal watermark): a rotated
            # mark gets spliced into the text that screen readers and copy-paste see.
            canvas.setFillColor(WARN_LINE)
            canvas.rect(g.margin, g.height - 10 * mm, g.width, 6.5 * mm, stroke=0, fill=1)
            canvas.setFillColor(colors.white)
            canvas.setFont(BOLD, 10.5)
            canvas.drawCentredString(g.page[0] / 2, g.height - 7.8 * mm, content.preliminary_mark)
        canvas.setStrokeColor(LINE)
        canvas.line(g.margin, 13 * mm, g.page[0] - g.margin, 13 * mm)
        canvas.restoreState()

    return decorate


def draw_footer(canvas: Canvas, content: HandoutContent, page: int, pages: int, g: Geometry) -> None:
    """Name, accession and "Page N of M": a loose second page must still be matched to its patient.

    A very long name is shortened here only; the header shows it in full.
    """
    canvas.saveState()
    name = content.patient_name
    if len(name) > FOOTER_NAME_MAX:
        name = name[: FOOTER_NAME_MAX - 1] + "…"
    parts = [name, content.accession, content.page_label.format(page=page, pages=pages)]
    if content.preliminary_mark:
        parts.insert(0, content.preliminary_mark)
    footer = para("  ·  ".join(p for p in parts if p), styles(g).footer)
    footer.wrapOn(canvas, g.width, 10 * mm)
    footer.drawOn(canvas, g.margin, 8.5 * mm)
    canvas.restoreState()


def counting_canvas(content: HandoutContent, g: Geometry) -> type[Canvas]:
    """A canvas class that holds each finished page back until the count is known, then adds the footers.

    The usual reportlab recipe: `showPage` keeps the page's state, `save` replays every page with its
    footer. Only the footer is drawn late, so the page's own content streams are unchanged.
    """

    class CountingCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:  # Canvas's own arguments, passed through
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, object]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            # Canvas.showPage's own last step; the stubs leave reportlab's private methods out
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            pages = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                draw_footer(self, content, number, pages, g)
                super().showPage()
            super().save()

    return CountingCanvas


def build_pdf(
    content: HandoutContent, warning: str | None = None, compress: bool = True, geometry: Geometry = NORMAL
) -> bytes:
    """The PDF bytes. `invariant` makes them depend on the content only (no timestamp or random ID).

    The document's metadata carries the title, the subject and the language in the handout's language,
    and names the lab as the author (the program is the creator).

    `compress=False` leaves the page and font streams uncompressed: no measurable gain once the font
    subsets are remembered (4.9-5.1 ms CPU either way), but 90 KiB instead of 47 KiB a page
    (bench/bench_handout.py --compression measures both). Kept for that measurement.
    """
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pageCompression=1 if compress else 0,
        pagesize=geometry.page,
        leftMargin=geometry.margin,
        rightMargin=geometry.margin,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=content.title,
        author=content.author,
        subject=content.subject,
        creator="her2desk",
        lang=content.language,
        invariant=1,
        # Every page's preamble selects the canvas's initial font; reportlab's default, Helvetica,
        # would be listed in the page resources without being embedded.
        initialFontName=REGULAR,
    )
    decorate = page_decorator(content, geometry)
    doc.build(
        story(content, warning, geometry),
        onFirstPage=decorate,
        onLaterPages=decorate,
        canvasmaker=counting_canvas(content, geometry),
    )
    return buffer.getvalue()
