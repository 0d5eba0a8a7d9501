"""Synthetic demonstration data, fast enough for 1,000,000-case benchmark databases.

Every patient is obviously invented (family names such as "Testpatient-…", "Demo-Ångström-…",
"Synthetic-王…", MRNs "DEMO0000123"), and the database is flagged as demo so the program can say so.
The cases cover every site, procedure, IHC score, ISH group 1-5, recounts, adjudications and every status
and sign-out state, with collection dates over the last three years that rise with the accession numbers, as
a lab's do. The demo accounts of `demo_accounts` (an administrator, two pathologists, a technologist; one
documented password) are created with the first cases, and every case is "entered" by the demo technologist,
so either demo pathologist can sign cases out and a tester can try the workflow as different people. Each
interpretation is computed by the domain engine, as for a real save; rows go in through the driver's
executemany in batches (the ORM would be ~20x slower).

Signed-out and amended cases carry what the sign-out workflow would have written: signed out by the
second demo pathologist (so `demo-pathologist` can still sign out and amend), at times over the last
six weeks with about one in twenty today (local day, so "Signed out today" shows cases), an
electronic signature and the report-version snapshot built by `store.snapshots` like a real sign-out;
an amended case is report version 2 with its signed-out version 1 kept, a reason and who amended it.
Demos of up to `AUDIT_EACH_CASE_UP_TO` cases get the audit rows a real entry, sign-out and amendment
would write (per case and patient; measured at 10,000 cases: 2.3 s -> 2.7-3.4 s, 26 -> 36 MB);
larger (benchmark) runs keep one summary audit row per run. Sign-out times come from a random stream
of their own, so a seed gives the same cases as before they existed. Signatures, report versions and
audit rows are chained, and every batch's cases and patients sealed, as real writes are (`chain.py`).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import accumulate
from operator import itemgetter
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Connection, func, insert, select

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.engine import interpret
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS
from her2desk.domain.identifiers import mrn_number_key
from her2desk.domain.inputs import Her2TestInput, IshCount
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.records import SignOutState
from her2desk.domain.vocabulary import (
    AssayType,
    ClinicalSetting,
    Fixative,
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    NextStep,
    Procedure,
    ScoringCriteria,
    Sex,
    Site,
)
from her2desk.store.audit import AuditEvent, amend_event, record_event, sign_out_event, utc_now, write_events
from her2desk.store.chain import CHAINED_TABLES, append, touch
from her2desk.store.database import DEMO_KEY, Database, open_database
from her2desk.store.demo_accounts import (
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    DEMO_PATHOLOGIST_2,
    DEMO_TECHNOLOGIST,
)
from her2desk.store.mapping import interpretation_values, name_key
from her2desk.store.queries import local_day_bounds
from her2desk.store.rule_sets import record_settings
from her2desk.store.schema import AppMetadata, Case, Patient, User
from her2desk.store.snapshots import SIGNATURE_MEANING, snapshot_json

BATCH = 5_000
DEMO_SPAN_DAYS = 3 * 365
# How many days before its accession a specimen may have been collected: a lab's cases arrive in
# roughly the order they were taken, so accession numbers and collection dates rise together.
COLLECTION_LAG_DAYS = 7
DEMO_USER = "demo-seed"
FAMILY_PREFIXES = (
    "Testpatient",
    "Demo-Ångström",
    "Synthetic-王",
    "Beispiel-Müller",
    "Exemple-Lefèvre",
    "Тестова",
    "Δοκιμή",
    "O'Demo",
)
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "bo", "da", "fe", "gu", "hi", "jo", "pe")
GIVEN_NAMES = (
    "Ada",
    "Zoë",
    "Mårten",
    "Ngozi",
    "Aiko",
    "José",
    "Saoirse",
    "Łucja",
    "Ψυχή",
    "明",
    "Olu",
    "Ines",
)
METASTATIC_SITES = ("liver", "bone", "lung", "lymph-node", "brain", "peritoneum")  # metastatic_site codes
SITE_WEIGHTS = {
    Site.BREAST: 60,
    Site.STOMACH: 12,
    Site.GASTROESOPHAGEAL_JUNCTION: 8,
    Site.ESOPHAGUS: 6,
    Site.PANCREAS: 3,
    Site.BLADDER: 4,
    Site.OVARY: 4,
    Site.OTHER: 3,
}
# (HER2, CEP17) averages per dual-probe breast ISH group.
GROUP_COUNTS = {1: ("5.2", "2.0"), 2: ("3.6", "1.6"), 3: ("6.6", "3.9"), 4: ("4.8", "3.0"), 5: ("2.1", "1.9")}
IHC_WEIGHTS = (25, 25, 30, 15, 5)  # 0, 1+, 2+, 3+, indeterminate
SIGNOUT_WINDOW = timedelta(days=42)  # sign-outs spread over the last six weeks ...
SIGNED_OUT_TODAY_SHARE = 0.05  # ... and about one in twenty today (local day)
AUDIT_EACH_CASE_UP_TO = 10_000  # per-case audit rows for demos this small; one summary row above
AMENDMENT_REASONS = (
    "Clinical history received after sign-out (synthetic demo amendment)",
    "Block number corrected (synthetic demo amendment)",
    "Fixation time added from the requisition (synthetic demo amendment)",
)
SIGNOUT_WEIGHTS = {
    SignOutState.DRAFT: 5,
    SignOutState.ENTERED: 25,
    SignOutState.SIGNED_OUT: 65,
    SignOutState.AMENDED: 5,
}


# Procedures a lab would actually see per site: no endoscopic breast biopsy, no core-needle stomach.
_PLAUSIBLE_PROCEDURES: dict[tuple[bool, bool], list[Procedure]] = {
    (True, False): [p for p in Procedure if p is not Procedure.ENDOSCOPIC_BIOPSY],
    (False, True): [Procedure.ENDOSCOPIC_BIOPSY] * 4
    + [Procedure.SURGICAL_RESECTION] * 2
    + [Procedure.FINE_NEEDLE_ASPIRATION],
    (False, False): list(Procedure),
}


def _weighted(population: Sequence[Any], weights: Sequence[int]) -> tuple[list[Any], list[int]]:
    """A population with its cumulative weights, worked out once (`random.choices` would redo it per
    call; given the same weights it draws exactly the same values)."""
    return list(population), list(accumulate(weights))


def _pick(rng: random.Random, weighted: tuple[list[Any], list[int]]) -> Any:
    return rng.choices(weighted[0], cum_weights=weighted[1])[0]


_IHC_SCORES = _weighted(list(IhcScore), IHC_WEIGHTS)
_SITES = _weighted(list(SITE_WEIGHTS), list(SITE_WEIGHTS.values()))
_SETTINGS = _weighted(list(ClinicalSetting), (80, 12, 8))
_STATES = _weighted(list(SIGNOUT_WEIGHTS), list(SIGNOUT_WEIGHTS.values()))
_FIXATIVES = _weighted(list(Fixative), (94, 3, 3))


class DemoRefusedError(Exception):
    """Seeding would mix synthetic cases into real ones."""


@dataclass
class _Ids:
    patient: int
    case: int
    technologist: int | None = None
    signer: int | None = None  # the second demo pathologist: signs out and amends demo cases
    signer_display: str = ""


def _family_name(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return f"{rng.choice(FAMILY_PREFIXES)}-{word.capitalize()}"


def _jitter(rng: random.Random, text: str, spread: str = "0.15") -> Decimal:
    value = Decimal(text) + Decimal(rng.randint(-100, 100)) * Decimal(spread) / 100
    return value.quantize(Decimal("0.01"))


def _ihc(rng: random.Random, site: Site, procedure: Procedure) -> dict[str, Any]:
    score = _pick(rng, _IHC_SCORES)
    pct: Decimal | None = None
    cluster: int | None = None
    if score is not IhcScore.INDETERMINATE:
        low, high = {
            IhcScore.ZERO: (0, 10),
            IhcScore.ONE_PLUS: (15, 60),
            IhcScore.TWO_PLUS: (15, 70),
            IhcScore.THREE_PLUS: (30, 100),
        }[score]
        if site.is_breast or procedure.is_resection:
            if not site.is_breast and score is IhcScore.ZERO:
                high = 9
            pct = Decimal(rng.randint(low, high))
        else:
            cluster = rng.randint(0, 4) if score is IhcScore.ZERO else rng.randint(5, 200)
    return {
        "clone": rng.choice(("4B5", "HercepTest", "CB11", "SP3")),
        "assay_type": rng.choice(list(AssayType)).value,
        "controls_acceptable": score is not IhcScore.INDETERMINATE or rng.random() < 0.5,
        "score": score,
        "stained_pct": pct,
        "cluster_cells": cluster,
    }


# One observer's ISH count: HER2 signals per cell, CEP17 per cell (none for a single probe), cells.
_Counts = tuple[Decimal, Decimal | None, int]
_Row = dict[str, Any]  # one table row, column name to value, ready for insert()


def _counts(rng: random.Random, site: Site, probe: IshProbe) -> _Counts:
    cells = rng.choice((20, 20, 20, 40, 60))
    if probe is IshProbe.SINGLE:
        return _jitter(rng, rng.choice(("3.2", "4.9", "7.1"))), None, cells
    her2, cep17 = (
        GROUP_COUNTS[rng.randint(1, 5)] if site.is_breast else rng.choice(list(GROUP_COUNTS.values()))
    )
    return _jitter(rng, her2), _jitter(rng, cep17, "0.05"), cells


def _criteria(site: Site) -> ScoringCriteria | None:
    """A demo site without a guideline of its own is scored with the gastroesophageal criteria, chosen
    explicitly (as a person must), like the pan-tumour trials."""
    return None if site.has_site_specific_guideline else ScoringCriteria.GASTROESOPHAGEAL


def _interpreted(
    rng: random.Random, site: Site, procedure: Procedure, ihc: dict[str, Any]
) -> tuple[IshProbe | None, _Counts | None, _Counts | None, Interpretation]:
    """Choose ISH work the way a lab would (reflex on 2+, some on others) and interpret it."""
    score = ihc["score"]
    wants_ish = (score is IhcScore.TWO_PLUS and rng.random() < 0.85) or rng.random() < 0.1
    probe = None
    first = second = None
    if wants_ish:
        probe = IshProbe.SINGLE if site.is_breast and rng.random() < 0.08 else IshProbe.DUAL
        first = _counts(rng, site, probe)
    test = Her2TestInput(
        site=site,
        procedure=procedure,
        ihc=score,
        stained_pct=ihc["stained_pct"],
        cluster_cells=ihc["cluster_cells"],
        ish=probe,
        her2=first[0] if first else None,
        cep17=first[1] if first else None,
        cells=first[2] if first else None,
        scoring_criteria=_criteria(site),
    )
    result = _engine(test)
    if result.next_step is NextStep.RECOUNT and first and rng.random() < 0.7:
        her2 = (first[0] + Decimal(rng.randint(-20, 20)) / 100).quantize(Decimal("0.01"))
        cep17 = first[1]
        second = (max(her2, Decimal("0.5")), cep17, first[2])
        test = test.with_changes(recount_her2=second[0], recount_cep17=second[1], recount_cells=second[2])
        result = _engine(test)
    if result.errors:  # never store an invalid demo case: fall back to the IHC alone
        probe, first, second = None, None, None
        test = test.with_changes(
            ish=None,
            her2=None,
            cep17=None,
            cells=None,
            recount_her2=None,
            recount_cep17=None,
            recount_cells=None,
        )
        result = _engine(test)
    if result.errors:
        raise AssertionError(f"demo generator made an invalid case: {result.errors}")
    return probe, first, second, result


# The engine is pure and most demo inputs repeat (IHC-only cases especially), so the seeder asks it once
# per distinct input; this pays for the sign-out records. The demo's decimals always carry the same
# number of places, so equal inputs are also equally written ("5.20" never meets "5.2").
_engine = functools.lru_cache(maxsize=20_000)(interpret)


@functools.lru_cache(maxsize=20_000)
def _interpretation_columns(result: Interpretation) -> tuple[tuple[str, Any], ...]:
    values = interpretation_values(result)
    for key in ("status", "next_step", "scoring_system", "descriptor"):
        values[key] = values[key].value if values[key] is not None else None
    for key in ("ratio", "her2_average", "recount_ratio"):
        values[key] = str(values[key]) if values[key] is not None else None
    return tuple(values.items())


def _interpretation_row(case_id: int, result: Interpretation) -> dict[str, Any]:
    return {"case_id": case_id, **dict(_interpretation_columns(result))}


def _patients(rng: random.Random, count: int, first_id: int) -> list[dict[str, Any]]:
    patients = []
    for offset in range(count):
        family = _family_name(rng)
        mrn = f"DEMO{first_id + offset:07d}"
        patients.append(
            {
                "id": first_id + offset,
                "mrn": mrn,
                "mrn_number_key": mrn_number_key(mrn),
                "family_name": family,
                "given_name": rng.choice(GIVEN_NAMES),
                "family_name_key": name_key(family),
                "birth_date": date(1935, 1, 1) + timedelta(days=rng.randint(0, 60 * 365)),
                "sex": Sex.FEMALE.value if rng.random() < 0.85 else rng.choice(list(Sex)).value,
            }
        )
    return patients


def _case_rows(
    rng: random.Random,
    case_id: int,
    patient: dict[str, Any],
    accessioned: date,
    now: datetime,
    entered_by: int | None,
    recount_by: int | None = None,
) -> tuple[_Row, _Row, _Row, _Row, list[_Row], _Row, Interpretation]:
    """The rows of one demo case: case, specimen, IHC, ISH, ISH counts, interpretation, and the result.

    `accessioned` is the day the case reached the lab; its specimen was collected up to
    `COLLECTION_LAG_DAYS` before."""
    site = _pick(rng, _SITES)
    procedure = rng.choice(_PLAUSIBLE_PROCEDURES[site.is_breast, site.is_gastroesophageal])
    collected = accessioned - timedelta(days=rng.randint(0, COLLECTION_LAG_DAYS))
    collected = max(collected, patient["birth_date"] + timedelta(days=18 * 365))
    setting = _pick(rng, _SETTINGS)
    biopsy = not procedure.is_resection
    fragments = rng.randint(1, 8) if biopsy and not site.is_breast else None
    ihc = _ihc(rng, site, procedure)
    probe, first, second, result = _interpreted(rng, site, procedure, ihc)
    state = _pick(rng, _STATES)
    if result.status is None or not result.status.is_final:
        # Only a final result can have been signed out; work in progress is a draft or entered.
        state = SignOutState.ENTERED if state is not SignOutState.DRAFT else state
    year = collected.year % 100
    case = {
        "id": case_id,
        "accession": f"D{year:02d}-{case_id:07d}",
        "patient_id": patient["id"],
        "version": 1,
        "signout_state": state.value,
        "created_at": now,
        "created_by": DEMO_TECHNOLOGIST.username,
        "updated_at": now,
        "updated_by": DEMO_TECHNOLOGIST.username,
        "entered_by_user_id": entered_by,
        "report_version": 1,
        # Filled in by `_sign_out` for signed-out and amended cases (every row needs every column).
        "signed_out_by_user_id": None,
        "signed_out_at": None,
        "amendment_reason": None,
        "amended_by_user_id": None,
        "amended_at": None,
        # Demo cases are never adjudicated: each reports its engine result (`domain.reported_result`).
        "reported_status": result.status.value if result.status else None,
        "reported_descriptor": result.descriptor.value if result.descriptor else None,
        # The patient's name key, which the database's triggers copy onto the case anyway
        # (`store.case_name_keys`); written here so SQLite need not update each row it has just
        # inserted. Derived data: left out of the case's audit row (`_case_audit`), as a save does.
        "family_name_key": patient["family_name_key"],
    }
    specimen = {
        "case_id": case_id,
        "procedure": procedure.value,
        "site": site.value,
        "laterality": rng.choice(list(Laterality)).value if site.is_breast else None,
        "setting": setting.value,
        "metastatic_site": rng.choice(METASTATIC_SITES) if setting is ClinicalSetting.METASTATIC else None,
        "collected_on": collected,
        "block": f"{rng.choice('ABCD')}{rng.randint(1, 9)}",
        "fixative": _pick(rng, _FIXATIVES).value,
        "cold_ischaemia_minutes": rng.randint(5, 90),
        "fixation_hours": str(Decimal(rng.randint(40, 800)) / 10),
        "fragments": fragments,
        "fragments_with_tumour": rng.randint(0, fragments) if fragments else None,
        "scoring_criteria": criteria.value if (criteria := _criteria(site)) else None,
    }
    ihc_row = {
        "case_id": case_id,
        **ihc,
        "score": ihc["score"].value,
        "stained_pct": str(ihc["stained_pct"]) if ihc["stained_pct"] is not None else None,
    }
    ish_row = {
        "case_id": case_id,
        "probe": probe.value if probe else None,
        "method": rng.choice(list(IshMethod)).value if probe else None,
    }
    counts = [
        {
            "case_id": case_id,
            "observer": observer,
            "cells": c[2],
            "her2": str(c[0]),
            "cep17": str(c[1]) if c[1] is not None else None,
            "entered_by_user_id": entered_by if observer == 1 else recount_by,
        }
        for observer, c in ((1, first), (2, second))
        if c is not None
    ]
    return case, specimen, ihc_row, ish_row, counts, _interpretation_row(case_id, result), result


_SIGNED_STATES = frozenset((SignOutState.SIGNED_OUT.value, SignOutState.AMENDED.value))
_TABLES = (
    "patient",
    "her2_case",
    "specimen",
    "ihc_result",
    "ish_result",
    "ish_count",
    "interpretation",
    "e_signature",
    "case_version",
    "audit",
)


@dataclass(frozen=True)
class _Clock:
    """The seeding run's "now" and the edges of the sign-out window, all naive UTC like stored times."""

    now: datetime
    today_start: datetime  # start of the local calendar day, as the worklist's "signed out on" filter
    window_start: datetime

    @classmethod
    def at(cls, now: datetime, today: date) -> _Clock:
        today_start = min(local_day_bounds(today)[0], now)
        return cls(now, today_start, min(now - SIGNOUT_WINDOW, today_start))


