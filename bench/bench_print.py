"""Benchmark of printing handouts through Qt's printer (not a test): `python bench/bench_print.py [N]`.

Prints N one-page handouts to a PDF file through QPrinter (PdfFormat, offscreen platform: on Linux Qt
prints through CUPS by producing the same PDF, so a real printer pays the same) in several ways, and
for each prints seconds per page, the ratio to a same-run baseline (rasterising the same pages with
PDFium only, at 300 dpi), bytes per page, and the longest stall of the GUI thread: a 10 ms QTimer
heartbeat runs on the GUI thread the whole time and the longest gap between two beats is reported
(a responsive window needs it well under 100 ms).

Rows: `PrintRun` itself (the program's path: it also makes each handout with reportlab, so it is
slower per page than the painting rows, which get pre-rasterised pages); "bands": ~15 ms of bands of
a page per event-loop turn (`pdf_print.advance`, what PrintRun does); "gui": a whole page in one
drawImage per turn (the old way); "worker": the whole job on a worker thread, each page in one
drawImage (Qt allows painting on a QPrinter from a worker, but PySide6 holds the GIL inside drawImage,
so the GUI thread waits just as long) or in bands ("worker+bands"); 300 or 200 dpi; the page image as
RGB32 (what render_pages makes: PDFium's BGRx bytes), RGBX8888 (what it made before) or RGB888.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_handout import sample_request
from PySide6.QtCore import QElapsedTimer, QEventLoop, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget

from her2desk.gui.common.pdf_print import (
    PageImage,
    PrinterSession,
    advance,
    new_printer,
    render_pages,
)
from her2desk.gui.handouts.handout_batch import PrintRun
from her2desk.handout import render_handout

FORMATS = {
    "RGBX8888": QImage.Format.Format_RGBX8888,
    "RGB32": QImage.Format.Format_RGB32,
    "RGB888": QImage.Format.Format_RGB888,
}


class Heartbeat:
    """A 10 ms timer on the GUI thread; `longest_ms` is the longest gap between two beats."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.last = 0
        self.longest_ms = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)

    def start(self) -> None:
        self.clock.start()
        self.last = 0
        self.longest_ms = 0
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.elapsed()
        self.longest_ms = max(self.longest_ms, now - self.last)
        self.last = now

    def stop(self) -> None:
        self._beat()
        self.timer.stop()


def pdf_printer(path: Path) -> QPrinter:
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def pages_for(pdfs: list[bytes], dpi: float, fmt: str) -> list[PageImage]:
    pages = [page for pdf in pdfs for page in render_pages(pdf, dpi)]  # RGB32 on little-endian machines
    return [
        p if p.image.format() == FORMATS[fmt] else PageImage(p.image.convertToFormat(FORMATS[fmt]), p.points)
        for p in pages
    ]


def print_in_bands(app: QApplication, printer: QPrinter, pages: list[PageImage]) -> None:
    """One band of a page per event-loop turn, as `PrintRun` does now."""
    session = PrinterSession(printer)
    assert session.begin()
    loop = QEventLoop()
    steps = (band for page in pages for band in session.page_steps(page))

    def step() -> None:
        if not advance(steps):
            assert session.finish()
            loop.quit()
            return
        QTimer.singleShot(0, step)

    QTimer.singleShot(0, step)
    loop.exec()


def paint_whole_page(session: PrinterSession, page: PageImage) -> None:
    """The old painting: the page image in one drawImage call."""
    if session.pages:
        session.printer.newPage()
    area = session.printer.pageLayout().paintRectPixels(session.printer.resolution())
    target = QSizeF(page.points[0], page.points[1])
    target.scale(QSizeF(area.width(), area.height()), Qt.AspectRatioMode.KeepAspectRatio)
    left = (area.width() - target.width()) / 2
    session.painter.drawImage(QRectF(left, 0, target.width(), target.height()), page.image)
    session.pages += 1


def print_on_gui_thread(app: QApplication, printer: QPrinter, pages: list[PageImage]) -> None:
    """One whole page (one drawImage) per event-loop turn, as the batch did before."""
    session = PrinterSession(printer)
    assert session.begin()
    loop = QEventLoop()
    remaining = list(pages)

    def step() -> None:
        if remaining:
            paint_whole_page(session, remaining.pop(0))
            QTimer.singleShot(0, step)
        else:
            assert session.finish()
            loop.quit()

    QTimer.singleShot(0, step)
    loop.exec()


