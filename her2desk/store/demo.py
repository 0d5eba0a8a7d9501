"""Synthetic demonstration data, fast enough for 1,000,000-case benchmark databases.

Every patient is obviously invented (family names such as "Testpatient-…", "Demo-Ångström-…",
"Synthetic-王…", MRNs "DEMO0000123"), and the database is flagged as demo so the program can say so.
The cases cover every site, procedure, IHC score, ISH group 1-5, recounts, adjudications and every
status and sign-out state, with collection dates over the last three years. The demo accounts of
`demo_accounts` (an administrator, two pathologists, a technologist; one documented password) are
created with the first cases, and every case is "entered" by the demo technologist, so either demo
pathologist can sign cases out and a tester can try the workflow as different people. Each interpretation is
computed by the domain engine, as for a real save; rows go in through the driver's executemany in
batches (the ORM would be ~20x slower). One audit row records each seeding run rather than one per
synthetic row.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Connection, func, insert, select

from her2desk.domain.engine import interpret
from her2desk.domain.inputs import Her2TestInput
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
    Sex,
    Site,
)
from her2desk.store.audit import record_event, utc_now
from her2desk.store.database import DEMO_KEY, Database, open_database
from her2desk.store.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TECHNOLOGIST
from her2desk.store.mapping import interpretation_values, name_key
from her2desk.store.schema import AppMetadata, AuditRow, Case, Patient, User

BATCH = 5_000
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
METASTATIC_SITES = ("liver", "bone", "lung", "lymph node", "brain", "peritoneum")
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


class DemoRefusedError(Exception):
    """Seeding would mix synthetic cases into real ones."""


@dataclass
class _Ids:
    patient: int
    case: int
    technologist: int | None = None


def _family_name(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return f"{rng.choice(FAMILY_PREFIXES)}-{word.capitalize()}"


def _jitter(rng: random.Random, text: str, spread: str = "0.15") -> Decimal:
    value = Decimal(text) + Decimal(rng.randint(-100, 100)) * Decimal(spread) / 100
    return value.quantize(Decimal("0.01"))


def _ihc(rng: random.Random, site: Site, procedure: Procedure) -> dict[str, Any]:
    score = rng.choices(list(IhcScore), weights=IHC_WEIGHTS)[0]
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


def _counts(rng: random.Random, site: Site, probe: IshProbe) -> tuple[Decimal, Decimal | None, int]:
    cells = rng.choice((20, 20, 20, 40, 60))
    if probe is IshProbe.SINGLE:
        return _jitter(rng, rng.choice(("3.2", "4.9", "7.1"))), None, cells
    her2, cep17 = (
        GROUP_COUNTS[rng.randint(1, 5)] if site.is_breast else rng.choice(list(GROUP_COUNTS.values()))
    )
    return _jitter(rng, her2), _jitter(rng, cep17, "0.05"), cells


def _interpreted(rng: random.Random, site: Site, procedure: Procedure, ihc: dict[str, Any]):
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
    )
    result = interpret(test)
    if result.next_step is NextStep.RECOUNT and first and rng.random() < 0.7:
        her2 = (first[0] + Decimal(rng.randint(-20, 20)) / 100).quantize(Decimal("0.01"))
        cep17 = first[1]
        second = (max(her2, Decimal("0.5")), cep17, first[2])
        test = test.with_changes(recount_her2=second[0], recount_cep17=second[1], recount_cells=second[2])
        result = interpret(test)
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
        result = interpret(test)
    if result.errors:
        raise AssertionError(f"demo generator made an invalid case: {result.errors}")
    return probe, first, second, result


def _interpretation_row(case_id: int, result: Interpretation) -> dict[str, Any]:
    values = interpretation_values(result)
    for key in ("status", "next_step", "scoring_system", "descriptor"):
        values[key] = values[key].value if values[key] is not None else None
    for key in ("ratio", "her2_average", "recount_ratio"):
        values[key] = str(values[key]) if values[key] is not None else None
    return {"case_id": case_id, **values}


def _patients(rng: random.Random, count: int, first_id: int) -> list[dict[str, Any]]:
    patients = []
    for offset in range(count):
        family = _family_name(rng)
        patients.append(
            {
                "id": first_id + offset,
                "mrn": f"DEMO{first_id + offset:07d}",
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
    today: date,
    now: datetime,
    entered_by: int | None,
):
    site = rng.choices(list(SITE_WEIGHTS), weights=list(SITE_WEIGHTS.values()))[0]
    procedure = rng.choice(_PLAUSIBLE_PROCEDURES[site.is_breast, site.is_gastroesophageal])
    collected = today - timedelta(days=rng.randint(0, 3 * 365))
    collected = max(collected, patient["birth_date"] + timedelta(days=18 * 365))
    setting = rng.choices(list(ClinicalSetting), weights=(80, 12, 8))[0]
    biopsy = not procedure.is_resection
    fragments = rng.randint(1, 8) if biopsy and not site.is_breast else None
    ihc = _ihc(rng, site, procedure)
    probe, first, second, result = _interpreted(rng, site, procedure, ihc)
    state = rng.choices(list(SIGNOUT_WEIGHTS), weights=list(SIGNOUT_WEIGHTS.values()))[0]
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
        "fixative": rng.choices(list(Fixative), weights=(94, 3, 3))[0].value,
        "cold_ischaemia_minutes": rng.randint(5, 90),
        "fixation_hours": str(Decimal(rng.randint(40, 800)) / 10),
        "fragments": fragments,
        "fragments_with_tumour": rng.randint(0, fragments) if fragments else None,
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
        }
        for observer, c in ((1, first), (2, second))
        if c is not None
    ]
    return case, specimen, ihc_row, ish_row, counts, _interpretation_row(case_id, result)


_TABLES = ("patient", "her2_case", "specimen", "ihc_result", "ish_result", "ish_count", "interpretation")


def _inserter(connection: Connection) -> Callable[[str, list[dict[str, Any]]], None]:
    """executemany through the driver, skipping per-value type processing (values are plain already)."""
    sqlite = connection.dialect.name == "sqlite"

    def plain(value: Any) -> Any:
        if sqlite and isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S.%f")
        if sqlite and isinstance(value, date):
            return value.isoformat()
        return value

    def insert(table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        marks = ", ".join("?" if sqlite else "%s" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        connection.exec_driver_sql(sql, [tuple(plain(r[c]) for c in columns) for r in rows])

    return insert


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
    today = date.today()
    done = 0
    with database.writer() as session, session.begin():
        has_cases = session.execute(select(func.count()).select_from(Case)).scalar_one() > 0
        if has_cases and session.get(AppMetadata, DEMO_KEY) is None:
            raise DemoRefusedError(
                "This database holds real cases; demo data is only added to an empty or demo database."
            )
        ids = _Ids(
            patient=(session.execute(select(func.max(Patient.id))).scalar_one() or 0) + 1,
            case=(session.execute(select(func.max(Case.id))).scalar_one() or 0) + 1,
        )
        first_case = ids.case
        if session.get(AppMetadata, DEMO_KEY) is None:
            session.add(AppMetadata(key=DEMO_KEY, value="synthetic demonstration data"))
        ids.technologist = _ensure_demo_accounts(session.connection())
    for size in _batches(cases):
        now = utc_now()
        with database.writer() as session, session.begin():
            insert = _inserter(session.connection())
            patients = _patients(rng, max(1, size // 3), ids.patient)
            ids.patient += len(patients)
            rows: dict[str, list[dict[str, Any]]] = {t: [] for t in _TABLES}
            for p in patients:
                rows["patient"].append({**p, "updated_at": now, "updated_by": DEMO_USER})
            for _ in range(size):
                case, specimen, ihc, ish, counts, interp = _case_rows(
                    rng, ids.case, rng.choice(patients), today, now, ids.technologist
                )
                ids.case += 1
                rows["her2_case"].append(case)
                rows["specimen"].append(specimen)
                rows["ihc_result"].append(ihc)
                rows["ish_result"].append(ish)
                rows["ish_count"].extend(counts)
                rows["interpretation"].append(interp)
            for table in _TABLES:
                insert(table, rows[table])
        done += size
        if progress:
            progress(done, cases)
    _finish(database, first_case, ids.case - 1, cases, seed)
    return done


def ensure_demo_accounts(database: Database) -> None:
    """Add the demo accounts to a demo database made before they existed; refuses any other database."""
    with database.writer() as session, session.begin():
        if session.get(AppMetadata, DEMO_KEY) is None:
            raise DemoRefusedError("Demo accounts are only added to a demo database.")
        _ensure_demo_accounts(session.connection())


def _ensure_demo_accounts(connection: Connection) -> int:
    """Create the missing demo accounts (audited, like any new user); the technologist's user id."""
    existing = dict(connection.execute(select(User.username, User.id)).all())
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
            existing[account.username] = user_id
            record_event(
                connection,
                at=now,
                who=DEMO_USER,
                action="insert",
                table="app_user",
                record=str(user_id),
                new={"id": user_id, **values, "password_hash": "<set>"},
            )
    return int(existing[DEMO_TECHNOLOGIST.username])


def _finish(database: Database, first: int, last: int, cases: int, seed: int) -> None:
    with database.writer() as session, session.begin():
        session.execute(
            AuditRow.__table__.insert().values(
                at=utc_now(),
                who=DEMO_USER,
                action="insert",
                table_name="her2_case",
                record=f"demo {first}-{last}",
                new=json.dumps({"demo_cases": cases, "seed": seed, "first_id": first, "last_id": last}),
            )
        )
    with database.engine.connect() as connection:
        if database.dialect == "sqlite":
            connection.exec_driver_sql("ANALYZE")
        else:
            connection.commit()
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        connection.commit()
