"""Read a Code 128 barcode back from a rendered page image (pdftoppm PNG), for the tests.

Decoding is done here from pixel run lengths, with the checksum verified, so the test proves that
the printed bars carry the accession. The width table is the standard Code 128 table (taken from
reportlab's module to avoid retyping 107 rows; the decoding logic does not use reportlab).
"""

from __future__ import annotations

from PIL import Image
from reportlab.graphics.barcode.code128 import _patterns

START_A, START_B, START_C, STOP = 103, 104, 105, 106
CODE_C, CODE_B, CODE_A = 99, 100, 101


def _widths(pattern: str) -> tuple[int, ...]:
    # Upper case letters are bars, lower case spaces; A/a = 1 module ... D/d = 4 modules.
    return tuple(ord(c.upper()) - ord("A") + 1 for c in pattern)


BY_WIDTHS = {_widths(p): value for value, p in _patterns.items()}


def _runs(row: list[bool]) -> list[int]:
    """Lengths of alternating dark/light runs, starting at the first dark pixel, ending at the last."""
    first = row.index(True)
    last = len(row) - 1 - row[::-1].index(True)
    runs, current, length = [], row[first], 0
    for dark in row[first : last + 1]:
        if dark == current:
            length += 1
        else:
            runs.append(length)
            current, length = dark, 1
    runs.append(length)
    return runs


def _symbols(runs: list[int]) -> list[int] | None:
    values = []
    i = 0
    while i + 6 <= len(runs):
        count = 7 if i + 7 == len(runs) else 6
        chunk = runs[i : i + count]
        modules = 13 if count == 7 else 11
        unit = sum(chunk) / modules
        widths = tuple(max(1, round(r / unit)) for r in chunk)
        if widths not in BY_WIDTHS:
            return None
        values.append(BY_WIDTHS[widths])
        i += count
    return values if i == len(runs) else None


def _text(values: list[int]) -> str | None:
    if len(values) < 3 or values[-1] != STOP or values[0] not in (START_A, START_B, START_C):
        return None
    data, check = values[1:-2], values[-2]
    if (values[0] + sum(i * v for i, v in enumerate(data, start=1))) % 103 != check:
        return None
    code = {START_A: "A", START_B: "B", START_C: "C"}[values[0]]
    out = []
    for v in data:
        if code == "C":
            if v < 100:
                out.append(f"{v:02d}")
            else:
                code = "B" if v == CODE_B else "A"
        elif v == CODE_C:
            code = "C"
        elif (code, v) in (("B", CODE_A), ("A", CODE_B)):
            code = "A" if v == CODE_A else "B"
        else:
            out.append(chr(v + 32))
    return "".join(out)


def read_code128(
    png_path: str, region: tuple[float, float, float, float] = (0.5, 0.0, 1.0, 0.15)
) -> str | None:
    """The first Code 128 found on a scan line in `region` (fractions of width/height), or None."""
    image = Image.open(png_path).convert("L")
    w, h = image.size
    box = (int(region[0] * w), int(region[1] * h), int(region[2] * w), int(region[3] * h))
    crop = image.crop(box)
    pixels = crop.load()
    for y in range(crop.size[1]):
        row = [pixels[x, y] < 128 for x in range(crop.size[0])]
        if sum(row) < 40:
            continue
        # The barcode's run: drop text or rules to its left by starting at each long dark stretch.
        runs = _runs(row)
        for start in range(0, min(len(runs), 40), 2):
            values = _symbols(runs[start:])
            if values:
                text = _text(values)
                if text is not None:
                    return text
    return None