def _between(times: random.Random, start: datetime, end: datetime) -> datetime:
    if end <= start:
        return start
    return start + timedelta(seconds=times.uniform(0, (end - start).total_seconds()))


def _signed_out_at(times: random.Random, clock: _Clock, collected: date) -> datetime:
    """When a demo case was signed out: today for a share, else earlier in the window, never before
    the day after collection (a case collected today is signed out today)."""
    earliest = max(clock.window_start, datetime.combine(collected, time()) + timedelta(days=1))
    if times.random() < SIGNED_OUT_TODAY_SHARE or earliest >= clock.today_start:
        return _between(times, max(min(earliest, clock.now), clock.today_start), clock.now)
    return _between(times, earliest, clock.today_start)


def _entry(
    case: dict[str, Any],
    patient: dict[str, Any],
    specimen: dict[str, Any],
    ihc: dict[str, Any],
    ish: dict[str, Any],
    counts: list[dict[str, Any]],
) -> CaseEntry:
    """The CaseEntry these rows read back as (`mapping.case_entry`), built from the rows themselves."""
    observed = {
        c["observer"]: IshCount(
            her2=Decimal(c["her2"]),
            cep17=Decimal(c["cep17"]) if c["cep17"] is not None else None,
            cells=c["cells"],
        )
        for c in counts
    }
    return CaseEntry(
        accession=case["accession"],
        patient=PatientDetails(
            mrn=patient["mrn"],
            family_name=patient["family_name"],
            given_name=patient["given_name"],
            birth_date=patient["birth_date"],
            sex=Sex(patient["sex"]),
        ),
        specimen=SpecimenDetails(
            procedure=Procedure(specimen["procedure"]),
            site=Site(specimen["site"]),
            laterality=Laterality(specimen["laterality"]) if specimen["laterality"] else None,
            setting=ClinicalSetting(specimen["setting"]),
            metastatic_site=specimen["metastatic_site"],
            collected_on=specimen["collected_on"],
            block=specimen["block"],
            fixative=Fixative(specimen["fixative"]),
            cold_ischaemia_minutes=specimen["cold_ischaemia_minutes"],
            fixation_hours=Decimal(specimen["fixation_hours"]),
            fragments=specimen["fragments"],
            fragments_with_tumour=specimen["fragments_with_tumour"],
            scoring_criteria=ScoringCriteria(specimen["scoring_criteria"])
            if specimen["scoring_criteria"]
            else None,
        ),
        ihc=IhcDetails(
            clone=ihc["clone"],
            assay_type=AssayType(ihc["assay_type"]),
            controls_acceptable=ihc["controls_acceptable"],
            score=IhcScore(ihc["score"]),
            stained_pct=Decimal(ihc["stained_pct"]) if ihc["stained_pct"] is not None else None,
            cluster_cells=ihc["cluster_cells"],
        ),
        ish=IshDetails(
            probe=IshProbe(ish["probe"]) if ish["probe"] else None,
            method=IshMethod(ish["method"]) if ish["method"] else None,
            first=observed.get(1),
            second=observed.get(2),
        ),
    )


