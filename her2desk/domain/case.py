"""One HER2 case as a person enters it: patient, specimen, IHC panel and ISH panel.

This is the shape the form edits, the store persists and the handout reads. Raw counts only: the
ratio, group and status are always recomputed by the engine (`CaseEntry.test_input()` -> `interpret`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from her2desk.domain.inputs import Her2TestInput, IshCount
from her2desk.domain.vocabulary import (
    AssayType,
    ClinicalSetting,
    Fixative,
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    Procedure,
    ScoringCriteria,
    Sex,
    Site,
)


@dataclass(frozen=True)
class PatientDetails:
    mrn: str = ""
    family_name: str = ""
    given_name: str = ""
    birth_date: date | None = None
    sex: Sex | None = None

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_name}" if self.given_name else self.family_name


@dataclass(frozen=True)
class SpecimenDetails:
    procedure: Procedure | None = None
    site: Site | None = None
    laterality: Laterality | None = None
    setting: ClinicalSetting = ClinicalSetting.PRIMARY
    metastatic_site: str | None = None
    collected_on: date | None = None
    block: str | None = None
    fixative: Fixative | None = None
    cold_ischaemia_minutes: int | None = None
    fixation_hours: Decimal | None = None
    fragments: int | None = None
    fragments_with_tumour: int | None = None
    scoring_criteria: ScoringCriteria | None = None  # only for a site without a guideline of its own


@dataclass(frozen=True)
class IhcDetails:
    clone: str | None = None
    assay_type: AssayType | None = None
    controls_acceptable: bool | None = None
    score: IhcScore | None = None
    stained_pct: Decimal | None = None
    cluster_cells: int | None = None


@dataclass(frozen=True)
class IshDetails:
    probe: IshProbe | None = None
    method: IshMethod | None = None
    first: IshCount | None = None
    second: IshCount | None = None


@dataclass(frozen=True)
class CaseEntry:
    accession: str = ""
    patient: PatientDetails = field(default_factory=PatientDetails)
    specimen: SpecimenDetails = field(default_factory=SpecimenDetails)
    ihc: IhcDetails = field(default_factory=IhcDetails)
    ish: IshDetails = field(default_factory=IshDetails)

    def test_input(self) -> Her2TestInput:
        """The engine's view of this case: exactly the fields the guideline rules use."""
        first, second = self.ish.first, self.ish.second
        return Her2TestInput(
            site=self.specimen.site,
            procedure=self.specimen.procedure,
            ihc=self.ihc.score,
            stained_pct=self.ihc.stained_pct,
            cluster_cells=self.ihc.cluster_cells,
            ish=self.ish.probe,
            her2=first.her2 if first else None,
            cep17=first.cep17 if first else None,
            cells=first.cells if first else None,
            recount_her2=second.her2 if second else None,
            recount_cep17=second.cep17 if second else None,
            recount_cells=second.cells if second else None,
            scoring_criteria=self.specimen.scoring_criteria,
        )

    def with_changes(self, **changes: Any) -> CaseEntry:
        """A copy with the named fields changed (replace() refuses an unknown name)."""
        return replace(self, **changes)
