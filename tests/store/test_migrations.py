"""Schema versions: fresh databases, upgrades from saved files, refusal of newer ones, fast start-up."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from support.backends import make_entry

from her2desk.services.case_service import CaseService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store import migrate
from her2desk.store.backup import integrity_problems
from her2desk.store.case_name_keys import missing_name_key_triggers, stale_case_name_keys
from her2desk.store.database import (
    DatabaseError,
    DatabaseOutdatedError,
    DatabaseTooNewError,
    open_database,
)
from her2desk.store.engine import make_engine
from her2desk.store.schema import Base, include_for
from her2desk.store.schema_status import HEAD_REVISION, KNOWN_REVISIONS
from her2desk.store.urls import resolve_url

# SQLite cannot reflect PostgreSQL's expression index; Alembic says so before our include hook skips it.
pytestmark = pytest.mark.filterwarnings(
    "ignore:autogenerate skipping metadata-specified expression-based index"
)

DATA = Path(__file__).resolve().parent.parent / "data"
SAVED_VERSIONS = sorted(DATA.glob("schema-v*.sqlite3"))


def test_head_constant_is_alembics_head() -> None:
    assert migrate.script_head() == HEAD_REVISION
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_fresh_database_is_created_at_head(db_url: str) -> None:
    database = open_database(db_url)
    try:
        assert database.revision() == HEAD_REVISION
    finally:
        database.close()


def _schema_differences(url: str) -> list:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as connection:
            opts = {"compare_type": True, "include_object": include_for(connection.dialect.name)}
            context = MigrationContext.configure(connection, opts=opts)
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def test_migrations_from_empty_build_exactly_the_model_schema(db_url: str) -> None:
    """create_all (fresh databases) and the migration chain (upgraded ones) must agree."""
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            migrate.upgrade(connection)
    finally:
        engine.dispose()
    assert _schema_differences(db_url) == []
    database = open_database(db_url)
    try:
        assert database.revision() == HEAD_REVISION
        with database.engine.connect() as connection:
            triggers = connection.execute(
                text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
                if database.dialect == "sqlite"
                else text("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'trg_audit%'")
            ).scalar_one()
        assert triggers >= 2
        with database.engine.connect() as connection:
            assert missing_name_key_triggers(connection) == []
        service = CaseService(database)
        service.save(make_entry(), None)
        with pytest.raises(Exception, match="append-only"), database.engine.begin() as connection:
            connection.execute(text("DELETE FROM audit"))
    finally:
        database.close()


def test_create_all_matches_the_models(db_url: str) -> None:
    open_database(db_url).close()
    assert _schema_differences(db_url) == []


@pytest.mark.parametrize("saved", SAVED_VERSIONS, ids=[p.name for p in SAVED_VERSIONS])
def test_saved_database_of_each_version_upgrades_to_head(saved: Path, tmp_path: Path) -> None:
    copy = tmp_path / saved.name
    shutil.copy(saved, copy)
    old_revision = (
        create_engine(f"sqlite:///{copy}")
        .connect()
        .execute(text("SELECT version_num FROM alembic_version"))
        .scalar_one()
    )
    with pytest.raises(DatabaseOutdatedError, match="db upgrade"):
        open_database(str(copy), upgrade=False)
    service = CaseService(open_database(str(copy)))
    try:
        assert service.database.revision() == HEAD_REVISION
        first = service.load("S24-V1-0001")
        assert first is not None
        assert first.entry.patient.family_name == "Demo-Ångström"
        assert first.entry.ihc.clone == "SP3"
        assert first.version == 2
        assert next(a.who for a in service.audit_for_case("S24-V1-0001")) == "v1-writer"
        from her2desk.services.auth_service import AuthService

        auth = AuthService(service.database)
        if auth.has_users():  # the v6 file has accounts: saving needs a signed-in user
            service = CaseService(service.database, actor=auth.login("v6-path", "v6-password-1").actor)
        again = service.save(first.entry.with_changes(accession="S26-NEW-1"), None)
        assert again.version == 1
        assert integrity_problems(service.database.engine) == []
        with service.database.engine.connect() as connection:
            assert missing_name_key_triggers(connection) == []
            assert stale_case_name_keys(connection) == []
    finally:
        service.close()
    assert _schema_differences(str(copy)) == []
    backups = list(tmp_path.glob(f"{saved.name}.before-upgrade-from-{old_revision}-*.bak"))
    assert len(backups) == 1
    backup_engine = create_engine(f"sqlite:///{backups[0]}")
    with backup_engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == old_revision
        )
        cases = connection.execute(text("SELECT count(*) FROM her2_case")).scalar_one()
        # v5 adds four accented names, v6 two adjudicated cases
        assert cases == {"schema-v5.sqlite3": 6, "schema-v6.sqlite3": 8}.get(saved.name, 2)
    backup_engine.dispose()


def test_database_newer_than_the_program_is_refused_and_left_alone(db_url: str) -> None:
    open_database(db_url).close()
    engine = make_engine(resolve_url(db_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseTooNewError, match="newer than this program"):
        open_database(db_url)
    engine = make_engine(resolve_url(db_url))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "9999"
    engine.dispose()


def test_a_database_that_is_not_ours_is_refused(sqlite_url: str) -> None:
    engine = create_engine(f"sqlite:///{sqlite_url}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE photos (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="not a her2desk database"):
        open_database(sqlite_url)


def test_opening_a_current_database_does_not_import_alembic(sqlite_url: str) -> None:
    open_database(sqlite_url).close()
    code = (
        "import sys\n"
        "from her2desk.services.case_service import open_case_service\n"
        f"s = open_case_service({sqlite_url!r})\n"
        "s.load('X'); s.close()\n"
        "print('alembic' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_several_programs_creating_the_same_new_database_at_once(db_url: str, tmp_path: Path) -> None:
    """Four workstations started together on an empty database: one creates it, the others wait."""
    import time

    script = tmp_path / "opener.py"
    script.write_text(
        "import sys, time\n"
        "from her2desk.services.case_service import open_case_service\n"
        "while time.time() < float(sys.argv[2]):\n"
        "    time.sleep(0.001)\n"
        "s = open_case_service(sys.argv[1]); print(s.database.revision()); s.close()\n",
        encoding="utf-8",
    )
    start = str(time.time() + 2)
    openers = [
        subprocess.Popen(
            [sys.executable, str(script), db_url, start],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for opener in openers:
        out, err = opener.communicate(timeout=60)
        assert opener.returncode == 0, err
        assert out.strip() == HEAD_REVISION


def test_a_damaged_older_database_is_not_upgraded(tmp_path: Path) -> None:
    import sqlite3

    copy = tmp_path / "damaged-v1.sqlite3"
    shutil.copy(DATA / "schema-v1.sqlite3", copy)
    with sqlite3.connect(copy) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'audit'").fetchone()[0]
    with copy.open("r+b") as stream:
        stream.seek((root - 1) * page_size)
        stream.write(b"\xff" * 64)
    before = copy.read_bytes()
    with pytest.raises(DatabaseError, match="quick check"):
        open_database(str(copy))
    after = copy.read_bytes()
    assert after[100:] == before[100:]  # only the header's journal-mode bytes may change (WAL)
    assert not list(tmp_path.glob("*.bak"))


def test_revision_0005_adds_lab_settings_and_the_signed_out_index_to_a_v4_file(tmp_path: Path) -> None:
    """From the file the previous release wrote: the new table works and the fast first page accepts it."""
    from her2desk.store.first_page import read_first_page

    copy = tmp_path / "v4.sqlite3"
    shutil.copy(DATA / "schema-v4.sqlite3", copy)
    assert read_first_page(copy, 10) is None  # an older revision: the slow path upgrades it
    database = open_database(str(copy))
    try:
        with database.write_engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO lab_setting (name, value, changed_at, changed_by) "
                    "VALUES ('lab_name', 'Synthetic Lab', '2026-11-24 22:00:00', 'v4-test')"
                )
            )
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT value FROM lab_setting")).scalar_one() == "Synthetic Lab"
            indexes = {r[1] for r in connection.exec_driver_sql("PRAGMA index_list('her2_case')")}
        assert {"ix_her2_case_signed_out_at", "ix_her2_case_signout_state"} <= indexes
    finally:
        database.close()
    page = read_first_page(copy, 10)
    assert page is not None
    assert sorted(r.accession for r in page.rows) == ["S24-V1-0001", "S24-V1-0002"]


def _found(service: CaseService, typed: str) -> set[str]:
    from her2desk.domain.records import WorklistQuery

    return {r.accession for r in service.worklist_page(WorklistQuery(text=typed), 0, 50)}


def _audit_rows(database: object) -> list[tuple]:
    with database.engine.connect() as connection:  # type: ignore[attr-defined]
        return list(connection.execute(text("SELECT id, table_name, action FROM audit ORDER BY id")))


def test_revision_0006_folds_the_name_keys_of_a_v5_file(tmp_path: Path) -> None:
    """The file the previous release wrote (keys with accents): every key recomputed, the searches a
    tester tried find their names, no audit row for the mechanical change, and a later save of an
    unchanged patient sees nothing to change."""
    from her2desk.store.first_page import read_first_page
    from her2desk.store.mapping import name_key

    copy = tmp_path / "v5.sqlite3"
    shutil.copy(DATA / "schema-v5.sqlite3", copy)
    with sqlite3.connect(copy) as connection:
        stored = dict(connection.execute("SELECT family_name, family_name_key FROM patient"))
        audit_before = connection.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert stored["Demo-Ångström"] == "demo-ångström"  # the old key, so the test below can fail
    assert stored["Nguyễn"] == "nguyễn"
    service = CaseService(open_database(str(copy)), user="v6-test")
    try:
        assert service.database.revision() == HEAD_REVISION
        with service.database.engine.connect() as connection:
            keys = dict(connection.execute(text("SELECT family_name, family_name_key FROM patient")).all())
            indexes = {r[1] for r in connection.exec_driver_sql("PRAGMA index_list('audit')")}
        assert keys == {name: name_key(name) for name in stored}
        assert keys["Łukasiewicz"] == "lukasiewicz"
        assert {"ix_audit_at", "ix_audit_who", "ix_audit_action"} <= indexes
        assert len(_audit_rows(service.database)) == audit_before

        assert _found(service, "demo-ang") == {"S24-V1-0001"}
        assert _found(service, "angstrom") == {"S24-V5-0004"}  # a prefix search: not "Demo-Ångström"
        assert _found(service, "ÅNGSTRÖM") == {"S24-V5-0004"}
        assert _found(service, "Demo-Angstrom") == {"S24-V1-0001"}
        assert _found(service, "demo-Ång") == {"S24-V1-0001"}  # typed with the accent: folded alike
        assert _found(service, "lukasiewicz") == {"S24-V5-0001"}
        assert _found(service, "Łuk") == {"S24-V5-0001"}
        assert _found(service, "nguyen") == {"S24-V5-0002"}
        assert _found(service, "王") == {"S24-V5-0003"}

        case = service.load("S24-V5-0002")
        assert case is not None
        again = service.save(case.entry, case.version)  # the same details, saved again
        after = _audit_rows(service.database)[audit_before:]
        assert ("patient", "update") not in {(t, a) for _, t, a in after}
        assert again.entry.patient.family_name == "Nguyễn"
    finally:
        service.close()
    page = read_first_page(copy, 10)  # the GUI's fast first page reads a head file
    assert page is not None
    assert "S24-V5-0003" in {r.accession for r in page.rows}


def test_revision_0006_recomputes_keys_and_downgrades_back(db_url: str) -> None:
    """Both backends: keys written the old way are refolded by the upgrade; the downgrade restores them."""
    import unicodedata

    from her2desk.store.mapping import name_key

    def old_key(name: str) -> str:
        return unicodedata.normalize("NFKC", name).casefold()

    names = ["Demo-Ångström", "Łukasiewicz", "Nguyễn", "王芳", "Straße", "Plain"]
    service = CaseService(open_database(db_url), user="v6-test")
    try:
        for i, family in enumerate(names):
            entry = make_entry(f"S26-K{i}", f"DEMO0009{i}")
            service.save(entry.with_changes(patient=replace(entry.patient, family_name=family)), None)
    finally:
        service.close()
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            migrate.downgrade(connection, "0005")
            keys = dict(connection.execute(text("SELECT family_name, family_name_key FROM patient")).all())
            assert keys == {name: old_key(name) for name in names}
            audit_before = connection.execute(text("SELECT count(*) FROM audit")).scalar_one()
            migrate.upgrade(connection)
            keys = dict(connection.execute(text("SELECT family_name, family_name_key FROM patient")).all())
            assert keys == {name: name_key(name) for name in names}
            assert connection.execute(text("SELECT count(*) FROM audit")).scalar_one() == audit_before
    finally:
        engine.dispose()
    assert _schema_differences(db_url) == []


def test_revision_0006_recomputes_keys_in_batches(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """More patients than one batch: every one is reached (the id cursor moves on)."""
    import importlib

    step = importlib.import_module("her2desk.store.migrations.versions.0006_accent_folded_name_keys")
    open_database(sqlite_url).close()
    engine = make_engine(resolve_url(sqlite_url))
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO patient (mrn, family_name, given_name, family_name_key, updated_at, "
                    "updated_by) VALUES (:m, :f, 'X', :k, '2026-01-01 00:00:00', 't')"
                ),
                [{"m": f"M{i}", "f": f"Ång{i}", "k": f"ång{i}"} for i in range(23)],
            )
            monkeypatch.setattr(step, "BATCH", 5)
            assert step.recompute_name_keys(connection) == 23
            keys = {k for (k,) in connection.execute(text("SELECT family_name_key FROM patient"))}
            assert keys == {f"ang{i}" for i in range(23)}
            assert step.recompute_name_keys(connection) == 0
    finally:
        engine.dispose()


def test_revision_0007_fills_the_reported_result_of_a_v6_file(tmp_path: Path) -> None:
    """Every stored case gets the result the lab reports: the adjudicated status (with the descriptor
    its IHC gives a negative) where a pathologist adjudicated, else the engine's, which is kept."""
    from her2desk.domain.vocabulary import Descriptor, Status

    copy = tmp_path / "v6.sqlite3"
    shutil.copy(DATA / "schema-v6.sqlite3", copy)
    with sqlite3.connect(copy) as connection:
        engine_status = dict(
            connection.execute(
                "SELECT c.accession, i.status FROM her2_case c JOIN interpretation i ON i.case_id = c.id"
            )
        )
    assert engine_status["S24-V6-0001"] == engine_status["S24-V6-0002"] == "adjudication"
    service = CaseService(open_database(str(copy)), user="v7-test")
    try:
        negative = service.load("S24-V6-0001")
        positive = service.load("S24-V6-0002")
        assert negative is not None
        assert positive is not None
        assert negative.reported.status is Status.NEGATIVE
        assert negative.reported.descriptor is Descriptor.LOW  # IHC 2+, adjudicated negative
        assert negative.reported.engine_status is Status.ADJUDICATION  # never overwritten
        assert negative.reported.adjudication is not None
        assert negative.reported.adjudication.by == "v6-path"
        assert positive.reported.status is Status.POSITIVE
        assert positive.reported.descriptor is None
        for accession, status in engine_status.items():
            if accession.startswith("S24-V6"):
                continue
            stored = service.load(accession)
            assert stored is not None
            assert stored.reported.status == status
            assert stored.reported.descriptor is stored.interpretation.descriptor
            assert not stored.reported.adjudicated
    finally:
        service.close()