def _audit(
    at: datetime,
    who: str,
    action: str,
    table: str,
    record: int,
    case_id: int | None,
    patient_id: int | None,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
) -> AuditEvent:
    return AuditEvent(at, who, action, table, str(record), case_id, patient_id, old, new)


def _entered_audit(case: dict[str, Any], state: str) -> AuditEvent:
    """The insert row the case's entry wrote (as entered, before any sign-out)."""
    entered = {
        **case,
        "version": 1,
        "signout_state": state,
        "report_version": 1,
        "updated_at": case["created_at"],
        "updated_by": case["created_by"],
    }
    for key in ("signed_out_by_user_id", "signed_out_at", "amendment_reason", "amended_by_user_id",
                "amended_at"):  # fmt: skip
        entered[key] = None
    del entered["family_name_key"]  # derived, never audited (`store.case_name_keys`)
    return _audit(case["created_at"], case["created_by"], "insert", "her2_case", case["id"], case["id"],
                  case["patient_id"], None, entered)  # fmt: skip


def _patient_audit(patients: list[dict[str, Any]]) -> list[AuditEvent]:
    """Each patient's insert row, dated as the patient row (the entry of their first case)."""
    audit = []
    for p in patients:
        audit.append(_audit(p["updated_at"], p["updated_by"], "insert", "patient", p["id"], None, p["id"],
                            None, p))  # fmt: skip
    return audit


