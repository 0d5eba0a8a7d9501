"""Words shown to people for the domain's values, spelled once for every view.

The vocabulary's values are the CLI/CSV contract ("core-needle-biopsy"); people read "Core needle biopsy".
The words themselves live in the domain (`domain.labels.value_label`) so that the domain's messages and
the command line use them too; `label` is the same function under the name the views know.
"""

from __future__ import annotations

from her2desk.domain.labels import NEXT_STEP_WORDS, SPECIAL_WORDS, value_label
from her2desk.domain.vocabulary import Descriptor, Status

__all__ = ["NEXT_STEP_WORDS", "SPECIAL_WORDS", "STATUS_COLOURS", "label", "reported_label"]

label = value_label

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


def reported_label(status: Status | None, descriptor: Descriptor | None, adjudicated: bool) -> str:
    """The reported result in a cell or a line: 'NEGATIVE (HER2-low)', 'POSITIVE, adjudicated'."""
    if status is None:
        return ""
    text = label(status)
    if descriptor is not None:
        text += f" ({label(descriptor)})"
    return f"{text}, adjudicated" if adjudicated else text