def test_revision_0012_adds_the_accession_counters_to_a_0011_database(db_url: str) -> None:
    """Down to 0011 (no counters) with a case and a pattern stored, then up: the counter table is there,
    empty, and the next new case saved without an accession is the pattern's first number."""
    service = CaseService(open_database(db_url), today=lambda: date(2026, 5, 1))
    try:
        service.save(make_entry(), None)
        LabSettingsService(service.database).update(
            None, "accession_pattern", "H{yy}-{seq:06}", local_administrator="admin"
        )
        with service.database.write_engine.begin() as connection:
            migrate.downgrade(connection, "0011")
            assert "accession_counter" not in inspect(connection).get_table_names()
            migrate.upgrade(connection)
            assert "accession_counter" in inspect(connection).get_table_names()
        assert service.database.revision() == HEAD_REVISION
        numbered = service.save(make_entry(accession="", mrn="DEMO000002"), None)
        assert numbered.entry.accession == "H26-000001"
        assert service.load(make_entry().accession) is not None
        assert integrity_problems(service.database.engine) == []
    finally:
        service.close()


def test_revision_0013_fills_the_mrn_number_keys_of_a_0012_database(db_url: str) -> None:
    """Down to 0012 (no key column) with patients stored, then up: every patient's key is its MRN's
    number, no audit row is written, every seal still holds, and "72" finds the MRN at once."""
    from her2desk.domain.records import WorklistQuery
    from her2desk.store.seals import seal
    from her2desk.store.verify import verify_record

    mrns = {"S26-N1": "DEMO0000072", "S26-N2": "MRN-00072", "S26-N3": "DEMO0000720", "S26-N4": "NODIGITS"}
    service = CaseService(open_database(db_url), user="v12-test")
    try:
        for accession, mrn in mrns.items():
            service.save(make_entry(accession=accession, mrn=mrn), None)
        with service.database.write_engine.begin() as connection:
            migrate.downgrade(connection, "0012")
            columns = {c["name"] for c in inspect(connection).get_columns("patient")}
            assert "mrn_number_key" not in columns
            # Seal the patients as a 0012 program last left them (no key column in their state).
            ids = connection.execute(text("SELECT id FROM patient")).scalars().all()
            seal(connection, [("patient", pid) for pid in ids])
            audit_before = connection.execute(text("SELECT count(*) FROM audit")).scalar_one()
            migrate.upgrade(connection)
            keys = dict(connection.execute(text("SELECT mrn, mrn_number_key FROM patient")).all())
            assert keys == {"DEMO0000072": "72", "MRN-00072": "72", "DEMO0000720": "720", "NODIGITS": None}
            assert connection.execute(text("SELECT count(*) FROM audit")).scalar_one() == audit_before
        assert service.database.revision() == HEAD_REVISION
        found = service.worklist_page(WorklistQuery(text="72"), 0, 50)
        assert {r.accession for r in found} == {"S26-N1", "S26-N2"}
        assert verify_record(service.database.engine).problems == []
    finally:
        service.close()
    assert _schema_differences(db_url) == []


def test_revision_0013_fills_keys_in_batches(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """More patients than one batch: every one is reached (the id cursor moves on), once."""
    import importlib

    step = importlib.import_module("her2desk.store.migrations.versions.0013_mrn_number_key")
    open_database(sqlite_url).close()
    engine = make_engine(resolve_url(sqlite_url))
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO patient (mrn, family_name, given_name, family_name_key, updated_at, "
                    "updated_by) VALUES (:m, 'F', 'X', 'f', '2026-01-01 00:00:00', 't')"
                ),
                [{"m": f"M-{i:05d}"} for i in range(23)],
            )
            monkeypatch.setattr(step, "BATCH", 5)
            assert step.fill_mrn_number_keys(connection) == 23
            keys = {k for (k,) in connection.execute(text("SELECT mrn_number_key FROM patient"))}
            assert keys == {str(i) if i else "0" for i in range(23)}
            assert step.fill_mrn_number_keys(connection) == 0
    finally:
        engine.dispose()
