"""Exact decimal arithmetic for counts and ratios.

Counts arrive as text typed by a person. They are kept as `Decimal` so "3.96" stays 3.96 and the
rounding the guideline engine depends on is exact: half-up to two decimals (her2-reporting-rules.md
(c) "Rounding"), and every threshold is decided on the rounded value, so a report never shows 2.00 next
to a "< 2.0" call.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

TWO_PLACES = Decimal("0.01")


def round_half_up(value: Decimal, places: Decimal = TWO_PLACES) -> Decimal:
    """Round half-up (1.995 -> 2.00), unlike Python's default banker's rounding."""
    return value.quantize(places, rounding=ROUND_HALF_UP)


def ratio(her2: Decimal, cep17: Decimal) -> Decimal:
    """HER2/CEP17 ratio from mean signals per cell, rounded half-up to 2 decimals."""
    if cep17 <= 0:
        raise ValueError("CEP17 must be greater than 0 to form a ratio")
    return round_half_up(her2 / cep17)


def to_decimal(value: object) -> Decimal:
    """Convert a typed number without float noise; raises ValueError for anything not finite."""
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        # A decimal comma or a thousands separator is refused, not guessed at; so are the digit
        # separator "_" and non-ASCII digits, which Decimal() would otherwise quietly accept.
        text = value.strip()
        if not text.isascii() or "_" in text:
            raise ValueError("not a number")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError("not a number") from None
    else:
        raise ValueError("not a number")
    if not result.is_finite():
        raise ValueError("not a finite number")
    return result


def decimal_places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_decimal(value: Decimal | None, places: int = 2) -> str:
    if value is None:
        return "-"
    return f"{round_half_up(value, Decimal(1).scaleb(-places)):.{places}f}"
