"""Sign-out, adjudication, amendment and handout records: the enforcement point.

Every call re-reads the actor's role from the database by user id, takes the case row for writing,
checks the optimistic-lock version, asks `domain.workflow` whether the action is allowed (the guards
live there; nothing is re-implemented here), and writes the change and its audit row in one
transaction. A caller (GUI, CLI, script) cannot get around this: it never passes a role.

Audit rows written here (table `her2_case`, record = case id, `who` = the user name):
`sign-out`, `adjudicate`, `amend`, `handout` (each with the changed columns in old/new). A refused
sign-out, adjudication or amendment changes nothing; it is audited afterwards, in its own transaction,
as `sign-out-refused`, `adjudicate-refused` or `amend-refused` with new = {"reasons": [...]}, and a
wrong signature password as `signature-failed` (both, when both apply). Every signature's password is
checked before the write lock is taken and counts towards the account's lock like a sign-in
(`AuthService.check_signature`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from her2desk.domain import workflow
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.phrases import Phrase
from her2desk.domain.records import CaseConflictError, SignOutState
from her2desk.domain.reported_result import reported_descriptor
from her2desk.domain.vocabulary import IhcScore, Status
from her2desk.domain.workflow import Actor, CaseFacts, SignOutPolicy, WorkflowError
from her2desk.services.auth_service import ANONYMOUS, AuthService, SignatureCheck
from her2desk.services.lab_settings_service import read_lab_settings
from her2desk.store.audit import amend_event, record_event, sign_out_event, to_json, utc_now, write_events
from her2desk.store.database import Database
from her2desk.store.mapping import aware
from her2desk.store.patient_rows import supersede_handouts
from her2desk.store.signout_rows import (
    case_version_rows,
    frozen_version,
    handout_print_rows,
    signature_rows,
    user_display_name,
    workflow_case_row,
    write_case_state,
    write_case_version,
    write_handout_print,
    write_signature,
)
from her2desk.store.snapshots import (
    ADJUDICATION_MEANING,
    AMENDMENT_MEANING,
    SIGNATURE_MEANING,
)
from her2desk.store.users import acting_user, current_actor

LOCAL_USER = "local"
# `handout_print.document` of a chart report print (NULL: a patient handout).
REPORT_DOCUMENT = "report"
# What a refusal of each signed action says was not done (as `workflow.signature_given` says it).
SIGNATURE_NOT_DONE = {
    "sign-out": workflow.NOT_SIGNED_OUT,
    "adjudicate": workflow.NOT_ADJUDICATED,
    "amend": workflow.NOT_AMENDED,
}


class CaseNotFoundError(LookupError):
    pass


@dataclass(frozen=True)
class WorkflowResult:
    accession: str
    version: int  # the new optimistic-lock version
    report_version: int
    state: SignOutState


@dataclass(frozen=True)
class CaseVersion:
    """One report version of a case: signed-out versions from the store, plus the current one."""

    report_version: int
    state: SignOutState
    snapshot: dict[str, Any]
    amendment_reason: str | None
    signed_out_by: str | None
    signed_out_at: datetime | None


@dataclass(frozen=True)
class HandoutRecord:
    report_version: int
    printed_by: str
    printed_at: datetime
    language: str
    rules_version: str
    sha256: str
    preliminary: bool
    superseded: bool


class SignOutService:
    """`policy` overrides the lab's setting (tests, scripts); None, the default, reads the lab's
    self-verification setting inside each sign-out transaction, so an administrator's change applies
    at once on every workstation and cannot race a sign-out."""

    def __init__(self, database: Database, policy: SignOutPolicy | None = None) -> None:
        self.database = database
        self.policy = policy
        self.auth = AuthService(database)

    def rules(self, connection: Connection) -> GuidelineSettings:
        """The lab's rule settings in force, read in the caller's transaction (`services.rule_settings`)."""
        from her2desk.services.rule_settings import read_rule_settings

        return read_rule_settings(connection)[0]

    def self_verification_allowed(self) -> bool:
        """Whether whoever entered the results may sign them out (for warnings shown before an edit)."""
        if self.policy is not None:
            return self.policy.allow_self_verification
        with self.database.engine.connect() as connection:
            return self._policy(connection).allow_self_verification

    def standing_refusals(
        self, actor: Actor, accession: str, action: workflow.Action, expected_version: int
    ) -> list[str]:
        """Why `action` (sign-out, adjudication or amendment) would be refused now whatever password
        is typed and however the rest of the form is filled in: the session, the role as the database
        holds it, the case's state, who entered it, its result, the lab's self-verification setting
        (`workflow.standing_refusals`). Empty: only the form and the password are left to decide.

        Read-only, for a dialog to say so before asking for a password that cannot help: nothing is
        locked or written, no audit row, no attempt counted. Like the action itself, raises
        CaseNotFoundError for a case not stored and CaseConflictError when it changed since
        `expected_version`. The action checks everything again when it is asked."""
        with self.database.engine.connect() as connection:
            try:
                current = current_actor(connection, actor)
            except WorkflowError as refused:
                return refused.reasons
            row = self._case_row(connection, accession)
            self._check_version(accession, row, expected_version)
            return workflow.standing_refusals(current, self._facts(row), action, self._policy(connection))

    # -- helpers -------------------------------------------------------------------------------

    def _case_row(self, connection: Connection, accession: str) -> Any:
        row = workflow_case_row(connection, accession)
        if row is None:
            raise CaseNotFoundError(Phrase("case {accession} is not stored", accession=accession))
        return row

    def _policy(self, connection: Connection) -> SignOutPolicy:
        if self.policy is not None:
            return self.policy
        settings, _problems = read_lab_settings(connection)  # an unreadable value: the cautious default
        return settings.signout_policy

    @staticmethod
    def _facts(row: Any) -> CaseFacts:
        return CaseFacts(
            state=SignOutState(row.signout_state),
            entered_by=row.entered_by_user_id,
            engine_status=row.status,
            adjudicated_status=row.adjudicated_status,
            ihc=row.score if isinstance(row.score, IhcScore) or row.score is None else IhcScore(row.score),
            ish_group=row.ish_group,
        )

    @staticmethod
    def _check_version(accession: str, row: Any, expected_version: int) -> None:
        if row.version != expected_version:
            raise CaseConflictError(accession, row.updated_by, aware(row.updated_at), row.version)

    @staticmethod
    def _write_case(
        connection: Connection, accession: str, row: Any, values: dict[str, Any], who: str, now: datetime
    ) -> int:
        new_version = write_case_state(connection, row.id, row.version, values, who, now)
        if new_version is None:
            raise CaseConflictError(accession, row.updated_by, aware(row.updated_at), row.version)
        return new_version

    @staticmethod
    def _sign(
        connection: Connection,
        case_id: int,
        report_version: int,
        signer: Actor,
        now: datetime,
        meaning: str,
        display_name: str | None = None,
    ) -> None:
        """One electronic signature: who signed which report version, when, and what it means."""
        if display_name is None:
            display_name = user_display_name(connection, signer.user_id)
        write_signature(connection, case_id, report_version, signer, now, meaning, display_name)

    # -- actions -------------------------------------------------------------------------------

    def sign_out(self, actor: Actor, accession: str, password: str, expected_version: int) -> WorkflowResult:
        """Sign the case out with an electronic signature (the actor's password re-entered).

        A refusal changes nothing; it is audited afterwards (`signature-failed` for a wrong password,
        `sign-out-refused` with the other reasons)."""
        now = utc_now()
        return self._signed(
            actor, accession, "sign-out", password, now,
            lambda check: self._sign_out(actor, accession, check, expected_version, now),
        )  # fmt: skip

    def _signed(
        self,
        actor: Actor,
        accession: str,
        action: str,
        password: str,
        now: datetime,
        run: Callable[[SignatureCheck], WorkflowResult],
        *,
        refused_before_signing: list[str] | None = None,
    ) -> WorkflowResult:
        """Check the signature's password outside the write lock (refused unchecked while the account
        must wait or is locked), then `run` the action's transaction with the result; audit a refusal.

        `refused_before_signing`: what is wrong with the request whatever the password (a reason too
        short): refused before the password is checked, so a form the user must correct anyway never
        spends one of their attempts."""
        check: SignatureCheck | None = None
        try:
            if refused_before_signing:
                raise WorkflowError(refused_before_signing)
            check = self.auth.check_signature(actor, password, SIGNATURE_NOT_DONE[action])
            return run(check)
        except WorkflowError as refused:
            self._record_refusal(actor, accession, action, refused.reasons, now, signature=check)
            if check is not None and check.notice:  # the wait before the next attempt, or the lock
                raise WorkflowError([*refused.reasons, check.notice]) from None
            raise

    def _record_refusal(
        self,
        actor: Actor,
        accession: str,
        action: str,
        reasons: list[str],
        now: datetime,
        *,
        signature: SignatureCheck | None = None,
    ) -> None:
        """Audit a refused action in a transaction of its own (the refused one was rolled back).

        `who` is the user's name as the database holds it (the caller's claim only if the user row is
        gone). With `signature` (a sign-out whose password was checked), a wrong one is recorded as
        `signature-failed`, and `<action>-refused` carries the remaining reasons, if any."""
        with self.database.write_engine.begin() as connection:
            try:
                row = self._case_row(connection, accession)
            except CaseNotFoundError:
                return  # no case to attach the row to; the caller's error says so
            try:  # only a proven session names a person; a bare claim is recorded as a claim
                who = current_actor(connection, actor).username
            except WorkflowError:
                who, signature = f"{ANONYMOUS} claiming user id {actor.user_id}", None
            event = {"at": now, "who": who, "table": "her2_case", "record": str(row.id), "case_id": row.id,
                     "patient_id": row.patient_id}  # fmt: skip
            other = list(reasons)
            if signature is not None and not self.auth.signature_still_valid(connection, signature):
                record_event(connection, action="signature-failed", **event)
                other = [r for r in other if not r.startswith(workflow.WRONG_PASSWORD)]
            if other:
                record_event(connection, action=f"{action}-refused", new={"reasons": other}, **event)

    def _sign_out(
        self, actor: Actor, accession: str, signature: SignatureCheck, expected_version: int, now: datetime
    ) -> WorkflowResult:
        with self.database.write_engine.begin() as connection:
            current = current_actor(connection, actor)
            row = self._case_row(connection, accession)
            self._check_version(accession, row, expected_version)
            password_ok = self.auth.signature_still_valid(connection, signature)
            state = workflow.sign_out(
                current, self._facts(row), password_ok=password_ok, policy=self._policy(connection)
            )
            display_name = user_display_name(connection, current.user_id)
            version = self._write_case(
                connection,
                accession,
                row,
                {
                    "signout_state": state.value,
                    "signed_out_by_user_id": current.user_id,
                    "signed_out_at": now,
                },
                current.username,
                now,
            )
            self._sign(connection, row.id, row.report_version, current, now, SIGNATURE_MEANING, display_name)
            frozen, amendment_reason = frozen_version(connection, row.id)
            snapshot = to_json(frozen)
            assert snapshot is not None  # a stored case always freezes to a document
            write_case_version(
                connection,
                case_id=row.id,
                report_version=row.report_version,
                state=state.value,
                snapshot=snapshot,
                amendment_reason=amendment_reason if row.report_version > 1 else None,
                signed_out_by=current.username,
                signed_out_at=now,
            )
            event = sign_out_event(
                now, current.username, row.id, row.patient_id,
                old_state=row.signout_state, old_version=row.version, state=state.value, version=version,
                report_version=row.report_version, meaning=SIGNATURE_MEANING,
            )  # fmt: skip
            write_events(connection, [event])
        return WorkflowResult(accession, version, row.report_version, state)

    def adjudicate(
        self,
        actor: Actor,
        accession: str,
        final_status: Status,
        reason: str,
        expected_version: int,
        *,
        password: str,
    ) -> WorkflowResult:
        """Record the pathologist's final status and reason next to the engine's interpretation,
        signed with their password (an electronic signature meaning "adjudicated"): it decides the
        reported result. A refusal is audited as `adjudicate-refused` (and `signature-failed`)."""
        now = utc_now()
        return self._signed(
            actor, accession, "adjudicate", password, now,
            lambda check: self._adjudicate(
                actor, accession, final_status, reason, expected_version, check, now
            ),
            refused_before_signing=workflow.reason_given(reason, workflow.AN_ADJUDICATION),
        )  # fmt: skip

    def _adjudicate(
        self,
        actor: Actor,
        accession: str,
        final_status: Status,
        reason: str,
        expected_version: int,
        signature: SignatureCheck,
        now: datetime,
    ) -> WorkflowResult:
        with self.database.write_engine.begin() as connection:
            current = current_actor(connection, actor)
            row = self._case_row(connection, accession)
            self._check_version(accession, row, expected_version)
            password_ok = self.auth.signature_still_valid(connection, signature)
            state = workflow.adjudicate(
                current, self._facts(row), final=final_status, reason=reason, password_ok=password_ok
            )
            descriptor = reported_descriptor(
                site=row.site,
                ihc=row.score,
                stained_pct=row.stained_pct,
                engine_status=row.status,
                engine_descriptor=row.descriptor,
                adjudicated_status=final_status,
                scoring_criteria=row.scoring_criteria,
                settings=self.rules(connection),
            )
            values = {
                "adjudicated_status": final_status.value,
                "adjudication_reason": reason.strip(),
                "adjudicated_by_user_id": current.user_id,
                "adjudicated_at": now,
                "reported_status": final_status.value,
                "reported_descriptor": descriptor.value if descriptor else None,
            }
            version = self._write_case(connection, accession, row, values, current.username, now)
            self._sign(connection, row.id, row.report_version, current, now, ADJUDICATION_MEANING)
            old_status = row.adjudicated_status
            record_event(
                connection,
                at=now,
                who=current.username,
                action="adjudicate",
                table="her2_case",
                record=str(row.id),
                case_id=row.id,
                patient_id=row.patient_id,
                old={"adjudicated_status": getattr(old_status, "value", old_status), "version": row.version},
                new={
                    "adjudicated_status": final_status.value,
                    "adjudication_reason": reason.strip(),
                    "engine_status": getattr(row.status, "value", row.status),
                    "reported_status": final_status.value,
                    "reported_descriptor": descriptor.value if descriptor else None,
                    "version": version,
                },
            )
        return WorkflowResult(accession, version, row.report_version, state)

    def amend(
        self, actor: Actor, accession: str, reason: str, expected_version: int, *, password: str
    ) -> WorkflowResult:
        """Open a signed-out case for correction as a new report version, signed with the pathologist's
        password (an electronic signature meaning "amended"); earlier handouts are superseded.
        A refusal is audited as `amend-refused` (and `signature-failed`)."""
        now = utc_now()
        return self._signed(
            actor, accession, "amend", password, now,
            lambda check: self._amend(actor, accession, reason, expected_version, check, now),
            refused_before_signing=workflow.reason_given(reason, workflow.AN_AMENDMENT),
        )  # fmt: skip

    def _amend(
        self,
        actor: Actor,
        accession: str,
        reason: str,
        expected_version: int,
        signature: SignatureCheck,
        now: datetime,
    ) -> WorkflowResult:
        with self.database.write_engine.begin() as connection:
            current = current_actor(connection, actor)
            row = self._case_row(connection, accession)
            self._check_version(accession, row, expected_version)
            password_ok = self.auth.signature_still_valid(connection, signature)
            state = workflow.amend(current, self._facts(row), reason=reason, password_ok=password_ok)
            report_version = row.report_version + 1
            values = {
                "signout_state": state.value,
                "report_version": report_version,
                "amendment_reason": reason.strip(),
                "amended_by_user_id": current.user_id,
                "amended_at": now,
                "signed_out_by_user_id": None,
                "signed_out_at": None,
            }
            version = self._write_case(connection, accession, row, values, current.username, now)
            self._sign(connection, row.id, report_version, current, now, AMENDMENT_MEANING)
            superseded = supersede_handouts(connection, [row.id])
            event = amend_event(
                now, current.username, row.id, row.patient_id,
                old_state=row.signout_state, old_report_version=row.report_version, old_version=row.version,
                state=state.value, report_version=report_version, version=version, reason=reason.strip(),
                handouts_superseded=superseded,
            )  # fmt: skip
            write_events(connection, [event])
        return WorkflowResult(accession, version, report_version, state)

    def record_handout(
        self,
        actor: Actor | None,
        accession: str,
        language: str,
        sha256: str,
        rules_version: str,
        *,
        preliminary: bool = False,
        document: str | None = None,
    ) -> HandoutRecord:
        """Record a printed handout. Final handouts need a signed-out case; a preliminary one does not.
        `actor` None is the local (no sign-in) user of a single-workstation install. `document`
        REPORT_DOCUMENT records a chart report print instead (audited as "report")."""
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            current = acting_user(connection, actor)
            who = current.username if current else LOCAL_USER
            row = self._case_row(connection, accession)
            if not preliminary and SignOutState(row.signout_state) is not SignOutState.SIGNED_OUT:
                raise WorkflowError(
                    [
                        Phrase(
                            "case {accession} is not signed out; only a preliminary handout may be printed",
                            accession=accession,
                        )
                    ]
                )
            values = {
                "case_id": row.id,
                "report_version": row.report_version,
                "user_id": current.user_id if current else None,
                "printed_by": who,
                "printed_at": now,
                "language": language,
                "rules_version": rules_version,
                "sha256": sha256,
                "preliminary": preliminary,
                "superseded": False,
                "document": document,
            }
            write_handout_print(connection, values)
            record_event(
                connection,
                at=now,
                who=who,
                action="report" if document == REPORT_DOCUMENT else "handout",
                table="her2_case",
                record=str(row.id),
                case_id=row.id,
                patient_id=row.patient_id,
                new={k: values[k] for k in ("report_version", "language", "rules_version", "sha256",
                                            "preliminary")},
            )  # fmt: skip
        return HandoutRecord(row.report_version, who, aware(now), language, rules_version, sha256,
                             preliminary, False)  # fmt: skip

    # -- reading -------------------------------------------------------------------------------

    def case_versions(self, accession: str) -> list[CaseVersion]:
        """Every signed-out report version (oldest first), then the current one if it is not signed out."""
        with self.database.engine.connect() as connection:
            found = case_version_rows(connection, accession)
        if found is None:
            raise CaseNotFoundError(Phrase("case {accession} is not stored", accession=accession))
        rows, current = found
        versions = [
            CaseVersion(
                r.report_version,
                SignOutState(r.state),
                json.loads(r.snapshot),
                r.amendment_reason,
                r.signed_out_by,
                aware(r.signed_out_at),
            )
            for r in rows
        ]
        if not versions or versions[-1].report_version != current.report_version:
            versions.append(
                CaseVersion(
                    current.report_version,
                    SignOutState(current.state),
                    current.snapshot,
                    current.amendment_reason if current.report_version > 1 else None,
                    None,
                    None,
                )
            )
        return versions

    def handouts(self, accession: str, document: str | None = None) -> list[HandoutRecord]:
        """The patient handouts printed of a case; `document` REPORT_DOCUMENT: its chart reports."""
        with self.database.engine.connect() as connection:
            rows = handout_print_rows(connection, accession, document)
        return [
            HandoutRecord(h.report_version, h.printed_by, aware(h.printed_at), h.language,
                          h.rules_version, h.sha256, bool(h.preliminary), bool(h.superseded))
            for h in rows
        ]  # fmt: skip

    def signatures(self, accession: str) -> list[tuple[int, str, str, datetime, str]]:
        """(report version, user name, display name, time, meaning) of each electronic signature."""
        with self.database.engine.connect() as connection:
            rows = signature_rows(connection, accession)
        return [(r.report_version, r.username, r.display_name, aware(r.signed_at), r.meaning) for r in rows]
