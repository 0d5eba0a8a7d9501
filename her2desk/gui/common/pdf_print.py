"""Pages of a PDF (the handout, the chart report) as images (pypdfium2), and painting them onto Qt's
printer. Shared by the handout and report features, hence in `common`.

QtPdf is one of PySide6's Add-ons, which this program does not install, so the PDF is rasterised with
PDFium (pypdfium2) and the images are painted with QPainter on a QPrinter: printing goes through
Qt's own printer support and dialog. The page is fitted into the printer's printable area (the
handout has its own margins). PDFium is not thread-safe, even across documents, so every call into
it holds one lock; rendering runs on worker threads, which hand finished QImages back to the GUI
thread, where they are painted.

Painting is the slow part: Qt's PDF print engine (also what CUPS is fed on Linux) compresses every
image as it is drawn, ~0.15-0.7 s for an A4 page at 300 dpi depending on the machine, and PySide6
holds the Python GIL for the whole QPainter.drawImage call. Painting on a worker thread (which Qt
allows for a QPrinter) therefore does NOT keep the window responsive: measured, the GUI thread
stalled as long as with painting on it (bench/bench_print.py). So a page is painted in horizontal
bands of at most BAND_PIXELS pixels (`PrinterSession.page_steps`), and the caller paints bands for
about PAINT_SLICE_S and then lets the event loop run (`advance`): the page on paper is the same
300-dpi image, in strips that overlap by one row so no hairline can show between them (checked by
rasterising both: no seam; edges sit within one 150-dpi pixel of the one-image page), and the window
waits ~15 ms plus one band (~10-40 ms) between events instead of a whole page (0.3-0.5 s measured).
200 dpi would halve the time and bytes again, but softens the barcode's bars; 300 dpi is kept.

`ask_printer` is the one place a modal print dialog opens; tests replace it to print to a PDF file.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

POINTS_PER_INCH = 72.0
PRINT_DPI_CAP = 300.0  # enough for text on paper; 1200 dpi would be ~0.5 GB of pixels per page
# One drawImage call: an A4 page at 300 dpi (8.7 Mpx) becomes 17 bands.
# Measured ~17 ms per Mpx here and up to ~80 ms per Mpx on a slower machine, so a band stays < 100 ms.
BAND_PIXELS = 512 * 1024
# Bands painted in one event-loop turn: more while they are quick (each turn costs a little), then
# back to the loop. One band is always painted, however slow.
PAINT_SLICE_S = 0.015
_PDFIUM = threading.Lock()
# PDFium's BGRx bytes (x = 255) are, on a little-endian machine, Qt's native Format_RGB32 (0xffRRGGBB),
# the format Qt's PDF engine works in: no conversion when the page is printed (bench/bench_print.py:
# 0-20% less time per page than RGBX8888, noisy on a shared machine; never slower). Big-endian
# machines get RGBx bytes as RGBX8888.
_BIG_ENDIAN = sys.byteorder == "big"
_PAGE_FORMAT = QImage.Format.Format_RGBX8888 if _BIG_ENDIAN else QImage.Format.Format_RGB32


@dataclass(frozen=True)
class PageImage:
    """One rendered page and its size in points. A QImage (unlike a QPixmap) may be made and passed
    between threads, so the worker hands back finished images and the GUI thread only paints them."""

    image: QImage
    points: tuple[float, float]


def render_pages(pdf: bytes, dpi: float) -> list[PageImage]:
    """Every page of `pdf` rendered at `dpi` (any thread)."""
    import pypdfium2 as pdfium

    pages: list[PageImage] = []
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=_BIG_ENDIAN, prefer_bgrx=True)
                pixels = memoryview(bitmap.buffer)
                image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, _PAGE_FORMAT)
                # copy(): the image must own its pixels before PDFium frees the bitmap
                pages.append(PageImage(image.copy(), page.get_size()))
                del image, pixels
                bitmap.close()
                page.close()
        finally:
            document.close()
    return pages


# -- the printer ---------------------------------------------------------------------------------


def new_printer() -> QPrinter:
    """A printer at its own resolution; A4 portrait like the handout (the dialog may change both)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def ask_printer(parent: QWidget | None, printer: QPrinter, title: str | None = None) -> bool:
    """Qt's print dialog; True to print (the dialog has set up `printer`), False when cancelled.
    `title`: already in the interface's language; a handout's by default."""
    from her2desk.gui.common.translation import translate

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title if title is not None else translate("PdfFiles", "Print handout"))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def print_dpi(printer: QPrinter) -> float:
    """The resolution to render pages at for this printer: its own, at most PRINT_DPI_CAP."""
    return min(float(printer.resolution()), PRINT_DPI_CAP)


def bands(width: int, height: int, band_pixels: int = BAND_PIXELS) -> list[tuple[int, int]]:
    """(first row, row count) of each band of a `width` x `height` image, top to bottom. Every band but
    the last takes one row more, which the next band paints over: adjacent strips overlap, so a viewer
    or printer that antialiases image edges shows no seam between them."""
    step = max(1, band_pixels // max(1, width))
    return [(top, min(step, height - top - 1) + 1) for top in range(0, height, step)]


def advance(steps: Iterator[None], budget_s: float = PAINT_SLICE_S) -> bool:
    """Run `steps` (bands) for about `budget_s`, at least one; False once they are all done."""
    started = time.perf_counter()
    return any(time.perf_counter() - started >= budget_s for _band in steps)


class PrinterSession:
    """One print job: pages painted one after another; `finish` sends it, `abort` throws it away.

    Used on the GUI thread only (QPainter on a QPrinter).
    """

    def __init__(self, printer: QPrinter) -> None:
        self.printer = printer
        self.painter = QPainter()
        self.pages = 0
        self.open = False
        self.mid_page = False  # some bands of a page are painted, not all (the event loop may run now)

    def begin(self) -> bool:
        self.open = self.painter.begin(self.printer)
        return self.open

    def paint(self, pages: list[PageImage]) -> None:
        """Paint whole pages at once (no event loop between bands; for tools and benchmarks)."""
        for page in pages:
            for _band in self.page_steps(page):
                pass

    def page_steps(self, page: PageImage) -> Iterator[None]:
        """Paint one page band by band, yielding after each band so the caller can let the event loop
        run; the page counts as painted once the iterator is exhausted."""
        if self.pages:
            self.printer.newPage()
        area = self.printer.pageLayout().paintRectPixels(self.printer.resolution())
        target = QSizeF(page.points[0], page.points[1])
        target.scale(QSizeF(area.width(), area.height()), Qt.AspectRatioMode.KeepAspectRatio)
        left = (area.width() - target.width()) / 2
        image = page.image
        width, height = image.width(), image.height()
        scale = target.height() / height
        for top, rows in bands(width, height):
            band = image.copy(0, top, width, rows)
            self.painter.drawImage(QRectF(left, top * scale, target.width(), rows * scale), band)
            self.mid_page = top + rows < height  # more bands of this page to come
            yield
        self.mid_page = False
        self.pages += 1

    def finish(self) -> bool:
        """End the job (the printer spools it); True when it went through."""
        if not self.open:
            return False
        self.open = False
        return self.painter.end()

    def abort(self) -> None:
        if self.open:
            self.printer.abort()
            self.open = False
            self.painter.end()
