"""Words shown to people for the domain's values, spelled once for every view.

The vocabulary's values are the CLI/CSV contract ("core-needle-biopsy"); people read "Core needle biopsy".
"""

from __future__ import annotations

from enum import StrEnum

from her2desk.domain.vocabulary import Descriptor, IhcScore, NextStep, Status

NEXT_STEP_WORDS: dict[NextStep, str] = {
    NextStep.NONE: "None: the result is complete",
    NextStep.REFLEX_ISH: "Reflex ISH on the same specimen",
    NextStep.RECOUNT: "Blinded second count by another observer",
    NextStep.CONCURRENT_IHC: "Review concurrent IHC on the same tissue",
    NextStep.DUAL_PROBE_ISH: "Repeat with a dual-probe ISH assay",
    NextStep.ADJUDICATE: "Pathologist adjudication",
    NextStep.NEW_SPECIMEN: "Test a new specimen",
}


def label(value: StrEnum | None) -> str:
    """A readable label; IHC scores keep their own notation (0, 1+, 2+, 3+)."""
    if value is None:
        return ""
    if isinstance(value, IhcScore) and value is not IhcScore.INDETERMINATE:
        return value.value
    if isinstance(value, Status):
        return value.value.upper()
    if isinstance(value, Descriptor):
        return value.value
    if isinstance(value, NextStep):
        return NEXT_STEP_WORDS[value]
    text = value.value.replace("-", " ")
    if text.startswith("10%") or text.isupper():
        return text
    return text[0].upper() + text[1:]
