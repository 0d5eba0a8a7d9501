"""Checks on a whole case beyond the guideline engine: identifiers, dates, specimen, pre-analytics, the
IHC's controls and, for HER2-low/-ultralow results, whether the clone is the companion test (4B5).

Errors block saving; warnings (pre-analytic conditions the guideline asks to report, an IHC 3+ without
a controls result, another clone on a HER2-low result) never do, unless a lab setting makes them errors.
A message never starts with its field's name: every front end puts the name (the form's label, the
command line's option, the CSV column) before it, and a value is named in the form's words
(`labels.value_label`), never by its code. Field names are dotted paths into `CaseEntry`
("patient.mrn", "specimen.fixation_hours") except for the engine's own fields, which keep the engine's
names ("her2", "stained_pct"), as on the form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from her2desk.domain.case import CaseEntry
from her2desk.domain.engine import interpret
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.identifiers import MAX_ACCESSION, identifier_problem
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.labels import plain_number, warning_field
from her2desk.domain.metastatic_site import check_metastatic_site, is_legacy
from her2desk.domain.phrases import Phrase
from her2desk.domain.problems import Problem
from her2desk.domain.vocabulary import ClinicalSetting, Fixative, IhcScore, Laterality, Status

MAX_MRN = 32
MAX_NAME = 200
MAX_SHORT_TEXT = 100
EARLIEST_DATE = date(1900, 1, 1)


@dataclass(frozen=True)
class CaseCheck:
    """Everything the program has to say about a case before it is saved."""

    interpretation: Interpretation
    errors: tuple[Problem, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors


def _has_control_chars(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text)


def _check_identifier(errors: list[Problem], name: str, value: str, limit: int) -> None:
    problem = identifier_problem(value, limit)
    if problem is not None:
        errors.append(Problem(name, problem))


def _check_name(errors: list[Problem], name: str, value: str, required: bool) -> None:
    if not value.strip():
        if required:
            errors.append(Problem(name, Phrase("required")))
        return
    if len(value) > MAX_NAME:
        errors.append(
            Problem(
                name,
                Phrase(
                    "must be at most {limit} characters, not {count}", limit=MAX_NAME, count=f"{len(value):,}"
                ),
            )
        )
    elif _has_control_chars(value) or "\n" in value:
        errors.append(Problem(name, Phrase("must not contain control characters or line breaks")))


def _check_date(errors: list[Problem], name: str, value: date | None, today: date) -> None:
    if value is None:
        return
    if value > today:
        errors.append(
            Problem(
                name,
                Phrase(
                    "{date} is in the future (today is {today})",
                    date=value.isoformat(),
                    today=today.isoformat(),
                ),
            )
        )
    elif value < EARLIEST_DATE:
        errors.append(
            Problem(name, Phrase("{date} is before {year}", date=value.isoformat(), year=EARLIEST_DATE.year))
        )


def check_case(
    entry: CaseEntry,
    today: date | None = None,
    settings: GuidelineSettings = DEFAULT_SETTINGS,
    *,
    kept_metastatic_site: str | None = None,
) -> CaseCheck:
    """Errors and warnings of a case. `kept_metastatic_site` is the metastatic site already stored for
    the case being edited: free text from before the list of sites, kept unchanged, is warned about,
    never refused (see `domain.metastatic_site`)."""
    today = today or date.today()
    errors: list[Problem] = []
    warnings: list[str] = []
    _check_identifier(errors, "accession", entry.accession, MAX_ACCESSION)
    p = entry.patient
    _check_identifier(errors, "patient.mrn", p.mrn, MAX_MRN)
    _check_name(errors, "patient.family_name", p.family_name, required=True)
    _check_name(errors, "patient.given_name", p.given_name, required=True)
    if p.birth_date is None:
        errors.append(Problem("patient.birth_date", Phrase("required (a second patient identifier)")))
    _check_date(errors, "patient.birth_date", p.birth_date, today)

    s = entry.specimen
    _check_date(errors, "specimen.collected_on", s.collected_on, today)
    if s.collected_on and p.birth_date and s.collected_on < p.birth_date:
        errors.append(
            Problem(
                "specimen.collected_on",
                Phrase(
                    "{date} is before the birth date {birth_date}",
                    date=s.collected_on.isoformat(),
                    birth_date=p.birth_date.isoformat(),
                ),
            )
        )
    if s.site is not None:
        if s.site.is_breast and s.laterality is None:
            errors.append(
                Problem(
                    "specimen.laterality",
                    Phrase("breast specimens need laterality: left, right, bilateral or unknown"),
                )
            )
        if not s.site.is_breast and s.laterality not in (None, Laterality.UNKNOWN):
            errors.append(
                Problem("specimen.laterality", Phrase("laterality applies to breast specimens only"))
            )
    if s.setting is ClinicalSetting.PRIMARY and s.metastatic_site:
        errors.append(
            Problem(
                "specimen.metastatic_site",
                Phrase(
                    "a metastatic site is given for a primary tumour; "
                    "choose metastatic or recurrent, or clear it"
                ),
            )
        )
    if s.setting is ClinicalSetting.METASTATIC and not (s.metastatic_site or "").strip():
        warnings.append(Phrase("specimen.metastatic_site: metastatic specimen without the metastatic site"))
    errors.extend(
        Problem(name, message)
        for name, message in check_metastatic_site(s.metastatic_site, kept_metastatic_site)
    )
    if is_legacy(s.metastatic_site):
        warnings.append(
            Phrase(
                "specimen.metastatic_site: {text} was typed before the list of sites; "
                "choose the site from the list",
                text=repr(s.metastatic_site),
            )
        )
    for name, value in (
        ("specimen.block", s.block),
        ("ihc.clone", entry.ihc.clone),
    ):
        if value is not None and (len(value) > MAX_SHORT_TEXT or _has_control_chars(value)):
            errors.append(
                Problem(name, Phrase("must be at most {limit} printable characters", limit=MAX_SHORT_TEXT))
            )
    _check_preanalytics(entry, settings, errors, warnings)

    interpretation = interpret(entry.test_input(), settings)
    errors.extend(interpretation.errors)
    _check_companion_test(entry, interpretation, warnings)
    for w in interpretation.warnings:
        if w not in warnings:
            warnings.append(w)
    # No plausibility warning about a value that is already an error (see validation.py).
    wrong = {problem.field for problem in errors}
    warnings = [w for w in warnings if warning_field(w) not in wrong]
    return CaseCheck(interpretation, tuple(errors), tuple(warnings))


def _check_preanalytics(
    entry: CaseEntry, settings: GuidelineSettings, errors: list[Problem], warnings: list[str]
) -> None:
    s = entry.specimen
    if s.cold_ischaemia_minutes is not None:
        if s.cold_ischaemia_minutes < 0:
            errors.append(Problem("specimen.cold_ischaemia_minutes", Phrase("must be 0 minutes or more")))
        elif s.cold_ischaemia_minutes > settings.cold_ischaemia_max_minutes:
            warnings.append(
                Phrase(
                    "specimen.cold_ischaemia_minutes: cold ischaemia {minutes} min is over {limit} min; "
                    "report the exception",
                    minutes=plain_number(s.cold_ischaemia_minutes),
                    limit=settings.cold_ischaemia_max_minutes,
                )
            )
    if s.fixation_hours is not None:
        if s.fixation_hours < 0:
            errors.append(Problem("specimen.fixation_hours", Phrase("must be 0 hours or more")))
        elif not settings.fixation_hours_min <= s.fixation_hours <= settings.fixation_hours_max:
            warnings.append(
                Phrase(
                    "specimen.fixation_hours: fixation {hours} h is outside {low}-{high} h; "
                    "report the exception",
                    hours=plain_number(s.fixation_hours),
                    low=settings.fixation_hours_min,
                    high=settings.fixation_hours_max,
                )
            )
    if s.fixative is Fixative.OTHER:
        warnings.append(
            Phrase(
                "specimen.fixative: not 10% neutral buffered formalin; "
                "the guideline's requirements are not met"
            )
        )
    total, tumour = s.fragments, s.fragments_with_tumour
    for name, value in (("specimen.fragments", total), ("specimen.fragments_with_tumour", tumour)):
        if value is not None and value < 0:
            errors.append(Problem(name, Phrase("must be 0 or more")))
    if total is not None and tumour is not None and tumour > total:
        errors.append(
            Problem(
                "specimen.fragments_with_tumour",
                Phrase(
                    "{tumour} fragments with tumour is more than the {total} fragments in all",
                    tumour=plain_number(tumour),
                    total=plain_number(total),
                ),
            )
        )
    gastro_biopsy = (
        s.site is not None
        and not s.site.is_breast
        and s.procedure is not None
        and not s.procedure.is_resection
    )
    if gastro_biopsy and total is not None and 0 <= total < settings.gastroesophageal_min_fragments:
        warnings.append(
            Phrase(
                "specimen.fragments: {count} biopsy fragments; at least {minimum} (ideally 6-8) are "
                "recommended; consider re-biopsy if negative",
                count=total,
                minimum=settings.gastroesophageal_min_fragments,
            )
        )
    _check_controls(entry, settings, errors, warnings)


def _check_controls(
    entry: CaseEntry, settings: GuidelineSettings, errors: list[Problem], warnings: list[str]
) -> None:
    """Controls must stain as expected for any IHC score to be reported (rules §1.2, §(c)); an IHC 3+
    without a controls result is a warning, or an error where the lab requires one."""
    ihc = entry.ihc
    if ihc.controls_acceptable is False and ihc.score not in (None, IhcScore.INDETERMINATE):
        errors.append(
            Problem(
                "ihc.controls_acceptable",
                Phrase(
                    "controls did not stain as expected; the IHC cannot be "
                    "reported (score it indeterminate and repeat)"
                ),
            )
        )
    elif ihc.controls_acceptable is None and ihc.score is IhcScore.THREE_PLUS:
        if settings.require_controls_for_ihc3:
            errors.append(
                Problem(
                    "ihc.controls_acceptable",
                    Phrase(
                        "IHC 3+ needs a controls result: say whether the controls stained as expected "
                        "(the lab requires it)"
                    ),
                )
            )
        else:
            warnings.append(
                Phrase(
                    "ihc.controls_acceptable: IHC 3+ without a controls result; say whether the controls "
                    "stained as expected"
                )
            )


_4B5 = re.compile(r"(?<!\d)4\s*B\s*5(?!\d)", re.IGNORECASE)


def is_4b5(clone: str | None) -> bool:
    """Whether an antibody clone is 4B5 (Ventana PATHWAY anti-HER2/neu), however it was typed:
    "4B5", "PATHWAY 4B5", "Ventana 4B5 (PATHWAY)", "4b5", "4 B 5" count; "14B5" or "CB11" do not."""
    return clone is not None and _4B5.search(clone) is not None


def _check_companion_test(entry: CaseEntry, interpretation: Interpretation, warnings: list[str]) -> None:
    """The FDA-approved companion test for HER2-low and HER2-ultralow is 4B5 (rules §2.2-2.3, §(c) 17).

    HER2-low / -ultralow are read from the result and the IHC (a negative breast result with IHC 1+ or
    2+, or IHC 0 with faint staining in more than 0%), not from the descriptor, which a lab may choose
    not to print: the test used matters to eligibility either way.
    """
    clone = (entry.ihc.clone or "").strip()
    site, score, pct = entry.specimen.site, entry.ihc.score, entry.ihc.stained_pct
    if not clone or is_4b5(clone) or site is None or not site.is_breast:
        return
    if interpretation.status is not Status.NEGATIVE:
        return
    if score in (IhcScore.ONE_PLUS, IhcScore.TWO_PLUS):
        kind = "HER2-low"
    elif score is IhcScore.ZERO and pct is not None and pct > 0:
        kind = "HER2-ultralow"
    else:
        return
    warnings.append(
        Phrase(
            "ihc.clone: this is a {kind} result and the clone is not 4B5; the FDA-approved companion "
            "test for HER2-low and HER2-ultralow is the Ventana PATHWAY anti-HER2/neu (4B5) assay",
            kind=kind,
        )
    )
