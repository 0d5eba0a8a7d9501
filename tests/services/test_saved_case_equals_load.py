"""What a save returns is the case as stored: equal, field by field, to a fresh `load()` afterwards.

A change to a case no longer reads the case back after the commit (`store.saved_case` builds it from
what the save wrote and read), so every kind of save is compared with a load here: new and changed
cases, with and without ISH, a recount added and removed, metastatic sites, another patient, a
filled-in patient detail, the local user and signed-in users, adjudicated (kept and voided),
amended cases, and a count entered by someone else.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import update
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.case import CaseEntry, IshDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.records import SignOutState, StoredCase
from her2desk.domain.vocabulary import ClinicalSetting, IhcScore, Sex, Site, Status
from her2desk.services.case_service import CaseService
from her2desk.store.schema import Case, Specimen

ACCESSION = "S26-00001"


def assert_as_loaded(service: CaseService, saved: StoredCase) -> None:
    loaded = service.load(saved.entry.accession)
    assert loaded is not None
    for field in fields(StoredCase):  # field by field first, for a message that names the field
        assert getattr(saved, field.name) == getattr(loaded, field.name), field.name
    assert saved == loaded
    assert saved.reported == loaded.reported


def save(service: CaseService, entry: CaseEntry, version: int | None) -> StoredCase:
    saved = service.save(entry, version)
    assert_as_loaded(service, saved)
    return saved


def _changes(entry: CaseEntry) -> list[CaseEntry]:
    """A sequence of edits of one case, each saved over the one before."""
    s, i, h = entry.specimen, entry.ihc, entry.ish
    assert h.first is not None
    return [
        entry.with_changes(specimen=replace(s, block="B9")),  # not a result field
        entry.with_changes(ihc=replace(i, score=IhcScore.THREE_PLUS)),  # a result field
        entry.with_changes(ish=replace(h, second=None)),  # the recount removed
        entry.with_changes(ish=replace(h, second=IshCount(Decimal("6.10"), Decimal("2.00"), 20))),
        entry.with_changes(ish=replace(h, first=replace(h.first, her2=Decimal("4.60")))),  # a count changed
        entry.with_changes(ish=IshDetails()),  # no ISH at all
        entry.with_changes(ihc=replace(i, stained_pct=Decimal("35.0"), clone="4B5 (other)")),
        entry.with_changes(
            specimen=replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="liver"),
            ish=replace(h, second=None),
        ),
        entry.with_changes(
            specimen=replace(s, setting=ClinicalSetting.METASTATIC, metastatic_site="other: x")
        ),
        entry.with_changes(specimen=replace(s, site=Site.STOMACH, laterality=None)),
        entry.with_changes(patient=replace(entry.patient, mrn="DEMO000777", given_name="Other")),  # moved
        entry,  # back as it was
        entry,  # nothing changed at all
    ]


def test_local_user_saves_of_every_kind(service: CaseService) -> None:
    entry = make_entry(ACCESSION)
    stored = save(service, entry, None)
    for changed in _changes(entry):
        stored = save(service, changed, stored.version)
    save(service, make_entry("S26-00002", "DEMO000002", ish=IshDetails()), None)
    save(service, make_entry("S26-00003", "DEMO000003", ish=replace(entry.ish, second=None)), None)


def test_a_patient_detail_never_recorded_is_filled_in(service: CaseService) -> None:
    entry = make_entry(ACCESSION)
    unknown = entry.with_changes(patient=replace(entry.patient, sex=Sex.UNKNOWN))
    stored = save(service, unknown, None)
    save(service, entry, stored.version)  # sex "unknown" -> female, on the patient row


def test_free_text_metastatic_site_from_before_is_kept(service: CaseService) -> None:
    entry = make_entry(ACCESSION)
    entry = entry.with_changes(specimen=replace(entry.specimen, setting=ClinicalSetting.METASTATIC))
    stored = save(
        service, entry.with_changes(specimen=replace(entry.specimen, metastatic_site="liver")), None
    )
    with service.database.write_engine.begin() as connection:  # as an old version of her2desk wrote it
        connection.execute(update(Specimen.__table__).values(metastatic_site="2019-05-01 adrenal"))
    loaded = service.load(ACCESSION)
    assert loaded is not None
    save(
        service,
        loaded.entry.with_changes(specimen=replace(loaded.entry.specimen, block="B7")),
        stored.version,
    )


def test_signed_in_users_counts_by_two_people(lab: Lab) -> None:
    entry = make_entry(ACCESSION, ish=replace(make_entry().ish, second=None))
    tech, path = lab.cases(lab.tech), lab.cases(lab.path)
    stored = save(tech, entry, None)
    with_recount = entry.with_changes(
        ish=replace(entry.ish, second=IshCount(Decimal("4.4"), Decimal("2.0"), 20))
    )
    stored = save(path, with_recount, stored.version)  # the recount is the pathologist's
    assert stored.first_count_by == "tom"
    assert stored.recount_by == "pia"
    stored = save(
        tech, with_recount.with_changes(specimen=replace(entry.specimen, block="C1")), stored.version
    )
    stored = save(
        path, with_recount.with_changes(ihc=replace(entry.ihc, score=IhcScore.THREE_PLUS)), stored.version
    )
    for changed in _changes(make_entry(ACCESSION)):
        stored = save(tech, changed, stored.version)


def test_adjudicated_kept_then_voided_and_amended(lab: Lab) -> None:
    tech, path = lab.cases(lab.tech), lab.cases(lab.path)
    equivocal = make_entry(ACCESSION, ish=IshDetails())  # IHC 2+ without ISH: equivocal
    stored = save(tech, equivocal, None)
    done = lab.signout.adjudicate(
        lab.path, ACCESSION, Status.NEGATIVE, "second opinion", stored.version, password=PASSWORDS["pia"]
    )
    kept = save(tech, equivocal.with_changes(specimen=replace(equivocal.specimen, block="Z1")), done.version)
    assert kept.adjudicated_status is Status.NEGATIVE
    assert kept.reported.status is Status.NEGATIVE
    voided = save(tech, make_entry(ACCESSION), kept.version)  # ISH added: results changed
    assert voided.adjudicated_status is None
    signed = lab.signout.sign_out(lab.path2, ACCESSION, PASSWORDS["paul"], voided.version)
    assert signed.state is SignOutState.SIGNED_OUT
    amended = lab.signout.amend(
        lab.path, ACCESSION, "block typed wrongly", signed.version, password=PASSWORDS["pia"]
    )
    corrected = save(
        path, make_entry(ACCESSION, specimen=replace(equivocal.specimen, block="Z2")), amended.version
    )
    assert corrected.signout_state is SignOutState.AMENDED
    assert corrected.amended_by == "pia"
    assert corrected.signed_out_by is not None or corrected.signed_out_at is None
    rescored = save(
        tech,
        corrected.entry.with_changes(ish=IshDetails()),  # equivocal again: ISH removed
        corrected.version,
    )
    assert rescored.entered_by_user_id == lab.tech.user_id
    # Adjudicated again in the amendment, then voided by a changed count.
    done = lab.signout.adjudicate(
        lab.path2,
        ACCESSION,
        Status.POSITIVE,
        "reviewed the slides again",
        rescored.version,
        password=PASSWORDS["paul"],
    )
    again = lab.cases(lab.path2).load(ACCESSION)
    assert again is not None
    assert again.version == done.version
    last = save(tech, make_entry(ACCESSION), done.version)  # ISH added again: voided
    assert last.adjudicated_status is None


def test_columns_a_save_leaves_alone_come_back_as_stored(lab: Lab) -> None:
    """Sign-out, adjudication and amendment columns set on an editable case (as an older program or a
    hand repair may leave them) are handed back as they are stored, user names included."""
    tech = lab.cases(lab.tech)
    stored = save(tech, make_entry(ACCESSION), None)
    at = datetime(2026, 1, 2, 3, 4, 5, 678901)
    with lab.database.write_engine.begin() as connection:
        connection.execute(
            update(Case.__table__).values(
                report_version=3,
                signed_out_by_user_id=lab.path.user_id,
                signed_out_at=at,
                adjudicated_status=Status.NEGATIVE,
                adjudication_reason="kept as it was",
                adjudicated_by_user_id=lab.path2.user_id,
                adjudicated_at=at,
                amendment_reason="typing error",
                amended_by_user_id=lab.path.user_id,
                amended_at=at,
            )
        )
    kept = save(
        tech, make_entry(ACCESSION, specimen=replace(make_entry().specimen, block="Q1")), stored.version
    )
    assert (kept.report_version, kept.signed_out_by, kept.adjudicated_by, kept.amended_by) == (
        3,
        "pia",
        "paul",
        "pia",
    )
    assert kept.signed_out_at == at.replace(tzinfo=UTC)
    voided = save(
        tech, make_entry(ACCESSION, ihc=replace(make_entry().ihc, score=IhcScore.THREE_PLUS)), kept.version
    )
    assert voided.adjudicated_by is None
