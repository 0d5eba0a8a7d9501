"""Dual-probe ISH groups 1-5 of ASCO/CAP 2018 (breast), decided on the rounded ratio and copy number.

Boundaries are inclusive on the ">=" side: a ratio of exactly 2.00 is >= 2.0, a copy number of exactly
4.00 is >= 4.0 and 6.00 is >= 6.0 (her2-reporting-rules.md §1.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from her2desk.domain.numbers import format_decimal, ratio, round_half_up
from her2desk.domain.phrases import Phrase

RATIO_CUTOFF = Decimal("2.0")
COPY_LOW = Decimal("4.0")
COPY_HIGH = Decimal("6.0")


@dataclass(frozen=True, slots=True)
class DualProbeReading:
    ratio: Decimal
    her2: Decimal
    group: int
    explanation: Phrase


def read_dual_probe(her2: Decimal, cep17: Decimal) -> DualProbeReading:
    """Classify one dual-probe count; the explanation is the rule-trail line for it."""
    r = ratio(her2, cep17)
    h = round_half_up(her2)
    rs, hs = format_decimal(r), format_decimal(h)
    if r >= RATIO_CUTOFF:
        if h >= COPY_LOW:
            return DualProbeReading(
                r, h, 1, Phrase("Group 1: ratio {ratio} >= 2.0 and HER2 {her2} >= 4.0", ratio=rs, her2=hs)
            )
        return DualProbeReading(
            r, h, 2, Phrase("Group 2: ratio {ratio} >= 2.0 and HER2 {her2} < 4.0", ratio=rs, her2=hs)
        )
    if h >= COPY_HIGH:
        return DualProbeReading(
            r, h, 3, Phrase("Group 3: ratio {ratio} < 2.0 and HER2 {her2} >= 6.0", ratio=rs, her2=hs)
        )
    if h >= COPY_LOW:
        return DualProbeReading(
            r, h, 4, Phrase("Group 4: ratio {ratio} < 2.0 and HER2 {her2} in [4.0, 6.0)", ratio=rs, her2=hs)
        )
    return DualProbeReading(
        r, h, 5, Phrase("Group 5: ratio {ratio} < 2.0 and HER2 {her2} < 4.0", ratio=rs, her2=hs)
    )
