"""The blinded second count (ASCO/CAP 2018, Figs 4-6): a second observer, blind to the first result.

For dual-probe ISH groups 2-4 with IHC 2+ the guideline asks that "an observer blinded to previous
results recounts ISH, counting at least 20 cells". A recount typed by the person who made the first
count is not a second observer's, so the service refuses it. A one-person lab may allow it by a lab
setting; the report then says that one person made both counts, so nobody takes it for two observers.
Identity is compared by user id; an unknown enterer (a count stored before enterers were recorded, or
typed without sign-in) cannot be compared and is not refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from her2desk.domain.phrases import Phrase

SAME_OBSERVER_REFUSAL = Phrase(
    "the blinded second count must be entered by a second observer, not by the person who entered the "
    "first count; ask a colleague to enter it (an administrator can allow one person to enter both in "
    "Lab settings, for a one-person lab)"
)
SAME_OBSERVER_NOTE = Phrase(
    "Both ISH counts were entered by the same person (allowed by the lab's setting for a one-person "
    "lab); the second count is not an independent observer's."
)


@dataclass(frozen=True)
class BlindedRecountPolicy:
    allow_same_observer: bool = False


def same_observer(first_by: int | None, recount_by: int | None) -> bool:
    """Both counts provably entered by one user (both enterers known and equal)."""
    return first_by is not None and first_by == recount_by


def refusals(first_by: int | None, recount_by: int | None, policy: BlindedRecountPolicy) -> list[str]:
    """Why storing these counts is refused (empty when allowed)."""
    if same_observer(first_by, recount_by) and not policy.allow_same_observer:
        return [SAME_OBSERVER_REFUSAL]
    return []
