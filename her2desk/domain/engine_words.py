"""Words both site engines write in their rule trails and warnings, made once so they read the same.

Each is a `Phrase`, so the interface can say it in the person's language; the English is unchanged.
"""

from __future__ import annotations

from her2desk.domain.phrases import Phrase

# The category an IHC score gives, as the trail names it ("... -> equivocal").
POSITIVE = Phrase("positive")
EQUIVOCAL = Phrase("equivocal")
NEGATIVE = Phrase("negative")


def near_values(ratio: str | None, her2: str | None) -> Phrase | None:
    """The values near a threshold, in words ("ratio 1.85 and HER2 3.90"); None when none is."""
    if ratio is not None and her2 is not None:
        return Phrase("ratio {ratio} and HER2 {her2}", ratio=ratio, her2=her2)
    if ratio is not None:
        return Phrase("ratio {ratio}", ratio=ratio)
    if her2 is not None:
        return Phrase("HER2 {her2}", her2=her2)
    return None


def near_threshold_warning(what: Phrase) -> Phrase:
    """The warning of a first count near a threshold (the case editor knows it by its first words)."""
    return Phrase("Near a threshold ({what}): small counting differences could change the call", what=what)