def _sign_out(
    rows: dict[str, list[Any]],  # table -> its rows (dicts; AuditEvents for "audit")
    times: random.Random,
    clock: _Clock,
    ids: _Ids,
    case: dict[str, Any],
    entry: CaseEntry,
    result: Interpretation,
    audited: bool,
) -> None:
    """Make a signed-out (or amended) demo case look as the sign-out service leaves it: signer, time,
    electronic signature and frozen version 1; for an amended case also the amendment (version 2)."""
    amended = case["signout_state"] == SignOutState.AMENDED.value
    signed_at = _signed_out_at(times, clock, entry.specimen.collected_on or clock.now.date())
    collected_at = datetime.combine(entry.specimen.collected_on or signed_at.date(), time())
    entered_at = _between(times, signed_at - timedelta(days=3), signed_at - timedelta(minutes=10))
    case["created_at"] = min(max(entered_at, collected_at), signed_at)
    signer = DEMO_PATHOLOGIST_2.username
    signed = SignOutState.SIGNED_OUT.value
    rows["e_signature"].append(
        {
            "case_id": case["id"],
            "report_version": 1,
            "user_id": ids.signer,
            "username": signer,
            "display_name": ids.signer_display,
            "signed_at": signed_at,
            "meaning": SIGNATURE_MEANING,
        }
    )
    frozen = snapshot_json(
        accession=case["accession"],
        report_version=1,
        state=signed,
        entry=entry,
        interpretation=result,
        adjudicated_status=None,
        adjudication_reason=None,
        reported_status=case["reported_status"],
        reported_descriptor=case["reported_descriptor"],
        # As a sign-out writes it: who entered each count (the demo's recounts are the signer's).
        counted_by=(
            {"1": DEMO_TECHNOLOGIST.username, "2": signer if entry.ish.second is not None else None}
            if entry.ish.first is not None
            else None
        ),
    )
    rows["case_version"].append(
        {
            "case_id": case["id"],
            "report_version": 1,
            "state": signed,
            "snapshot": frozen,
            "amendment_reason": None,
            "signed_out_by": signer,
            "signed_out_at": signed_at,
        }
    )
    case.update(version=2, updated_at=signed_at, updated_by=signer)
    case.update(signed_out_by_user_id=ids.signer, signed_out_at=signed_at)
    if audited:
        rows["audit"].append(_entered_audit(case, SignOutState.ENTERED.value))
        rows["audit"].append(
            sign_out_event(signed_at, signer, case["id"], case["patient_id"],
                           old_state=SignOutState.ENTERED.value, old_version=1, state=signed, version=2,
                           report_version=1, meaning=SIGNATURE_MEANING)
        )  # fmt: skip
    if not amended:
        return
    amended_at = _between(times, signed_at, min(clock.now, signed_at + timedelta(days=10)))
    reason = times.choice(AMENDMENT_REASONS)
    case.update(version=3, updated_at=amended_at, report_version=2, signed_out_by_user_id=None,
                signed_out_at=None, amendment_reason=reason, amended_by_user_id=ids.signer,
                amended_at=amended_at)  # fmt: skip
    if audited:
        rows["audit"].append(
            amend_event(amended_at, signer, case["id"], case["patient_id"],
                        old_state=signed, old_report_version=1, old_version=2,
                        state=SignOutState.AMENDED.value, report_version=2, version=3, reason=reason,
                        handouts_superseded=0)
        )  # fmt: skip


