"""The words her2desk uses for a HER2 test, spelled once.

Every enumeration's value is the exact spelling of the command-line contract (`her2desk interpret`,
CSV import/export), so the same word means the same thing in the CLI, the database and the GUI.
Plain-language labels for people live in `labels.py`.
"""

from __future__ import annotations

from enum import StrEnum


class Site(StrEnum):
    """Primary site of the tumour tested; it selects the scoring system."""

    BREAST = "breast"
    STOMACH = "stomach"
    GASTROESOPHAGEAL_JUNCTION = "gastroesophageal-junction"
    ESOPHAGUS = "esophagus"
    PANCREAS = "pancreas"
    BLADDER = "bladder"
    OVARY = "ovary"
    OTHER = "other"

    @property
    def is_breast(self) -> bool:
        return self is Site.BREAST

    @property
    def is_gastroesophageal(self) -> bool:
        return self in GASTROESOPHAGEAL_SITES

    @property
    def has_site_specific_guideline(self) -> bool:
        return self.is_breast or self.is_gastroesophageal


GASTROESOPHAGEAL_SITES = frozenset({Site.STOMACH, Site.GASTROESOPHAGEAL_JUNCTION, Site.ESOPHAGUS})


class Procedure(StrEnum):
    """How the specimen was taken."""

    FINE_NEEDLE_ASPIRATION = "fine-needle-aspiration"
    CORE_NEEDLE_BIOPSY = "core-needle-biopsy"
    INCISIONAL_BIOPSY = "incisional-biopsy"
    EXCISIONAL_BIOPSY = "excisional-biopsy"
    ENDOSCOPIC_BIOPSY = "endoscopic-biopsy"
    SURGICAL_RESECTION = "surgical-resection"

    @property
    def is_resection(self) -> bool:
        return self is Procedure.SURGICAL_RESECTION


class IhcScore(StrEnum):
    """Immunohistochemistry score; `indeterminate` is a technical failure, not a score."""

    ZERO = "0"
    ONE_PLUS = "1+"
    TWO_PLUS = "2+"
    THREE_PLUS = "3+"
    INDETERMINATE = "indeterminate"

    @property
    def is_negative_score(self) -> bool:
        return self in (IhcScore.ZERO, IhcScore.ONE_PLUS)


class IshProbe(StrEnum):
    """In situ hybridisation assay design."""

    DUAL = "dual"
    SINGLE = "single"


class IshMethod(StrEnum):
    """How ISH signals are shown (recorded, not used by the rules)."""

    FISH = "FISH"
    CISH = "CISH"
    SISH = "SISH"
    DISH = "DISH"


class Status(StrEnum):
    """Reportable HER2 status.

    `equivocal` is IHC 2+ waiting for ISH; `pending` is any other result waiting for more work;
    `adjudication` waits for the pathologist's decision. HER2-low/-ultralow/-null are never statuses.
    """

    POSITIVE = "positive"
    NEGATIVE = "negative"
    EQUIVOCAL = "equivocal"
    PENDING = "pending"
    ADJUDICATION = "adjudication"
    INDETERMINATE = "indeterminate"

    @property
    def is_final(self) -> bool:
        return self in (Status.POSITIVE, Status.NEGATIVE, Status.INDETERMINATE)

    @property
    def needs_action(self) -> bool:
        return self in (Status.EQUIVOCAL, Status.PENDING, Status.ADJUDICATION)


class Descriptor(StrEnum):
    """Descriptor of a *negative* breast result (ASCO/CAP 2023: not a result category)."""

    LOW = "HER2-low"
    ULTRALOW = "HER2-ultralow"
    NULL = "HER2-null"


class NextStep(StrEnum):
    NONE = "none"
    REFLEX_ISH = "reflex-ish"
    RECOUNT = "recount"
    CONCURRENT_IHC = "concurrent-ihc"
    DUAL_PROBE_ISH = "dual-probe-ish"
    ADJUDICATE = "adjudicate"
    NEW_SPECIMEN = "new-specimen"


class IshGroup(int):
    """Dual-probe ISH group 1-5 (ASCO/CAP 2018, breast only). A plain int with a readable name."""

    def __new__(cls, value: int) -> IshGroup:
        if value not in (1, 2, 3, 4, 5):
            raise ValueError(f"ISH group must be 1-5, not {value}")
        return super().__new__(cls, value)

    def __repr__(self) -> str:
        return f"IshGroup({int(self)})"


class ScoringSystem(StrEnum):
    """Which published criteria scored the IHC slide."""

    BREAST = "breast (ASCO/CAP 2018, affirmed 2023)"
    GASTROESOPHAGEAL_BIOPSY = "gastroesophageal biopsy (CAP/ASCP/ASCO 2016)"
    GASTROESOPHAGEAL_RESECTION = "gastroesophageal resection (CAP/ASCP/ASCO 2016)"


class ScoringCriteria(StrEnum):
    """The published criteria chosen for a site that has no HER2 guideline of its own.

    Pancreas, bladder, ovary and other sites have no site-specific HER2 guideline, so the person
    entering the case chooses: the gastroesophageal criteria (as DESTINY-PanTumor02 used) or the breast
    criteria. The choice is stored and reported; it is never assumed.
    """

    GASTROESOPHAGEAL = "gastroesophageal"
    BREAST = "breast"


class Laterality(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BILATERAL = "bilateral"
    UNKNOWN = "unknown"


class ClinicalSetting(StrEnum):
    PRIMARY = "primary"
    METASTATIC = "metastatic"
    RECURRENT = "recurrent"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Fixative(StrEnum):
    NBF = "10% neutral buffered formalin"
    OTHER = "other"
    UNKNOWN = "unknown"


class AssayType(StrEnum):
    FDA_APPROVED = "fda-approved"
    LABORATORY_DEVELOPED = "laboratory-developed"
