"""What the program asks the report for: one case version, its reported result and its signatures.

The report states `reported` (the adjudicated status when there is one, else the engine's) and shows
the engine's `interpretation` beside it only where they differ; the numbers, the guideline, its
comments and the rules version come from the interpretation. The workflow decides whether the
version is signed out (`reported.signed_out`), its report version, the amendment reason and the
signatures; the report only prints them, so it never needs to know how they are stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from her2desk.domain.case import CaseEntry
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.reported_result import ReportedResult


@dataclass(frozen=True)
class Signature:
    """One electronic signature: who (display and user name), when, and what the signature means."""

    name: str
    username: str
    signed_at: datetime
    meaning: str  # "signed out", "adjudicated", "amended"


@dataclass(frozen=True)
class ReportRequest:
    """Everything one report is made from.

    `report_version` > 1 is an amended report: `amendment_reason` (required then) is printed with
    "Amended report". `signatures` are those of this report version. `settings` are the lab's rules
    (criteria wording, comment texts). `printed_at` is shown in the header; None leaves it out, so a
    test gets the same bytes every time. `record_digest`/`record_position`: the hash chain's head
    when the report was made (the record check code).
    """

    entry: CaseEntry
    interpretation: Interpretation
    reported: ReportedResult = field(kw_only=True)
    report_version: int = field(default=1, kw_only=True)
    amendment_reason: str | None = field(default=None, kw_only=True)
    amended_by: str | None = field(default=None, kw_only=True)
    amended_at: datetime | None = field(default=None, kw_only=True)
    signatures: tuple[Signature, ...] = field(default=(), kw_only=True)
    lab_name: str = field(default="", kw_only=True)
    settings: GuidelineSettings = field(default=DEFAULT_SETTINGS, kw_only=True)
    first_count_by: str | None = field(default=None, kw_only=True)
    recount_by: str | None = field(default=None, kw_only=True)
    one_person_counted_both: bool = field(default=False, kw_only=True)
    printed_at: datetime | None = field(default=None, kw_only=True)
    record_digest: str | None = field(default=None, kw_only=True)
    record_position: int | None = field(default=None, kw_only=True)

    @property
    def preliminary(self) -> bool:
        """Not signed out: every page is marked PRELIMINARY — NOT FINAL."""
        return not self.reported.signed_out

    @property
    def amended(self) -> bool:
        return self.report_version > 1


class ReportRefusedError(ValueError):
    """This case version cannot have a report (no result: its input has errors)."""
