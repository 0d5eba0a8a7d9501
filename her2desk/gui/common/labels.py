"""Words shown to people for the domain's values, spelled once for every view.

The vocabulary's values are the CLI/CSV contract ("core-needle-biopsy"); people read "Core needle biopsy".
"""

from __future__ import annotations

from enum import StrEnum

from her2desk.domain.vocabulary import AssayType, Descriptor, IhcScore, NextStep, Status

# Colours that set the statuses apart at a glance (also distinguishable in grey scale by the words).
STATUS_COLOURS: dict[Status | None, str] = {
    Status.POSITIVE: "#8e1b1b",
    Status.NEGATIVE: "#1d5e2c",
    Status.EQUIVOCAL: "#8a5a00",
    Status.PENDING: "#8a5a00",
    Status.ADJUDICATION: "#6a1b9a",
    Status.INDETERMINATE: "#444444",
    None: "#666666",
}

NEXT_STEP_WORDS: dict[NextStep, str] = {
    NextStep.NONE: "None: the result is complete",
    NextStep.REFLEX_ISH: "Reflex ISH on the same specimen",
    NextStep.RECOUNT: "Blinded second count by another observer",
    NextStep.CONCURRENT_IHC: "Review concurrent IHC on the same tissue",
    NextStep.DUAL_PROBE_ISH: "Repeat with a dual-probe ISH assay",
    NextStep.ADJUDICATE: "Pathologist adjudication",
    NextStep.NEW_SPECIMEN: "Test a new specimen",
}


SPECIAL_WORDS: dict[object, str] = {
    AssayType.FDA_APPROVED: "FDA-approved",
    AssayType.LABORATORY_DEVELOPED: "Laboratory-developed",
}


def label(value: StrEnum | None) -> str:
    """A readable label; IHC scores keep their own notation (0, 1+, 2+, 3+)."""
    if value is None:
        return ""
    if value in SPECIAL_WORDS:
        return SPECIAL_WORDS[value]
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


def reported_label(status: Status | None, descriptor: Descriptor | None, adjudicated: bool) -> str:
    """The reported result in a cell or a line: 'NEGATIVE (HER2-low)', 'POSITIVE, adjudicated'."""
    if status is None:
        return ""
    text = label(status)
    if descriptor is not None:
        text += f" ({label(descriptor)})"
    return f"{text}, adjudicated" if adjudicated else text
