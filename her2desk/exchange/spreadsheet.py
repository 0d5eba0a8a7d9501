"""Spreadsheet formulas kept out of every CSV file her2desk writes, and taken back out on import.

A spreadsheet opening a CSV file runs a cell that starts with `=`, `+`, `-` or `@` (and some treat a
leading tab or carriage return the same way) as a formula: a family name such as
`=HYPERLINK("http://...", "click")`, `+cmd|' /C calc'!A0` or `@SUM(1+1)` typed into her2desk would
act on the computer of whoever opens the export. Such a cell is written with a leading apostrophe,
which spreadsheets show as text and do not store as part of the value.

The rule is reversible, so an exported file imports back to exactly the values that were stored:
a cell gets one apostrophe more when, after its leading apostrophes, it starts like a formula
(`=x` -> `'=x`, and `'=x` -> `''=x`), and import takes one away from exactly those cells. A cell
such as `'abc` or `O'Brien` is neither changed on export nor on import.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_behind_apostrophes(cell: str) -> bool:
    return cell.lstrip("'").startswith(FORMULA_STARTS)


def defuse(cell: str) -> str:
    """The cell as written to a CSV file: a leading apostrophe when a spreadsheet would run it."""
    return "'" + cell if _formula_behind_apostrophes(cell) else cell


def restore(cell: str) -> str:
    """The value of a cell read from a CSV file: `defuse` undone (a cell it did not change is kept)."""
    return cell[1:] if cell.startswith("'") and _formula_behind_apostrophes(cell) else cell
