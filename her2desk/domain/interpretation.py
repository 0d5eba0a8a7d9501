"""The result of interpreting one HER2 test, and the builder the site rules use to make it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from her2desk.domain.numbers import format_decimal
from her2desk.domain.problems import Problem
from her2desk.domain.vocabulary import Descriptor, NextStep, ScoringSystem, Status


@dataclass(frozen=True)
class Interpretation:
    """What the guideline says about one test.

    `status` is None only when the input has errors: an invalid test has no status, it is never
    guessed. The ratio and HER2 average are the rounded values the calls were made on.
    `rules_version` names the rules and lab rule settings it was made with (`rule_settings.rules_version`);
    the engine stamps it on every result, and it is "" on one the engine did not make, so a result never
    claims settings it was not computed with.
    """

    status: Status | None
    next_step: NextStep
    guideline: str
    ish_group: int | None = None
    ratio: Decimal | None = None
    her2_average: Decimal | None = None
    recount_group: int | None = None
    recount_ratio: Decimal | None = None
    descriptor: Descriptor | None = None
    scoring_system: ScoringSystem | None = None
    comments: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    trail: tuple[str, ...] = ()
    errors: tuple[Problem, ...] = ()
    rules_version: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of the `her2desk interpret --json` contract."""
        return {
            "status": self.status.value if self.status else None,
            "ish_group": self.ish_group,
            "ratio": float(self.ratio) if self.ratio is not None else None,
            "descriptor": self.descriptor.value if self.descriptor else None,
            "next_step": self.next_step.value,
            "comments": list(self.comments),
            "warnings": list(self.warnings),
            "trail": list(self.trail),
            "errors": [p.as_dict() for p in self.errors],
            "guideline": self.guideline,
            "rules_version": self.rules_version,
        }

    def summary(self) -> str:
        """One line a pathologist can read at a glance, e.g. 'NEGATIVE (HER2-low), group 4, ratio 1.83'."""
        if self.status is None:
            return "INVALID INPUT"
        parts = [self.status.value.upper()]
        if self.descriptor:
            parts[0] += f" ({self.descriptor.value})"
        if self.ish_group is not None:
            parts.append(f"group {self.ish_group}")
        if self.ratio is not None:
            parts.append(f"ratio {format_decimal(self.ratio)}")
        if self.next_step is not NextStep.NONE:
            parts.append(f"next: {self.next_step.value}")
        return ", ".join(parts)


@dataclass
class InterpretationBuilder:
    """Collects the trail, comments and warnings while a site's rules run."""

    guideline: str
    scoring_system: ScoringSystem | None = None
    trail: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ish_group: int | None = None
    ratio: Decimal | None = None
    her2_average: Decimal | None = None
    recount_group: int | None = None
    recount_ratio: Decimal | None = None

    def step(self, text: str) -> None:
        self.trail.append(text)

    def comment(self, text: str) -> None:
        if text and text not in self.comments:
            self.comments.append(text)

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def finish(
        self, status: Status, next_step: NextStep = NextStep.NONE, descriptor: Descriptor | None = None
    ) -> Interpretation:
        if descriptor is not None and status is not Status.NEGATIVE:
            raise AssertionError("a descriptor only ever qualifies a negative result")
        return Interpretation(
            status=status,
            next_step=next_step,
            guideline=self.guideline,
            ish_group=self.ish_group,
            ratio=self.ratio,
            her2_average=self.her2_average,
            recount_group=self.recount_group,
            recount_ratio=self.recount_ratio,
            descriptor=descriptor,
            scoring_system=self.scoring_system,
            comments=tuple(self.comments),
            warnings=tuple(self.warnings),
            trail=tuple(self.trail),
        )
