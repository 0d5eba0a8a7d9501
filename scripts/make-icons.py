"""Render the application icon's PNG sizes and the Windows .ico from resources/icons/her2desk.svg.

Run after changing the SVG:  .venv/bin/python scripts/make-icons.py
The PNGs are rendered by Qt's own SVG renderer (QtSvg is part of PySide6-Essentials), so no other tool
is needed. The .ico is written by hand (a header, a directory and PNG-compressed images, which Windows
Vista and later read) so that Pillow, a test-only dependency, is not needed either.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)  # an ICO directory entry holds at most 256 pixels


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO container of PNG images: ICONDIR, one ICONDIRENTRY per size, then the PNG bytes."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size == 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "her2desk.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'her2desk.svg'}", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in SIZES}
    for size, png in pngs.items():
        (ICONS / f"her2desk-{size}.png").write_bytes(png)
    (ICONS / "her2desk.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    print(f"wrote {len(pngs)} PNGs and her2desk.ico into {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
