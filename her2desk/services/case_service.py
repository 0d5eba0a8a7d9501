"""The use-case API the GUI and the CLI call to check, save, load and list cases.

Every call opens its own Session and returns plain dataclasses from `domain.records`, so a
CaseService can be used from a worker thread and its results handed to the GUI thread. A save is one
transaction: the case, its interpretation as computed by the engine, and the audit rows commit
together or not at all.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime

from sqlalchemy import Connection, func, or_, select, update
from sqlalchemy import text as text_sql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from her2desk.domain import blinded_recount
from her2desk.domain.accession_pattern import AccessionPattern
from her2desk.domain.case import CaseEntry, PatientDetails
from her2desk.domain.case_checks import CaseCheck, check_case
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.metastatic_site import is_legacy
from her2desk.domain.phrases import Phrase
from her2desk.domain.problems import Problem
from her2desk.domain.records import (
    AuditEntry,
    CaseConflictError,
    CaseInvalidError,
    SignOutState,
    StoredCase,
    WorklistQuery,
    WorklistRow,
)
from her2desk.domain.reported_result import report
from her2desk.domain.workflow import Action, Actor, WorkflowError, role_refusals, transition_refusals
from her2desk.services import accession_numbers, rule_settings
from her2desk.services.lab_settings_service import read_lab_settings
from her2desk.store import queries
from her2desk.store.audit import record_event, utc_now
from her2desk.store.backup import integrity_problems
from her2desk.store.busy import announced
from her2desk.store.case_writer import (
    AccessionTakenError,
    CaseHeader,
    CaseMissingError,
    VersionMismatchError,
    insert_new_case,
    update_case,
)
from her2desk.store.database import Database, open_database
from her2desk.store.mapping import (
    aware,
    patient_details,
    stored_case,
)
from her2desk.store.saved_case import saved_case
from her2desk.store.schema import AuditRow, Case, Patient
from her2desk.store.users import acting_user

MAX_PAGE = 1000


class CaseService:
    """Check, save and read cases for one user of one database.

    Without an `actor` the service writes as the local user (`user`, default "local"): the
    single-workstation mode without sign-in, as before accounts existed. It may enter and edit cases that are
    not signed out but can never sign out, adjudicate or amend (those need an `Actor` with a user id,
    see `signout_service`). With an `actor`, every save re-reads that user's role from the database,
    refuses roles that may not edit, and records the user as the one who entered the results when the
    save changes a result field (`domain.result_fields`; a block number or an address is not one).
    In both modes a signed-out case is read-only until it is amended, and saving changed results
    voids an earlier adjudication (the pathologist must adjudicate the new results again).
    """

    def __init__(
        self,
        database: Database,
        user: str = "local",
        settings: GuidelineSettings = DEFAULT_SETTINGS,
        *,
        actor: Actor | None = None,
        today: Callable[[], date] = date.today,
    ):
        self.database = database
        self.today = today  # the workstation's date: the year an automatic accession number carries
        self.actor = actor
        self._local_user = user
        self.settings = settings
        self._count_hint: tuple[tuple[int, int], float] | None = None

    @property
    def user(self) -> str:
        """The name this service's writes are recorded under: the signed-in user's, or the local user
        of a database without accounts. Read-only: a write records the name its proven session has
        in the database (`_editor`), never one set on the service."""
        return self.actor.username if self.actor is not None else self._local_user

    def _editor(self, connection: Connection) -> tuple[int | None, str]:
        """(user id, name) of who edits, read in the write's own transaction: the signed-in user once
        their session is proven and their current role allows editing, with the name the database
        holds for them; (None, the local user) for a database without accounts (refused once
        accounts exist)."""
        current = acting_user(connection, self.actor)
        if current is None:
            return None, self._local_user
        reasons = role_refusals(current, Action.EDIT)
        if reasons:
            raise WorkflowError(reasons)
        return current.user_id, current.username

    # -- writing -------------------------------------------------------------------------------

    def check(
        self, entry: CaseEntry, today: date | None = None, *, kept_metastatic_site: str | None = None
    ) -> CaseCheck:
        """`check_case` with this service's rule settings; `kept_metastatic_site` is the site stored for
        the case being edited (free text from before the list of sites is kept, not refused)."""
        return check_case(entry, today, self.settings, kept_metastatic_site=kept_metastatic_site)

    def save(self, entry: CaseEntry, expected_version: int | None) -> StoredCase:
        """Validate, interpret and store `entry`.

        `expected_version` None means a new case; otherwise it is the version the user's copy was
        loaded at, and a save over anyone else's later change raises CaseConflictError. A save over a
        signed-out case (or by a signed-in user whose role may not edit) raises WorkflowError and
        writes nothing. A new case with an empty accession gets the next automatic number when the lab
        set an accession pattern (`services.accession_numbers`); the StoredCase returned carries it.
        """
        kept = None
        if expected_version is not None and is_legacy(entry.specimen.metastatic_site):
            # Free text from before the list may stay as it is stored (never rewritten silently). A
            # change made meanwhile changes the version too, so the save is refused as a conflict.
            stored = self.load(entry.accession)
            kept = stored.entry.specimen.metastatic_site if stored is not None else None
        numbering = accession_numbers.wants_number(entry, expected_version)
        pattern = self.accession_pattern() if numbering else None
        checked = entry if pattern is None else accession_numbers.sample_entry(entry, pattern, self.today())
        check = self.check(checked, kept_metastatic_site=kept)
        if check.errors:
            raise CaseInvalidError(check.errors)
        for attempt in range(3):
            try:
                if numbering:
                    return self._insert(entry, check, utc_now(), numbered=True)
                return self._save_once(entry, expected_version, check)
            except self._integrity_errors():
                # A concurrent writer (PostgreSQL) inserted the same accession or MRN first.
                if expected_version is None and self.load(entry.accession) is not None:
                    raise self._duplicate(entry.accession) from None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def accession_pattern(self) -> AccessionPattern | None:
        """The lab's automatic accession pattern now (None: off; every new case needs a typed one)."""
        with self.database.engine.connect() as connection:
            return accession_numbers.pattern_in_force(connection)

    def _save_once(self, entry: CaseEntry, expected_version: int | None, check: CaseCheck) -> StoredCase:
        now = utc_now()
        if expected_version is None:
            return self._insert(entry, check, now)
        with self.database.write_engine.begin() as connection:
            editor, who = self._editor(connection)
            check, rules = rule_settings.under_lab_rules(connection, entry, check, who, now)
            try:
                header = update_case(
                    connection,
                    entry,
                    check.interpretation,
                    who,
                    now,
                    expected_version,
                    editor,
                    settings=rules,
                )
            except CaseMissingError:
                raise CaseInvalidError(
                    (
                        Problem(
                            "accession",
                            Phrase(
                                "case {accession} is not stored; it cannot be updated",
                                accession=entry.accession,
                            ),
                        ),
                    )
                ) from None
            except VersionMismatchError as stale:
                raise CaseConflictError(
                    entry.accession, stale.changed_by, aware(stale.changed_at), stale.current_version
                ) from None
            # Read in the same transaction as the write; raising rolls the write back.
            refused = transition_refusals(SignOutState(header.signout_state), Action.EDIT)
            if refused:
                raise WorkflowError(refused)
            _refuse_same_observer(connection, check, header.first_count_by, header.recount_by)
            if header.voids_adjudication:
                self._void_adjudication(connection, header, who, now)
        # What the save wrote and read is the case as stored: no second transaction to read it back.
        return saved_case(header, entry, check.interpretation, who, now)

    def _void_adjudication(self, connection: Connection, header: CaseHeader, who: str, now: datetime) -> None:
        """Changed results void an earlier adjudication (it judged the old results); audited. The
        adjudication is the one `update_case` read in this transaction, with the row locked."""
        table = Case.__table__
        row = header.signoff
        assert row is not None
        case_id = header.case_id
        cleared = {
            "adjudicated_status": None,
            "adjudication_reason": None,
            "adjudicated_by_user_id": None,
            "adjudicated_at": None,
        }
        connection.execute(update(table).where(table.c.id == case_id).values(**cleared))
        record_event(
            connection,
            at=now,
            who=who,
            action="update",
            table="her2_case",
            record=str(case_id),
            case_id=case_id,
            patient_id=row.patient_id,
            old={
                "adjudicated_status": row.adjudicated_status,
                "adjudication_reason": row.adjudication_reason,
            },
            new={"adjudicated_status": None, "adjudication_reason": None},
        )

    def _insert(
        self, entry: CaseEntry, check: CaseCheck, now: datetime, *, numbered: bool = False
    ) -> StoredCase:
        """A new case: a few driver-level statements (see `store.case_writer`). `numbered`: the entry's
        empty accession gets the lab pattern's next number, drawn first in the transaction (before the
        rules are recorded or anything is audited: the counter row is locked before the chain head)."""
        with self.database.write_engine.begin() as connection:
            editor, who = self._editor(connection)
            if numbered:
                entry = self._numbered(connection, entry)
            check, rules = rule_settings.under_lab_rules(connection, entry, check, who, now)
            if entry.ish.first is not None and entry.ish.second is not None:
                _refuse_same_observer(connection, check, editor, editor)
            try:
                case_id = insert_new_case(connection, entry, check.interpretation, who, now, editor)
            except AccessionTakenError:
                raise self._duplicate(entry.accession) from None
        counter = who if editor is not None else None
        return StoredCase(
            case_id=case_id,
            entry=entry,
            interpretation=check.interpretation,
            version=1,
            signout_state=SignOutState.ENTERED,
            created_at=aware(now),
            created_by=who,
            updated_at=aware(now),
            updated_by=who,
            entered_by_user_id=editor,
            # A new case reports its engine result: nothing is adjudicated yet (as the writer stores it).
            reported_result=report(
                check.interpretation,
                site=entry.specimen.site,
                ihc=entry.ihc.score,
                stained_pct=entry.ihc.stained_pct,
                scoring_criteria=entry.specimen.scoring_criteria,
                settings=rules,
            ),
            first_count_by_user_id=editor if entry.ish.first is not None else None,
            recount_by_user_id=editor if entry.ish.second is not None else None,
            first_count_by=counter if entry.ish.first is not None else None,
            recount_by=counter if entry.ish.second is not None else None,
        )

    def _numbered(self, connection: Connection, entry: CaseEntry) -> CaseEntry:
        pattern = accession_numbers.pattern_in_force(connection)  # as it is now, not as it was read
        if pattern is None:  # the pattern was cleared since the save began: as without one
            raise CaseInvalidError((Problem("accession", "Accession number is required"),))
        return accession_numbers.numbered(connection, entry, pattern, self.today())

    def import_cases(self, entries: Sequence[CaseEntry]) -> int:
        """Store new cases all-or-nothing: one transaction; any invalid or duplicate case stores none.
        The transaction holds the write lock throughout, so it announces itself first: a workstation
        that gives up waiting is told who is importing (`store.busy`), not "database is locked"."""
        checks = [self.check(entry) for entry in entries]
        for check in checks:
            if check.errors:
                raise CaseInvalidError(check.errors)
        now = utc_now()
        what = f"{self.user} is importing {len(entries)} cases"
        try:
            with (
                announced(self.database.write_engine, what),
                self.database.write_engine.begin() as connection,
            ):
                editor, who = self._editor(connection)
                checks = rule_settings.all_under_lab_rules(connection, entries, checks, who, now)
                for entry, check in zip(entries, checks, strict=True):
                    if entry.ish.first is not None and entry.ish.second is not None:
                        _refuse_same_observer(connection, check, editor, editor)
                    try:
                        insert_new_case(connection, entry, check.interpretation, who, now, editor)
                    except AccessionTakenError:
                        raise self._duplicate(entry.accession) from None
        except self._integrity_errors():
            problem = Problem("accession", "another workstation stored some of these cases at the same time")
            raise CaseInvalidError((problem,)) from None
        return len(entries)

    def _integrity_errors(self) -> tuple[type[Exception], ...]:
        # The case writer talks to the driver directly, so its errors are the driver's own classes.
        return (IntegrityError, self.database.engine.dialect.loaded_dbapi.IntegrityError)

    def _duplicate(self, accession: str) -> CaseInvalidError:
        return CaseInvalidError(
            (
                Problem(
                    "accession",
                    Phrase(
                        "accession {accession} is already stored; open that case to change it",
                        accession=accession,
                    ),
                ),
            )
        )

    # -- reading -------------------------------------------------------------------------------

    def existing_accessions(self, accessions: Iterable[str]) -> set[str]:
        """Which of `accessions` are already stored (in chunks, so any number can be asked)."""
        wanted = list(dict.fromkeys(accessions))
        found: set[str] = set()
        with self.database.reader() as session:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                found.update(session.scalars(select(Case.accession).where(Case.accession.in_(chunk))))
        return found

    def iter_cases(self, batch: int = 500) -> Iterator[StoredCase]:
        """Every case in id order, read in batches by key so memory stays flat for any database size."""
        last_id = 0
        while True:
            with self.database.reader() as session:
                statement = select(Case).where(Case.id > last_id).order_by(Case.id).limit(batch)
                cases = [stored_case(c) for c in session.scalars(statement).unique()]
            if not cases:
                return
            yield from cases
            last_id = cases[-1].case_id

    def load(self, accession: str) -> StoredCase | None:
        with self.database.reader() as session:
            case = session.scalars(select(Case).where(Case.accession == accession)).unique().one_or_none()
            return stored_case(case) if case else None

    def load_by_id(self, case_id: int) -> StoredCase | None:
        with self.database.reader() as session:
            case = session.get(Case, case_id)
            return stored_case(case) if case else None

    def find_patient(self, mrn: str) -> PatientDetails | None:
        with self.database.reader() as session:
            patient = session.scalars(select(Patient).where(Patient.mrn == mrn)).one_or_none()
            return patient_details(patient) if patient else None

    def worklist_count(self, query: WorklistQuery) -> int:
        with self.database.reader() as session:
            return int(session.execute(queries.count_statement(query)).scalar_one())

    def worklist_page(
        self,
        query: WorklistQuery,
        offset: int,
        limit: int,
        *,
        after: int | None = None,
        before: int | None = None,
        total: int | None = None,
    ) -> list[WorklistRow]:
        """`limit` rows from position `offset`. Deep pages need not count rows from the start: `after`
        (the case id of the row just before the page) or `before` (of the row just after it) starts
        from that row's sort key; `total` (the query's count) lets a page near the end be counted from
        the end. Without them, or if the anchor case is gone, the page is read by its offset."""
        limit, offset = max(0, min(limit, MAX_PAGE)), max(0, offset)
        with self.database.reader() as session:
            # Core statements run on the session's connection: the ORM's execution path (entity
            # loading, result wrapping) cost as much as a warm search's SQL and served nothing here.
            connection = session.connection()
            if self.database.dialect == "postgresql":
                # One page is a LIMIT 50 walk; starting parallel workers costs more than it saves.
                connection.execute(text_sql("SET LOCAL max_parallel_workers_per_gather = 0"))
            text = query.text.strip()
            plan = (
                queries.plan_text_search(connection, text, *self._count_hints(connection)) if text else None
            )
            if plan is not None and not plan.branches:
                return []
            anchor = after if after is not None else before
            key = (
                None
                if anchor is None
                else connection.execute(queries.anchor_statement(query, anchor)).first()
            )
            if key is not None:
                ids = queries.keyset_page_ids(
                    connection, query, tuple(key), limit, plan, reverse=after is None
                )
            elif total is not None and total - offset - limit < offset:
                from_end = total - offset - limit  # the page counted from the end, in reverse order
                if limit + min(0, from_end) <= 0:
                    return []
                statement, params = queries.prepared_page_ids(
                    query, max(0, from_end), limit + min(0, from_end), plan=plan, reverse=True
                )
                ids = list(connection.execute(statement, params).scalars().all())[::-1]
            else:
                statement, params = queries.prepared_page(query, offset, limit, plan=plan)
                return [queries.worklist_row(r) for r in connection.execute(statement, params).all()]
            if not ids:
                return []
            statement, params = queries.prepared_rows(ids)
            found = {r[0]: r for r in connection.execute(statement, params)}
            return [queries.worklist_row(found[i]) for i in ids if i in found]

    def _count_hints(self, session: Session | Connection) -> tuple[int, int]:
        """Roughly how many cases and patients there are (the highest ids), re-read at most once a minute."""
        now = time.monotonic()
        if self._count_hint is None or now - self._count_hint[1] > 60:
            cases = session.execute(select(func.max(Case.id))).scalar_one() or 0
            patients = session.execute(select(func.max(Patient.id))).scalar_one() or 0
            self._count_hint = ((int(cases), int(patients)), now)
        return self._count_hint[0]

    def patient_history(self, mrn: str) -> list[StoredCase]:
        """Every case of the patient, oldest collection first (undated first), then in the order entered."""
        from her2desk.store.schema import Specimen

        with self.database.reader() as session:
            statement = (
                select(Case)
                .join(Patient, Case.patient_id == Patient.id)
                .join(Specimen, Specimen.case_id == Case.id)
                .where(Patient.mrn == mrn)
                .order_by(Specimen.collected_on.asc().nulls_first(), Case.id.asc())
            )
            return [stored_case(c) for c in session.scalars(statement).unique()]

    def audit_for_case(self, accession: str) -> list[AuditEntry]:
        """The case's audit trail (its rows and its patient's), oldest first."""
        with self.database.reader() as session:
            case = session.scalars(select(Case).where(Case.accession == accession)).unique().one_or_none()
            if case is None:
                return []
            statement = (
                select(AuditRow)
                .where(
                    or_(
                        AuditRow.case_id == case.id,
                        (AuditRow.table_name == "patient") & (AuditRow.patient_id == case.patient_id),
                    )
                )
                .order_by(AuditRow.id)
            )
            return [
                AuditEntry(
                    when=aware(a.at),
                    who=a.who,
                    action=a.action,
                    table=a.table_name,
                    record=a.record,
                    old=json.loads(a.old) if a.old else None,
                    new=json.loads(a.new) if a.new else None,
                )
                for a in session.scalars(statement)
            ]

    def check_database(self, quick: bool = True) -> list[str]:
        """SQLite's quick_check (or full integrity_check); empty list = ok.

        Reads the whole file, so the GUI runs it in the background after its window is up, never on
        the start-up path.
        """
        return integrity_problems(self.database.engine, quick=quick)

    def is_demo(self) -> bool:
        return self.database.is_demo()

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> CaseService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _refuse_same_observer(
    connection: Connection, check: CaseCheck, first_by: int | None, recount_by: int | None
) -> None:
    """Refuse (rolling the write back) a blinded recount the guideline used that was entered by the
    person who entered the first count, unless the lab allows one person to make both counts. A recount
    the guideline does not use (groups 1 and 5, IHC not 2+) is not an observer's call and is not checked."""
    if check.interpretation.recount_group is None or not blinded_recount.same_observer(first_by, recount_by):
        return
    policy = read_lab_settings(connection)[0].blinded_recount_policy
    refused = blinded_recount.refusals(first_by, recount_by, policy)
    if refused:
        raise WorkflowError(refused)


def open_case_service(url: str | None, user: str = "local", *, lean: bool = False) -> CaseService:
    """Open (creating or upgrading if needed) the database at `url` and return its service; `lean`
    opens memory-lean SQLite connections (the desktop program's choice, see `engine.make_engine`)."""
    return CaseService(open_database(url, lean=lean), user)
