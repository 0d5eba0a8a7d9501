"""A small, calm picture of where the result sits: three boxes, the patient's one filled and marked.

Left to right: HER2-negative, not final yet, HER2-positive (the not-final box sits between the two
answers, as a borderline test does; "could not be determined" takes its place when that is the
result). The words come from `content.picture_for`, which reads the same result as the bold result
line, so the picture cannot say anything the line does not. Drawn with reportlab's graphics shapes in
the handout's embedded fonts. PDFs made by reportlab carry no structure tree, so there is no
alternative-text entry to fill; instead the picture's description is written into the text layer as
invisible text (render mode 3, as OCR layers are) just before the drawn words, where a screen reader,
copy and paste and pdftotext find it, and the sighted reader sees only the picture.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Protocol

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas

    from her2desk.handout.content import ResultPicture

ACCENT = colors.HexColor("#0b5563")
QUIET_INK = colors.HexColor("#5a5a5a")
QUIET_LINE = colors.HexColor("#9bb7bd")
GAP = 3 * mm
DRAWINGS_KEPT = 64  # per thread: 2 languages x ~8 pictures x 2 sizes x 2 papers
_per_thread = threading.local()
MARKED_EXTRA = 1.5  # the patient's box is this many box widths wider than each other one
DESCRIPTION_SIZE = 3  # points: the invisible description's size (it must fit the padding above the boxes)


class PictureStyles(Protocol):
    """What the picture needs of the page's styles (layout's Styles has both)."""

    picture: ParagraphStyle
    picture_bold: ParagraphStyle


def _fitted(text: str, font: str, size: float, room: float) -> float:
    """The font size, at most `size`, at which `text` fits in `room` points (long translations shrink)."""
    width = stringWidth(text, font, size)
    return size if width <= room else max(size * room / width, size * 0.6)


def drawing(picture: ResultPicture, width: float, styles: PictureStyles) -> Drawing:
    """The boxes as a reportlab Drawing, `width` points wide: the patient's box wider than each other
    one, filled, with its label on the left and the marker words on the right.

    Made once per picture, width and size in each thread (a handful in all): reportlab's renderer
    writes into a drawing's shapes while it draws them (and takes that out again), so a drawing may be
    reused by the thread that drew it, never shared by two threads at once.
    """
    key = (picture, width, styles.picture.fontName, styles.picture_bold.fontName, styles.picture.fontSize)
    made: dict[tuple[object, ...], Drawing] = _per_thread.__dict__.setdefault("drawings", {})
    found = made.get(key)
    if found is None:
        if len(made) >= DRAWINGS_KEPT:
            made.clear()
        found = made[key] = _drawing(*key)
    return found


def _drawing(picture: ResultPicture, width: float, regular: str, bold: str, size: float) -> Drawing:
    box_height = size * 2.1
    count = len(picture.labels)
    unit = (width - GAP * (count - 1)) / (count + MARKED_EXTRA)  # the marked box is wider
    pad = size * 0.8
    shapes = Drawing(width, box_height)
    # The renderer selects this font before any shape; its default, Helvetica, is not embedded.
    shapes.initialFontName = regular  # type: ignore[attr-defined]  # read by the renderer, not in the stubs
    x = 0.0
    for index, label in enumerate(picture.labels):
        marked = index == picture.marked
        box_width = (1 + MARKED_EXTRA) * unit if marked else unit
        # Typed Any: the stubs declare the shapes' keyword arguments as one TypedDict.
        look: dict[str, Any] = {
            "fillColor": ACCENT if marked else colors.white,
            "strokeColor": ACCENT if marked else QUIET_LINE,
            "strokeWidth": 0.8,
        }
        shapes.add(Rect(x, 0, box_width, box_height, rx=box_height / 2.5, ry=box_height / 2.5, **look))
        font = bold if marked else regular
        ink = colors.white if marked else QUIET_INK
        room = box_width - 2 * pad
        marker = ""
        if marked:
            # The label at its own width (up to half the box), the marker words in the rest: with the
            # descriptor when it fits at nearly full size (the result line above says it anyway).
            room = min(stringWidth(label, font, size), (box_width - 3 * pad) / 2)
            marker = f"\u25c0 {picture.marker}"  # a small left-pointing triangle: "this one"
            if picture.note:
                noted = f"{marker}: {picture.note}"
                if _fitted(noted, regular, size, box_width - 3 * pad - room) >= size * 0.85:
                    marker = noted
        fitted = _fitted(label, font, size, room)
        shapes.add(
            String(
                x + pad, box_height / 2 - fitted * 0.35, label, fontName=font, fontSize=fitted, fillColor=ink
            )
        )
        if marked:
            fitted = _fitted(marker, regular, size, box_width - 3 * pad - room)
            shapes.add(
                String(
                    x + box_width - pad,
                    box_height / 2 - fitted * 0.35,
                    marker,
                    fontName=regular,
                    fontSize=fitted,
                    fillColor=ink,
                    textAnchor="end",
                )
            )
        x += box_width + GAP
    return shapes


class PictureFlowable(Flowable):
    """The drawing, preceded in the text layer by its description in invisible text."""

    def __init__(self, picture: ResultPicture, width: float, styles: PictureStyles) -> None:
        super().__init__()
        self.picture = picture
        self.shapes = drawing(picture, width, styles)
        self.font = styles.picture.fontName
        self.size = styles.picture.fontSize
        self.width, self.height = self.shapes.width, self.shapes.height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        description = self.picture.description
        # In the padding above the boxes, small enough to overlap none of their words, so every reader
        # of the text layer meets it after the result line and before the boxes' labels.
        size = min(DESCRIPTION_SIZE, self.width / max(stringWidth(description, self.font, 1), 1))
        text = canvas.beginText(0, self.height + 1)
        text.setTextRenderMode(3)  # neither filled nor stroked: read, not seen
        text.setFont(self.font, size)
        text.textLine(description)
        text.setTextRenderMode(0)  # the mode outlives the text object: back to filled for the labels
        canvas.saveState()
        canvas.drawText(text)
        canvas.restoreState()
        renderPDF.draw(self.shapes, canvas, 0, 0)


def result_picture(
    picture: ResultPicture, width: float, styles: PictureStyles, large: bool = False
) -> Flowable:
    """The picture as a flowable for the result box, `width` points wide."""
    del large  # the styles already carry the large-print sizes
    return PictureFlowable(picture, width, styles)