def print_on_worker(app: QApplication, printer: QPrinter, pages: list[PageImage], banded: bool) -> None:
    """The whole job on a worker thread, each page in one drawImage or in bands."""
    done = threading.Event()

    def work() -> None:
        session = PrinterSession(printer)
        assert session.begin()
        for page in pages:
            if banded:
                session.paint([page])
            else:
                paint_whole_page(session, page)
        assert session.finish()
        done.set()

    thread = threading.Thread(target=work)
    thread.start()
    while not done.is_set():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    thread.join()


class _NoLog:
    """Stands in for HandoutService in the PrintRun figures: recording is not what is measured."""

    def record(self, prepared: object, actor: object) -> None:
        return None


def print_run(app: QApplication, printer: QPrinter, count: int) -> None:
    """The program's path: `PrintRun` makes each handout (reportlab) and rasterises it on its worker,
    and paints it here in bands. (Making the next handout while this one is painted was tried: no gain,
    reportlab and drawImage both hold the GIL.)"""

    def producer(number: int) -> Callable[[], object]:  # the stand-in has only what PrintRun reads
        return lambda: SimpleNamespace(pdf=render_handout(sample_request(f"S26-{number:05d}")))

    parent = QWidget()
    items = [(f"S26-{i:05d}", producer(i)) for i in range(count)]
    run = PrintRun(parent, _NoLog(), None, items, printer)  # type: ignore[arg-type]
    loop = QEventLoop()
    run.finished.connect(lambda _result: loop.quit())
    run.start()
    if not run.done:
        loop.exec()
    assert len(run.result.done) == count, run.result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    app = QApplication.instance() or QApplication([])
    pdfs = [render_handout(sample_request(f"S26-{i:05d}")) for i in range(count)]
    heart = Heartbeat()

    started = time.perf_counter()
    baseline_pages = [page for pdf in pdfs for page in render_pages(pdf, 300)]
    baseline = (time.perf_counter() - started) / len(baseline_pages)
    print(f"{count} handouts, {len(baseline_pages)} pages; os.cpu_count()={os.cpu_count()}")
    print(f"baseline: PDFium rasterising at 300 dpi: {baseline:.3f} s/page\n")
    print(f"{'variant':34} {'s/page':>7} {'ratio':>6} {'KB/page':>8} {'longest GUI stall':>18}")
    variants = [
        ("bands", 300, "RGB32"),
        ("bands", 300, "RGBX8888"),
        ("bands", 200, "RGB32"),
        ("gui", 300, "RGBX8888"),
        ("gui", 300, "RGB32"),
        ("gui", 300, "RGB888"),
        ("gui", 200, "RGBX8888"),
        ("worker", 300, "RGBX8888"),
        ("worker", 200, "RGBX8888"),
        ("worker+bands", 300, "RGB32"),
    ]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "run.pdf"
        printer = pdf_printer(out)
        heart.start()
        started = time.perf_counter()
        print_run(app, printer, count)
        seconds = (time.perf_counter() - started) / count
        heart.stop()
        kb = out.stat().st_size / count / 1024
        name = "PrintRun (makes handouts too)"
        print(
            f"{name:34} {seconds:7.3f} {seconds / baseline:6.2f} {kb:8.0f} {heart.longest_ms:15d} ms",
            flush=True,
        )
        for where, dpi, fmt in variants:
            pages = pages_for(pdfs, dpi, fmt)  # not timed: the same for every way of painting
            out = Path(folder) / f"{where}-{dpi}-{fmt}.pdf"
            printer = pdf_printer(out)
            heart.start()
            started = time.perf_counter()
            if where == "gui":
                print_on_gui_thread(app, printer, pages)
            elif where == "bands":
                print_in_bands(app, printer, pages)
            else:
                print_on_worker(app, printer, pages, banded=where == "worker+bands")
            seconds = (time.perf_counter() - started) / len(pages)
            heart.stop()
            kb = out.stat().st_size / len(pages) / 1024
            name = f"{where}, {dpi} dpi, {fmt}"
            print(
                f"{name:34} {seconds:7.3f} {seconds / baseline:6.2f} {kb:8.0f} {heart.longest_ms:15d} ms",
                flush=True,
            )


if __name__ == "__main__":
    main()
