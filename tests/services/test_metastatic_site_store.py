"""The metastatic site in a real SQLite file: the code is stored and loaded as it was saved; free text
written before the list of sites loads, is shown as Other, and survives a save of the case unchanged."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select, update
from support.backends import make_entry

from her2desk.domain.case import CaseEntry
from her2desk.domain.metastatic_site import site_words
from her2desk.domain.records import CaseInvalidError
from her2desk.domain.vocabulary import ClinicalSetting
from her2desk.services.case_service import CaseService, open_case_service
from her2desk.store.schema import Specimen


@pytest.fixture
def service(tmp_path):
    svc = open_case_service(str(tmp_path / "lab.sqlite3"), user="tester")
    yield svc
    svc.close()


def _metastatic(site: str | None, accession: str = "S26-00001") -> CaseEntry:
    entry = make_entry(accession)
    specimen = replace(entry.specimen, setting=ClinicalSetting.METASTATIC, metastatic_site=site)
    return entry.with_changes(specimen=specimen)


def _column(service: CaseService) -> str | None:
    with service.database.write_engine.connect() as connection:
        return connection.execute(select(Specimen.__table__.c.metastatic_site)).scalar_one()


def test_codes_round_trip(service: CaseService) -> None:
    for site in ("liver", "other: adrenal gland"):
        service.save(_metastatic(site, f"S26-0000{len(site)}"), None)
        stored = service.load(f"S26-0000{len(site)}")
        assert stored is not None
        assert stored.entry.specimen.metastatic_site == site


def test_a_new_value_that_is_not_a_code_is_refused(service: CaseService) -> None:
    with pytest.raises(CaseInvalidError) as refused:
        service.save(_metastatic("adrenal"), None)
    assert refused.value.problems[0].field == "specimen.metastatic_site"


def test_free_text_from_before_loads_shows_and_is_kept_on_save(service: CaseService) -> None:
    stored = service.save(_metastatic("liver"), None)
    with service.database.write_engine.begin() as connection:  # as an old version of her2desk wrote it
        connection.execute(update(Specimen.__table__).values(metastatic_site="2019-05-01 adrenal"))
    loaded = service.load("S26-00001")
    assert loaded is not None
    assert loaded.entry.specimen.metastatic_site == "2019-05-01 adrenal"
    assert site_words(loaded.entry.specimen.metastatic_site) == "Other: 2019-05-01 adrenal"

    # Another field corrected, the site left as it is: saved, the site not rewritten.
    edited = loaded.entry.with_changes(specimen=replace(loaded.entry.specimen, block="B7"))
    saved = service.save(edited, loaded.version)
    assert saved.entry.specimen.block == "B7"
    assert _column(service) == "2019-05-01 adrenal"
    assert saved.version > stored.version

    # Another free text is a new value: refused like any other.
    changed = edited.with_changes(specimen=replace(edited.specimen, metastatic_site="kidney"))
    with pytest.raises(CaseInvalidError):
        service.save(changed, saved.version)
    assert _column(service) == "2019-05-01 adrenal"
