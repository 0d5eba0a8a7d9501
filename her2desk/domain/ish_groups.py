"""Dual-probe ISH groups 1-5 of ASCO/CAP 2018 (breast), decided on the rounded ratio and copy number.

Boundaries are inclusive on the ">=" side: a ratio of exactly 2.00 is >= 2.0, a copy number of exactly
4.00 is >= 4.0 and 6.00 is >= 6.0 (her2-reporting-rules.md §1.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from her2desk.domain.numbers import format_decimal, ratio, round_half_up

RATIO_CUTOFF = Decimal("2.0")
COPY_LOW = Decimal("4.0")
COPY_HIGH = Decimal("6.0")


@dataclass(frozen=True, slots=True)
class DualProbeReading:
    ratio: Decimal
    her2: Decimal
    group: int
    explanation: str


def read_dual_probe(her2: Decimal, cep17: Decimal) -> DualProbeReading:
    """Classify one dual-probe count; the explanation is the rule-trail line for it."""
    r = ratio(her2, cep17)
    h = round_half_up(her2)
    rs, hs = format_decimal(r), format_decimal(h)
    if r >= RATIO_CUTOFF:
        if h >= COPY_LOW:
            return DualProbeReading(r, h, 1, f"Group 1: ratio {rs} >= 2.0 and HER2 {hs} >= 4.0")
        return DualProbeReading(r, h, 2, f"Group 2: ratio {rs} >= 2.0 and HER2 {hs} < 4.0")
    if h >= COPY_HIGH:
        return DualProbeReading(r, h, 3, f"Group 3: ratio {rs} < 2.0 and HER2 {hs} >= 6.0")
    if h >= COPY_LOW:
        return DualProbeReading(r, h, 4, f"Group 4: ratio {rs} < 2.0 and HER2 {hs} in [4.0, 6.0)")
    return DualProbeReading(r, h, 5, f"Group 5: ratio {rs} < 2.0 and HER2 {hs} < 4.0")