# SQLite has no date types: these columns go in as SQLAlchemy's text forms (only these hold dates).
_TEMPORAL_COLUMNS = frozenset(
    {
        "birth_date",
        "collected_on",
        "created_at",
        "updated_at",
        "signed_out_at",
        "amended_at",
        "signed_at",
        "at",
    }
)


def _inserter(connection: Connection) -> Callable[[str, list[dict[str, Any]]], None]:
    """executemany through the driver, skipping per-value type processing (values are plain already)."""
    sqlite = connection.dialect.name == "sqlite"

    def plain(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.isoformat(" ", "microseconds")  # = strftime("%Y-%m-%d %H:%M:%S.%f"), faster
        if isinstance(value, date):
            return value.isoformat()
        return value

    def insert(table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        marks = ", ".join("?" if sqlite else "%s" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        values = itemgetter(*columns)  # every demo table has several columns: always a tuple
        temporal = [i for i, c in enumerate(columns) if c in _TEMPORAL_COLUMNS] if sqlite else []
        if not temporal:
            connection.exec_driver_sql(sql, [values(r) for r in rows])
            return
        params = []
        for row in rows:
            param = list(values(row))
            for i in temporal:
                param[i] = plain(param[i])
            params.append(tuple(param))
        connection.exec_driver_sql(sql, params)

    return insert


def _accessioned(today: date, position: int, total: int) -> date:
    """The day the `position`-th of `total` new cases reached the lab: the first `DEMO_SPAN_DAYS` ago,
    the last today, evenly between. Cases stored in the order they arrive, as a lab's are, keep the
    worklist's newest cases on neighbouring pages of the file, as they are in a lab's database."""
    days_ago = (total - 1 - position) * DEMO_SPAN_DAYS // max(1, total - 1)
    return today - timedelta(days=days_ago)


def _batches(total: int) -> Iterator[int]:
    while total > 0:
        size = min(BATCH, total)
        yield size
        total -= size


def _as_database(target: Any) -> tuple[Database, bool]:
    if isinstance(target, Database):
        return target, False
    database = getattr(target, "database", None)
    if isinstance(database, Database):
        return database, False
    return open_database(target), True


def seed_demo(
    service_or_database: Any,
    cases: int,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add `cases` synthetic cases (a CaseService, Database or URL); returns how many were added.

    Refuses a database that already holds real (non-demo) cases.
    """
    database, owned = _as_database(service_or_database)
    try:
        return _seed(database, cases, seed, progress)
    finally:
        if owned:
            database.close()


def _seed(database: Database, cases: int, seed: int, progress: Callable[[int, int], None] | None) -> int:
    rng = random.Random(seed)
    times = random.Random(f"{seed}-times")  # its own stream: the cases of a seed stay as they were
    audited = cases <= AUDIT_EACH_CASE_UP_TO
    today = date.today()
    done = 0
    with database.writer() as session, session.begin():
        has_cases = session.execute(select(func.count()).select_from(Case)).scalar_one() > 0
        has_users = session.execute(select(User.id).limit(1)).first() is not None
        if (has_cases or has_users) and session.get(AppMetadata, DEMO_KEY) is None:
            what = "real cases" if has_cases else "user accounts"
            raise DemoRefusedError(
                f"This database holds {what} and is not a demo database; demo data (and the demo's "
                "accounts with their published password) is only added to an empty or demo database."
            )
        ids = _Ids(
            patient=(session.execute(select(func.max(Patient.id))).scalar_one() or 0) + 1,
            case=(session.execute(select(func.max(Case.id))).scalar_one() or 0) + 1,
        )
        first_case = ids.case
        if session.get(AppMetadata, DEMO_KEY) is None:
            session.add(AppMetadata(key=DEMO_KEY, value="synthetic demonstration data"))
        accounts = _ensure_demo_accounts(session.connection())
        # The cases are interpreted with her2desk's default rules (`_engine`): their rule set is recorded.
        record_settings(session.connection(), DEFAULT_SETTINGS, DEMO_USER, utc_now())
        ids.technologist = accounts[DEMO_TECHNOLOGIST.username][0]
        ids.signer, ids.signer_display = accounts[DEMO_PATHOLOGIST_2.username]
    for size in _batches(cases):
        now = utc_now()
        clock = _Clock.at(now, today)
        with database.writer() as session, session.begin():
            insert = _inserter(session.connection())
            patients = _patients(rng, max(1, size // 3), ids.patient)
            ids.patient += len(patients)
            rows: dict[str, list[Any]] = {t: [] for t in _TABLES}
            first_seen: dict[int, datetime] = {}
            for p in patients:
                rows["patient"].append({**p, "updated_at": now, "updated_by": DEMO_TECHNOLOGIST.username})
            for position in range(done, done + size):
                patient = rng.choice(patients)
                case, specimen, ihc, ish, counts, interp, result = _case_rows(
                    rng,
                    ids.case,
                    patient,
                    _accessioned(today, position, cases),
                    now,
                    ids.technologist,
                    ids.signer,
                )
                ids.case += 1
                if case["signout_state"] in _SIGNED_STATES:
                    entry = _entry(case, patient, specimen, ihc, ish, counts)
                    _sign_out(rows, times, clock, ids, case, entry, result, audited)
                elif audited:
                    rows["audit"].append(_entered_audit(case, case["signout_state"]))
                first_seen[patient["id"]] = min(case["created_at"], first_seen.get(patient["id"], now))
                rows["her2_case"].append(case)
                rows["specimen"].append(specimen)
                rows["ihc_result"].append(ihc)
                rows["ish_result"].append(ish)
                rows["ish_count"].extend(counts)
                rows["interpretation"].append(interp)
            for p in rows["patient"]:  # a patient is entered with their first case
                p["updated_at"] = first_seen.get(p["id"], now)
            if audited:
                rows["audit"][:0] = _patient_audit(rows["patient"])
            for table in _TABLES:
                if table == "audit":
                    write_events(session.connection(), rows["audit"])
                elif table in CHAINED_TABLES:
                    append(session.connection(), table, rows[table])
                else:
                    insert(table, rows[table])
            # Sealed when the batch commits (`seals.py`), as any audited write of these cases would be.
            touch(session.connection(), [("patient", p["id"]) for p in rows["patient"]])
            touch(session.connection(), [("case", c["id"]) for c in rows["her2_case"]])
        done += size
        if progress:
            progress(done, cases)
    _finish(database, first_case, ids.case - 1, cases, seed, audited)
    return done


def ensure_demo_accounts(database: Database) -> None:
    """Add the demo accounts to a demo database made before they existed; refuses any other database."""
    with database.writer() as session, session.begin():
        if session.get(AppMetadata, DEMO_KEY) is None:
            raise DemoRefusedError("Demo accounts are only added to a demo database.")
        _ensure_demo_accounts(session.connection())


def _ensure_demo_accounts(connection: Connection) -> dict[str, tuple[int, str]]:
    """Create the missing demo accounts (audited, like any new user); (user id, display name) by name."""
    existing = {
        row.username: (int(row.id), row.display_name)
        for row in connection.execute(select(User.username, User.id, User.display_name))
    }
    missing = [a for a in DEMO_ACCOUNTS if a.username not in existing]
    if missing:
        now = utc_now()
        password_hash = PasswordHasher().hash(DEMO_PASSWORD)  # one hash: the same documented password
        for account in missing:
            values = {
                "username": account.username,
                "display_name": account.display_name,
                "role": account.role.value,
                "active": True,
                "created_at": now,
            }
            user_id = connection.execute(
                insert(User).values(password_hash=password_hash, **values).returning(User.id)
            ).scalar_one()
            existing[account.username] = (int(user_id), account.display_name)
            record_event(
                connection,
                at=now,
                who=DEMO_USER,
                action="insert",
                table="app_user",
                record=str(user_id),
                new={"id": user_id, **values, "password_hash": "<set>"},
            )
    return existing


def _finish(database: Database, first: int, last: int, cases: int, seed: int, per_case_audit: bool) -> None:
    """The run's summary audit row (the only one for cases above `AUDIT_EACH_CASE_UP_TO`), then ANALYZE."""
    with database.writer() as session, session.begin():
        summary = AuditEvent(
            utc_now(),
            DEMO_USER,
            "insert",
            "her2_case",
            f"demo {first}-{last}",
            new={
                "demo_cases": cases,
                "seed": seed,
                "first_id": first,
                "last_id": last,
                "per_case_audit": per_case_audit,
            },
        )
        write_events(session.connection(), [summary])
    with database.engine.connect() as connection:
        if database.dialect == "sqlite":
            connection.exec_driver_sql("ANALYZE")
        else:
            connection.commit()
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        connection.commit()
