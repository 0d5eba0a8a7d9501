"""The pages of a rendered PDF, one image under another, always fitted to the visible width.

Both previews (handout and chart report) show the exact PDF that will be printed; this is the one
place that lays out the page images, scales them to the width and names them for screen readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from her2desk.gui.common.pdf_print import PageImage

MIN_WIDTH = 200  # never scale a page narrower than this, however narrow the window


class PdfPageView(QScrollArea):
    """A scroll area of page images: `show_pages` replaces them, `clear` removes them."""

    def __init__(self, accessible_name: str, page_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_name = page_name  # each page is "<page_name> <number>" to a screen reader
        self._pixmaps: list[QPixmap] = []
        self.pages_box = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.setAccessibleName(accessible_name)
        self.setWidgetResizable(True)
        # Fit width: never a horizontal scroll bar; the vertical one always there, so the width is stable.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWidget(self.pages_box)

    def page_labels(self) -> list[QLabel]:
        items = (self.pages_layout.itemAt(i) for i in range(self.pages_layout.count()))
        return [widget for item in items if item is not None and isinstance(widget := item.widget(), QLabel)]

    def show_pages(self, pages: list[PageImage]) -> None:
        """Show these pages instead of the ones on screen."""
        self._pixmaps = [QPixmap.fromImage(page.image) for page in pages]
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for number, _pixmap in enumerate(self._pixmaps, 1):
            label = QLabel()
            label.setAccessibleName(f"{self.page_name} {number}")
            self.pages_layout.addWidget(label)
        self.fit_width()

    def clear(self) -> None:
        """No pages (the document could not be made)."""
        self.show_pages([])

    def fit_width(self) -> None:
        """Scale every page to the visible width (zoom: fit width)."""
        margins = self.pages_layout.contentsMargins()
        width = max(MIN_WIDTH, self.viewport().width() - margins.left() - margins.right())
        for label, pixmap in zip(self.page_labels(), self._pixmaps, strict=False):
            label.setPixmap(
                pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                if pixmap.width() > width
                else pixmap
            )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_width()
