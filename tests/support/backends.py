"""Database fixtures shared by the storage, service and exchange tests.

Every test gets its own database: an SQLite file in tmp_path, and, when HER2DESK_TEST_POSTGRES_URL is
set, also a freshly created PostgreSQL database (dropped afterwards). Nothing is mocked.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.vocabulary import (
    AssayType,
    ClinicalSetting,
    Fixative,
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    Procedure,
    Sex,
    Site,
)
from her2desk.services.case_service import CaseService, open_case_service

POSTGRES_ENV = "HER2DESK_TEST_POSTGRES_URL"
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not os.environ.get(POSTGRES_ENV), reason=f"{POSTGRES_ENV} is not set"),
        ],
    ),
]


def _postgres_admin_url() -> str:
    url = os.environ[POSTGRES_ENV]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _replace_database(url: str, name: str) -> str:
    base, _, _old = url.rpartition("/")
    query = ""
    if "?" in _old:
        query = "?" + _old.split("?", 1)[1]
    return f"{base}/{name}{query}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A brand-new, empty PostgreSQL database for one test."""
    if not os.environ.get(POSTGRES_ENV):
        pytest.skip(f"{POSTGRES_ENV} is not set")
    admin_url = _postgres_admin_url()
    name = f"her2desk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
    try:
        yield _replace_database(admin_url, name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "cases.sqlite3")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return str(tmp_path / "cases.sqlite3")


@pytest.fixture
def service(db_url: str) -> Iterator[CaseService]:
    svc = open_case_service(db_url, "tester")
    try:
        yield svc
    finally:
        svc.close()


def make_entry(accession: str = "S26-00001", mrn: str = "DEMO000001", **changes: object) -> CaseEntry:
    """A complete, valid breast case with every field filled in (synthetic data only)."""
    entry = CaseEntry(
        accession=accession,
        patient=PatientDetails(
            mrn=mrn,
            family_name="Demo-Ångström",
            given_name="Synthetic-王",
            birth_date=date(1961, 2, 3),
            sex=Sex.FEMALE,
        ),
        specimen=SpecimenDetails(
            procedure=Procedure.CORE_NEEDLE_BIOPSY,
            site=Site.BREAST,
            laterality=Laterality.LEFT,
            setting=ClinicalSetting.PRIMARY,
            metastatic_site=None,
            collected_on=date(2025, 3, 4),
            block="A3",
            fixative=Fixative.NBF,
            cold_ischaemia_minutes=25,
            fixation_hours=Decimal("24.5"),
            fragments=4,
            fragments_with_tumour=3,
        ),
        ihc=IhcDetails(
            clone="4B5",
            assay_type=AssayType.FDA_APPROVED,
            controls_acceptable=True,
            score=IhcScore.TWO_PLUS,
            stained_pct=Decimal("35"),
            cluster_cells=None,
        ),
        ish=IshDetails(
            probe=IshProbe.DUAL,
            method=IshMethod.FISH,
            first=IshCount(her2=Decimal("4.50"), cep17=Decimal("2.10"), cells=20),
            second=IshCount(her2=Decimal("4.40"), cep17=Decimal("2.05"), cells=20),
        ),
    )
    return entry.with_changes(**changes) if changes else entry
