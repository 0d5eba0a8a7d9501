"""What a person enters for one HER2 test, already parsed into the domain vocabulary.

The fields are exactly those of the `her2desk interpret` contract (and of the CSV columns with the
same names). `None` always means "not given"; nothing is defaulted or guessed.

`scoring_criteria` is chosen only for a site without a HER2 guideline of its own (see `criteria.py`);
`criteria` is what actually scores the test, the site's own guideline first.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import Any

from her2desk.domain.criteria import criteria_in_effect
from her2desk.domain.vocabulary import IhcScore, IshProbe, Procedure, ScoringCriteria, Site


@dataclass(frozen=True, slots=True)
class IshCount:
    """One observer's count: average HER2 and CEP17 signals per cell over `cells` cells.

    As entered, a count may lack a value (the form and the CSV import keep a partial count so the checks
    name what is missing); `Her2TestInput.first_count` and `recount` give only complete ones.
    """

    her2: Decimal | None
    cep17: Decimal | None
    cells: int | None


@dataclass(frozen=True, slots=True)
class Her2TestInput:
    site: Site | None = None
    procedure: Procedure | None = None
    ihc: IhcScore | None = None
    stained_pct: Decimal | None = None
    cluster_cells: int | None = None
    ish: IshProbe | None = None
    her2: Decimal | None = None
    cep17: Decimal | None = None
    cells: int | None = None
    recount_her2: Decimal | None = None
    recount_cep17: Decimal | None = None
    recount_cells: int | None = None
    # Last, so the fields above keep their positions.
    scoring_criteria: ScoringCriteria | None = None

    @property
    def criteria(self) -> ScoringCriteria | None:
        """The criteria that score this test: the site's guideline, else the criteria chosen for it."""
        return criteria_in_effect(self.site, self.scoring_criteria)

    @property
    def first_count(self) -> IshCount | None:
        if self.her2 is None or self.cells is None:
            return None
        return IshCount(self.her2, self.cep17, self.cells)

    @property
    def recount(self) -> IshCount | None:
        if self.recount_her2 is None or self.recount_cells is None:
            return None
        return IshCount(self.recount_her2, self.recount_cep17, self.recount_cells)

    @property
    def has_ish_values(self) -> bool:
        return any(v is not None for v in (self.her2, self.cep17, self.cells))

    @property
    def has_recount_values(self) -> bool:
        return any(v is not None for v in (self.recount_her2, self.recount_cep17, self.recount_cells))

    def with_changes(self, **changes: Any) -> Her2TestInput:
        """A copy with the named fields changed (replace() refuses an unknown name)."""
        return replace(self, **changes)


INPUT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Her2TestInput))
